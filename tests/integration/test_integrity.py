"""A plan's stored history is tamper-evident: changed, removed or reordered entries are found."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from uuid import UUID, uuid4

import pytest

from application.errors import ConcurrentWrites, PlanNotFound
from application.plans import IntegrationPlans
from domain.plan import IntegrationPlan
from infrastructure.encrypting_mapper import SnapshotTampered
from infrastructure.settings import Settings
from infrastructure.store import build_plans
from tests.builders import TODAY, ctx, open_details
from tests.integration.raw_database import EVENTS_TABLE, execute, fetch_one, plan_key

ENTRIES = 5


def a_plan_with_entries(plans: IntegrationPlans) -> UUID:
    c = ctx()
    plan_id = plans.open_plan(c, **open_details()).id
    for day in range(1, ENTRIES):
        plans.record(
            plan_id,
            IntegrationPlan.attend_workshop,
            c,
            kind="other",
            attended_on=date(2025, 3, day),
        )
    return plan_id


def test_an_untouched_plan_verifies(plans: IntegrationPlans) -> None:
    plan_id = a_plan_with_entries(plans)
    report = plans.verify_integrity(plan_id)
    assert report.ok, report
    assert report.checked == ENTRIES
    assert report.first_bad_version is None


def test_an_erased_plan_still_verifies(plans: IntegrationPlans) -> None:
    plan_id = a_plan_with_entries(plans)
    plans.record(
        plan_id, IntegrationPlan.erase_personal_data, ctx(), legal_basis="art_17_gdpr", on=TODAY
    )
    report = plans.verify_integrity(plan_id)
    assert report.ok, report
    assert report.checked == ENTRIES + 1


def test_verifying_all_plans_reports_each(plans: IntegrationPlans) -> None:
    plan_ids = {a_plan_with_entries(plans) for _ in range(3)}
    reports = list(plans.verify_all())
    assert {r.plan_id for r in reports} == plan_ids
    assert all(r.ok for r in reports)


def test_racing_writers_in_separate_applications_leave_a_verifiable_chain(
    plans: IntegrationPlans, store_settings: Settings
) -> None:
    if store_settings.store == "memory":
        pytest.skip("separate in-memory applications share no store")
    plan_id = a_plan_with_entries(plans)
    others = [build_plans(store_settings, today=lambda: TODAY) for _ in range(2)]
    apps = [plans, *others]

    def write(app: IntegrationPlans) -> None:
        for day in range(1, 6):
            while True:
                try:
                    app.record(
                        plan_id,
                        IntegrationPlan.attend_workshop,
                        ctx(),
                        kind="other",
                        attended_on=date(2025, 4, day),
                    )
                    break
                except ConcurrentWrites:
                    continue  # the application's retries ran out: the test keeps on

    try:
        with ThreadPoolExecutor(len(apps)) as pool:
            list(pool.map(write, apps))
    finally:
        for app in others:
            app.close()
    report = plans.verify_integrity(plan_id)
    assert report.ok, report
    assert report.checked == ENTRIES + 15


def test_an_unknown_plan_is_not_found(plans: IntegrationPlans) -> None:
    with pytest.raises(PlanNotFound):
        plans.verify_integrity(uuid4())


Tamper = Callable[[Settings, str, object], None]


def change_an_entrys_bytes(settings: Settings, table: str, plan: object) -> None:
    change_an_entrys_bytes_in(settings, table, plan, version=3)


def change_an_entrys_bytes_in(settings: Settings, table: str, plan: object, version: int) -> None:
    where = f"WHERE originator_id = ? AND originator_version = {version}"
    row = fetch_one(settings, f"SELECT state FROM {table} {where}", plan)
    assert row is not None
    state = bytes(row[0])
    assert b"other" in state
    execute(
        settings, f"UPDATE {table} SET state = ? {where}", state.replace(b"other", b"kita_"), plan
    )


def remove_an_entry(settings: Settings, table: str, plan: object) -> None:
    execute(
        settings, f"DELETE FROM {table} WHERE originator_id = ? AND originator_version = 3", plan
    )


def remove_the_last_entry(settings: Settings, table: str, plan: object) -> None:
    execute(
        settings,
        f"DELETE FROM {table} WHERE originator_id = ? AND originator_version = {ENTRIES}",
        plan,
    )


def swap_two_entries(settings: Settings, table: str, plan: object) -> None:
    where = "WHERE originator_id = ? AND originator_version = "
    execute(settings, f"UPDATE {table} SET originator_version = -1 {where} 2", plan)
    execute(settings, f"UPDATE {table} SET originator_version = 2 {where} 4", plan)
    execute(settings, f"UPDATE {table} SET originator_version = 4 {where} -1", plan)


def insert_a_forged_entry(settings: Settings, table: str, plan: object) -> None:
    columns = "originator_id, originator_version, topic, state"
    execute(
        settings,
        f"INSERT INTO {table} ({columns}) SELECT originator_id, {ENTRIES + 1}, topic, state "
        f"FROM {table} WHERE originator_id = ? AND originator_version = 2",
        plan,
    )


def remove_a_chain_link(settings: Settings, _table: str, plan: object) -> None:
    execute(settings, "DELETE FROM plan_chain WHERE plan_id = ? AND version = 2", plan)


@pytest.mark.parametrize(
    ("tamper", "first_bad_version"),
    [
        (change_an_entrys_bytes, 3),
        (remove_an_entry, 3),
        (remove_the_last_entry, ENTRIES),
        (swap_two_entries, 2),
        (insert_a_forged_entry, ENTRIES + 1),
        (remove_a_chain_link, 2),
    ],
)
def test_tampering_in_the_database_is_detected(
    plans: IntegrationPlans,
    store_settings: Settings,
    tamper: Tamper,
    first_bad_version: int,
) -> None:
    if store_settings.store == "memory":
        pytest.skip("tampering means writing the database directly")
    plan_id = a_plan_with_entries(plans)
    untouched = a_plan_with_entries(plans)

    tamper(store_settings, EVENTS_TABLE[store_settings.store], plan_key(store_settings, plan_id))

    report = plans.verify_integrity(plan_id)
    assert not report.ok
    assert report.first_bad_version == first_bad_version, report
    assert report.problem
    assert plans.verify_integrity(untouched).ok
    assert {r.plan_id for r in plans.verify_all() if not r.ok} == {plan_id}


SNAPSHOTS_TABLE = {"sqlite": "stored_snapshots", "postgres": "integrationplans_snapshots"}


def test_a_changed_snapshot_is_refused_and_deleting_snapshots_recovers(
    plans: IntegrationPlans, store_settings: Settings
) -> None:
    if store_settings.store == "memory":
        pytest.skip("tampering means writing the database directly")
    plan_id = a_plan_with_entries(plans)
    plans.take_snapshot(plan_id)
    assert plans.get_plan(plan_id).version == ENTRIES  # read from the snapshot
    table = SNAPSHOTS_TABLE[store_settings.store]
    key = plan_key(store_settings, plan_id)

    where = f"WHERE originator_id = ? AND originator_version = {ENTRIES}"
    row = fetch_one(store_settings, f"SELECT state FROM {table} {where}", key)
    assert row is not None
    state = bytes(row[0])
    changed = state[:-8] + (b"A" if state[-8:-7] != b"A" else b"B") + state[-7:]
    execute(store_settings, f"UPDATE {table} SET state = ? {where}", changed, key)
    with pytest.raises(SnapshotTampered):
        plans.get_plan(plan_id)

    execute(store_settings, f"DELETE FROM {table} WHERE originator_id = ?", key)
    assert len(plans.get_plan(plan_id).state.workshops) == ENTRIES - 1
    assert plans.verify_integrity(plan_id).ok
