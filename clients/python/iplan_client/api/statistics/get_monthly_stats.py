from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.monthly_stats import MonthlyStats
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: str,
    to: str,
    municipality: str | Unset = UNSET,
    metric: list[str] | Unset = UNSET,
    min_position: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["from"] = from_

    params["to"] = to

    params["municipality"] = municipality

    json_metric: list[str] | Unset = UNSET
    if not isinstance(metric, Unset):
        json_metric = metric

    params["metric"] = json_metric

    params["min_position"] = min_position

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/stats/monthly",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> MonthlyStats | Problem | None:
    if response.status_code == 200:
        response_200 = MonthlyStats.from_dict(response.json())

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
) -> Response[MonthlyStats | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
    municipality: str | Unset = UNSET,
    metric: list[str] | Unset = UNSET,
    min_position: int | Unset = UNSET,
) -> Response[MonthlyStats | Problem]:
    """Figures per municipality and month (small cells suppressed)

     For analysts and admins (auditors check plans, not figures).

    Every figure of the months from `from` to `to` (inclusive) in the caller's
    municipalities. A figure counting fewer than 5 persons reads
    `{"suppressed": true, "value": null, "persons": null}`.

    Args:
        from_ (str): First month, YYYY-MM
        to (str): Last month, YYYY-MM
        municipality (str | Unset): 8-digit official municipality key (AGS)
        metric (list[str] | Unset): Only these metrics (repeatable): plans_opened, plans_closed,
            consultations, consultation_minutes, goals_agreed, goals_achieved, measures_agreed,
            measures_completed, courses_enrolled, courses_completed, job_placements, housing_secured,
            plans_active, days_to_first_course_completion, days_to_first_job, days_to_own_housing
        min_position (int | Unset): Wait (a few seconds at most, then 503 projection_lagging)
            until the read model has processed this global position, e.g. a write's `position`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonthlyStats | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        municipality=municipality,
        metric=metric,
        min_position=min_position,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
    municipality: str | Unset = UNSET,
    metric: list[str] | Unset = UNSET,
    min_position: int | Unset = UNSET,
) -> MonthlyStats | Problem | None:
    """Figures per municipality and month (small cells suppressed)

     For analysts and admins (auditors check plans, not figures).

    Every figure of the months from `from` to `to` (inclusive) in the caller's
    municipalities. A figure counting fewer than 5 persons reads
    `{"suppressed": true, "value": null, "persons": null}`.

    Args:
        from_ (str): First month, YYYY-MM
        to (str): Last month, YYYY-MM
        municipality (str | Unset): 8-digit official municipality key (AGS)
        metric (list[str] | Unset): Only these metrics (repeatable): plans_opened, plans_closed,
            consultations, consultation_minutes, goals_agreed, goals_achieved, measures_agreed,
            measures_completed, courses_enrolled, courses_completed, job_placements, housing_secured,
            plans_active, days_to_first_course_completion, days_to_first_job, days_to_own_housing
        min_position (int | Unset): Wait (a few seconds at most, then 503 projection_lagging)
            until the read model has processed this global position, e.g. a write's `position`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonthlyStats | Problem
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        municipality=municipality,
        metric=metric,
        min_position=min_position,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
    municipality: str | Unset = UNSET,
    metric: list[str] | Unset = UNSET,
    min_position: int | Unset = UNSET,
) -> Response[MonthlyStats | Problem]:
    """Figures per municipality and month (small cells suppressed)

     For analysts and admins (auditors check plans, not figures).

    Every figure of the months from `from` to `to` (inclusive) in the caller's
    municipalities. A figure counting fewer than 5 persons reads
    `{"suppressed": true, "value": null, "persons": null}`.

    Args:
        from_ (str): First month, YYYY-MM
        to (str): Last month, YYYY-MM
        municipality (str | Unset): 8-digit official municipality key (AGS)
        metric (list[str] | Unset): Only these metrics (repeatable): plans_opened, plans_closed,
            consultations, consultation_minutes, goals_agreed, goals_achieved, measures_agreed,
            measures_completed, courses_enrolled, courses_completed, job_placements, housing_secured,
            plans_active, days_to_first_course_completion, days_to_first_job, days_to_own_housing
        min_position (int | Unset): Wait (a few seconds at most, then 503 projection_lagging)
            until the read model has processed this global position, e.g. a write's `position`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonthlyStats | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        municipality=municipality,
        metric=metric,
        min_position=min_position,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
    municipality: str | Unset = UNSET,
    metric: list[str] | Unset = UNSET,
    min_position: int | Unset = UNSET,
) -> MonthlyStats | Problem | None:
    """Figures per municipality and month (small cells suppressed)

     For analysts and admins (auditors check plans, not figures).

    Every figure of the months from `from` to `to` (inclusive) in the caller's
    municipalities. A figure counting fewer than 5 persons reads
    `{"suppressed": true, "value": null, "persons": null}`.

    Args:
        from_ (str): First month, YYYY-MM
        to (str): Last month, YYYY-MM
        municipality (str | Unset): 8-digit official municipality key (AGS)
        metric (list[str] | Unset): Only these metrics (repeatable): plans_opened, plans_closed,
            consultations, consultation_minutes, goals_agreed, goals_achieved, measures_agreed,
            measures_completed, courses_enrolled, courses_completed, job_placements, housing_secured,
            plans_active, days_to_first_course_completion, days_to_first_job, days_to_own_housing
        min_position (int | Unset): Wait (a few seconds at most, then 503 projection_lagging)
            until the read model has processed this global position, e.g. a write's `position`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonthlyStats | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            municipality=municipality,
            metric=metric,
            min_position=min_position,
        )
    ).parsed
