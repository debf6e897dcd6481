import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audit_log import AuditLog
from ...models.get_audit_log_kind import GetAuditLogKind
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    actor: str | Unset = UNSET,
    plan: UUID | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    kind: GetAuditLogKind | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
    min_position: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["actor"] = actor

    json_plan: str | Unset = UNSET
    if not isinstance(plan, Unset):
        json_plan = str(plan)
    params["plan"] = json_plan

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    params["limit"] = limit

    params["cursor"] = cursor

    params["min_position"] = min_position

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/audit-log",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AuditLog | Problem | None:
    if response.status_code == 200:
        response_200 = AuditLog.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AuditLog | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    actor: str | Unset = UNSET,
    plan: UUID | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    kind: GetAuditLogKind | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
    min_position: int | Unset = UNSET,
) -> Response[AuditLog | Problem]:
    """Entries and reads of personal data across plans, by actor, plan and time

     In order of recording. Records of plans outside the caller's municipalities (by the
    plan summary: where the plan is now) are left out, so a page may be short.

    Args:
        actor (str | Unset): Who recorded or read
        plan (UUID | Unset): One plan's id
        from_ (datetime.datetime | Unset): Recorded at or after (RFC 3339)
        to (datetime.datetime | Unset): Recorded before (RFC 3339)
        kind (GetAuditLogKind | Unset): entry: recorded entries; read: reads of personal data
        limit (int | Unset): Records looked at per page Default: 100.
        cursor (str | Unset): The `next_cursor` of the previous page
        min_position (int | Unset): Wait (a few seconds at most, then 503 projection_lagging)
            until the read model has processed this global position, e.g. a write's `position`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditLog | Problem]
    """

    kwargs = _get_kwargs(
        actor=actor,
        plan=plan,
        from_=from_,
        to=to,
        kind=kind,
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
    actor: str | Unset = UNSET,
    plan: UUID | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    kind: GetAuditLogKind | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
    min_position: int | Unset = UNSET,
) -> AuditLog | Problem | None:
    """Entries and reads of personal data across plans, by actor, plan and time

     In order of recording. Records of plans outside the caller's municipalities (by the
    plan summary: where the plan is now) are left out, so a page may be short.

    Args:
        actor (str | Unset): Who recorded or read
        plan (UUID | Unset): One plan's id
        from_ (datetime.datetime | Unset): Recorded at or after (RFC 3339)
        to (datetime.datetime | Unset): Recorded before (RFC 3339)
        kind (GetAuditLogKind | Unset): entry: recorded entries; read: reads of personal data
        limit (int | Unset): Records looked at per page Default: 100.
        cursor (str | Unset): The `next_cursor` of the previous page
        min_position (int | Unset): Wait (a few seconds at most, then 503 projection_lagging)
            until the read model has processed this global position, e.g. a write's `position`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditLog | Problem
    """

    return sync_detailed(
        client=client,
        actor=actor,
        plan=plan,
        from_=from_,
        to=to,
        kind=kind,
        limit=limit,
        cursor=cursor,
        min_position=min_position,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    actor: str | Unset = UNSET,
    plan: UUID | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    kind: GetAuditLogKind | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
    min_position: int | Unset = UNSET,
) -> Response[AuditLog | Problem]:
    """Entries and reads of personal data across plans, by actor, plan and time

     In order of recording. Records of plans outside the caller's municipalities (by the
    plan summary: where the plan is now) are left out, so a page may be short.

    Args:
        actor (str | Unset): Who recorded or read
        plan (UUID | Unset): One plan's id
        from_ (datetime.datetime | Unset): Recorded at or after (RFC 3339)
        to (datetime.datetime | Unset): Recorded before (RFC 3339)
        kind (GetAuditLogKind | Unset): entry: recorded entries; read: reads of personal data
        limit (int | Unset): Records looked at per page Default: 100.
        cursor (str | Unset): The `next_cursor` of the previous page
        min_position (int | Unset): Wait (a few seconds at most, then 503 projection_lagging)
            until the read model has processed this global position, e.g. a write's `position`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditLog | Problem]
    """

    kwargs = _get_kwargs(
        actor=actor,
        plan=plan,
        from_=from_,
        to=to,
        kind=kind,
        limit=limit,
        cursor=cursor,
        min_position=min_position,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    actor: str | Unset = UNSET,
    plan: UUID | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    kind: GetAuditLogKind | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
    min_position: int | Unset = UNSET,
) -> AuditLog | Problem | None:
    """Entries and reads of personal data across plans, by actor, plan and time

     In order of recording. Records of plans outside the caller's municipalities (by the
    plan summary: where the plan is now) are left out, so a page may be short.

    Args:
        actor (str | Unset): Who recorded or read
        plan (UUID | Unset): One plan's id
        from_ (datetime.datetime | Unset): Recorded at or after (RFC 3339)
        to (datetime.datetime | Unset): Recorded before (RFC 3339)
        kind (GetAuditLogKind | Unset): entry: recorded entries; read: reads of personal data
        limit (int | Unset): Records looked at per page Default: 100.
        cursor (str | Unset): The `next_cursor` of the previous page
        min_position (int | Unset): Wait (a few seconds at most, then 503 projection_lagging)
            until the read model has processed this global position, e.g. a write's `position`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditLog | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            actor=actor,
            plan=plan,
            from_=from_,
            to=to,
            kind=kind,
            limit=limit,
            cursor=cursor,
            min_position=min_position,
        )
    ).parsed
