"""Values outside the glossary's vocabularies (DESIGN section 2) are refused as InvalidValue."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from domain import errors
from domain.plan import IntegrationPlan
from tests.builders import ctx, profile
from tests.unit.given import Refs, a_furnished_plan, an_open_plan, day

Command = Callable[[IntegrationPlan, Refs], object]
C = ctx()
ON = day(10)


def _consultation(**overrides: Any) -> Command:
    details: dict[str, Any] = {
        "held_on": ON,
        "duration_minutes": 30,
        "setting": "office",
        "interpreter_language": None,
        "topics": ["work"],
        "notes": None,
    }
    details.update(overrides)
    return lambda p, r: p.hold_consultation(ctx=C, **details)


def _measure(**overrides: Any) -> Command:
    details: dict[str, Any] = {
        "field": "work",
        "title": "write a CV",
        "responsible": "client",
        "partner_kind": None,
        "due_on": ON,
        "goal_id": None,
        "agreed_on": ON,
    }
    details.update(overrides)
    return lambda p, r: p.agree_measure(ctx=C, **details)


def _job(**overrides: Any) -> Command:
    details: dict[str, Any] = {
        "kind": "employment",
        "sector": "Q",
        "starts_on": ON,
        "hours_per_week": 20,
        "placed_on": ON,
    }
    details.update(overrides)
    return lambda p, r: p.place_in_job(ctx=C, **details)


INVALID_COMMANDS: dict[str, Command] = {
    "consultation setting": _consultation(setting="cafe"),
    "consultation topic": _consultation(topics=["work", "sports"]),
    "consultation duration": _consultation(duration_minutes=0),
    "interpreter language": _consultation(interpreter_language="Arabic"),
    "interpreter language with newline": _consultation(interpreter_language="ar\n"),
    "goal field": lambda p, r: p.set_goal(
        field="money", description="d", target_on=ON, set_on=ON, ctx=C
    ),
    "goal description": lambda p, r: p.set_goal(
        field="work", description=" ", target_on=ON, set_on=ON, ctx=C
    ),
    "goal outcome": lambda p, r: p.record_goal_outcome(
        goal_id=r.goal, outcome="postponed", on=ON, note=None, ctx=C
    ),
    "measure field": _measure(field="money"),
    "measure responsible": _measure(responsible="neighbour"),
    "measure partner kind": _measure(partner_kind="bank"),
    "measure title": _measure(title=""),
    "consent purpose": lambda p, r: p.give_consent(
        purpose="marketing", partner_kind=None, given_on=ON, ctx=C
    ),
    "consent partner kind": lambda p, r: p.give_consent(
        purpose="share_with_partner", partner_kind="bank", given_on=ON, ctx=C
    ),
    "partner kind without sharing": lambda p, r: p.give_consent(
        purpose="statistics", partner_kind="jobcenter", given_on=ON, ctx=C
    ),
    "referral partner kind": lambda p, r: p.make_referral(
        partner_kind="bank", reason="r", made_on=ON, consent_override_reason="urgent", ctx=C
    ),
    "course kind": lambda p, r: p.enrol_in_course(
        kind="cooking", provider="VHS", starts_on=ON, target_level=None, enrolled_on=ON, ctx=C
    ),
    "course target level": lambda p, r: p.enrol_in_course(
        kind="other", provider="VHS", starts_on=ON, target_level="B3", enrolled_on=ON, ctx=C
    ),
    "level reached": lambda p, r: p.complete_course(
        course_id=r.course, completed_on=ON, level_reached="fluent", certificate=False, ctx=C
    ),
    "education kind": lambda p, r: p.secure_education_access(
        kind="gym", for_member=None, secured_on=ON, ctx=C
    ),
    "job kind": _job(kind="volunteering"),
    "job sector": _job(sector="Z"),
    "job hours": _job(hours_per_week=0),
    "housing kind": lambda p, r: p.secure_housing(kind="tent", secured_on=ON, ctx=C),
    "workshop kind": lambda p, r: p.attend_workshop(kind="yoga", attended_on=ON, ctx=C),
    "closure reason": lambda p, r: p.close_plan(closed_on=ON, reason="bored", ctx=C),
    "role": lambda p, r: p.attend_workshop(kind="other", attended_on=ON, ctx=ctx(role="guest")),
    "retraction without reason": lambda p, r: p.retract(version=7, reason="", on=ON, ctx=C),
}


@pytest.mark.parametrize("command", INVALID_COMMANDS.values(), ids=INVALID_COMMANDS.keys())
def test_a_value_outside_its_vocabulary_is_refused(command: Command) -> None:
    plan, refs = a_furnished_plan()
    before = plan.state
    with pytest.raises(errors.InvalidValue) as refused:
        command(plan, refs)
    assert refused.value.code == "invalid_value"
    assert plan.version == 7
    assert plan.state == before


MALFORMED_KEYS = ["8317096", "083170960", "0831709X", "", "08317096\n", "٠٨٣١٧٠٩٦"]


@pytest.mark.parametrize("municipality", MALFORMED_KEYS)
def test_a_plan_is_not_opened_with_a_malformed_municipality_key(municipality: str) -> None:
    with pytest.raises(errors.InvalidValue) as refused:
        an_open_plan(municipality=municipality)
    assert refused.value.code == "invalid_value"


@pytest.mark.parametrize("municipality", MALFORMED_KEYS)
def test_a_plan_is_not_transferred_to_a_malformed_municipality_key(municipality: str) -> None:
    plan = an_open_plan()
    with pytest.raises(errors.InvalidValue) as refused:
        plan.transfer(municipality=municipality, caseworker="cw-b", on=day(1), ctx=C)
    assert refused.value.code == "invalid_value"
    assert plan.version == 1


INVALID_PROFILES: dict[str, dict[str, Any]] = {
    "birth year": {"birth_year": 1850},
    "gender": {"gender": "n/a"},
    "nationality": {"nationality": "Syria"},
    "nationality with newline": {"nationality": "SY\n"},
    "residence status": {"residence_status": "tourist"},
    "household size": {"household_size": 0},
    "language": {"languages": ["Arabic"]},
    "arrival after opening": {"arrived_on": date(2025, 2, 1)},
}


@pytest.mark.parametrize("overrides", INVALID_PROFILES.values(), ids=INVALID_PROFILES.keys())
def test_a_plan_is_not_opened_with_an_invalid_statistical_profile(
    overrides: dict[str, Any],
) -> None:
    with pytest.raises(errors.InvalidValue) as refused:
        an_open_plan(profile=profile(**overrides))
    assert refused.value.code == "invalid_value"


MALFORMED_OPENINGS: dict[str, dict[str, Any]] = {
    "profile missing": {"profile": None},
    "personal data not an object": {"personal": "Amira"},
    "opening date as text": {"opened_on": "2025-01-15"},
}


@pytest.mark.parametrize("overrides", MALFORMED_OPENINGS.values(), ids=MALFORMED_OPENINGS.keys())
def test_a_malformed_opening_is_refused_not_crashed_on(overrides: dict[str, Any]) -> None:
    with pytest.raises(errors.InvalidValue) as refused:
        an_open_plan(**overrides)
    assert refused.value.code == "invalid_value"
