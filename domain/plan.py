"""The IntegrationPlan aggregate: one command per kind of entry, each recording one entry
once the rules accept it (domain/rules.py and the kind's module in domain/entries/)."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID, uuid4

from domain import rules
from domain.context import EntryContext
from domain.entries import (
    consents,
    consultations,
    courses,
    education,
    goals,
    jobs,
    lifecycle,
    measures,
    referrals,
    settlement,
)
from domain.entries.consents import Consent
from domain.entry import PlanEvent, new_entry
from domain.folded_plan import FoldedPlan
from domain.snapshot import PlanSnapshot
from domain.state import PlanState


class PlanLists(PlanState):
    """A plan's state with each kind's items under its name in DESIGN 4a, for every reader."""

    # Each name reads the part its module declares (the module name, then the same name).
    consents = consents.CONSENTS
    consultations = consultations.CONSULTATIONS
    goals = goals.GOALS
    measures = measures.MEASURES
    referrals = referrals.REFERRALS
    courses = courses.COURSES
    education = education.EDUCATION
    jobs = jobs.JOBS
    housing = settlement.HOUSING
    workshops = settlement.WORKSHOPS

    def active_consent(self, purpose: str, partner_kind: str | None) -> Consent | None:
        return consents.active_consent(self, purpose, partner_kind)

    def highest_level_reached(self) -> str | None:
        return courses.highest_level_reached(self)


class IntegrationPlan(FoldedPlan[PlanLists]):
    """A plan's state is the fold of its effective entries; each command checks the rules first."""

    TOPIC = "iplan:IntegrationPlan"
    # The library's hooks, not topic aliases: the entries' base, the opening, snapshots.
    Event = PlanEvent
    Created = lifecycle.PlanOpened
    Snapshot = PlanSnapshot

    def empty_state(self) -> PlanLists:
        return PlanLists()

    # -- commands ----------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        ctx: EntryContext,
        *,
        municipality: str,
        caseworker: str,
        opened_on: date,
        profile: dict[str, Any],
        personal: dict[str, Any],
        plan_id: UUID | None = None,
    ) -> IntegrationPlan:
        opening = new_entry(
            lifecycle.PlanOpened,
            plan_id or uuid4(),
            cls.INITIAL_VERSION,
            ctx,
            opened_on,
            personal,
            originator_topic=cls.TOPIC,
            municipality=municipality,
            caseworker=caseworker,
            profile=profile,
        )
        return cls.begin(opening, ctx)

    def give_consent(
        self, ctx: EntryContext, *, purpose: str, partner_kind: str | None, given_on: date
    ) -> None:
        self.record(
            consents.ConsentGiven, ctx, given_on, purpose=purpose, partner_kind=partner_kind
        )

    def withdraw_consent(
        self, ctx: EntryContext, *, purpose: str, partner_kind: str | None, withdrawn_on: date
    ) -> None:
        self.record(
            consents.ConsentWithdrawn, ctx, withdrawn_on, purpose=purpose, partner_kind=partner_kind
        )

    def assign_caseworker(self, ctx: EntryContext, *, caseworker: str, on: date) -> None:
        self.record(lifecycle.CaseworkerAssigned, ctx, on, caseworker=caseworker)

    def transfer(self, ctx: EntryContext, *, municipality: str, caseworker: str, on: date) -> None:
        self.record(
            lifecycle.PlanTransferred, ctx, on, municipality=municipality, caseworker=caseworker
        )

    def hold_consultation(
        self,
        ctx: EntryContext,
        *,
        held_on: date,
        duration_minutes: int,
        setting: str,
        interpreter_language: str | None,
        topics: list[str],
        notes: str | None,
    ) -> None:
        self.record(
            consultations.ConsultationHeld,
            ctx,
            held_on,
            {"notes": notes},
            duration_minutes=duration_minutes,
            setting=setting,
            interpreter_language=interpreter_language,
            topics=list(topics),
        )

    def set_goal(
        self, ctx: EntryContext, *, field: str, description: str, target_on: date, set_on: date
    ) -> UUID:
        personal = {"description": description}
        fields: dict[str, Any] = {"field": field, "target_on": target_on}
        return self.record(goals.GoalSet, ctx, set_on, personal, goal_id=uuid4(), **fields).goal_id

    def record_goal_outcome(
        self, ctx: EntryContext, *, goal_id: UUID, outcome: str, on: date, note: str | None
    ) -> None:
        rules.one_of(outcome, ("achieved", "abandoned"), "outcome")
        event_class = goals.GoalAchieved if outcome == "achieved" else goals.GoalAbandoned
        self.record(event_class, ctx, on, {"note": note}, goal_id=goal_id)

    def agree_measure(
        self,
        ctx: EntryContext,
        *,
        field: str,
        title: str,
        responsible: str,
        partner_kind: str | None,
        due_on: date,
        goal_id: UUID | None,
        agreed_on: date,
    ) -> UUID:
        measure = self.record(
            measures.MeasureAgreed,
            ctx,
            agreed_on,
            {"title": title},
            measure_id=uuid4(),
            goal_id=goal_id,
            field=field,
            responsible=responsible,
            partner_kind=partner_kind,
            due_on=due_on,
        )
        return measure.measure_id

    def complete_measure(
        self, ctx: EntryContext, *, measure_id: UUID, completed_on: date, outcome: str | None
    ) -> None:
        personal = {"outcome": outcome}
        self.record(measures.MeasureCompleted, ctx, completed_on, personal, measure_id=measure_id)

    def cancel_measure(
        self, ctx: EntryContext, *, measure_id: UUID, cancelled_on: date, reason: str | None
    ) -> None:
        personal = {"reason": reason}
        self.record(measures.MeasureCancelled, ctx, cancelled_on, personal, measure_id=measure_id)

    def reschedule_measure(
        self, ctx: EntryContext, *, measure_id: UUID, due_on: date, reason: str | None, on: date
    ) -> None:
        personal = {"reason": reason}
        self.record(
            measures.MeasureRescheduled, ctx, on, personal, measure_id=measure_id, due_on=due_on
        )

    def make_referral(
        self,
        ctx: EntryContext,
        *,
        partner_kind: str,
        reason: str,
        made_on: date,
        consent_override_reason: str | None,
    ) -> UUID:
        personal = {"reason": reason, "consent_override_reason": consent_override_reason}
        fields: dict[str, Any] = {"referral_id": uuid4(), "partner_kind": partner_kind}
        fields["consent_overridden"] = consent_override_reason is not None
        return self.record(referrals.ReferralMade, ctx, made_on, personal, **fields).referral_id

    def record_referral_outcome(
        self, ctx: EntryContext, *, referral_id: UUID, outcome: str, on: date
    ) -> None:
        personal = {"outcome": outcome}
        self.record(referrals.ReferralOutcomeRecorded, ctx, on, personal, referral_id=referral_id)

    def enrol_in_course(
        self,
        ctx: EntryContext,
        *,
        kind: str,
        provider: str,
        starts_on: date,
        target_level: str | None,
        enrolled_on: date,
    ) -> UUID:
        fields: dict[str, Any] = {"kind": kind, "provider": provider, "target_level": target_level}
        fields |= {"course_id": uuid4(), "starts_on": starts_on}
        return self.record(courses.CourseEnrolled, ctx, enrolled_on, **fields).course_id

    def complete_course(
        self,
        ctx: EntryContext,
        *,
        course_id: UUID,
        completed_on: date,
        level_reached: str | None,
        certificate: bool,
    ) -> None:
        fields: dict[str, Any] = {"level_reached": level_reached, "certificate": certificate}
        self.record(courses.CourseCompleted, ctx, completed_on, course_id=course_id, **fields)

    def discontinue_course(
        self, ctx: EntryContext, *, course_id: UUID, on: date, reason: str | None
    ) -> None:
        self.record(courses.CourseDiscontinued, ctx, on, {"reason": reason}, course_id=course_id)

    def secure_education_access(
        self, ctx: EntryContext, *, kind: str, for_member: int | None, secured_on: date
    ) -> None:
        fields: dict[str, Any] = {"kind": kind, "for_member": for_member}
        self.record(education.EducationAccessSecured, ctx, secured_on, **fields)

    def place_in_job(
        self,
        ctx: EntryContext,
        *,
        kind: str,
        sector: str,
        starts_on: date,
        hours_per_week: float,
        placed_on: date,
    ) -> UUID:
        fields: dict[str, Any] = {
            "kind": kind,
            "sector": sector,
            "hours_per_week": float(hours_per_week),
        }
        job = self.record(
            jobs.JobPlaced, ctx, placed_on, job_id=uuid4(), starts_on=starts_on, **fields
        )
        return job.job_id

    def end_employment(
        self, ctx: EntryContext, *, job_id: UUID, ended_on: date, reason: str
    ) -> None:
        self.record(jobs.EmploymentEnded, ctx, ended_on, {"reason": reason}, job_id=job_id)

    def secure_housing(self, ctx: EntryContext, *, kind: str, secured_on: date) -> None:
        self.record(settlement.HousingSecured, ctx, secured_on, kind=kind)

    def attend_workshop(self, ctx: EntryContext, *, kind: str, attended_on: date) -> None:
        self.record(settlement.WorkshopAttended, ctx, attended_on, kind=kind)

    def extend_advice_period(
        self, ctx: EntryContext, *, until: date, reason: str, on: date
    ) -> None:
        self.record(lifecycle.AdvicePeriodExtended, ctx, on, {"reason": reason}, until=until)

    def retract(self, ctx: EntryContext, *, version: int, reason: str, on: date) -> None:
        retraction = self.next_entry(
            lifecycle.EntryRetracted, ctx, on, {"reason": reason}, version=version
        )
        rules.check(retraction, self.state, ctx)
        lifecycle.check_retraction(retraction, self.entries, self.retracted)
        self.append(retraction)

    def close_plan(self, ctx: EntryContext, *, closed_on: date, reason: str) -> None:
        self.record(lifecycle.PlanClosed, ctx, closed_on, reason=reason)

    def reopen_plan(self, ctx: EntryContext, *, reopened_on: date, reason: str) -> None:
        self.record(lifecycle.PlanReopened, ctx, reopened_on, {"reason": reason})

    def erase_personal_data(self, ctx: EntryContext, *, legal_basis: str, on: date) -> None:
        self.record(lifecycle.PersonalDataErased, ctx, on, legal_basis=legal_basis)
