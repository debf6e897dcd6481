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
from application.plans import IntegrationPlans

router = APIRouter(prefix="/v1/plans/{plan_id}", tags=["goals and measures"])


@post_entry(router, "/goals", "Set a goal", GoalRecorded)
def set_goal(plan_id: UUID, body: GoalBody, writer: CaseworkerWriter) -> dict[str, object]:
    return writer.record(plan_id, IntegrationPlans.set_goal, body, child="goal_id")


@post_entry(router, "/goals/{goal_id}/outcome", "Record a goal's outcome")
def record_goal_outcome(
    plan_id: UUID, goal_id: UUID, body: GoalOutcomeBody, writer: CaseworkerWriter
) -> dict[str, object]:
    return writer.record(plan_id, IntegrationPlans.record_goal_outcome, body, goal_id=goal_id)


@post_entry(router, "/measures", "Agree a measure", MeasureRecorded)
def agree_measure(plan_id: UUID, body: MeasureBody, writer: CaseworkerWriter) -> dict[str, object]:
    return writer.record(plan_id, IntegrationPlans.agree_measure, body, child="measure_id")


@post_entry(router, "/measures/{measure_id}/completion", "Record a measure completed")
def complete_measure(
    plan_id: UUID, measure_id: UUID, body: MeasureCompletionBody, writer: CaseworkerWriter
) -> dict[str, object]:
    return writer.record(plan_id, IntegrationPlans.complete_measure, body, measure_id=measure_id)


@post_entry(router, "/measures/{measure_id}/cancellation", "Record a measure cancelled")
def cancel_measure(
    plan_id: UUID, measure_id: UUID, body: MeasureCancellationBody, writer: CaseworkerWriter
) -> dict[str, object]:
    return writer.record(plan_id, IntegrationPlans.cancel_measure, body, measure_id=measure_id)


@post_entry(router, "/measures/{measure_id}/reschedule", "Move a measure's due date")
def reschedule_measure(
    plan_id: UUID, measure_id: UUID, body: MeasureRescheduleBody, writer: CaseworkerWriter
) -> dict[str, object]:
    return writer.record(plan_id, IntegrationPlans.reschedule_measure, body, measure_id=measure_id)
