import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.plan_view import PlanView
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    plan_id: UUID,
    *,
    version: int | Unset = UNSET,
    as_of: datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["version"] = version

    json_as_of: str | Unset = UNSET
    if not isinstance(as_of, Unset):
        json_as_of = as_of.isoformat()
    params["as_of"] = json_as_of

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/plans/{plan_id}".format(
            plan_id=quote(str(plan_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PlanView | Problem | None:
    if response.status_code == 200:
        response_200 = PlanView.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PlanView | Problem]:
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
    version: int | Unset = UNSET,
    as_of: datetime.datetime | Unset = UNSET,
) -> Response[PlanView | Problem]:
    """A plan's state, now or as it was

     A read by an auditor or admin that shows personal data is recorded first (who, which plan and
    version, which endpoint, when, in which request) and appears in `GET /v1/audit-log` as kind `read`;
    if it cannot be recorded, the data is not shown (503). Reads by caseworkers, who work with the data
    daily, are not recorded.

    Args:
        plan_id (UUID):
        version (int | Unset): The state at this version; not with as_of (422
            invalid_version_and_as_of)
        as_of (datetime.datetime | Unset): The state as recorded at this RFC 3339 time; not with
            version

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanView | Problem]
    """

    kwargs = _get_kwargs(
        plan_id=plan_id,
        version=version,
        as_of=as_of,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    version: int | Unset = UNSET,
    as_of: datetime.datetime | Unset = UNSET,
) -> PlanView | Problem | None:
    """A plan's state, now or as it was

     A read by an auditor or admin that shows personal data is recorded first (who, which plan and
    version, which endpoint, when, in which request) and appears in `GET /v1/audit-log` as kind `read`;
    if it cannot be recorded, the data is not shown (503). Reads by caseworkers, who work with the data
    daily, are not recorded.

    Args:
        plan_id (UUID):
        version (int | Unset): The state at this version; not with as_of (422
            invalid_version_and_as_of)
        as_of (datetime.datetime | Unset): The state as recorded at this RFC 3339 time; not with
            version

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanView | Problem
    """

    return sync_detailed(
        plan_id=plan_id,
        client=client,
        version=version,
        as_of=as_of,
    ).parsed


async def asyncio_detailed(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    version: int | Unset = UNSET,
    as_of: datetime.datetime | Unset = UNSET,
) -> Response[PlanView | Problem]:
    """A plan's state, now or as it was

     A read by an auditor or admin that shows personal data is recorded first (who, which plan and
    version, which endpoint, when, in which request) and appears in `GET /v1/audit-log` as kind `read`;
    if it cannot be recorded, the data is not shown (503). Reads by caseworkers, who work with the data
    daily, are not recorded.

    Args:
        plan_id (UUID):
        version (int | Unset): The state at this version; not with as_of (422
            invalid_version_and_as_of)
        as_of (datetime.datetime | Unset): The state as recorded at this RFC 3339 time; not with
            version

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanView | Problem]
    """

    kwargs = _get_kwargs(
        plan_id=plan_id,
        version=version,
        as_of=as_of,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    version: int | Unset = UNSET,
    as_of: datetime.datetime | Unset = UNSET,
) -> PlanView | Problem | None:
    """A plan's state, now or as it was

     A read by an auditor or admin that shows personal data is recorded first (who, which plan and
    version, which endpoint, when, in which request) and appears in `GET /v1/audit-log` as kind `read`;
    if it cannot be recorded, the data is not shown (503). Reads by caseworkers, who work with the data
    daily, are not recorded.

    Args:
        plan_id (UUID):
        version (int | Unset): The state at this version; not with as_of (422
            invalid_version_and_as_of)
        as_of (datetime.datetime | Unset): The state as recorded at this RFC 3339 time; not with
            version

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanView | Problem
    """

    return (
        await asyncio_detailed(
            plan_id=plan_id,
            client=client,
            version=version,
            as_of=as_of,
        )
    ).parsed
