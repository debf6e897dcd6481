from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_stats_table_format import GetStatsTableFormat
from ...models.problem import Problem
from ...models.table_answer import TableAnswer
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    metric: str,
    period: str,
    year: int,
    by: str | Unset = UNSET,
    format_: GetStatsTableFormat | Unset = GetStatsTableFormat.JSON,
    min_position: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["metric"] = metric

    params["period"] = period

    params["year"] = year

    params["by"] = by

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params["min_position"] = min_position

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/stats/table",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TableAnswer | None:
    if response.status_code == 200:
        response_200 = TableAnswer.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | TableAnswer]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    metric: str,
    period: str,
    year: int,
    by: str | Unset = UNSET,
    format_: GetStatsTableFormat | Unset = GetStatsTableFormat.JSON,
    min_position: int | Unset = UNSET,
) -> Response[Problem | TableAnswer]:
    """A report-ready table: one metric, one year, by period, county total beside

     For analysts and admins. Persons are counted once per period; a suppressed cell
    reads `{"persons": null, "value": null, "suppressed": true}`, never 0.

    Args:
        metric (str): A metric's name (GET /v1/stats/metrics)
        period (str): The period level: month, quarter, tertial, half, year
        year (int): The calendar year
        by (str | Unset): One breakdown: gender, age_group, nationality, residence_status,
            household_size
        format_ (GetStatsTableFormat | Unset): json, csv-de or xlsx Default:
            GetStatsTableFormat.JSON.
        min_position (int | Unset): Wait (a few seconds at most, then 503 projection_lagging)
            until the read model has processed this global position, e.g. a write's `position`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TableAnswer]
    """

    kwargs = _get_kwargs(
        metric=metric,
        period=period,
        year=year,
        by=by,
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
    metric: str,
    period: str,
    year: int,
    by: str | Unset = UNSET,
    format_: GetStatsTableFormat | Unset = GetStatsTableFormat.JSON,
    min_position: int | Unset = UNSET,
) -> Problem | TableAnswer | None:
    """A report-ready table: one metric, one year, by period, county total beside

     For analysts and admins. Persons are counted once per period; a suppressed cell
    reads `{"persons": null, "value": null, "suppressed": true}`, never 0.

    Args:
        metric (str): A metric's name (GET /v1/stats/metrics)
        period (str): The period level: month, quarter, tertial, half, year
        year (int): The calendar year
        by (str | Unset): One breakdown: gender, age_group, nationality, residence_status,
            household_size
        format_ (GetStatsTableFormat | Unset): json, csv-de or xlsx Default:
            GetStatsTableFormat.JSON.
        min_position (int | Unset): Wait (a few seconds at most, then 503 projection_lagging)
            until the read model has processed this global position, e.g. a write's `position`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TableAnswer
    """

    return sync_detailed(
        client=client,
        metric=metric,
        period=period,
        year=year,
        by=by,
        format_=format_,
        min_position=min_position,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    metric: str,
    period: str,
    year: int,
    by: str | Unset = UNSET,
    format_: GetStatsTableFormat | Unset = GetStatsTableFormat.JSON,
    min_position: int | Unset = UNSET,
) -> Response[Problem | TableAnswer]:
    """A report-ready table: one metric, one year, by period, county total beside

     For analysts and admins. Persons are counted once per period; a suppressed cell
    reads `{"persons": null, "value": null, "suppressed": true}`, never 0.

    Args:
        metric (str): A metric's name (GET /v1/stats/metrics)
        period (str): The period level: month, quarter, tertial, half, year
        year (int): The calendar year
        by (str | Unset): One breakdown: gender, age_group, nationality, residence_status,
            household_size
        format_ (GetStatsTableFormat | Unset): json, csv-de or xlsx Default:
            GetStatsTableFormat.JSON.
        min_position (int | Unset): Wait (a few seconds at most, then 503 projection_lagging)
            until the read model has processed this global position, e.g. a write's `position`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TableAnswer]
    """

    kwargs = _get_kwargs(
        metric=metric,
        period=period,
        year=year,
        by=by,
        format_=format_,
        min_position=min_position,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    metric: str,
    period: str,
    year: int,
    by: str | Unset = UNSET,
    format_: GetStatsTableFormat | Unset = GetStatsTableFormat.JSON,
    min_position: int | Unset = UNSET,
) -> Problem | TableAnswer | None:
    """A report-ready table: one metric, one year, by period, county total beside

     For analysts and admins. Persons are counted once per period; a suppressed cell
    reads `{"persons": null, "value": null, "suppressed": true}`, never 0.

    Args:
        metric (str): A metric's name (GET /v1/stats/metrics)
        period (str): The period level: month, quarter, tertial, half, year
        year (int): The calendar year
        by (str | Unset): One breakdown: gender, age_group, nationality, residence_status,
            household_size
        format_ (GetStatsTableFormat | Unset): json, csv-de or xlsx Default:
            GetStatsTableFormat.JSON.
        min_position (int | Unset): Wait (a few seconds at most, then 503 projection_lagging)
            until the read model has processed this global position, e.g. a write's `position`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TableAnswer
    """

    return (
        await asyncio_detailed(
            client=client,
            metric=metric,
            period=period,
            year=year,
            by=by,
            format_=format_,
            min_position=min_position,
        )
    ).parsed
