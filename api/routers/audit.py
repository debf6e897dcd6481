"""What auditors check: the audit log across plans and a plan's tamper evidence."""

from __future__ import annotations

from typing import Annotated, Literal
from uuid import UUID

from fastapi import APIRouter, Depends, Query

from api.auth import WHOLE_COUNTY
from api.deps import AuditorCaller, PlansDep, Projected, projected, scope_of
from api.errors import problem_responses
from api.problems import InvalidRequest, NotFound
from api.schemas.common import Timestamp
from api.schemas.lists import AuditEntry, AuditLog, Integrity
from infrastructure.read_model_kinds import AUDIT_LOG, PLAN_SUMMARY
from projections.audit_log import AuditQuery, AuditRecord, decode_cursor

router = APIRouter(tags=["audit"])


@router.get(
    "/v1/audit-log",
    response_model=AuditLog,
    responses=problem_responses(401, 403, 422, 503),
    summary="Entries and reads of personal data across plans, by actor, plan and time",
)
def audit_log(
    caller: AuditorCaller,
    read: Annotated[Projected, Depends(projected(AUDIT_LOG, PLAN_SUMMARY))],
    actor: Annotated[
        str | None, Query(min_length=1, max_length=200, description="Who recorded or read")
    ] = None,
    plan: Annotated[UUID | None, Query(description="One plan's id")] = None,
    recorded_from: Annotated[
        Timestamp | None,
        Query(alias="from", description="Recorded at or after (RFC 3339)"),
    ] = None,
    recorded_to: Annotated[
        Timestamp | None, Query(alias="to", description="Recorded before (RFC 3339)")
    ] = None,
    kind: Annotated[
        Literal["entry", "read"] | None,
        Query(description="entry: recorded entries; read: reads of personal data"),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=200, description="Records looked at per page")] = 100,
    cursor: Annotated[
        str | None, Query(max_length=200, description="The `next_cursor` of the previous page")
    ] = None,
) -> AuditLog:
    """In order of recording. Records of plans outside the caller's municipalities (by the
    plan summary: where the plan is now) are left out, so a page may be short."""
    if recorded_from is not None and recorded_to is not None and recorded_from > recorded_to:
        raise InvalidRequest("from must not lie after to", code="invalid_period")
    if cursor is not None:
        try:
            decode_cursor(cursor)
        except ValueError:
            raise InvalidRequest(
                "the cursor was not handed out by this list", code="invalid_cursor"
            ) from None
    query = AuditQuery(
        actor=actor,
        plan_id=plan,
        recorded_from=recorded_from,
        recorded_to=recorded_to,
        kind=kind,
    )
    page = read.models.audit_log.entries(query, limit=limit, cursor=cursor)
    return AuditLog(
        items=[AuditEntry.of(r) for r in in_scope(read, page.items, scope_of(caller))],
        next_cursor=page.next_cursor,
        position=read.position,
    )


def in_scope(
    read: Projected, records: list[AuditRecord], scope: frozenset[str] | None
) -> list[AuditRecord]:
    if scope is None:
        return records
    places: dict[UUID, str | None] = {}
    for plan_id in {r.plan_id for r in records}:
        summary = read.models.summary.get_summary(plan_id)
        places[plan_id] = None if summary is None else summary.municipality
    return [r for r in records if places[r.plan_id] in scope]


@router.get(
    "/v1/plans/{plan_id}/integrity",
    response_model=Integrity,
    responses=problem_responses(401, 403, 404, 422, 503),
    summary="Verify that the plan's history was not altered, removed or reordered",
)
def integrity(plan_id: UUID, caller: AuditorCaller, plans: PlansDep) -> Integrity:
    """Checks every stored entry against the hash chain recorded with it. A plan broken by
    tampering answers 200 with `ok: false` and what was found, never an error."""
    report = plans.verify_integrity(plan_id)
    # Placed by its stored entries, not by loading it: a tampered plan may not load.
    place = plans.stored_municipality(plan_id)
    if not (caller.covers(place) if place else WHOLE_COUNTY in caller.municipalities):
        raise NotFound(f"no plan {plan_id}")
    return Integrity.of(report)
