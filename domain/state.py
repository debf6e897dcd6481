"""A plan's current state: a pure fold over its effective (not retracted) entries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import singledispatch
from typing import Any
from uuid import UUID

from domain import events as ev
from domain.items import (
    Consent,
    Consultation,
    Course,
    Education,
    Goal,
    Housing,
    Job,
    Measure,
    Referral,
    Workshop,
)
from domain.vocabulary import ADVICE_PERIOD_YEARS, add_years, cefr_rank


@dataclass
class PlanState:
    municipality: str = ""
    caseworker: str = ""
    opened_on: date = date.min
    advice_period_ends_on: date = date.min
    extended: bool = False
    status: str = "open"
    closed_on: date | None = None
    closure_reason: str | None = None
    profile: dict[str, Any] = field(default_factory=dict)
    personal: dict[str, Any] | None = None
    consents: list[Consent] = field(default_factory=list)
    consultations: list[Consultation] = field(default_factory=list)
    goals: dict[UUID, Goal] = field(default_factory=dict)
    measures: dict[UUID, Measure] = field(default_factory=dict)
    referrals: dict[UUID, Referral] = field(default_factory=dict)
    courses: dict[UUID, Course] = field(default_factory=dict)
    education: list[Education] = field(default_factory=list)
    jobs: dict[UUID, Job] = field(default_factory=dict)
    housing: list[Housing] = field(default_factory=list)
    workshops: list[Workshop] = field(default_factory=list)

    @property
    def is_closed(self) -> bool:
        return self.status == "closed"

    @property
    def is_erased(self) -> bool:
        return self.status == "erased"

    def active_consent(self, purpose: str, partner_kind: str | None) -> Consent | None:
        for consent in self.consents:
            if (
                consent.active
                and consent.purpose == purpose
                and consent.partner_kind == partner_kind
            ):
                return consent
        return None

    def highest_level_reached(self) -> str | None:
        levels = [c.level_reached for c in self.courses.values() if c.level_reached]
        return max(levels, key=cefr_rank) if levels else None


@singledispatch
def evolve(entry: ev.PlanEvent, state: PlanState) -> None:
    """Folds one entry into the state. Runs on every replay: never raises, never reads a clock."""
    raise NotImplementedError(type(entry).__name__)


@evolve.register
def _(entry: ev.PlanOpened, state: PlanState) -> None:
    state.municipality = entry.municipality
    state.caseworker = entry.caseworker
    state.opened_on = entry.effective_on
    state.advice_period_ends_on = add_years(entry.effective_on, ADVICE_PERIOD_YEARS)
    state.profile = dict(entry.profile)
    state.personal = None if entry.personal is None else dict(entry.personal)


@evolve.register
def _(entry: ev.ConsentGiven, state: PlanState) -> None:
    state.consents.append(
        Consent(
            entry.purpose,
            entry.partner_kind,
            entry.effective_on,
            entry.originator_version,
        )
    )


@evolve.register
def _(entry: ev.ConsentWithdrawn, state: PlanState) -> None:
    consent = state.active_consent(entry.purpose, entry.partner_kind)
    if consent is not None:
        consent.withdrawn_on = entry.effective_on


@evolve.register
def _(entry: ev.CaseworkerAssigned, state: PlanState) -> None:
    state.caseworker = entry.caseworker


@evolve.register
def _(entry: ev.PlanTransferred, state: PlanState) -> None:
    state.municipality = entry.municipality
    state.caseworker = entry.caseworker


@evolve.register
def _(entry: ev.ConsultationHeld, state: PlanState) -> None:
    state.consultations.append(
        Consultation(
            version=entry.originator_version,
            held_on=entry.effective_on,
            duration_minutes=entry.duration_minutes,
            setting=entry.setting,
            interpreter_language=entry.interpreter_language,
            topics=list(entry.topics),
            notes=entry.personal_value("notes"),
        )
    )


@evolve.register
def _(entry: ev.GoalSet, state: PlanState) -> None:
    state.goals[entry.goal_id] = Goal(
        id=entry.goal_id,
        field=entry.field,
        description=entry.personal_value("description"),
        set_on=entry.effective_on,
        target_on=entry.target_on,
    )


def _close_goal(entry: ev.GoalAchieved | ev.GoalAbandoned, state: PlanState, status: str) -> None:
    goal = state.goals.get(entry.goal_id)
    if goal is not None:
        goal.status = status
        goal.outcome_on = entry.effective_on
        goal.note = entry.personal_value("note")


@evolve.register
def _(entry: ev.GoalAchieved, state: PlanState) -> None:
    _close_goal(entry, state, "achieved")


@evolve.register
def _(entry: ev.GoalAbandoned, state: PlanState) -> None:
    _close_goal(entry, state, "abandoned")


@evolve.register
def _(entry: ev.MeasureAgreed, state: PlanState) -> None:
    state.measures[entry.measure_id] = Measure(
        id=entry.measure_id,
        goal_id=entry.goal_id,
        field=entry.field,
        title=entry.personal_value("title"),
        responsible=entry.responsible,
        partner_kind=entry.partner_kind,
        agreed_on=entry.effective_on,
        due_on=entry.due_on,
    )


def _close_measure(
    entry: ev.MeasureCompleted | ev.MeasureCancelled,
    state: PlanState,
    status: str,
    text: str,
) -> None:
    measure = state.measures.get(entry.measure_id)
    if measure is not None:
        measure.status = status
        measure.closed_on = entry.effective_on
        measure.outcome = entry.personal_value(text)


@evolve.register
def _(entry: ev.MeasureCompleted, state: PlanState) -> None:
    _close_measure(entry, state, "completed", "outcome")


@evolve.register
def _(entry: ev.MeasureCancelled, state: PlanState) -> None:
    _close_measure(entry, state, "cancelled", "reason")


@evolve.register
def _(entry: ev.MeasureRescheduled, state: PlanState) -> None:
    measure = state.measures.get(entry.measure_id)
    if measure is not None:
        measure.due_on = entry.due_on


@evolve.register
def _(entry: ev.ReferralMade, state: PlanState) -> None:
    state.referrals[entry.referral_id] = Referral(
        id=entry.referral_id,
        partner_kind=entry.partner_kind,
        made_on=entry.effective_on,
        reason=entry.personal_value("reason"),
        consent_overridden=entry.consent_overridden,
        consent_override_reason=entry.personal_value("consent_override_reason"),
    )


@evolve.register
def _(entry: ev.ReferralOutcomeRecorded, state: PlanState) -> None:
    referral = state.referrals.get(entry.referral_id)
    if referral is not None:
        referral.outcome = entry.personal_value("outcome")
        referral.outcome_on = entry.effective_on


@evolve.register
def _(entry: ev.CourseEnrolled, state: PlanState) -> None:
    state.courses[entry.course_id] = Course(
        id=entry.course_id,
        kind=entry.kind,
        provider=entry.provider,
        enrolled_on=entry.effective_on,
        starts_on=entry.starts_on,
        target_level=entry.target_level,
    )


@evolve.register
def _(entry: ev.CourseCompleted, state: PlanState) -> None:
    course = state.courses.get(entry.course_id)
    if course is not None:
        course.status = "completed"
        course.ended_on = entry.effective_on
        course.level_reached = entry.level_reached
        course.certificate = entry.certificate


@evolve.register
def _(entry: ev.CourseDiscontinued, state: PlanState) -> None:
    course = state.courses.get(entry.course_id)
    if course is not None:
        course.status = "discontinued"
        course.ended_on = entry.effective_on
        course.reason = entry.personal_value("reason")


@evolve.register
def _(entry: ev.EducationAccessSecured, state: PlanState) -> None:
    state.education.append(
        Education(entry.originator_version, entry.kind, entry.for_member, entry.effective_on)
    )


@evolve.register
def _(entry: ev.JobPlaced, state: PlanState) -> None:
    state.jobs[entry.job_id] = Job(
        id=entry.job_id,
        kind=entry.kind,
        sector=entry.sector,
        placed_on=entry.effective_on,
        starts_on=entry.starts_on,
        hours_per_week=entry.hours_per_week,
    )


@evolve.register
def _(entry: ev.EmploymentEnded, state: PlanState) -> None:
    job = state.jobs.get(entry.job_id)
    if job is not None:
        job.status = "ended"
        job.ended_on = entry.effective_on
        job.reason = entry.personal_value("reason")


@evolve.register
def _(entry: ev.HousingSecured, state: PlanState) -> None:
    state.housing.append(Housing(entry.originator_version, entry.kind, entry.effective_on))


@evolve.register
def _(entry: ev.WorkshopAttended, state: PlanState) -> None:
    state.workshops.append(Workshop(entry.originator_version, entry.kind, entry.effective_on))


@evolve.register
def _(entry: ev.AdvicePeriodExtended, state: PlanState) -> None:
    state.advice_period_ends_on = entry.until
    state.extended = True


@evolve.register
def _(entry: ev.EntryRetracted, state: PlanState) -> None:
    """The plan refolds its entries without the retracted one; nothing to fold here."""


@evolve.register
def _(entry: ev.PlanClosed, state: PlanState) -> None:
    state.status = "closed"
    state.closed_on = entry.effective_on
    state.closure_reason = entry.reason


@evolve.register
def _(entry: ev.PlanReopened, state: PlanState) -> None:
    state.status = "open"
    state.closed_on = None
    state.closure_reason = None


@evolve.register
def _(entry: ev.PersonalDataErased, state: PlanState) -> None:
    state.status = "erased"
    state.personal = None
