"""Goals and the measures agreed to reach them, with their follow-ups."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from api.schemas.common import GoalRecorded, MeasureRecorded
from api.schemas.entries import (
    GoalBody,
    GoalOutcomeBody,
    MeasureBody,
    MeasureCancellationBody,
    MeasureCompletionBody,
    MeasureRescheduleBody,
)
from api.writes import CaseworkerWriter, post_entry
from domain.plan import IntegrationPlan

router = APIRouter(prefix="/v1/plans/{plan_id}", tags=["goals and measures"])


@post_entry(router, "/goals", "Set a goal", GoalRecorded)
def set_goal(plan_id: UUID, body: GoalBody, writer: CaseworkerWriter) -> dict[str, object]:
    return writer.record(
        plan_id,
        body,
        IntegrationPlan.set_goal,
        field=body.field,
        description=body.description,
        target_on=body.target_on,
        set_on=body.set_on or writer.today,
    )


@post_entry(router, "/goals/{goal_id}/outcome", "Record a goal's outcome")
def record_goal_outcome(
    plan_id: UUID, goal_id: UUID, body: GoalOutcomeBody, writer: CaseworkerWriter
) -> dict[str, object]:
    return writer.record(
        plan_id,
        body,
        IntegrationPlan.record_goal_outcome,
        goal_id=goal_id,
        outcome=body.outcome,
        on=body.on,
        note=body.note,
    )


@post_entry(router, "/measures", "Agree a measure", MeasureRecorded)
def agree_measure(plan_id: UUID, body: MeasureBody, writer: CaseworkerWriter) -> dict[str, object]:
    return writer.record(
        plan_id,
        body,
        IntegrationPlan.agree_measure,
        field=body.field,
        title=body.title,
        responsible=body.responsible,
        partner_kind=body.partner_kind,
        due_on=body.due_on,
        goal_id=body.goal_id,
        agreed_on=body.agreed_on or writer.today,
    )


@post_entry(router, "/measures/{measure_id}/completion", "Record a measure completed")
def complete_measure(
    plan_id: UUID, measure_id: UUID, body: MeasureCompletionBody, writer: CaseworkerWriter
) -> dict[str, object]:
    return writer.record(
        plan_id,
        body,
        IntegrationPlan.complete_measure,
        measure_id=measure_id,
        completed_on=body.completed_on,
        outcome=body.outcome,
    )


@post_entry(router, "/measures/{measure_id}/cancellation", "Record a measure cancelled")
def cancel_measure(
    plan_id: UUID, measure_id: UUID, body: MeasureCancellationBody, writer: CaseworkerWriter
) -> dict[str, object]:
    return writer.record(
        plan_id,
        body,
        IntegrationPlan.cancel_measure,
        measure_id=measure_id,
        cancelled_on=body.cancelled_on,
        reason=body.reason,
    )


@post_entry(router, "/measures/{measure_id}/reschedule", "Move a measure's due date")
def reschedule_measure(
    plan_id: UUID, measure_id: UUID, body: MeasureRescheduleBody, writer: CaseworkerWriter
) -> dict[str, object]:
    return writer.record(
        plan_id,
        body,
        IntegrationPlan.reschedule_measure,
        measure_id=measure_id,
        due_on=body.due_on,
        reason=body.reason,
        on=body.on or writer.today,
    )
