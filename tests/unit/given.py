"""Plans in a known state for the unit tests, built only through the aggregate's commands."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import count
from typing import Any
from unittest.mock import patch
from uuid import UUID

from domain.context import EntryContext
from domain.plan import IntegrationPlan, PlanLists
from tests.builders import KEHL, ctx, open_details

OPENED_ON: date = open_details()["opened_on"]
ADVICE_PERIOD_END = date(2028, 1, 15)  # three years after OPENED_ON
LATEST_EXTENSION = date(2029, 1, 15)  # four years after OPENED_ON
JOB_VERSION = 7  # the furnished plan's last entry, JobPlaced, which nothing depends on


def day(offset: int) -> date:
    """A day `offset` days after the plan was opened."""
    return OPENED_ON + timedelta(days=offset)


def an_open_plan(**overrides: Any) -> IntegrationPlan:
    return IntegrationPlan.open(ctx=ctx(), **open_details(**overrides))


@dataclass(frozen=True)
class Refs:
    """The ids of the items a furnished plan holds, one of each kind."""

    goal: UUID
    measure: UUID
    course: UUID
    referral: UUID
    job: UUID


def a_furnished_plan() -> tuple[IntegrationPlan, Refs]:
    """An open plan with a sharing consent, a goal, a measure, a course, a referral and a job."""
    c = ctx()
    plan = an_open_plan()
    plan.give_consent(
        purpose="share_with_partner", partner_kind="jobcenter", given_on=day(1), ctx=c
    )
    goal = plan.set_goal(
        field="language", description="reach B1", target_on=day(400), set_on=day(2), ctx=c
    )
    measure = plan.agree_measure(
        field="language",
        title="register for a course",
        responsible="client",
        partner_kind="sprachkurstraeger",
        due_on=day(30),
        goal_id=goal,
        agreed_on=day(2),
        ctx=c,
    )
    course = plan.enrol_in_course(
        kind="integrationskurs",
        provider="VHS Offenburg",
        starts_on=day(40),
        target_level="B1",
        enrolled_on=day(3),
        ctx=c,
    )
    referral = plan.make_referral(
        partner_kind="jobcenter",
        reason="job search",
        made_on=day(4),
        consent_override_reason=None,
        ctx=c,
    )
    job = plan.place_in_job(
        kind="minijob", sector="G", starts_on=day(60), hours_per_week=10, placed_on=day(5), ctx=c
    )
    assert plan.version == JOB_VERSION
    return plan, Refs(goal, measure, course, referral, job)


@contextmanager
def pinned_ids() -> Iterator[None]:
    """New plans and items get ids 1, 2, 3, ... so that two plans built alike compare equal."""
    numbers = count(1)
    with patch("domain.plan.uuid4", side_effect=lambda: UUID(int=next(numbers))):
        yield


Recorder = Callable[[IntegrationPlan, Refs, date, EntryContext], object]

# One valid command per entry type (by event class name) on a furnished plan.
RECORDERS: dict[str, Recorder] = {
    "ConsentGiven": lambda p, r, on, c: p.give_consent(
        purpose="statistics", partner_kind=None, given_on=on, ctx=c
    ),
    "ConsentWithdrawn": lambda p, r, on, c: p.withdraw_consent(
        purpose="share_with_partner", partner_kind="jobcenter", withdrawn_on=on, ctx=c
    ),
    "CaseworkerAssigned": lambda p, r, on, c: p.assign_caseworker(
        caseworker="cw-ben", on=on, ctx=c
    ),
    "PlanTransferred": lambda p, r, on, c: p.transfer(
        municipality=KEHL, caseworker="cw-carla", on=on, ctx=c
    ),
    "ConsultationHeld": lambda p, r, on, c: p.hold_consultation(
        held_on=on,
        duration_minutes=45,
        setting="video",
        interpreter_language="ar",
        topics=["housing"],
        notes="flat in Kehl",
        ctx=c,
    ),
    "GoalSet": lambda p, r, on, c: p.set_goal(
        field="work", description="find work", target_on=on + timedelta(days=300), set_on=on, ctx=c
    ),
    "GoalAchieved": lambda p, r, on, c: p.record_goal_outcome(
        goal_id=r.goal, outcome="achieved", on=on, note="B1 reached", ctx=c
    ),
    "GoalAbandoned": lambda p, r, on, c: p.record_goal_outcome(
        goal_id=r.goal, outcome="abandoned", on=on, note="moved on", ctx=c
    ),
    "MeasureAgreed": lambda p, r, on, c: p.agree_measure(
        field="work",
        title="write a CV",
        responsible="caseworker",
        partner_kind=None,
        due_on=on + timedelta(days=14),
        goal_id=None,
        agreed_on=on,
        ctx=c,
    ),
    "MeasureCompleted": lambda p, r, on, c: p.complete_measure(
        measure_id=r.measure, completed_on=on, outcome="registered", ctx=c
    ),
    "MeasureCancelled": lambda p, r, on, c: p.cancel_measure(
        measure_id=r.measure, cancelled_on=on, reason="no course", ctx=c
    ),
    "MeasureRescheduled": lambda p, r, on, c: p.reschedule_measure(
        measure_id=r.measure, due_on=on + timedelta(days=60), reason="waiting list", on=on, ctx=c
    ),
    "ReferralMade": lambda p, r, on, c: p.make_referral(
        partner_kind="jobcenter",
        reason="training",
        made_on=on,
        consent_override_reason=None,
        ctx=c,
    ),
    "ReferralOutcomeRecorded": lambda p, r, on, c: p.record_referral_outcome(
        referral_id=r.referral, outcome="appointment made", on=on, ctx=c
    ),
    "CourseEnrolled": lambda p, r, on, c: p.enrol_in_course(
        kind="berufssprachkurs",
        provider="IB Kehl",
        starts_on=on + timedelta(days=30),
        target_level="B2",
        enrolled_on=on,
        ctx=c,
    ),
    "CourseCompleted": lambda p, r, on, c: p.complete_course(
        course_id=r.course, completed_on=on, level_reached="B1", certificate=True, ctx=c
    ),
    "CourseDiscontinued": lambda p, r, on, c: p.discontinue_course(
        course_id=r.course, on=on, reason="illness", ctx=c
    ),
    "EducationAccessSecured": lambda p, r, on, c: p.secure_education_access(
        kind="school", for_member=0, secured_on=on, ctx=c
    ),
    "JobPlaced": lambda p, r, on, c: p.place_in_job(
        kind="employment", sector="Q", starts_on=on, hours_per_week=30, placed_on=on, ctx=c
    ),
    "EmploymentEnded": lambda p, r, on, c: p.end_employment(
        job_id=r.job, ended_on=on, reason="season over", ctx=c
    ),
    "HousingSecured": lambda p, r, on, c: p.secure_housing(
        kind="private_rental", secured_on=on, ctx=c
    ),
    "WorkshopAttended": lambda p, r, on, c: p.attend_workshop(
        kind="wohnungsfuehrerschein", attended_on=on, ctx=c
    ),
    "AdvicePeriodExtended": lambda p, r, on, c: p.extend_advice_period(
        until=LATEST_EXTENSION, reason="course still running", on=on, ctx=c
    ),
    "EntryRetracted": lambda p, r, on, c: p.retract(
        version=JOB_VERSION, reason="wrong plan", on=on, ctx=c
    ),
    "PlanClosed": lambda p, r, on, c: p.close_plan(closed_on=on, reason="moved_away", ctx=c),
    "PlanReopened": lambda p, r, on, c: p.reopen_plan(reopened_on=on, reason="came back", ctx=c),
    "PersonalDataErased": lambda p, r, on, c: p.erase_personal_data(
        legal_basis="Art. 17 DSGVO", on=on, ctx=c
    ),
}

# Entry types a plan whose advice period ran out still accepts (DESIGN section 3).
AFTER_ADVICE_PERIOD = frozenset(
    {"PlanClosed", "AdvicePeriodExtended", "PlanReopened", "EntryRetracted", "PersonalDataErased"}
)


def personal_values(state: PlanLists) -> list[object]:
    """Every personal value the state holds: names, notes, descriptions, titles, reasons."""
    values: list[object] = [state.personal]
    values += [c.notes for c in state.consultations]
    values += [v for g in state.goals.values() for v in (g.description, g.note)]
    values += [v for m in state.measures.values() for v in (m.title, m.outcome)]
    values += [
        v
        for r in state.referrals.values()
        for v in (r.reason, r.outcome, r.consent_override_reason)
    ]
    values += [c.reason for c in state.courses.values()]
    values += [j.reason for j in state.jobs.values()]
    return values
