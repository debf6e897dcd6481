"""A plan's course: handover, transfer, extension, corrections, closing and reopening."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from api.schemas.entries import (
    AssignmentBody,
    ClosureBody,
    ExtensionBody,
    ReopeningBody,
    RetractionBody,
    TransferBody,
)
from api.writes import CaseworkerWriter, post_entry
from domain.plan import IntegrationPlan

router = APIRouter(prefix="/v1/plans/{plan_id}", tags=["lifecycle"])


@post_entry(router, "/assignment", "Hand the plan over to another caseworker")
def assign_caseworker(
    plan_id: UUID, body: AssignmentBody, writer: CaseworkerWriter
) -> dict[str, object]:
    return writer.record(
        plan_id,
        body,
        IntegrationPlan.assign_caseworker,
        caseworker=body.caseworker,
        on=body.on or writer.today,
    )


@post_entry(router, "/transfer", "Transfer the plan to another municipality")
def transfer(plan_id: UUID, body: TransferBody, writer: CaseworkerWriter) -> dict[str, object]:
    return writer.record(
        plan_id,
        body,
        IntegrationPlan.transfer,
        municipality=body.municipality,
        caseworker=body.caseworker,
        on=body.on or writer.today,
    )


@post_entry(router, "/extension", "Extend the advice period (once, to at most 4 years)")
def extend_advice_period(
    plan_id: UUID, body: ExtensionBody, writer: CaseworkerWriter
) -> dict[str, object]:
    return writer.record(
        plan_id,
        body,
        IntegrationPlan.extend_advice_period,
        until=body.until,
        reason=body.reason,
        on=body.on or writer.today,
    )


@post_entry(router, "/retractions", "Retract an entry (a correction)")
def retract(plan_id: UUID, body: RetractionBody, writer: CaseworkerWriter) -> dict[str, object]:
    return writer.record(
        plan_id,
        body,
        IntegrationPlan.retract,
        version=body.version,
        reason=body.reason,
        on=body.on or writer.today,
    )


@post_entry(router, "/closure", "Close the plan")
def close_plan(plan_id: UUID, body: ClosureBody, writer: CaseworkerWriter) -> dict[str, object]:
    return writer.record(
        plan_id, body, IntegrationPlan.close_plan, closed_on=body.closed_on, reason=body.reason
    )


@post_entry(router, "/reopening", "Reopen a closed plan")
def reopen_plan(plan_id: UUID, body: ReopeningBody, writer: CaseworkerWriter) -> dict[str, object]:
    return writer.record(
        plan_id,
        body,
        IntegrationPlan.reopen_plan,
        reopened_on=body.reopened_on,
        reason=body.reason,
    )
