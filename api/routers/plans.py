"""Plans as a whole: open one, read its state (now or then) and history, erase personal data."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

import structlog
from fastapi import APIRouter, Query, Response

from api.deps import CorrelationId, PlanReaderCaller, PlansDep
from api.errors import problem_responses, with_etag
from api.personal_reads import record_personal_read
from api.problems import InvalidRequest
from api.schemas.common import Recorded, Timestamp
from api.schemas.entries import ErasureBody
from api.schemas.plans import HistoryView, OpenPlanBody, PlanView
from api.writes import AdminWriter, CaseworkerWriter, etag, plan_in_scope, post_entry
from domain.plan import IntegrationPlan

router = APIRouter(prefix="/v1/plans", tags=["plans"])
log = structlog.get_logger("iplan.api")

READ_RESPONSES = with_etag(200, problem_responses(401, 403, 404, 422, 503))
STATE_PATH = "/{plan_id}"
HISTORY_PATH = "/{plan_id}/history"
# What a read showed (the log line's `what`) and through which route.
STATE = ("state", STATE_PATH)
HISTORY = ("history", HISTORY_PATH)
READ_LOGGED = (
    "A read by an auditor or admin that shows personal data is recorded first (who, "
    "which plan and version, which endpoint, when, in which request) and appears in "
    "`GET /v1/audit-log` as kind `read`; if it cannot be recorded, the data is not "
    "shown (503). Reads by caseworkers, who work with the data daily, are not recorded."
)


@router.post(
    "",
    status_code=201,
    response_model=Recorded,
    responses=with_etag(201, problem_responses(400, 401, 403, 409, 413, 422, 503)),
    summary="Open a plan",
)
def open_plan(body: OpenPlanBody, writer: CaseworkerWriter) -> dict[str, object]:
    """Opens a plan in a municipality the caller's token covers (others: 403)."""
    return writer.open(body)


@router.get(
    STATE_PATH,
    response_model=PlanView,
    responses=READ_RESPONSES,
    summary="A plan's state, now or as it was",
    description=READ_LOGGED,
)
def get_plan(
    plan_id: UUID,
    caller: PlanReaderCaller,
    plans: PlansDep,
    correlation_id: CorrelationId,
    response: Response,
    version: Annotated[
        int | None,
        Query(
            ge=1,
            le=2_147_483_647,
            description="The state at this version; not with as_of (422 invalid_version_and_as_of)",
        ),
    ] = None,
    as_of: Annotated[
        Timestamp | None,
        Query(
            description="The state as recorded at this RFC 3339 time; not with version",
        ),
    ] = None,
) -> PlanView:
    if version is not None and as_of is not None:
        raise InvalidRequest(
            "give either version or as_of, not both", code="invalid_version_and_as_of"
        )
    plan_in_scope(plans, plan_id, caller)
    plan = plans.get_plan(plan_id, version=version, as_of=as_of)
    if plan.state.personal is not None:
        record_personal_read(plans, caller, correlation_id, plan_id, STATE, plan.version)
    response.headers["ETag"] = etag(plan.version)
    return PlanView.of(plan)


@router.get(
    HISTORY_PATH,
    response_model=HistoryView,
    responses=READ_RESPONSES,
    summary="Every entry of a plan, with who recorded it and what retracted it",
    description=READ_LOGGED,
)
def get_history(
    plan_id: UUID,
    caller: PlanReaderCaller,
    plans: PlansDep,
    correlation_id: CorrelationId,
    response: Response,
) -> HistoryView:
    plan_in_scope(plans, plan_id, caller)
    entries = plans.history(plan_id)
    if any(e.personal for e in entries):
        version = entries[-1].version
        record_personal_read(plans, caller, correlation_id, plan_id, HISTORY, version)
    response.headers["ETag"] = etag(entries[-1].version)
    return HistoryView.of(plan_id, entries)


@post_entry(router, "/{plan_id}/erasure", "Erase the plan's personal data (admin)")
def erase_personal_data(plan_id: UUID, body: ErasureBody, writer: AdminWriter) -> dict[str, object]:
    return writer.record(
        plan_id,
        body,
        IntegrationPlan.erase_personal_data,
        legal_basis=body.legal_basis,
        on=body.on or writer.today,
    )
