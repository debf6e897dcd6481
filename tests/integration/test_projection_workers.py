"""Two processes running the same read models on one store (a service and `iplan demo`, or
two `iplan project` workers by mistake) share the work: nothing is applied twice."""

from __future__ import annotations

import threading

import psycopg
import pytest

from application.plans import IntegrationPlans
from infrastructure.read_models import NAMES, ReadModels
from infrastructure.settings import Settings
from infrastructure.store import build_plans
from tests.builders import TODAY
from tests.integration.test_projections import assert_equal_to_rebuild, dsn, live_plan


def test_two_processes_catching_up_the_same_views_apply_each_entry_once(
    plans: IntegrationPlans, store_settings: Settings
) -> None:
    if store_settings.store == "memory":
        pytest.skip("the memory store lives in one process only")
    for i in range(12):
        live_plan(plans, i)
    other = build_plans(store_settings, today=lambda: TODAY)
    try:
        # Small batches, so that the two interleave their batches many times.
        here = ReadModels(plans, batch_size=5, drop_delay=0)
        there = ReadModels(other, batch_size=3, drop_delay=0)
        failures: list[BaseException] = []

        def catch_up(models: ReadModels) -> None:
            try:
                models.catch_up()
            except BaseException as error:
                failures.append(error)

        threads = [threading.Thread(target=catch_up, args=(m,)) for m in (here, there)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert failures == []
        head = plans.recorder.max_notification_id()
        for name in NAMES:
            assert here.position(name) == head
        assert_equal_to_rebuild(here)
    finally:
        other.close()


def test_a_second_process_opens_the_views_while_the_first_ones_workers_write(
    plans: IntegrationPlans, store_settings: Settings
) -> None:
    """Opening views that are in place takes no lock on their tables: a second process
    starting while the first one's workers write neither waits nor deadlocks (the DDL that
    checks for missing columns and indexes locked every table, even when it changed
    nothing)."""
    if store_settings.store != "postgres":
        pytest.skip("table locks are PostgreSQL's (SQLite locks the whole file for writes)")
    live_plan(plans, 0)
    first = ReadModels(plans, drop_delay=0)
    first.catch_up()
    facts = first.view("analytics").tables.name("facts")  # type: ignore[attr-defined]
    opened: list[ReadModels] = []
    with psycopg.connect(dsn(store_settings)) as writer:
        writer.execute(f"LOCK TABLE {facts} IN ROW EXCLUSIVE MODE")  # as a worker's batch
        second = threading.Thread(target=lambda: opened.append(ReadModels(plans)))
        second.start()
        second.join(10)
        assert opened, "opening the views waited for the writing worker"
        writer.rollback()
    assert opened[0].position("analytics") == first.position("analytics")

    # What is not in place (an index lost, a column a release added) is still made.
    schema, table = (part.strip('"') for part in facts.split("."))
    with psycopg.connect(dsn(store_settings), autocommit=True) as admin:
        index = admin.execute(
            "SELECT indexname FROM pg_indexes WHERE schemaname = %s AND tablename = %s "
            "AND indexdef NOT LIKE '%%UNIQUE%%' LIMIT 1",
            (schema, table),
        ).fetchone()
        assert index is not None
        admin.execute(f'DROP INDEX "{schema}"."{index[0]}"')
        ReadModels(plans)
        again = admin.execute(
            "SELECT 1 FROM pg_indexes WHERE schemaname = %s AND indexname = %s", (schema, index[0])
        ).fetchone()
        assert again is not None
