"""The demo county: realistic, deterministic for a seed, and saved through the application."""

from __future__ import annotations

from collections import Counter
from typing import Any

from application.plans import IntegrationPlans
from domain import events as ev
from infrastructure.demo.county import build_county, seed_demo_county
from infrastructure.reference_data import ortenaukreis_municipalities
from infrastructure.settings import Settings
from infrastructure.store import build_plans
from tests.conftest import TODAY


def entries(plans: IntegrationPlans) -> list[ev.PlanEvent]:
    notifications = plans.recorder.select_notifications(start=1, limit=1_000_000)
    return [plans.mapper.to_domain_event(n) for n in notifications]  # type: ignore[misc]


def comparable(entry: ev.PlanEvent) -> tuple[Any, ...]:
    """An entry without what differs between runs: child ids made at random, recorded times."""
    data = {k: v for k, v in vars(entry).items() if not k.endswith("_id") and k != "timestamp"}
    return (type(entry).__name__, entry.originator_id, sorted(data.items(), key=str))


def test_the_county_has_its_51_municipalities_and_25_county_caseworkers() -> None:
    import random

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
        plans = build_plans(Settings(store="memory"), today=lambda: TODAY)
        seed_demo_county(plans, persons=60, seed=7)
        runs.append([comparable(e) for e in entries(plans)])
        plans.close()
    assert runs[0] == runs[1]


def test_the_seeded_county_is_plausible_and_stored(store_settings: Settings) -> None:
    plans = build_plans(store_settings, today=lambda: TODAY)
    count = seed_demo_county(plans, persons=400, seed=3)
    stored = entries(plans)
    assert len(stored) == count
    kinds = Counter(type(e).__name__ for e in stored)
    assert kinds["PlanOpened"] == 400
    assert kinds["ConsultationHeld"] > kinds["PlanOpened"] * 5
    levels = Counter(e.level_reached for e in stored if isinstance(e, ev.CourseCompleted))
    assert levels["B1"] + levels["A2"] > 2 * levels["B2"]
    by_municipality = Counter(e.municipality for e in stored if isinstance(e, ev.PlanOpened))
    # Persons roughly by population: Offenburg (61,670) has far more than Nordrach (~1,900).
    assert by_municipality["08317096"] > 5 * by_municipality.get("08317085", 0)
    closures = {e.reason for e in stored if isinstance(e, ev.PlanClosed)}
    assert {"advice_period_ended", "goals_achieved", "moved_away"} <= closures
    plans.close()
