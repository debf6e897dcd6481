from http import HTTPStatus
from typing import Any, Literal

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.worklist import Worklist
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    caseworker: str | Unset = UNSET,
    include: Literal["personal"] | Unset = UNSET,
    min_position: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["caseworker"] = caseworker

    params["include"] = include

    params["min_position"] = min_position

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/worklist",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Worklist | None:
    if response.status_code == 200:
        response_200 = Worklist.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Worklist]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    caseworker: str | Unset = UNSET,
    include: Literal["personal"] | Unset = UNSET,
    min_position: int | Unset = UNSET,
) -> Response[Problem | Worklist]:
    """Overdue and due measures, plans without contact, advice periods ending

     Caseworkers get their own items (plans whose caseworker is their token's `sub`).

    Measures due within 14 days or overdue, open plans without a consultation for 90 days,
    and advice periods ending within 60 days, in due order, within the caller's municipalities.

    Args:
        caseworker (str | Unset): Admins: whose worklist (default: everyone's in scope).
            Caseworkers always get their own.
        include (Literal['personal'] | Unset): `personal`: auditors and admins get the display
            names too; each plan whose name is shown is recorded as a read of personal data (GET
            /v1/audit-log, kind `read`). Caseworkers always get the names of the plans in their scope.
        min_position (int | Unset): Wait (a few seconds at most, then 503 projection_lagging)
            until the read model has processed this global position, e.g. a write's `position`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Worklist]
    """

    kwargs = _get_kwargs(
        caseworker=caseworker,
        include=include,
        min_position=min_position,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    caseworker: str | Unset = UNSET,
    include: Literal["personal"] | Unset = UNSET,
    min_position: int | Unset = UNSET,
) -> Problem | Worklist | None:
    """Overdue and due measures, plans without contact, advice periods ending

     Caseworkers get their own items (plans whose caseworker is their token's `sub`).

    Measures due within 14 days or overdue, open plans without a consultation for 90 days,
    and advice periods ending within 60 days, in due order, within the caller's municipalities.

    Args:
        caseworker (str | Unset): Admins: whose worklist (default: everyone's in scope).
            Caseworkers always get their own.
        include (Literal['personal'] | Unset): `personal`: auditors and admins get the display
            names too; each plan whose name is shown is recorded as a read of personal data (GET
            /v1/audit-log, kind `read`). Caseworkers always get the names of the plans in their scope.
        min_position (int | Unset): Wait (a few seconds at most, then 503 projection_lagging)
            until the read model has processed this global position, e.g. a write's `position`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Worklist
    """

    return sync_detailed(
        client=client,
        caseworker=caseworker,
        include=include,
        min_position=min_position,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    caseworker: str | Unset = UNSET,
    include: Literal["personal"] | Unset = UNSET,
    min_position: int | Unset = UNSET,
) -> Response[Problem | Worklist]:
    """Overdue and due measures, plans without contact, advice periods ending

     Caseworkers get their own items (plans whose caseworker is their token's `sub`).

    Measures due within 14 days or overdue, open plans without a consultation for 90 days,
    and advice periods ending within 60 days, in due order, within the caller's municipalities.

    Args:
        caseworker (str | Unset): Admins: whose worklist (default: everyone's in scope).
            Caseworkers always get their own.
        include (Literal['personal'] | Unset): `personal`: auditors and admins get the display
            names too; each plan whose name is shown is recorded as a read of personal data (GET
            /v1/audit-log, kind `read`). Caseworkers always get the names of the plans in their scope.
        min_position (int | Unset): Wait (a few seconds at most, then 503 projection_lagging)
            until the read model has processed this global position, e.g. a write's `position`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Worklist]
    """

    kwargs = _get_kwargs(
        caseworker=caseworker,
        include=include,
        min_position=min_position,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    caseworker: str | Unset = UNSET,
    include: Literal["personal"] | Unset = UNSET,
    min_position: int | Unset = UNSET,
) -> Problem | Worklist | None:
    """Overdue and due measures, plans without contact, advice periods ending

     Caseworkers get their own items (plans whose caseworker is their token's `sub`).

    Measures due within 14 days or overdue, open plans without a consultation for 90 days,
    and advice periods ending within 60 days, in due order, within the caller's municipalities.

    Args:
        caseworker (str | Unset): Admins: whose worklist (default: everyone's in scope).
            Caseworkers always get their own.
        include (Literal['personal'] | Unset): `personal`: auditors and admins get the display
            names too; each plan whose name is shown is recorded as a read of personal data (GET
            /v1/audit-log, kind `read`). Caseworkers always get the names of the plans in their scope.
        min_position (int | Unset): Wait (a few seconds at most, then 503 projection_lagging)
            until the read model has processed this global position, e.g. a write's `position`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Worklist
    """

    return (
        await asyncio_detailed(
            client=client,
            caseworker=caseworker,
            include=include,
            min_position=min_position,
        )
    ).parsed
