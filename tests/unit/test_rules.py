"""The plan-wide rules of DESIGN section 3: closure, erasure, effective dates, advice period."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from domain import errors
from domain.plan import IntegrationPlan
from tests.builders import OFFENBURG, TODAY, ctx
from tests.unit.given import (
    ADVICE_PERIOD_END,
    AFTER_ADVICE_PERIOD,
    LATEST_EXTENSION,
    OPENED_ON,
    RECORDERS,
    a_furnished_plan,
    an_open_plan,
    day,
)

ALL_BUT_REOPENING = sorted(set(RECORDERS) - {"PlanReopened"})
REFUSED_ON_A_CLOSED_PLAN = sorted(set(RECORDERS) - {"PlanReopened", "PersonalDataErased"})
REFUSED_AFTER_THE_PERIOD = sorted(set(RECORDERS) - AFTER_ADVICE_PERIOD)
ACCEPTED_AFTER_THE_PERIOD = sorted(AFTER_ADVICE_PERIOD - {"PlanReopened"})
AFTER_THE_PERIOD = ADVICE_PERIOD_END + timedelta(days=1)


@pytest.mark.parametrize("entry", REFUSED_ON_A_CLOSED_PLAN)
def test_a_closed_plan_refuses_every_entry_but_a_reopening(entry: str) -> None:
    plan, refs = a_furnished_plan()
    plan.close_plan(closed_on=day(10), reason="no_contact", ctx=ctx())
    with pytest.raises(errors.PlanClosed) as refused:
        RECORDERS[entry](plan, refs, day(11), ctx())
    assert refused.value.code == "plan_closed"
    assert plan.version == 8


def test_a_closed_plan_can_be_reopened() -> None:
    plan, refs = a_furnished_plan()
    plan.close_plan(closed_on=day(10), reason="no_contact", ctx=ctx())
    RECORDERS["PlanReopened"](plan, refs, day(11), ctx())
    assert plan.state.status == "open"
    plan.secure_housing(kind="social_housing", secured_on=day(12), ctx=ctx())
    assert len(plan.state.housing) == 1


def test_a_closed_plan_accepts_erasure_of_personal_data() -> None:
    # A deliberate choice: a lawful erasure request must not wait for a reopening.
    plan, refs = a_furnished_plan()
    plan.close_plan(closed_on=day(10), reason="left_germany", ctx=ctx())
    RECORDERS["PersonalDataErased"](plan, refs, day(11), ctx())
    assert plan.state.is_erased


def test_only_a_closed_plan_can_be_reopened() -> None:
    plan, refs = a_furnished_plan()
    with pytest.raises(errors.PlanNotClosed) as refused:
        RECORDERS["PlanReopened"](plan, refs, day(11), ctx())
    assert refused.value.code == "plan_not_closed"


@pytest.mark.parametrize("entry", sorted(RECORDERS))
def test_an_erased_plan_refuses_every_entry(entry: str) -> None:
    plan, refs = a_furnished_plan()
    plan.erase_personal_data(legal_basis="Art. 17 DSGVO", on=day(10), ctx=ctx())
    with pytest.raises(errors.PlanErased) as refused:
        RECORDERS[entry](plan, refs, day(11), ctx())
    assert refused.value.code == "plan_erased"
    assert plan.version == 8


@pytest.mark.parametrize("entry", ALL_BUT_REOPENING)
def test_an_effective_date_in_the_future_is_refused(entry: str) -> None:
    plan, refs = a_furnished_plan()
    with pytest.raises(errors.EffectiveDateInFuture) as refused:
        RECORDERS[entry](plan, refs, TODAY + timedelta(days=1), ctx())
    assert refused.value.code == "effective_date_in_future"
    assert plan.version == 7


def test_today_is_not_in_the_future() -> None:
    plan, refs = a_furnished_plan()
    RECORDERS["WorkshopAttended"](plan, refs, TODAY, ctx())
    assert plan.state.workshops[0].attended_on == TODAY


def test_a_plan_opened_in_the_future_is_refused() -> None:
    with pytest.raises(errors.EffectiveDateInFuture) as refused:
        an_open_plan(opened_on=TODAY + timedelta(days=1))
    assert refused.value.code == "effective_date_in_future"


@pytest.mark.parametrize("entry", ALL_BUT_REOPENING)
def test_an_effective_date_before_the_opening_is_refused(entry: str) -> None:
    plan, refs = a_furnished_plan()
    with pytest.raises(errors.EffectiveDateBeforeOpening) as refused:
        RECORDERS[entry](plan, refs, OPENED_ON - timedelta(days=1), ctx())
    assert refused.value.code == "effective_date_before_opening"


def test_due_target_and_start_dates_may_lie_ahead() -> None:
    plan = an_open_plan()
    c = ctx()
    far = TODAY + timedelta(days=700)
    goal = plan.set_goal(field="work", description="job", target_on=far, set_on=TODAY, ctx=c)
    measure = plan.agree_measure(
        field="work",
        title="apply",
        responsible="client",
        partner_kind=None,
        due_on=far,
        goal_id=goal,
        agreed_on=TODAY,
        ctx=c,
    )
    plan.reschedule_measure(
        measure_id=measure, due_on=far + timedelta(1), reason=None, on=TODAY, ctx=c
    )
    course = plan.enrol_in_course(
        kind="other", provider="VHS", starts_on=far, target_level=None, enrolled_on=TODAY, ctx=c
    )
    job = plan.place_in_job(
        kind="apprenticeship", sector="C", starts_on=far, hours_per_week=39, placed_on=TODAY, ctx=c
    )
    state = plan.state
    assert state.goals[goal].target_on == far
    assert state.measures[measure].due_on == far + timedelta(1)
    assert (state.courses[course].starts_on, state.jobs[job].starts_on) == (far, far)


def test_a_due_date_before_the_agreement_is_refused() -> None:
    plan = an_open_plan()
    with pytest.raises(errors.InvalidValue) as refused:
        plan.set_goal(field="work", description="job", target_on=day(1), set_on=day(2), ctx=ctx())
    assert refused.value.code == "invalid_value"


LATER = ctx(today=date(2029, 6, 1))


@pytest.mark.parametrize("entry", REFUSED_AFTER_THE_PERIOD)
def test_entries_after_the_advice_period_are_refused(entry: str) -> None:
    plan, refs = a_furnished_plan()
    with pytest.raises(errors.AdvicePeriodEnded) as refused:
        RECORDERS[entry](plan, refs, AFTER_THE_PERIOD, LATER)
    assert refused.value.code == "advice_period_ended"


def test_entries_on_the_last_day_of_the_advice_period_are_accepted() -> None:
    plan, refs = a_furnished_plan()
    RECORDERS["WorkshopAttended"](plan, refs, ADVICE_PERIOD_END, LATER)
    assert len(plan.state.workshops) == 1


@pytest.mark.parametrize("entry", ACCEPTED_AFTER_THE_PERIOD)
def test_closing_extending_correcting_and_erasing_are_accepted_after_the_period(entry: str) -> None:
    plan, refs = a_furnished_plan()
    RECORDERS[entry](plan, refs, AFTER_THE_PERIOD, LATER)
    assert plan.version == 8


def test_a_plan_closed_after_the_period_can_be_reopened_and_extended() -> None:
    plan, refs = a_furnished_plan()
    RECORDERS["PlanClosed"](plan, refs, AFTER_THE_PERIOD, LATER)
    RECORDERS["PlanReopened"](plan, refs, AFTER_THE_PERIOD, LATER)
    RECORDERS["AdvicePeriodExtended"](plan, refs, AFTER_THE_PERIOD, LATER)
    assert (plan.state.status, plan.state.advice_period_ends_on) == ("open", LATEST_EXTENSION)


def test_an_extended_plan_accepts_entries_until_its_new_end_only() -> None:
    plan, refs = a_furnished_plan()
    plan.extend_advice_period(until=date(2028, 7, 1), reason="course", on=day(100), ctx=LATER)
    RECORDERS["WorkshopAttended"](plan, refs, date(2028, 7, 1), LATER)
    with pytest.raises(errors.AdvicePeriodEnded):
        RECORDERS["HousingSecured"](plan, refs, date(2028, 7, 2), LATER)
    assert len(plan.state.workshops) == 1


def test_the_advice_period_is_extended_only_once() -> None:
    plan = an_open_plan()
    plan.extend_advice_period(until=date(2028, 7, 1), reason="course", on=day(100), ctx=ctx())
    with pytest.raises(errors.ExtensionRefused) as refused:
        plan.extend_advice_period(until=LATEST_EXTENSION, reason="job", on=day(101), ctx=ctx())
    assert refused.value.code == "extension_refused"
    assert plan.state.advice_period_ends_on == date(2028, 7, 1)


@pytest.mark.parametrize(
    "until",
    [LATEST_EXTENSION + timedelta(days=1), ADVICE_PERIOD_END, ADVICE_PERIOD_END - timedelta(1)],
    ids=["beyond-four-years", "the-current-end", "before-the-current-end"],
)
def test_an_extension_must_end_after_the_period_and_within_four_years(until: date) -> None:
    plan = an_open_plan()
    with pytest.raises(errors.ExtensionRefused) as refused:
        plan.extend_advice_period(until=until, reason="course", on=day(100), ctx=ctx())
    assert refused.value.code == "extension_refused"
    assert not plan.state.extended


@pytest.mark.parametrize("reason", ["", "   "])
def test_an_extension_needs_a_reason(reason: str) -> None:
    plan = an_open_plan()
    with pytest.raises(errors.InvalidValue) as refused:
        plan.extend_advice_period(until=LATEST_EXTENSION, reason=reason, on=day(1), ctx=ctx())
    assert refused.value.code == "invalid_value"


NO_CHANGES = {
    "consent given twice": lambda p: p.give_consent(
        purpose="share_with_partner", partner_kind="jobcenter", given_on=day(9), ctx=ctx()
    ),
    "same caseworker": lambda p: p.assign_caseworker(caseworker="cw-anna", on=day(9), ctx=ctx()),
    "same municipality": lambda p: p.transfer(
        municipality=OFFENBURG, caseworker="cw-ben", on=day(9), ctx=ctx()
    ),
}


@pytest.mark.parametrize("command", NO_CHANGES.values(), ids=NO_CHANGES)
def test_an_entry_that_changes_nothing_is_refused(
    command: Callable[[IntegrationPlan], object],
) -> None:
    plan, _ = a_furnished_plan()
    with pytest.raises(errors.NothingChanged) as refused:
        command(plan)
    assert refused.value.code == "nothing_changed"
    assert plan.version == 7


def test_rescheduling_a_measure_to_its_due_date_is_refused() -> None:
    plan, refs = a_furnished_plan()
    with pytest.raises(errors.NothingChanged):
        plan.reschedule_measure(
            measure_id=refs.measure, due_on=day(30), reason=None, on=day(9), ctx=ctx()
        )
