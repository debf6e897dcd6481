"""The demo county: realistic, deterministic for a seed, recorded through the application in
the order a county's log has, interleaved across plans, at plausible recorded times."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from typing import Any
from uuid import UUID

import pytest

from application.clock import BERLIN
from application.plans import IntegrationPlans
from domain import events as ev
from domain.context import EntryContext
from infrastructure.demo.county import build_county
from infrastructure.demo.seeding import AlreadySeeded, seed_demo_county
from infrastructure.reference_data import ortenaukreis_municipalities
from infrastructure.settings import Settings
from infrastructure.store import build_plans
from tests.conftest import TODAY

NOW = datetime(2026, 6, 1, 15, 30, tzinfo=UTC)  # TODAY, afternoon in Berlin


def entries(plans: IntegrationPlans) -> list[ev.PlanEvent]:
    notifications = plans.recorder.select_notifications(start=1, limit=1_000_000)
    return [plans.mapper.to_domain_event(n) for n in notifications]  # type: ignore[misc]


def comparable(entry: ev.PlanEvent) -> tuple[Any, ...]:
    """An entry without the child ids the plan makes at random."""
    data = {k: v for k, v in vars(entry).items() if not k.endswith("_id")}
    return (type(entry).__name__, entry.originator_id, sorted(data.items(), key=str))


def seeded(settings: Settings, persons: int, seed: int) -> tuple[IntegrationPlans, int]:
    plans = build_plans(settings, today=lambda: TODAY)
    return plans, seed_demo_county(plans, persons=persons, seed=seed, now=NOW)


def test_the_county_has_its_51_municipalities_and_25_county_caseworkers() -> None:
    county = build_county(random.Random(1))
    assert len(county.municipalities) == 51
    assert all(m.ags.startswith("08317") for m in county.municipalities)
    county_staff = {w for ws in county.caseworkers.values() for w in ws if w.startswith("cw-")}
    assert len(county_staff) == 25
    served_by_county = [a for a, ws in county.caseworkers.items() if ws[0].startswith("cw-")]
    assert len(served_by_county) == 40
    assert sum(m.population for m in ortenaukreis_municipalities()) > 400_000


def test_seeding_is_deterministic_for_a_seed() -> None:
    runs = []
    for _ in range(2):
        plans, _ = seeded(Settings(store="memory"), 60, 7)
        runs.append([comparable(e) for e in entries(plans)])
        plans.close()
    assert runs[0] == runs[1]


def test_the_log_interleaves_plans_in_the_order_they_were_recorded(
    store_settings: Settings,
) -> None:
    plans, count = seeded(store_settings, 40, 5)
    stored = entries(plans)
    assert len(stored) == count
    times = [e.timestamp for e in stored]
    assert times == sorted(times)  # recorded times never go back along the log
    assert times[-1] <= NOW + timedelta(seconds=1)
    for e in stored:  # recorded on or a little after the day it happened, never before
        recorded_day = e.timestamp.astimezone(BERLIN).date()
        assert e.effective_on <= recorded_day <= e.effective_on + timedelta(days=14)
        assert e.correlation_id.startswith("demo-")  # synthetic, and says so
    by_plan: dict[UUID, list[ev.PlanEvent]] = {}
    for e in stored:
        by_plan.setdefault(e.originator_id, []).append(e)
    for history in by_plan.values():  # each plan's history is chronological
        assert [e.originator_version for e in history] == list(range(1, len(history) + 1))
        dates = [e.effective_on for e in history]
        assert dates == sorted(dates)
    # Interleaved: consecutive entries mostly belong to different plans (an opening and
    # its consents come together, as they are recorded in one sitting).
    switches = sum(a.originator_id != b.originator_id for a, b in pairwise(stored))
    assert switches > len(stored) * 0.6
    # The plan as of a time is what had been recorded by then.
    plan_id, history = max(by_plan.items(), key=lambda item: len(item[1]))
    middle = history[len(history) // 2]
    as_of = plans.get_plan(plan_id, as_of=middle.timestamp + timedelta(microseconds=1))
    assert as_of.version == middle.originator_version
    plans.close()


def test_the_seeded_county_has_a_countys_proportions() -> None:
    plans, _ = seeded(Settings(store="memory"), 400, 3)
    stored = entries(plans)
    kinds = Counter(type(e).__name__ for e in stored)
    assert kinds["PlanOpened"] == 400
    assert kinds["ConsultationHeld"] > kinds["PlanOpened"] * 5
    by_municipality = Counter(e.municipality for e in stored if isinstance(e, ev.PlanOpened))
    # Persons roughly by population: Offenburg (61,670) has far more than Nordrach (~1,900).
    assert by_municipality["08317096"] > 5 * by_municipality.get("08317085", 0)
    # Some persons arrive late in the period: plans opened in its last months.
    opened = [e.effective_on for e in stored if isinstance(e, ev.PlanOpened)]
    assert sum(day > TODAY - timedelta(days=120) for day in opened) >= 20
    assert sum(day > TODAY - timedelta(days=365) for day in opened) >= 100
    # Courses with their proper targets; integration courses end mostly at A2 or B1.
    targets = {(e.kind, e.target_level) for e in stored if isinstance(e, ev.CourseEnrolled)}
    assert targets == {
        ("erstorientierungskurs", None),
        ("alphabetisierungskurs", "A1"),
        ("integrationskurs", "B1"),
        ("berufssprachkurs", "B2"),
    }
    levels = Counter(e.level_reached for e in stored if isinstance(e, ev.CourseCompleted))
    assert levels["B1"] + levels["A2"] > 2 * levels["B2"]
    # Every reason of the glossary closes some plans.
    closures = {e.reason for e in stored if isinstance(e, ev.PlanClosed)}
    assert closures == {
        "goals_achieved",
        "moved_away",
        "left_germany",
        "advice_period_ended",
        "declined",
        "no_contact",
        "other",
    }
    # Measures whose time has passed are completed or cancelled; the few overdue are recent.
    measures = [
        m
        for plan_id in {e.originator_id for e in stored}
        for m in plans.get_plan(plan_id).state.measures.values()
    ]
    overdue = [m for m in measures if m.status == "agreed" and m.due_on < TODAY]
    assert len(overdue) < 0.05 * len(measures)
    assert all(m.due_on >= TODAY - timedelta(weeks=6) for m in overdue)
    closed = Counter(m.status for m in measures if m.due_on < TODAY - timedelta(weeks=6))
    assert closed["completed"] > 3 * closed["cancelled"] > 0
    plans.close()


def test_a_seed_cannot_be_seeded_twice_into_one_store() -> None:
    plans, count = seeded(Settings(store="memory"), 5, 9)
    with pytest.raises(AlreadySeeded):
        seed_demo_county(plans, persons=5, seed=9, now=NOW)
    assert len(entries(plans)) == count
    plans.close()


def test_only_a_synthetic_entry_may_be_recorded_at_a_chosen_time() -> None:
    with pytest.raises(ValueError, match="synthetic"):
        EntryContext("cw-anna", "caseworker", "req-1", TODAY, recorded_at=NOW)
    ctx = EntryContext("cw-01", "caseworker", "demo-1", TODAY, recorded_at=NOW)
    assert ctx.recorded_at == NOW
