"""Rules on retractions: an existing, retractable entry that no later entry depends on."""

from __future__ import annotations

import pytest

from domain import errors
from tests.builders import ctx
from tests.unit.given import JOB_VERSION, RECORDERS, a_furnished_plan, day

C = ctx()


@pytest.mark.parametrize("version", [0, 8, 99, -1])
def test_a_retraction_names_an_existing_entry(version: int) -> None:
    plan, _ = a_furnished_plan()
    with pytest.raises(errors.RetractionRefused) as refused:
        plan.retract(version=version, reason="typo", on=day(10), ctx=C)
    assert refused.value.code == "retraction_refused"
    assert plan.version == 7


def test_an_entry_is_retracted_only_once() -> None:
    plan, _ = a_furnished_plan()
    plan.retract(version=JOB_VERSION, reason="typo", on=day(10), ctx=C)
    with pytest.raises(errors.RetractionRefused):
        plan.retract(version=JOB_VERSION, reason="typo", on=day(10), ctx=C)
    assert plan.version == 8


def test_the_opening_and_retractions_cannot_be_retracted() -> None:
    plan, _ = a_furnished_plan()
    plan.retract(version=JOB_VERSION, reason="typo", on=day(10), ctx=C)
    said = {}
    for version in (1, 8):  # the opening, the retraction
        with pytest.raises(errors.RetractionRefused) as refused:
            plan.retract(version=version, reason="undo", on=day(10), ctx=C)
        said[version] = refused.value.message
    assert plan.version == 8
    assert said[1].startswith("the opening of a plan cannot be retracted")
    assert said[8].startswith("a correction cannot itself be corrected")
    with pytest.raises(errors.RetractionRefused) as refused:
        plan.retract(version=JOB_VERSION, reason="typo", on=day(10), ctx=C)
    assert refused.value.message == f"entry {JOB_VERSION} was already retracted (by entry 8)"


def test_an_erasure_cannot_be_retracted() -> None:
    plan, refs = a_furnished_plan()
    RECORDERS["PersonalDataErased"](plan, refs, day(10), C)
    with pytest.raises(errors.PlanErased):  # an erased plan accepts nothing at all
        plan.retract(version=8, reason="undo", on=day(10), ctx=C)


# (entry recorded after the furnished plan, version retracted: an entry it depends on)
DEPENDENT_ENTRIES = {
    "measure later completed": ("MeasureCompleted", 4),
    "goal a measure serves": ("GoalAbandoned", 3),
    "consent a referral relied on": ("ReferralMade", 2),
    "consent later withdrawn": ("ConsentWithdrawn", 2),
    "course later completed": ("CourseCompleted", 5),
    "referral with an outcome": ("ReferralOutcomeRecorded", 6),
    "job later ended": ("EmploymentEnded", 7),
}


@pytest.mark.parametrize(("then", "version"), DEPENDENT_ENTRIES.values(), ids=DEPENDENT_ENTRIES)
def test_an_entry_that_later_entries_depend_on_cannot_be_retracted(then: str, version: int) -> None:
    plan, refs = a_furnished_plan()
    RECORDERS[then](plan, refs, day(10), C)
    state = plan.state
    with pytest.raises(errors.RetractionRefused) as refused:
        plan.retract(version=version, reason="wrong", on=day(11), ctx=C)
    assert refused.value.code == "retraction_refused"
    assert (plan.version, plan.state) == (8, state)


def test_an_extension_that_later_entries_depend_on_cannot_be_retracted() -> None:
    later = ctx(today=day(1300))
    plan, refs = a_furnished_plan()
    RECORDERS["AdvicePeriodExtended"](plan, refs, day(100), later)
    RECORDERS["WorkshopAttended"](plan, refs, day(1200), later)  # after the first three years
    with pytest.raises(errors.RetractionRefused):
        plan.retract(version=8, reason="wrong", on=day(1200), ctx=later)
    assert plan.state.extended
