from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.export_plan_format import ExportPlanFormat
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    plan_id: UUID,
    *,
    format_: ExportPlanFormat | Unset = ExportPlanFormat.JSON,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/plans/{plan_id}/export".format(
            plan_id=quote(str(plan_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    format_: ExportPlanFormat | Unset = ExportPlanFormat.JSON,
) -> Response[Any | Problem]:
    """Subject-access export (GDPR Art. 15), as JSON or a printable German document

     The person's data, the plan and every entry with who recorded it. A formal disclosure:
    the read is recorded whoever asks (`GET /v1/audit-log`, kind `read`).

    Args:
        plan_id (UUID):
        format_ (ExportPlanFormat | Unset): json or html Default: ExportPlanFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        plan_id=plan_id,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    format_: ExportPlanFormat | Unset = ExportPlanFormat.JSON,
) -> Any | Problem | None:
    """Subject-access export (GDPR Art. 15), as JSON or a printable German document

     The person's data, the plan and every entry with who recorded it. A formal disclosure:
    the read is recorded whoever asks (`GET /v1/audit-log`, kind `read`).

    Args:
        plan_id (UUID):
        format_ (ExportPlanFormat | Unset): json or html Default: ExportPlanFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        plan_id=plan_id,
        client=client,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    format_: ExportPlanFormat | Unset = ExportPlanFormat.JSON,
) -> Response[Any | Problem]:
    """Subject-access export (GDPR Art. 15), as JSON or a printable German document

     The person's data, the plan and every entry with who recorded it. A formal disclosure:
    the read is recorded whoever asks (`GET /v1/audit-log`, kind `read`).

    Args:
        plan_id (UUID):
        format_ (ExportPlanFormat | Unset): json or html Default: ExportPlanFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        plan_id=plan_id,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    format_: ExportPlanFormat | Unset = ExportPlanFormat.JSON,
) -> Any | Problem | None:
    """Subject-access export (GDPR Art. 15), as JSON or a printable German document

     The person's data, the plan and every entry with who recorded it. A formal disclosure:
    the read is recorded whoever asks (`GET /v1/audit-log`, kind `read`).

    Args:
        plan_id (UUID):
        format_ (ExportPlanFormat | Unset): json or html Default: ExportPlanFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            plan_id=plan_id,
            client=client,
            format_=format_,
        )
    ).parsed
