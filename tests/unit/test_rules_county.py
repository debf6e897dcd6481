"""DESIGN 8a in the rules: plausible dates and the county's own municipalities.

They apply when a command records an entry, through the context's policy; replaying or
re-checking stored entries never applies them.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from domain import errors
from domain.context import EntryPolicy
from domain.entries.lifecycle import PlanOpened
from domain.plan import IntegrationPlan
from domain.vocabulary import add_years
from tests.builders import KEHL, OFFENBURG, TODAY, ctx, open_details, profile
from tests.unit.given import JOB_VERSION, RECORDERS, a_furnished_plan, an_open_plan, day

OFFENBURG_ONLY = EntryPolicy(municipalities=frozenset({OFFENBURG}))
TEN_YEARS_AHEAD = add_years(TODAY, 10)
MUNICH = "09162000"


def test_a_plan_opens_only_in_one_of_the_county_s_municipalities() -> None:
    an_open_plan(municipality=KEHL)  # no list: any well-formed key (unit tests and tools)
    IntegrationPlan.open(ctx(policy=OFFENBURG_ONLY), **open_details(municipality=OFFENBURG))
    with pytest.raises(errors.UnknownMunicipality) as refused:
        IntegrationPlan.open(ctx(policy=OFFENBURG_ONLY), **open_details(municipality=KEHL))
    assert refused.value.code == "unknown_municipality"
    assert refused.value.message == f"{KEHL} is not one of the county's municipalities"


@pytest.mark.parametrize("municipality", ["99999999", MUNICH])
def test_a_plan_moves_only_to_one_of_the_county_s_municipalities(municipality: str) -> None:
    plan, _ = a_furnished_plan()
    with pytest.raises(errors.UnknownMunicipality):
        plan.transfer(
            municipality=municipality,
            caseworker="cw-x",
            on=day(10),
            ctx=ctx(policy=EntryPolicy(municipalities=frozenset({OFFENBURG, KEHL}))),
        )
    assert plan.version == JOB_VERSION


def test_an_entry_dated_before_the_earliest_date_is_implausible() -> None:
    with pytest.raises(errors.ImplausibleDate) as refused:
        an_open_plan(opened_on=date(2014, 12, 31))
    assert refused.value.code == "implausible_date"
    assert "2015-01-01" in refused.value.message
    an_open_plan(opened_on=date(2015, 1, 1), profile=profile(arrived_on=date(2014, 6, 1)))
    plan, refs = a_furnished_plan()
    later_start = ctx(policy=EntryPolicy(earliest_date=day(30)))
    with pytest.raises(errors.ImplausibleDate):
        RECORDERS["WorkshopAttended"](plan, refs, day(29), later_start)
    RECORDERS["WorkshopAttended"](plan, refs, day(30), later_start)


def test_the_opening_s_date_is_checked_before_it_is_folded() -> None:
    # Year 9997: three years later would not be a date; the rules refuse it first.
    with pytest.raises(errors.EffectiveDateInFuture):
        an_open_plan(opened_on=date(9997, 12, 31))
    with pytest.raises(errors.EffectiveDateInFuture):
        an_open_plan(opened_on=date.max)


AHEAD = {
    "GoalSet target_on": lambda p, d: p.set_goal(
        field="work", description="job", target_on=d, set_on=day(10), ctx=ctx()
    ),
    "MeasureAgreed due_on": lambda p, d: p.agree_measure(
        field="work",
        title="CV",
        responsible="client",
        partner_kind=None,
        due_on=d,
        goal_id=None,
        agreed_on=day(10),
        ctx=ctx(),
    ),
    "CourseEnrolled starts_on": lambda p, d: p.enrol_in_course(
        kind="other", provider="VHS", starts_on=d, target_level=None, enrolled_on=day(10), ctx=ctx()
    ),
    "JobPlaced starts_on": lambda p, d: p.place_in_job(
        kind="minijob", sector="G", starts_on=d, hours_per_week=5, placed_on=day(10), ctx=ctx()
    ),
}


@pytest.mark.parametrize("entry", AHEAD)
def test_due_target_and_start_dates_lie_at_most_ten_years_ahead(entry: str) -> None:
    plan, _ = a_furnished_plan()
    AHEAD[entry](plan, TEN_YEARS_AHEAD)
    implausible = (TEN_YEARS_AHEAD + timedelta(days=1), date(2206, 1, 1), date.max)
    for when in (*implausible, date(2014, 12, 31), date.min):
        with pytest.raises(errors.ImplausibleDate) as refused:
            AHEAD[entry](plan, when)
        assert refused.value.code == "implausible_date"
        assert "10 years ahead" in refused.value.message


def test_a_measure_is_rescheduled_at_most_ten_years_ahead() -> None:
    plan, refs = a_furnished_plan()
    with pytest.raises(errors.ImplausibleDate):
        plan.reschedule_measure(
            measure_id=refs.measure, due_on=date(2062, 1, 1), reason=None, on=day(10), ctx=ctx()
        )
    plan.reschedule_measure(
        measure_id=refs.measure, due_on=TEN_YEARS_AHEAD, reason=None, on=day(10), ctx=ctx()
    )


def test_stored_entries_are_never_checked_against_the_policy_again() -> None:
    # Recorded under the default policy; a stricter one applies only to new entries:
    # vetting a retraction re-checks the other entries without the policy.
    plan, _ = a_furnished_plan()
    stricter = ctx(policy=EntryPolicy(earliest_date=day(8), municipalities=frozenset({KEHL})))
    plan.retract(version=JOB_VERSION, reason="wrong plan", on=day(9), ctx=stricter)
    assert plan.version == JOB_VERSION + 1
    opening = plan.history()[0]
    assert isinstance(opening, PlanOpened)
    assert opening.municipality == OFFENBURG
