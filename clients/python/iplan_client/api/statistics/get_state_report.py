import datetime
from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_state_report_format import GetStateReportFormat
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: datetime.date,
    to: datetime.date,
    format_: GetStateReportFormat | Unset = GetStateReportFormat.CSV,
    min_position: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to = to.isoformat()
    params["to"] = json_to

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params["min_position"] = min_position

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reports/state-report",
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
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,
    format_: GetStateReportFormat | Unset = GetStateReportFormat.CSV,
    min_position: int | Unset = UNSET,
) -> Response[Any | Problem]:
    """The state's period report as CSV

     Every month the period touches, in the caller's municipalities; small cells read
    `suppressed` in the persons and value columns (`.` in csv-de and xlsx).

    Args:
        from_ (datetime.date): First day (YYYY-MM-DD)
        to (datetime.date): Last day (YYYY-MM-DD)
        format_ (GetStateReportFormat | Unset): csv (for machines), csv-de (German Excel) or xlsx
            Default: GetStateReportFormat.CSV.
        min_position (int | Unset): Wait (a few seconds at most, then 503 projection_lagging)
            until the read model has processed this global position, e.g. a write's `position`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        format_=format_,
        min_position=min_position,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,
    format_: GetStateReportFormat | Unset = GetStateReportFormat.CSV,
    min_position: int | Unset = UNSET,
) -> Any | Problem | None:
    """The state's period report as CSV

     Every month the period touches, in the caller's municipalities; small cells read
    `suppressed` in the persons and value columns (`.` in csv-de and xlsx).

    Args:
        from_ (datetime.date): First day (YYYY-MM-DD)
        to (datetime.date): Last day (YYYY-MM-DD)
        format_ (GetStateReportFormat | Unset): csv (for machines), csv-de (German Excel) or xlsx
            Default: GetStateReportFormat.CSV.
        min_position (int | Unset): Wait (a few seconds at most, then 503 projection_lagging)
            until the read model has processed this global position, e.g. a write's `position`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        format_=format_,
        min_position=min_position,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,
    format_: GetStateReportFormat | Unset = GetStateReportFormat.CSV,
    min_position: int | Unset = UNSET,
) -> Response[Any | Problem]:
    """The state's period report as CSV

     Every month the period touches, in the caller's municipalities; small cells read
    `suppressed` in the persons and value columns (`.` in csv-de and xlsx).

    Args:
        from_ (datetime.date): First day (YYYY-MM-DD)
        to (datetime.date): Last day (YYYY-MM-DD)
        format_ (GetStateReportFormat | Unset): csv (for machines), csv-de (German Excel) or xlsx
            Default: GetStateReportFormat.CSV.
        min_position (int | Unset): Wait (a few seconds at most, then 503 projection_lagging)
            until the read model has processed this global position, e.g. a write's `position`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        format_=format_,
        min_position=min_position,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,
    format_: GetStateReportFormat | Unset = GetStateReportFormat.CSV,
    min_position: int | Unset = UNSET,
) -> Any | Problem | None:
    """The state's period report as CSV

     Every month the period touches, in the caller's municipalities; small cells read
    `suppressed` in the persons and value columns (`.` in csv-de and xlsx).

    Args:
        from_ (datetime.date): First day (YYYY-MM-DD)
        to (datetime.date): Last day (YYYY-MM-DD)
        format_ (GetStateReportFormat | Unset): csv (for machines), csv-de (German Excel) or xlsx
            Default: GetStateReportFormat.CSV.
        min_position (int | Unset): Wait (a few seconds at most, then 503 projection_lagging)
            until the read model has processed this global position, e.g. a write's `position`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            format_=format_,
            min_position=min_position,
        )
    ).parsed
