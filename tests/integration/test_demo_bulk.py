"""The bulk path of `iplan demo` stores what recording the steps one by one stores: the same
entries in the same order at the same recorded times, intact chains, sealed personal data,
erased keys destroyed, the same snapshots and the same read models."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast
from uuid import UUID, uuid4

import pytest

from application.plans import IntegrationPlans
from domain import events as ev
from domain.plan import IntegrationPlan
from infrastructure.demo.seeding import county_lives, seed_demo_county
from infrastructure.encrypting_mapper import PersonalDataMapper
from infrastructure.read_models import ReadModels
from infrastructure.settings import Settings
from infrastructure.store import build_plans
from projections.plan_summary import PlanFilter
from projections.worklist import WorkQuery
from tests.builders import ctx, open_details, personal
from tests.conftest import TODAY
from tests.postgres import temporary_database

NOW = datetime(2026, 6, 1, 13, 30, tzinfo=UTC)
PERSONS, SEED = 50, 6  # a county with an erasure, a retraction and an extension


@contextmanager
def two_stores(store: str, tmp_path: Path) -> Iterator[tuple[Settings, Settings]]:
    if store == "sqlite":
        yield tuple(  # type: ignore[misc]
            Settings(store="sqlite", data_dir=tmp_path / name) for name in ("steps", "bulk")
        )
        return
    with temporary_database() as steps, temporary_database() as bulk:
        yield tuple(  # type: ignore[misc]
            Settings(store="postgres", postgres_dbname=db, data_dir=tmp_path / db)
            for db in (steps, bulk)
        )


class Canonical:
    """Child ids are made at random: name each by its plan and the order it appeared in."""

    def __init__(self) -> None:
        self.names: dict[UUID, tuple[UUID, int]] = {}

    def entry(self, entry: ev.PlanEvent) -> tuple[Any, ...]:
        data = {}
        for key, value in vars(entry).items():
            if key.endswith("_id") and key != "originator_id" and isinstance(value, UUID):
                value = self.names.setdefault(value, (entry.originator_id, len(self.names)))
            data[key] = value
        return (type(entry).__name__, sorted(data.items(), key=str))

    def item(self, value: Any) -> Any:
        return None if value is None else self.names.get(value, value)


def contents(plans: IntegrationPlans) -> dict[str, Any]:
    notifications = plans.recorder.select_notifications(start=1, limit=1_000_000)
    entries = [cast(ev.PlanEvent, plans.mapper.to_domain_event(n)) for n in notifications]
    canonical = Canonical()
    plan_ids = sorted({e.originator_id for e in entries})
    models = ReadModels(plans)
    models.catch_up()
    work = models.worklist.worklist(WorkQuery(as_of=TODAY, due_within_days=3650))
    for e in entries:
        canonical.entry(e)  # names every child id in log order first
    return {
        "log": [canonical.entry(e) for e in entries],
        "integrity": [plans.verify_integrity(p).ok for p in plan_ids],
        "snapshots": [snapshot_versions(plans, p) for p in plan_ids],
        "summary": [
            unsealed(asdict(item))
            for item in models.summary.list_plans(PlanFilter(as_of=TODAY), limit=10_000).items
        ],
        "worklist": [(i.kind, i.plan_id, i.due_on, canonical.item(i.measure_id)) for i in work],
        "plain": [n.state for n in notifications],
    }


def unsealed(row: dict[str, Any]) -> dict[str, Any]:
    """A row without its sealed values (names): each store seals with keys of its own."""
    return {k: v for k, v in row.items() if not (isinstance(v, str) and v.startswith("enc1:"))}


def snapshot_versions(plans: IntegrationPlans, plan_id: UUID) -> list[int]:
    """Read without opening them: an erased plan's snapshots no longer open."""
    assert plans.snapshots is not None
    return [s.originator_version for s in plans.snapshots.recorder.select_events(plan_id)]


@pytest.mark.parametrize("store", ["sqlite", "postgres"])
def test_the_bulk_path_stores_what_the_commands_store(store: str, tmp_path: Path) -> None:
    steps = [s for life in county_lives(PERSONS, SEED, TODAY, NOW) for s in life.steps]
    made = {s.command.__name__ for s in steps if s.command is not None}
    assert {"erase_personal_data", "retract", "extend_advice_period"} <= made
    found = []
    with two_stores(store, tmp_path) as settings:
        for bulk, where in zip((False, True), settings, strict=True):
            plans = build_plans(where, today=lambda: TODAY)
            plans.snapshot_every = {IntegrationPlan: 10}  # type: ignore[misc] # snapshots for most
            count = seed_demo_county(plans, persons=PERSONS, seed=SEED, now=NOW, bulk=bulk)
            found.append((count, contents(plans)))
            plans.close()
    (count, by_steps), (bulk_count, by_bulk) = found
    assert count == bulk_count == len(by_steps["log"]) > PERSONS * 10
    assert by_bulk["log"] == by_steps["log"]  # same entries, order, times, personal values
    assert all(by_bulk["integrity"])
    assert all(by_steps["integrity"])
    assert by_bulk["snapshots"] == by_steps["snapshots"] != [[]] * PERSONS
    assert by_bulk["summary"] == by_steps["summary"]
    assert by_bulk["worklist"] == by_steps["worklist"]
    erased = [e for e in by_bulk["log"] if e[0] == "PersonalDataErased"]
    assert erased  # and after it every entry of that plan reads without personal data
    for stored in by_bulk["plain"]:  # personal values are sealed in the store
        assert b"Anschlussunterbringung" not in stored
        assert b"+49 781" not in stored


def test_keys_stored_a_batch_at_a_time_are_each_plans_own(plans: IntegrationPlans) -> None:
    existing = plans.open_plan(ctx(), **open_details(personal=personal(given_name="Kept"))).id
    keys = cast(PersonalDataMapper, plans.mapper).keys
    before = keys.table.select(existing)
    fresh = [uuid4(), uuid4()]
    keys.store_new_keys([existing, *fresh])
    assert keys.table.select(existing) == before  # a plan with a key keeps it
    assert plans.get_plan(existing).state.personal["given_name"] == "Kept"  # type: ignore[index]
    rows = [keys.table.select(p) for p in fresh]
    assert None not in rows
    assert rows[0] != rows[1]
    assert keys.data_key(fresh[0]) != keys.data_key(fresh[1])
