import datetime
from http import HTTPStatus
from typing import Any, Literal

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_plans_status import ListPlansStatus
from ...models.plan_list import PlanList
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    municipality: str | Unset = UNSET,
    caseworker: str | Unset = UNSET,
    status: ListPlansStatus | Unset = UNSET,
    file_number: str | Unset = UNSET,
    q: str | Unset = UNSET,
    birth_date: datetime.date | Unset = UNSET,
    include: Literal["personal"] | Unset = UNSET,
    overdue: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    min_position: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["municipality"] = municipality

    params["caseworker"] = caseworker

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["file_number"] = file_number

    params["q"] = q

    json_birth_date: str | Unset = UNSET
    if not isinstance(birth_date, Unset):
        json_birth_date = birth_date.isoformat()
    params["birth_date"] = json_birth_date

    params["include"] = include

    params["overdue"] = overdue

    params["limit"] = limit

    params["cursor"] = cursor

    params["min_position"] = min_position

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/plans",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PlanList | Problem | None:
    if response.status_code == 200:
        response_200 = PlanList.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PlanList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    municipality: str | Unset = UNSET,
    caseworker: str | Unset = UNSET,
    status: ListPlansStatus | Unset = UNSET,
    file_number: str | Unset = UNSET,
    q: str | Unset = UNSET,
    birth_date: datetime.date | Unset = UNSET,
    include: Literal["personal"] | Unset = UNSET,
    overdue: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    min_position: int | Unset = UNSET,
) -> Response[PlanList | Problem]:
    """Plans in the caller's municipalities, filtered and paged

     In (opened_on, id) order, a search in order of how well it matched. A municipality
    outside the token's scope lists nothing. Items carry `display_name` for caseworkers, and
    for auditors and admins with include=personal (each such read is recorded).

    Args:
        municipality (str | Unset): 8-digit official municipality key (AGS)
        caseworker (str | Unset): A caseworker's user id
        status (ListPlansStatus | Unset):
        file_number (str | Unset): Only the plan with this file number (Aktenzeichen), e.g.
            2026-00042
        q (str | Unset): Find plans by the person's given or family name: every word must match a
            name, regardless of case, umlauts and ß (Müller = Mueller = MÜLLER), accents (Şahin =
            Sahin), ae/oe/ue read as a/o/u (Muller), or by sound (Kölner Phonetik: Meier = Mayer =
            Maier). Exact matches come first, then spellings, then sound-alikes; within each, by
            (opened_on, id). At most 6 words (422 invalid_search, also for a text without a letter or
            digit). Auditors and admins need include=personal.
        birth_date (datetime.date | Unset): Only plans of a person born on this day (auditors and
            admins: with include=personal)
        include (Literal['personal'] | Unset): `personal`: auditors and admins get the display
            names too; each plan whose name is shown is recorded as a read of personal data (GET
            /v1/audit-log, kind `read`). Caseworkers always get the names of the plans in their scope.
        overdue (bool | Unset): Only plans with an open measure due before today Default: False.
        limit (int | Unset): Items per page Default: 50.
        cursor (str | Unset): The `next_cursor` of the previous page
        min_position (int | Unset): Wait (a few seconds at most, then 503 projection_lagging)
            until the read model has processed this global position, e.g. a write's `position`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanList | Problem]
    """

    kwargs = _get_kwargs(
        municipality=municipality,
        caseworker=caseworker,
        status=status,
        file_number=file_number,
        q=q,
        birth_date=birth_date,
        include=include,
        overdue=overdue,
        limit=limit,
        cursor=cursor,
        min_position=min_position,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    municipality: str | Unset = UNSET,
    caseworker: str | Unset = UNSET,
    status: ListPlansStatus | Unset = UNSET,
    file_number: str | Unset = UNSET,
    q: str | Unset = UNSET,
    birth_date: datetime.date | Unset = UNSET,
    include: Literal["personal"] | Unset = UNSET,
    overdue: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    min_position: int | Unset = UNSET,
) -> PlanList | Problem | None:
    """Plans in the caller's municipalities, filtered and paged

     In (opened_on, id) order, a search in order of how well it matched. A municipality
    outside the token's scope lists nothing. Items carry `display_name` for caseworkers, and
    for auditors and admins with include=personal (each such read is recorded).

    Args:
        municipality (str | Unset): 8-digit official municipality key (AGS)
        caseworker (str | Unset): A caseworker's user id
        status (ListPlansStatus | Unset):
        file_number (str | Unset): Only the plan with this file number (Aktenzeichen), e.g.
            2026-00042
        q (str | Unset): Find plans by the person's given or family name: every word must match a
            name, regardless of case, umlauts and ß (Müller = Mueller = MÜLLER), accents (Şahin =
            Sahin), ae/oe/ue read as a/o/u (Muller), or by sound (Kölner Phonetik: Meier = Mayer =
            Maier). Exact matches come first, then spellings, then sound-alikes; within each, by
            (opened_on, id). At most 6 words (422 invalid_search, also for a text without a letter or
            digit). Auditors and admins need include=personal.
        birth_date (datetime.date | Unset): Only plans of a person born on this day (auditors and
            admins: with include=personal)
        include (Literal['personal'] | Unset): `personal`: auditors and admins get the display
            names too; each plan whose name is shown is recorded as a read of personal data (GET
            /v1/audit-log, kind `read`). Caseworkers always get the names of the plans in their scope.
        overdue (bool | Unset): Only plans with an open measure due before today Default: False.
        limit (int | Unset): Items per page Default: 50.
        cursor (str | Unset): The `next_cursor` of the previous page
        min_position (int | Unset): Wait (a few seconds at most, then 503 projection_lagging)
            until the read model has processed this global position, e.g. a write's `position`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanList | Problem
    """

    return sync_detailed(
        client=client,
        municipality=municipality,
        caseworker=caseworker,
        status=status,
        file_number=file_number,
        q=q,
        birth_date=birth_date,
        include=include,
        overdue=overdue,
        limit=limit,
        cursor=cursor,
        min_position=min_position,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    municipality: str | Unset = UNSET,
    caseworker: str | Unset = UNSET,
    status: ListPlansStatus | Unset = UNSET,
    file_number: str | Unset = UNSET,
    q: str | Unset = UNSET,
    birth_date: datetime.date | Unset = UNSET,
    include: Literal["personal"] | Unset = UNSET,
    overdue: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    min_position: int | Unset = UNSET,
) -> Response[PlanList | Problem]:
    """Plans in the caller's municipalities, filtered and paged

     In (opened_on, id) order, a search in order of how well it matched. A municipality
    outside the token's scope lists nothing. Items carry `display_name` for caseworkers, and
    for auditors and admins with include=personal (each such read is recorded).

    Args:
        municipality (str | Unset): 8-digit official municipality key (AGS)
        caseworker (str | Unset): A caseworker's user id
        status (ListPlansStatus | Unset):
        file_number (str | Unset): Only the plan with this file number (Aktenzeichen), e.g.
            2026-00042
        q (str | Unset): Find plans by the person's given or family name: every word must match a
            name, regardless of case, umlauts and ß (Müller = Mueller = MÜLLER), accents (Şahin =
            Sahin), ae/oe/ue read as a/o/u (Muller), or by sound (Kölner Phonetik: Meier = Mayer =
            Maier). Exact matches come first, then spellings, then sound-alikes; within each, by
            (opened_on, id). At most 6 words (422 invalid_search, also for a text without a letter or
            digit). Auditors and admins need include=personal.
        birth_date (datetime.date | Unset): Only plans of a person born on this day (auditors and
            admins: with include=personal)
        include (Literal['personal'] | Unset): `personal`: auditors and admins get the display
            names too; each plan whose name is shown is recorded as a read of personal data (GET
            /v1/audit-log, kind `read`). Caseworkers always get the names of the plans in their scope.
        overdue (bool | Unset): Only plans with an open measure due before today Default: False.
        limit (int | Unset): Items per page Default: 50.
        cursor (str | Unset): The `next_cursor` of the previous page
        min_position (int | Unset): Wait (a few seconds at most, then 503 projection_lagging)
            until the read model has processed this global position, e.g. a write's `position`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanList | Problem]
    """

    kwargs = _get_kwargs(
        municipality=municipality,
        caseworker=caseworker,
        status=status,
        file_number=file_number,
        q=q,
        birth_date=birth_date,
        include=include,
        overdue=overdue,
        limit=limit,
        cursor=cursor,
        min_position=min_position,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    municipality: str | Unset = UNSET,
    caseworker: str | Unset = UNSET,
    status: ListPlansStatus | Unset = UNSET,
    file_number: str | Unset = UNSET,
    q: str | Unset = UNSET,
    birth_date: datetime.date | Unset = UNSET,
    include: Literal["personal"] | Unset = UNSET,
    overdue: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    min_position: int | Unset = UNSET,
) -> PlanList | Problem | None:
    """Plans in the caller's municipalities, filtered and paged

     In (opened_on, id) order, a search in order of how well it matched. A municipality
    outside the token's scope lists nothing. Items carry `display_name` for caseworkers, and
    for auditors and admins with include=personal (each such read is recorded).

    Args:
        municipality (str | Unset): 8-digit official municipality key (AGS)
        caseworker (str | Unset): A caseworker's user id
        status (ListPlansStatus | Unset):
        file_number (str | Unset): Only the plan with this file number (Aktenzeichen), e.g.
            2026-00042
        q (str | Unset): Find plans by the person's given or family name: every word must match a
            name, regardless of case, umlauts and ß (Müller = Mueller = MÜLLER), accents (Şahin =
            Sahin), ae/oe/ue read as a/o/u (Muller), or by sound (Kölner Phonetik: Meier = Mayer =
            Maier). Exact matches come first, then spellings, then sound-alikes; within each, by
            (opened_on, id). At most 6 words (422 invalid_search, also for a text without a letter or
            digit). Auditors and admins need include=personal.
        birth_date (datetime.date | Unset): Only plans of a person born on this day (auditors and
            admins: with include=personal)
        include (Literal['personal'] | Unset): `personal`: auditors and admins get the display
            names too; each plan whose name is shown is recorded as a read of personal data (GET
            /v1/audit-log, kind `read`). Caseworkers always get the names of the plans in their scope.
        overdue (bool | Unset): Only plans with an open measure due before today Default: False.
        limit (int | Unset): Items per page Default: 50.
        cursor (str | Unset): The `next_cursor` of the previous page
        min_position (int | Unset): Wait (a few seconds at most, then 503 projection_lagging)
            until the read model has processed this global position, e.g. a write's `position`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            municipality=municipality,
            caseworker=caseworker,
            status=status,
            file_number=file_number,
            q=q,
            birth_date=birth_date,
            include=include,
            overdue=overdue,
            limit=limit,
            cursor=cursor,
            min_position=min_position,
        )
    ).parsed
