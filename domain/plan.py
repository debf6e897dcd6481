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
from domain.entry import PlanEvent, envelope
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
    # (mypy compares constructors: entries take more fields than the library's events.)
    Event = PlanEvent  # type: ignore[assignment]
    Created = lifecycle.PlanOpened  # type: ignore[assignment]
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
        file_number: str | None = None,
    ) -> IntegrationPlan:
        opening = lifecycle.PlanOpened(
            **envelope(plan_id or uuid4(), cls.INITIAL_VERSION, ctx, opened_on, personal),
            originator_topic=cls.TOPIC,
            municipality=municipality,
            caseworker=caseworker,
            profile=profile,
            file_number=file_number,
        )
        return cls.begin(opening, ctx)

    def give_consent(
        self, ctx: EntryContext, *, purpose: str, partner_kind: str | None, given_on: date
    ) -> None:
        envelope = self.envelope(ctx, given_on)
        consent = consents.ConsentGiven(**envelope, purpose=purpose, partner_kind=partner_kind)
        self.record(consent, ctx)

    def withdraw_consent(
        self, ctx: EntryContext, *, purpose: str, partner_kind: str | None, withdrawn_on: date
    ) -> None:
        envelope = self.envelope(ctx, withdrawn_on)
        ended = consents.ConsentWithdrawn(**envelope, purpose=purpose, partner_kind=partner_kind)
        self.record(ended, ctx)

    def assign_caseworker(self, ctx: EntryContext, *, caseworker: str, on: date) -> None:
        envelope = self.envelope(ctx, on)
        self.record(lifecycle.CaseworkerAssigned(**envelope, caseworker=caseworker), ctx)

    def transfer(self, ctx: EntryContext, *, municipality: str, caseworker: str, on: date) -> None:
        envelope = self.envelope(ctx, on)
        move = lifecycle.PlanTransferred(
            **envelope, municipality=municipality, caseworker=caseworker
        )
        self.record(move, ctx)

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
        consultation = consultations.ConsultationHeld(
            **self.envelope(ctx, held_on, notes=notes),
            duration_minutes=duration_minutes,
            setting=setting,
            interpreter_language=interpreter_language,
            topics=list(topics),
        )
        self.record(consultation, ctx)

    def set_goal(
        self, ctx: EntryContext, *, field: str, description: str, target_on: date, set_on: date
    ) -> UUID:
        envelope = self.envelope(ctx, set_on, description=description)
        goal = goals.GoalSet(**envelope, goal_id=uuid4(), field=field, target_on=target_on)
        return self.record(goal, ctx).goal_id

    def record_goal_outcome(
        self, ctx: EntryContext, *, goal_id: UUID, outcome: str, on: date, note: str | None
    ) -> None:
        rules.one_of(outcome, ("achieved", "abandoned"), "outcome")
        event_class = goals.GoalAchieved if outcome == "achieved" else goals.GoalAbandoned
        self.record(event_class(**self.envelope(ctx, on, note=note), goal_id=goal_id), ctx)

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
        measure = measures.MeasureAgreed(
            **self.envelope(ctx, agreed_on, title=title),
            measure_id=uuid4(),
            goal_id=goal_id,
            field=field,
            responsible=responsible,
            partner_kind=partner_kind,
            due_on=due_on,
        )
        return self.record(measure, ctx).measure_id

    def complete_measure(
        self, ctx: EntryContext, *, measure_id: UUID, completed_on: date, outcome: str | None
    ) -> None:
        envelope = self.envelope(ctx, completed_on, outcome=outcome)
        self.record(measures.MeasureCompleted(**envelope, measure_id=measure_id), ctx)

    def cancel_measure(
        self, ctx: EntryContext, *, measure_id: UUID, cancelled_on: date, reason: str | None
    ) -> None:
        envelope = self.envelope(ctx, cancelled_on, reason=reason)
        self.record(measures.MeasureCancelled(**envelope, measure_id=measure_id), ctx)

    def reschedule_measure(
        self, ctx: EntryContext, *, measure_id: UUID, due_on: date, reason: str | None, on: date
    ) -> None:
        envelope = self.envelope(ctx, on, reason=reason)
        moved = measures.MeasureRescheduled(**envelope, measure_id=measure_id, due_on=due_on)
        self.record(moved, ctx)

    def make_referral(
        self,
        ctx: EntryContext,
        *,
        partner_kind: str,
        reason: str,
        made_on: date,
        consent_override_reason: str | None,
    ) -> UUID:
        referral = referrals.ReferralMade(
            **self.envelope(
                ctx, made_on, reason=reason, consent_override_reason=consent_override_reason
            ),
            referral_id=uuid4(),
            partner_kind=partner_kind,
            consent_overridden=consent_override_reason is not None,
        )
        return self.record(referral, ctx).referral_id

    def record_referral_outcome(
        self, ctx: EntryContext, *, referral_id: UUID, outcome: str, on: date
    ) -> None:
        envelope = self.envelope(ctx, on, outcome=outcome)
        self.record(referrals.ReferralOutcomeRecorded(**envelope, referral_id=referral_id), ctx)

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
        course = courses.CourseEnrolled(
            **self.envelope(ctx, enrolled_on),
            course_id=uuid4(),
            kind=kind,
            provider=provider,
            starts_on=starts_on,
            target_level=target_level,
        )
        return self.record(course, ctx).course_id

    def complete_course(
        self,
        ctx: EntryContext,
        *,
        course_id: UUID,
        completed_on: date,
        level_reached: str | None,
        certificate: bool,
    ) -> None:
        completed = courses.CourseCompleted(
            **self.envelope(ctx, completed_on),
            course_id=course_id,
            level_reached=level_reached,
            certificate=certificate,
        )
        self.record(completed, ctx)

    def discontinue_course(
        self, ctx: EntryContext, *, course_id: UUID, on: date, reason: str | None
    ) -> None:
        envelope = self.envelope(ctx, on, reason=reason)
        self.record(courses.CourseDiscontinued(**envelope, course_id=course_id), ctx)

    def secure_education_access(
        self, ctx: EntryContext, *, kind: str, for_member: int | None, secured_on: date
    ) -> None:
        envelope = self.envelope(ctx, secured_on)
        access = education.EducationAccessSecured(**envelope, kind=kind, for_member=for_member)
        self.record(access, ctx)

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
        job = jobs.JobPlaced(
            **self.envelope(ctx, placed_on),
            job_id=uuid4(),
            kind=kind,
            sector=sector,
            starts_on=starts_on,
            hours_per_week=float(hours_per_week),
        )
        return self.record(job, ctx).job_id

    def end_employment(
        self, ctx: EntryContext, *, job_id: UUID, ended_on: date, reason: str
    ) -> None:
        envelope = self.envelope(ctx, ended_on, reason=reason)
        self.record(jobs.EmploymentEnded(**envelope, job_id=job_id), ctx)

    def secure_housing(self, ctx: EntryContext, *, kind: str, secured_on: date) -> None:
        self.record(settlement.HousingSecured(**self.envelope(ctx, secured_on), kind=kind), ctx)

    def attend_workshop(self, ctx: EntryContext, *, kind: str, attended_on: date) -> None:
        self.record(settlement.WorkshopAttended(**self.envelope(ctx, attended_on), kind=kind), ctx)

    def extend_advice_period(
        self, ctx: EntryContext, *, until: date, reason: str, on: date
    ) -> None:
        envelope = self.envelope(ctx, on, reason=reason)
        self.record(lifecycle.AdvicePeriodExtended(**envelope, until=until), ctx)

    def retract(self, ctx: EntryContext, *, version: int, reason: str, on: date) -> None:
        envelope = self.envelope(ctx, on, reason=reason)
        retraction = lifecycle.EntryRetracted(**envelope, version=version)
        rules.check(retraction, self.state, ctx)
        lifecycle.check_retraction(retraction, self.history(), self.retracted)
        self.append(retraction)

    def close_plan(self, ctx: EntryContext, *, closed_on: date, reason: str) -> None:
        self.record(lifecycle.PlanClosed(**self.envelope(ctx, closed_on), reason=reason), ctx)

    def reopen_plan(self, ctx: EntryContext, *, reopened_on: date, reason: str) -> None:
        self.record(lifecycle.PlanReopened(**self.envelope(ctx, reopened_on, reason=reason)), ctx)

    def assign_file_number(self, ctx: EntryContext, *, file_number: str, on: date) -> None:
        """Gives a plan opened before file numbers existed its number (on upgrade)."""
        assigned = lifecycle.FileNumberAssigned(**self.envelope(ctx, on), file_number=file_number)
        self.record(assigned, ctx)

    def erase_personal_data(self, ctx: EntryContext, *, legal_basis: str, on: date) -> None:
        envelope = self.envelope(ctx, on)
        self.record(lifecycle.PersonalDataErased(**envelope, legal_basis=legal_basis), ctx)
