from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    period: str,
    min_position: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["period"] = period

    params["min_position"] = min_position

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reports/meeting",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    period: str,
    min_position: int | Unset = UNSET,
) -> Response[Problem | str]:
    """The report for the county's cooperation meeting: one tertial, printable, German

     For analysts and admins. Each municipality beside the county for the tertial, the
    trend over the last three tertials, the outcome shares and medians, each chart with its table;
    the figures are those of GET /v1/stats/table, suppressed ones read `.`.

    Args:
        period (str): The tertial, e.g. 2026-T1
        min_position (int | Unset): Wait (a few seconds at most, then 503 projection_lagging)
            until the read model has processed this global position, e.g. a write's `position`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        period=period,
        min_position=min_position,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    period: str,
    min_position: int | Unset = UNSET,
) -> Problem | str | None:
    """The report for the county's cooperation meeting: one tertial, printable, German

     For analysts and admins. Each municipality beside the county for the tertial, the
    trend over the last three tertials, the outcome shares and medians, each chart with its table;
    the figures are those of GET /v1/stats/table, suppressed ones read `.`.

    Args:
        period (str): The tertial, e.g. 2026-T1
        min_position (int | Unset): Wait (a few seconds at most, then 503 projection_lagging)
            until the read model has processed this global position, e.g. a write's `position`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        client=client,
        period=period,
        min_position=min_position,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    period: str,
    min_position: int | Unset = UNSET,
) -> Response[Problem | str]:
    """The report for the county's cooperation meeting: one tertial, printable, German

     For analysts and admins. Each municipality beside the county for the tertial, the
    trend over the last three tertials, the outcome shares and medians, each chart with its table;
    the figures are those of GET /v1/stats/table, suppressed ones read `.`.

    Args:
        period (str): The tertial, e.g. 2026-T1
        min_position (int | Unset): Wait (a few seconds at most, then 503 projection_lagging)
            until the read model has processed this global position, e.g. a write's `position`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        period=period,
        min_position=min_position,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    period: str,
    min_position: int | Unset = UNSET,
) -> Problem | str | None:
    """The report for the county's cooperation meeting: one tertial, printable, German

     For analysts and admins. Each municipality beside the county for the tertial, the
    trend over the last three tertials, the outcome shares and medians, each chart with its table;
    the figures are those of GET /v1/stats/table, suppressed ones read `.`.

    Args:
        period (str): The tertial, e.g. 2026-T1
        min_position (int | Unset): Wait (a few seconds at most, then 503 projection_lagging)
            until the read model has processed this global position, e.g. a write's `position`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            period=period,
            min_position=min_position,
        )
    ).parsed
