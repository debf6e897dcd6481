"""Rules on what entries name: follow-ups of goals, measures, courses, ..., and consents."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from uuid import UUID, uuid4

import pytest

from domain import errors
from domain import events as ev
from domain.plan import IntegrationPlan
from tests.builders import ctx
from tests.unit.given import RECORDERS, Refs, a_furnished_plan, day

C = ctx()
FollowUp = Callable[[IntegrationPlan, Refs], object]
UNKNOWN = uuid4()

FOLLOW_UPS_OF_UNKNOWN_ITEMS: dict[str, FollowUp] = {
    "goal outcome": lambda p, r: p.record_goal_outcome(
        goal_id=UNKNOWN, outcome="achieved", on=day(9), note=None, ctx=C
    ),
    "measure for a goal": lambda p, r: p.agree_measure(
        field="work",
        title="t",
        responsible="client",
        partner_kind=None,
        due_on=day(20),
        goal_id=UNKNOWN,
        agreed_on=day(9),
        ctx=C,
    ),
    "measure completed": lambda p, r: p.complete_measure(
        measure_id=UNKNOWN, completed_on=day(9), outcome=None, ctx=C
    ),
    "measure cancelled": lambda p, r: p.cancel_measure(
        measure_id=UNKNOWN, cancelled_on=day(9), reason=None, ctx=C
    ),
    "measure rescheduled": lambda p, r: p.reschedule_measure(
        measure_id=UNKNOWN, due_on=day(90), reason=None, on=day(9), ctx=C
    ),
    "referral outcome": lambda p, r: p.record_referral_outcome(
        referral_id=UNKNOWN, outcome="seen", on=day(9), ctx=C
    ),
    "course completed": lambda p, r: p.complete_course(
        course_id=UNKNOWN, completed_on=day(9), level_reached=None, certificate=False, ctx=C
    ),
    "course discontinued": lambda p, r: p.discontinue_course(
        course_id=UNKNOWN, on=day(9), reason=None, ctx=C
    ),
    "employment ended": lambda p, r: p.end_employment(
        job_id=UNKNOWN, ended_on=day(9), reason="r", ctx=C
    ),
    "consent withdrawn": lambda p, r: p.withdraw_consent(
        purpose="share_with_partner", partner_kind="schule", withdrawn_on=day(9), ctx=C
    ),
    "education for a household member": lambda p, r: p.secure_education_access(
        kind="school", for_member=2, secured_on=day(9), ctx=C
    ),
}


@pytest.mark.parametrize(
    "follow_up", FOLLOW_UPS_OF_UNKNOWN_ITEMS.values(), ids=FOLLOW_UPS_OF_UNKNOWN_ITEMS.keys()
)
def test_a_follow_up_of_an_unknown_item_is_refused(follow_up: FollowUp) -> None:
    plan, refs = a_furnished_plan()
    with pytest.raises(errors.UnknownReference) as refused:
        follow_up(plan, refs)
    assert refused.value.code == "unknown_reference"
    assert plan.version == 7


# (first entry, follow-up refused after it)
SPENT_ITEMS = [
    ("MeasureCancelled", "MeasureCompleted"),
    ("MeasureCompleted", "MeasureCompleted"),
    ("MeasureCompleted", "MeasureCancelled"),
    ("MeasureCancelled", "MeasureRescheduled"),
    ("CourseCompleted", "CourseCompleted"),
    ("CourseDiscontinued", "CourseCompleted"),
    ("CourseCompleted", "CourseDiscontinued"),
    ("GoalAchieved", "GoalAchieved"),
    ("GoalAchieved", "GoalAbandoned"),
    ("GoalAbandoned", "GoalAchieved"),
    ("ReferralOutcomeRecorded", "ReferralOutcomeRecorded"),
    ("EmploymentEnded", "EmploymentEnded"),
]


@pytest.mark.parametrize(("first", "then"), SPENT_ITEMS)
def test_an_item_in_a_final_state_refuses_a_further_transition(first: str, then: str) -> None:
    plan, refs = a_furnished_plan()
    RECORDERS[first](plan, refs, day(10), C)
    state = plan.state
    with pytest.raises(errors.InvalidTransition) as refused:
        RECORDERS[then](plan, refs, day(11), C)
    assert refused.value.code == "invalid_transition"
    assert (plan.version, plan.state) == (8, state)


def test_a_measure_cannot_serve_a_goal_that_was_already_achieved() -> None:
    plan, refs = a_furnished_plan()
    RECORDERS["GoalAchieved"](plan, refs, day(10), C)
    with pytest.raises(errors.InvalidTransition):
        plan.agree_measure(
            field="language",
            title="t",
            responsible="client",
            partner_kind=None,
            due_on=day(20),
            goal_id=refs.goal,
            agreed_on=day(11),
            ctx=C,
        )


def test_a_withdrawn_consent_cannot_be_withdrawn_again() -> None:
    plan, refs = a_furnished_plan()
    RECORDERS["ConsentWithdrawn"](plan, refs, day(10), C)
    with pytest.raises(errors.UnknownReference) as refused:
        RECORDERS["ConsentWithdrawn"](plan, refs, day(11), C)
    assert refused.value.code == "unknown_reference"


# The furnished plan's items date from: consent day 1, goal and measure day 2,
# course day 3, referral day 4, job day 5.
FOLLOW_UPS_DATED_BEFORE_THEIR_ITEM = {
    "ConsentWithdrawn": day(0),
    "GoalAchieved": day(1),
    "MeasureCompleted": day(1),
    "MeasureCancelled": day(1),
    "MeasureRescheduled": day(1),
    "CourseCompleted": day(2),
    "CourseDiscontinued": day(2),
    "ReferralOutcomeRecorded": day(3),
    "EmploymentEnded": day(4),
}


@pytest.mark.parametrize(
    ("entry", "on"),
    FOLLOW_UPS_DATED_BEFORE_THEIR_ITEM.items(),
    ids=FOLLOW_UPS_DATED_BEFORE_THEIR_ITEM,
)
def test_a_follow_up_dated_before_its_item_is_refused(entry: str, on: date) -> None:
    plan, refs = a_furnished_plan()
    state = plan.state
    with pytest.raises(errors.InvalidValue) as refused:
        RECORDERS[entry](plan, refs, on, C)
    assert refused.value.code == "invalid_value"
    assert (plan.version, plan.state) == (7, state)


def test_a_measure_for_a_goal_cannot_be_agreed_before_the_goal_was_set() -> None:
    plan, refs = a_furnished_plan()
    with pytest.raises(errors.InvalidValue):
        plan.agree_measure(
            field="language",
            title="t",
            responsible="client",
            partner_kind=None,
            due_on=day(20),
            goal_id=refs.goal,
            agreed_on=day(1),  # the goal was set on day 2
            ctx=C,
        )


def test_a_reopening_cannot_be_dated_before_the_closure() -> None:
    plan, refs = a_furnished_plan()
    RECORDERS["PlanClosed"](plan, refs, day(20), C)
    with pytest.raises(errors.InvalidValue):
        RECORDERS["PlanReopened"](plan, refs, day(19), C)
    assert plan.state.is_closed


def _refer(plan: IntegrationPlan, partner_kind: str, override: str | None = None) -> UUID:
    return plan.make_referral(
        partner_kind=partner_kind,
        reason="needs advice",
        made_on=day(10),
        consent_override_reason=override,
        ctx=C,
    )


def test_a_referral_needs_consent_to_share_with_that_partner_kind() -> None:
    plan, _ = a_furnished_plan()  # consent to share with the jobcenter only
    with pytest.raises(errors.ConsentRequired) as refused:
        _refer(plan, "migrationsberatung")
    assert refused.value.code == "consent_required"
    assert len(plan.state.referrals) == 1


def test_a_referral_dated_before_the_consent_was_given_is_refused() -> None:
    plan, _ = a_furnished_plan()  # consent to share with the jobcenter given on day 1
    with pytest.raises(errors.ConsentRequired) as refused:
        plan.make_referral(
            partner_kind="jobcenter",
            reason="job search",
            made_on=day(0),
            consent_override_reason=None,
            ctx=C,
        )
    assert refused.value.code == "consent_required"


def test_a_referral_after_the_consent_was_withdrawn_is_refused() -> None:
    plan, refs = a_furnished_plan()
    RECORDERS["ConsentWithdrawn"](plan, refs, day(9), C)
    with pytest.raises(errors.ConsentRequired):
        _refer(plan, "jobcenter")


def test_a_referral_with_consent_is_not_marked_as_overridden() -> None:
    plan, _ = a_furnished_plan()
    referral = _refer(plan, "jobcenter")
    assert plan.state.referrals[referral].consent_overridden is False
    assert plan.state.referrals[referral].consent_override_reason is None


def test_a_referral_without_consent_is_recorded_with_the_override_and_its_reason() -> None:
    plan, _ = a_furnished_plan()
    referral = _refer(plan, "gesundheit", override="acute health risk")
    entry = plan.pending_events[-1]
    assert isinstance(entry, ev.ReferralMade)
    assert entry.consent_overridden is True
    assert entry.personal == {
        "reason": "needs advice",
        "consent_override_reason": "acute health risk",
    }
    assert plan.state.referrals[referral].consent_override_reason == "acute health risk"


@pytest.mark.parametrize("override", ["", "  "])
def test_a_consent_override_needs_a_reason(override: str) -> None:
    plan, _ = a_furnished_plan()
    with pytest.raises(errors.InvalidValue):
        _refer(plan, "gesundheit", override=override)
    assert len(plan.state.referrals) == 1
