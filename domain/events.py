"""The plan's entries (DESIGN section 3): immutable, past-tense events with stable topics.

Every entry carries its effective date (when it happened) beside the library's
`timestamp` (when it was recorded), the acting user, role, correlation id and
idempotency key, and
its personal values apart in `personal`, so that they can be encrypted and erased
without reshaping the event. `personal` is None once the plan's data was erased.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar
from uuid import UUID

from eventsourcing.domain import Aggregate

if TYPE_CHECKING:
    from domain.plan import IntegrationPlan

Personal = dict[str, Any] | None


class PlanEvent(Aggregate.Event):
    """Base of every entry. `apply` hands the entry to the plan, which folds it into its state."""

    TOPIC: ClassVar[str]
    effective_on: date
    actor: str
    role: str
    correlation_id: str
    # The client's Idempotency-Key and a digest of its request: recorded in the entry
    # itself, so that a repeated request is recognised atomically with the write.
    idempotency_key: str | None
    request_digest: str | None
    personal: Personal

    def apply(self, aggregate: Any) -> None:
        plan: IntegrationPlan = aggregate
        plan.take_entry(self)

    def without_personal(self) -> PlanEvent:
        """The same entry with its personal values destroyed (after erasure)."""
        return type(self)(**{**vars(self), "personal": None})

    def personal_value(self, key: str) -> Any:
        """A personal value, or None once the plan's personal data was erased."""
        return None if self.personal is None else self.personal.get(key)


def _topic(cls: type[PlanEvent]) -> type[PlanEvent]:
    # Stable topic independent of module path, so moving the code never breaks history.
    cls.TOPIC = f"iplan:{cls.__name__}"
    return cls


@_topic
class PlanOpened(PlanEvent, Aggregate.Created):
    municipality: str
    caseworker: str
    profile: dict[str, Any]


@_topic
class ConsentGiven(PlanEvent):
    purpose: str
    partner_kind: str | None


@_topic
class ConsentWithdrawn(PlanEvent):
    purpose: str
    partner_kind: str | None


@_topic
class CaseworkerAssigned(PlanEvent):
    caseworker: str


@_topic
class PlanTransferred(PlanEvent):
    municipality: str
    caseworker: str


@_topic
class ConsultationHeld(PlanEvent):
    duration_minutes: int
    setting: str
    interpreter_language: str | None
    topics: list[str]


@_topic
class GoalSet(PlanEvent):
    goal_id: UUID
    field: str
    target_on: date


@_topic
class GoalAchieved(PlanEvent):
    goal_id: UUID


@_topic
class GoalAbandoned(PlanEvent):
    goal_id: UUID


@_topic
class MeasureAgreed(PlanEvent):
    measure_id: UUID
    goal_id: UUID | None
    field: str
    responsible: str
    partner_kind: str | None
    due_on: date


@_topic
class MeasureCompleted(PlanEvent):
    measure_id: UUID


@_topic
class MeasureCancelled(PlanEvent):
    measure_id: UUID


@_topic
class MeasureRescheduled(PlanEvent):
    measure_id: UUID
    due_on: date


@_topic
class ReferralMade(PlanEvent):
    referral_id: UUID
    partner_kind: str
    consent_overridden: bool


@_topic
class ReferralOutcomeRecorded(PlanEvent):
    referral_id: UUID


@_topic
class CourseEnrolled(PlanEvent):
    course_id: UUID
    kind: str
    provider: str
    starts_on: date
    target_level: str | None


@_topic
class CourseCompleted(PlanEvent):
    course_id: UUID
    level_reached: str | None
    certificate: bool


@_topic
class CourseDiscontinued(PlanEvent):
    course_id: UUID


@_topic
class EducationAccessSecured(PlanEvent):
    kind: str
    for_member: int | None


@_topic
class JobPlaced(PlanEvent):
    job_id: UUID
    kind: str
    sector: str
    starts_on: date
    hours_per_week: float


@_topic
class EmploymentEnded(PlanEvent):
    job_id: UUID


@_topic
class HousingSecured(PlanEvent):
    kind: str


@_topic
class WorkshopAttended(PlanEvent):
    kind: str


@_topic
class AdvicePeriodExtended(PlanEvent):
    until: date


@_topic
class EntryRetracted(PlanEvent):
    version: int


@_topic
class PlanClosed(PlanEvent):
    reason: str


@_topic
class PlanReopened(PlanEvent):
    pass


@_topic
class PersonalDataErased(PlanEvent):
    legal_basis: str


ENTRY_TYPES: tuple[type[PlanEvent], ...] = (
    PlanOpened,
    ConsentGiven,
    ConsentWithdrawn,
    CaseworkerAssigned,
    PlanTransferred,
    ConsultationHeld,
    GoalSet,
    GoalAchieved,
    GoalAbandoned,
    MeasureAgreed,
    MeasureCompleted,
    MeasureCancelled,
    MeasureRescheduled,
    ReferralMade,
    ReferralOutcomeRecorded,
    CourseEnrolled,
    CourseCompleted,
    CourseDiscontinued,
    EducationAccessSecured,
    JobPlaced,
    EmploymentEnded,
    HousingSecured,
    WorkshopAttended,
    AdvicePeriodExtended,
    EntryRetracted,
    PlanClosed,
    PlanReopened,
    PersonalDataErased,
)

# Entries whose effective date may lie after the advice period: closing a plan whose
# period ran out, extending it, reopening it to extend, correcting it, and erasure.
ALLOWED_AFTER_ADVICE_PERIOD: tuple[type[PlanEvent], ...] = (
    PlanClosed,
    AdvicePeriodExtended,
    PlanReopened,
    EntryRetracted,
    PersonalDataErased,
)
# Entries that a retraction may not name.
NOT_RETRACTABLE: tuple[type[PlanEvent], ...] = (
    PlanOpened,
    EntryRetracted,
    PersonalDataErased,
)
