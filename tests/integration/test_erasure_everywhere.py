"""Erasure takes effect everywhere at once: in every process, and in the table's files."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path
from uuid import UUID

import pytest

from application.plans import IntegrationPlans
from domain.plan import IntegrationPlan
from infrastructure.settings import Settings
from infrastructure.store import build_plans
from tests.builders import TODAY, ctx, open_details, personal
from tests.integration.raw_database import fetch_one, plan_key, postgres

SECRET_NAME = "Zebulon-Erase-7"


def a_secret_plan(plans: IntegrationPlans) -> UUID:
    return plans.open_plan(ctx(), **open_details(personal=personal(given_name=SECRET_NAME))).id


def erase(plans: IntegrationPlans, plan_id: UUID) -> None:
    plans.record(
        plan_id,
        IntegrationPlan.erase_personal_data,
        ctx("admin-1", "admin"),
        legal_basis="Art. 17 DSGVO",
        on=TODAY,
    )


@pytest.fixture
def other(store_settings: Settings) -> Iterator[IntegrationPlans]:
    """A second process on the same store."""
    if store_settings.store == "memory":
        pytest.skip("the memory store lives in one process")
    second = build_plans(store_settings, today=lambda: TODAY)
    yield second
    second.close()


def test_another_process_shows_no_personal_value_after_an_acknowledged_erasure(
    plans: IntegrationPlans, other: IntegrationPlans
) -> None:
    plan_id = a_secret_plan(plans)
    # The other process has read the plan: its key and the plan are warm there.
    state = other.get_plan(plan_id)
    assert state.state.personal is not None
    erase(plans, plan_id)
    # Its very next reads, of every kind, show nothing personal.
    assert other.get_plan(plan_id).state.personal is None
    assert SECRET_NAME not in repr(other.get_plan(plan_id).state)
    assert all(h.personal is None for h in other.history(plan_id))
    assert other.get_plan(plan_id, version=1).state.personal is None


def test_a_snapshot_opened_before_an_erasure_elsewhere_shows_nothing_personal_after_it(
    plans: IntegrationPlans, other: IntegrationPlans
) -> None:
    plan_id = a_secret_plan(plans)
    every = plans.snapshot_every[IntegrationPlan]
    for _ in range(every + 2):
        plans.record(
            plan_id, IntegrationPlan.attend_workshop, ctx(), kind="other", attended_on=TODAY
        )
    # The other process opened the plan's snapshot, and keeps it for the next reads.
    assert other.get_plan(plan_id, version=every + 1).state.personal is not None
    assert len(other.opened_snapshots) == 1  # (application/opened_snapshots.py)
    plans.get_plan(plan_id, version=every + 1)
    assert len(plans.opened_snapshots) == 1
    erase(plans, plan_id)
    for version in (every, every + 1, None):
        state = other.get_plan(plan_id, version=version).state
        assert state.personal is None
        assert SECRET_NAME not in repr(state)
    assert len(other.opened_snapshots) == 0  # let go of, there as here
    assert len(plans.opened_snapshots) == 0


def relation_files(settings: Settings, table: str) -> list[Path]:
    with postgres(settings) as conn:
        conn.execute("CHECKPOINT")  # every page on disk, as a thief would find them
        row = conn.execute(
            "SELECT current_setting('data_directory'), pg_relation_filepath(%s)", (table,)
        ).fetchone()
    assert row is not None
    main = Path(row[0]) / row[1]
    return sorted(main.parent.glob(main.name + "*"))  # segments, free space map, ...


@pytest.mark.postgres
def test_no_copy_of_an_erased_key_stays_in_the_postgres_table_files(
    plans: IntegrationPlans, store_settings: Settings
) -> None:
    if store_settings.store != "postgres":
        pytest.skip("SQLite: see test_personal_data's raw scan of the file and its WAL")
    if not os.access("/var/lib/postgresql", os.R_OK):
        pytest.fail("the tests must run as root to read PostgreSQL's files")
    plan_id = a_secret_plan(plans)
    row = fetch_one(
        store_settings,
        "SELECT wrapped FROM plan_keys WHERE plan_id = ?",
        plan_key(store_settings, plan_id),
    )
    assert row is not None
    wrapped = bytes(row[0])
    assert any(wrapped in f.read_bytes() for f in relation_files(store_settings, "plan_keys"))

    erase(plans, plan_id)

    files = relation_files(store_settings, "plan_keys")
    assert files
    assert not any(wrapped in f.read_bytes() for f in files)
    # Without the rewrite the dead row would still be there: the scan can see it.
    with postgres(store_settings) as conn:
        conn.execute(
            "INSERT INTO plan_keys (plan_id, key_id, wrapped) VALUES (gen_random_uuid(), 'x', %s)",
            (b"canary-" + wrapped,),
        )
        conn.execute("DELETE FROM plan_keys WHERE key_id = 'x'")
    assert any(
        b"canary-" + wrapped in f.read_bytes() for f in relation_files(store_settings, "plan_keys")
    )


@pytest.mark.postgres
def test_an_old_transaction_delays_the_shredding_but_does_not_defeat_it(
    plans: IntegrationPlans, store_settings: Settings
) -> None:
    if store_settings.store != "postgres":
        pytest.skip("PostgreSQL's dead rows")
    plan_id = a_secret_plan(plans)
    row = fetch_one(
        store_settings,
        "SELECT wrapped FROM plan_keys WHERE plan_id = ?",
        plan_key(store_settings, plan_id),
    )
    assert row is not None
    wrapped = bytes(row[0])
    with postgres(store_settings) as old:
        old.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
        old.execute("SELECT count(*) FROM plan_chain")  # a snapshot from before the erasure
        closer = threading.Timer(0.4, old.execute, args=("COMMIT",))
        closer.start()
        erase(plans, plan_id)
        closer.join()
    assert not any(wrapped in f.read_bytes() for f in relation_files(store_settings, "plan_keys"))
