"""The IntegrationPlan aggregate: one person's integration plan, built from its entries."""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar
from uuid import UUID, uuid4

from eventsourcing.domain import Aggregate

from domain import errors, rules
from domain import events as ev
from domain.context import EntryContext
from domain.fold import fold
from domain.snapshot import PlanSnapshot
from domain.state import PlanState, evolve

E = TypeVar("E", bound=ev.PlanEvent)


class IntegrationPlan(Aggregate):
    """A plan's state is the fold of its effective entries; each command checks the rules first."""

    TOPIC = "iplan:IntegrationPlan"
    Event = ev.PlanEvent
    Created = ev.PlanOpened
    Snapshot = PlanSnapshot
    ConsentGiven = ev.ConsentGiven
    ConsentWithdrawn = ev.ConsentWithdrawn
    CaseworkerAssigned = ev.CaseworkerAssigned
    PlanTransferred = ev.PlanTransferred
    ConsultationHeld = ev.ConsultationHeld
    GoalSet = ev.GoalSet
    GoalAchieved = ev.GoalAchieved
    GoalAbandoned = ev.GoalAbandoned
    MeasureAgreed = ev.MeasureAgreed
    MeasureCompleted = ev.MeasureCompleted
    MeasureCancelled = ev.MeasureCancelled
    MeasureRescheduled = ev.MeasureRescheduled
    ReferralMade = ev.ReferralMade
    ReferralOutcomeRecorded = ev.ReferralOutcomeRecorded
    CourseEnrolled = ev.CourseEnrolled
    CourseCompleted = ev.CourseCompleted
    CourseDiscontinued = ev.CourseDiscontinued
    EducationAccessSecured = ev.EducationAccessSecured
    JobPlaced = ev.JobPlaced
    EmploymentEnded = ev.EmploymentEnded
    HousingSecured = ev.HousingSecured
    WorkshopAttended = ev.WorkshopAttended
    AdvicePeriodExtended = ev.AdvicePeriodExtended
    EntryRetracted = ev.EntryRetracted
    PlanClosed = ev.PlanClosed
    PlanReopened = ev.PlanReopened
    PersonalDataErased = ev.PersonalDataErased

    def __init__(self) -> None:
        self.state = PlanState()
        self.entries: list[ev.PlanEvent] = []
        self.retracted: dict[int, int] = {}
        # (actor, idempotency key) -> (request digest, version of the entry it recorded)
        self.requests: dict[tuple[str, str], tuple[str | None, int]] = {}

    def recorded_request(self, actor: str, key: str) -> tuple[str | None, int] | None:
        """The digest and version of the entry an earlier request with this key recorded."""
        return self.requests.get((actor, key))

    # -- folding (runs on every replay: no rules, no clock) --------------------------

    def take_entry(self, entry: ev.PlanEvent) -> None:
        if entry.idempotency_key is not None:
            self.requests[(entry.actor, entry.idempotency_key)] = (
                entry.request_digest,
                entry.originator_version,
            )
        self.entries.append(entry)
        if isinstance(entry, ev.EntryRetracted):
            self.retracted[entry.version] = entry.originator_version
            self.entries = [e for e in self.entries if e.originator_version != entry.version]
            self.state = fold(self.entries)
        elif isinstance(entry, ev.PersonalDataErased):
            self.entries = [e.without_personal() for e in self.entries]
            self.state = fold(self.entries)
        else:
            evolve(entry, self.state)

    # -- commands ----------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        *,
        municipality: str,
        caseworker: str,
        opened_on: date,
        profile: dict[str, Any],
        personal: dict[str, Any],
        ctx: EntryContext,
        plan_id: UUID | None = None,
    ) -> IntegrationPlan:
        # Creating folds the entry at once, so what the fold relies on is checked first.
        if not isinstance(opened_on, date):
            raise errors.InvalidValue("opened_on must be a date")
        if not isinstance(profile, dict) or not isinstance(personal, dict):
            raise errors.InvalidValue("profile and personal must be objects")
        plan = cls._create(
            ev.PlanOpened,
            id=plan_id or uuid4(),
            effective_on=opened_on,
            actor=ctx.actor,
            role=ctx.role,
            correlation_id=ctx.correlation_id,
            idempotency_key=ctx.idempotency_key,
            request_digest=ctx.request_digest,
            municipality=municipality,
            caseworker=caseworker,
            profile=profile,
            personal=personal,
        )
        rules.check(plan.entries[0], PlanState(), ctx.today)
        return plan

    def give_consent(
        self,
        *,
        purpose: str,
        partner_kind: str | None,
        given_on: date,
        ctx: EntryContext,
    ) -> None:
        self._record(
            ev.ConsentGiven,
            ctx,
            given_on,
            {},
            purpose=purpose,
            partner_kind=partner_kind,
        )

    def withdraw_consent(
        self,
        *,
        purpose: str,
        partner_kind: str | None,
        withdrawn_on: date,
        ctx: EntryContext,
    ) -> None:
        self._record(
            ev.ConsentWithdrawn,
            ctx,
            withdrawn_on,
            {},
            purpose=purpose,
            partner_kind=partner_kind,
        )

    def assign_caseworker(self, *, caseworker: str, on: date, ctx: EntryContext) -> None:
        self._record(ev.CaseworkerAssigned, ctx, on, {}, caseworker=caseworker)

    def transfer(self, *, municipality: str, caseworker: str, on: date, ctx: EntryContext) -> None:
        self._record(
            ev.PlanTransferred,
            ctx,
            on,
            {},
            municipality=municipality,
            caseworker=caseworker,
        )

    def hold_consultation(
        self,
        *,
        held_on: date,
        duration_minutes: int,
        setting: str,
        interpreter_language: str | None,
        topics: list[str],
        notes: str | None,
        ctx: EntryContext,
    ) -> None:
        self._record(
            ev.ConsultationHeld,
            ctx,
            held_on,
            {"notes": notes},
            duration_minutes=duration_minutes,
            setting=setting,
            interpreter_language=interpreter_language,
            topics=list(topics),
        )

    def set_goal(
        self,
        *,
        field: str,
        description: str,
        target_on: date,
        set_on: date,
        ctx: EntryContext,
    ) -> UUID:
        goal_id = uuid4()
        self._record(
            ev.GoalSet,
            ctx,
            set_on,
            {"description": description},
            goal_id=goal_id,
            field=field,
            target_on=target_on,
        )
        return goal_id

    def record_goal_outcome(
        self,
        *,
        goal_id: UUID,
        outcome: str,
        on: date,
        note: str | None,
        ctx: EntryContext,
    ) -> None:
        rules.one_of(outcome, ("achieved", "abandoned"), "outcome")
        event_class = ev.GoalAchieved if outcome == "achieved" else ev.GoalAbandoned
        self._record(event_class, ctx, on, {"note": note}, goal_id=goal_id)

    def agree_measure(
        self,
        *,
        field: str,
        title: str,
        responsible: str,
        partner_kind: str | None,
        due_on: date,
        goal_id: UUID | None,
        agreed_on: date,
        ctx: EntryContext,
    ) -> UUID:
        measure_id = uuid4()
        self._record(
            ev.MeasureAgreed,
            ctx,
            agreed_on,
            {"title": title},
            measure_id=measure_id,
            goal_id=goal_id,
            field=field,
            responsible=responsible,
            partner_kind=partner_kind,
            due_on=due_on,
        )
        return measure_id

    def complete_measure(
        self,
        *,
        measure_id: UUID,
        completed_on: date,
        outcome: str | None,
        ctx: EntryContext,
    ) -> None:
        self._record(
            ev.MeasureCompleted,
            ctx,
            completed_on,
            {"outcome": outcome},
            measure_id=measure_id,
        )

    def cancel_measure(
        self,
        *,
        measure_id: UUID,
        cancelled_on: date,
        reason: str | None,
        ctx: EntryContext,
    ) -> None:
        self._record(
            ev.MeasureCancelled,
            ctx,
            cancelled_on,
            {"reason": reason},
            measure_id=measure_id,
        )

    def reschedule_measure(
        self,
        *,
        measure_id: UUID,
        due_on: date,
        reason: str | None,
        on: date,
        ctx: EntryContext,
    ) -> None:
        self._record(
            ev.MeasureRescheduled,
            ctx,
            on,
            {"reason": reason},
            measure_id=measure_id,
            due_on=due_on,
        )

    def make_referral(
        self,
        *,
        partner_kind: str,
        reason: str,
        made_on: date,
        consent_override_reason: str | None,
        ctx: EntryContext,
    ) -> UUID:
        referral_id = uuid4()
        self._record(
            ev.ReferralMade,
            ctx,
            made_on,
            {"reason": reason, "consent_override_reason": consent_override_reason},
            referral_id=referral_id,
            partner_kind=partner_kind,
            consent_overridden=consent_override_reason is not None,
        )
        return referral_id

    def record_referral_outcome(
        self, *, referral_id: UUID, outcome: str, on: date, ctx: EntryContext
    ) -> None:
        self._record(
            ev.ReferralOutcomeRecorded,
            ctx,
            on,
            {"outcome": outcome},
            referral_id=referral_id,
        )

    def enrol_in_course(
        self,
        *,
        kind: str,
        provider: str,
        starts_on: date,
        target_level: str | None,
        enrolled_on: date,
        ctx: EntryContext,
    ) -> UUID:
        course_id = uuid4()
        self._record(
            ev.CourseEnrolled,
            ctx,
            enrolled_on,
            {},
            course_id=course_id,
            kind=kind,
            provider=provider,
            starts_on=starts_on,
            target_level=target_level,
        )
        return course_id

    def complete_course(
        self,
        *,
        course_id: UUID,
        completed_on: date,
        level_reached: str | None,
        certificate: bool,
        ctx: EntryContext,
    ) -> None:
        self._record(
            ev.CourseCompleted,
            ctx,
            completed_on,
            {},
            course_id=course_id,
            level_reached=level_reached,
            certificate=certificate,
        )

    def discontinue_course(
        self, *, course_id: UUID, on: date, reason: str | None, ctx: EntryContext
    ) -> None:
        self._record(ev.CourseDiscontinued, ctx, on, {"reason": reason}, course_id=course_id)

    def secure_education_access(
        self, *, kind: str, for_member: int | None, secured_on: date, ctx: EntryContext
    ) -> None:
        self._record(
            ev.EducationAccessSecured,
            ctx,
            secured_on,
            {},
            kind=kind,
            for_member=for_member,
        )

    def place_in_job(
        self,
        *,
        kind: str,
        sector: str,
        starts_on: date,
        hours_per_week: float,
        placed_on: date,
        ctx: EntryContext,
    ) -> UUID:
        job_id = uuid4()
        self._record(
            ev.JobPlaced,
            ctx,
            placed_on,
            {},
            job_id=job_id,
            kind=kind,
            sector=sector,
            starts_on=starts_on,
            hours_per_week=float(hours_per_week),
        )
        return job_id

    def end_employment(
        self, *, job_id: UUID, ended_on: date, reason: str, ctx: EntryContext
    ) -> None:
        self._record(ev.EmploymentEnded, ctx, ended_on, {"reason": reason}, job_id=job_id)

    def secure_housing(self, *, kind: str, secured_on: date, ctx: EntryContext) -> None:
        self._record(ev.HousingSecured, ctx, secured_on, {}, kind=kind)

    def attend_workshop(self, *, kind: str, attended_on: date, ctx: EntryContext) -> None:
        self._record(ev.WorkshopAttended, ctx, attended_on, {}, kind=kind)

    def extend_advice_period(
        self, *, until: date, reason: str, on: date, ctx: EntryContext
    ) -> None:
        self._record(ev.AdvicePeriodExtended, ctx, on, {"reason": reason}, until=until)

    def retract(self, *, version: int, reason: str, on: date, ctx: EntryContext) -> None:
        entry = self._entry(ev.EntryRetracted, ctx, on, {"reason": reason}, version=version)
        rules.check(entry, self.state, ctx.today)
        rules.text(reason, "reason")
        if version in self.retracted:
            raise errors.RetractionRefused(f"entry {version} is already retracted")
        target = next((e for e in self.entries if e.originator_version == version), None)
        if target is None:
            raise errors.RetractionRefused(f"the plan has no entry {version}")
        if isinstance(target, ev.NOT_RETRACTABLE):
            raise errors.RetractionRefused(f"a {type(target).__name__} entry cannot be retracted")
        remaining = [e for e in self.entries if e is not target]
        try:
            fold(remaining, checked=True)
        except errors.DomainError as error:
            raise errors.RetractionRefused(
                f"later entries depend on entry {version}: {error.message}"
            ) from None
        self._append(entry)

    def close_plan(self, *, closed_on: date, reason: str, ctx: EntryContext) -> None:
        self._record(ev.PlanClosed, ctx, closed_on, {}, reason=reason)

    def reopen_plan(self, *, reopened_on: date, reason: str, ctx: EntryContext) -> None:
        self._record(ev.PlanReopened, ctx, reopened_on, {"reason": reason})

    def erase_personal_data(self, *, legal_basis: str, on: date, ctx: EntryContext) -> None:
        self._record(ev.PersonalDataErased, ctx, on, {}, legal_basis=legal_basis)

    # -- recording -----------------------------------------------------------------------

    def _record(
        self,
        event_class: type[E],
        ctx: EntryContext,
        effective_on: date,
        personal: dict[str, Any],
        **fields: Any,
    ) -> None:
        entry = self._entry(event_class, ctx, effective_on, personal, **fields)
        rules.check(entry, self.state, ctx.today)
        self._append(entry)

    def _entry(
        self,
        event_class: type[E],
        ctx: EntryContext,
        effective_on: date,
        personal: dict[str, Any],
        **fields: Any,
    ) -> E:
        return event_class(  # type: ignore[call-arg]
            originator_id=self.id,
            originator_version=self.version + 1,
            timestamp=event_class.create_timestamp(),
            effective_on=effective_on,
            actor=ctx.actor,
            role=ctx.role,
            correlation_id=ctx.correlation_id,
            idempotency_key=ctx.idempotency_key,
            request_digest=ctx.request_digest,
            personal=personal,
            **fields,
        )

    def _append(self, entry: ev.PlanEvent) -> None:
        entry.mutate(self)
        self.pending_events.append(entry)
