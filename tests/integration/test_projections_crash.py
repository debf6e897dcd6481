"""Exactly once under stress: concurrent writers, and a projection process killed mid-batch."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from application.plans import IntegrationPlans
from infrastructure.read_model_kinds import NAMES
from infrastructure.read_models import ReadModels
from infrastructure.settings import Settings
from tests.integration.test_projections import (
    assert_equal_to_rebuild,
    dsn,
    live_plan,
    running_read_models,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def read_models(plans: IntegrationPlans, store_settings: Settings) -> Iterator[ReadModels]:
    with running_read_models(plans, store_settings) as models:
        yield models


# Runs the read models in a separate process and kills it (os._exit) just before the
# commit number given: the view update of that batch was made but never committed.
CRASHING_PROJECTOR = """
import os, sys
from infrastructure.read_models import ReadModels
from infrastructure.settings import Settings
from infrastructure.store import build_plans

plans = build_plans(Settings())
models = ReadModels(plans, batch_size=5)
commits = 0

def crash() -> None:
    global commits
    commits += 1
    if commits == int(sys.argv[1]):
        os._exit(17)

models.db.before_commit = crash
models.catch_up()
os._exit(0)
"""


def run_crashing_projector(settings: Settings, crash_at: int) -> int:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "IPLAN_STORE": settings.store,
        "IPLAN_DATA_DIR": str(settings.data_dir),
        "IPLAN_POSTGRES_DBNAME": settings.postgres_dbname,
        "IPLAN_LOG_LEVEL": "ERROR",
    }
    done = subprocess.run(
        [sys.executable, "-c", CRASHING_PROJECTOR, str(crash_at)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode in (0, 17), done.stderr.decode()[-2000:]
    return done.returncode


def test_a_killed_projector_resumes_exactly_once(
    plans: IntegrationPlans, store_settings: Settings, read_models: ReadModels
) -> None:
    if store_settings.store == "memory":
        pytest.skip("nothing survives a killed process in memory")
    for i in range(6):
        live_plan(plans, i)
    head = plans.recorder.max_notification_id()
    assert head is not None
    for crash_at in (9, 17, 23):
        assert run_crashing_projector(store_settings, crash_at) == 17
    positions = [read_models.position(name) or 0 for name in NAMES]
    assert min(positions) < head  # killed part-way
    assert max(positions) > 0
    read_models.catch_up()
    assert_equal_to_rebuild(read_models)


def test_concurrent_writers_every_entry_applied_once(
    plans: IntegrationPlans, read_models: ReadModels
) -> None:
    """Four writers at once, on every store (group commit on SQLite and PostgreSQL): the
    projections apply each entry once, none skipped."""
    read_models.start()
    errors: list[BaseException] = []

    def writer(first: int) -> None:
        try:
            for i in range(first, first + 3):
                live_plan(plans, i)
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(k * 3,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    head = plans.recorder.max_notification_id()
    read_models.wait_for(head, timeout=60)
    notifications = plans.recorder.select_notifications(1, 10_000)
    logged = read_models.audit_log.dump()["records"]
    assert sorted(r["seq"] for r in logged) == [n.id for n in notifications]
    assert_equal_to_rebuild(read_models)


def test_lost_connections_resume_without_a_restart(
    plans: IntegrationPlans, store_settings: Settings, read_models: ReadModels
) -> None:
    if store_settings.store != "postgres":
        pytest.skip("a database restart is simulated on PostgreSQL")
    read_models.start()
    live_plan(plans, 0)
    read_models.wait_for(plans.recorder.max_notification_id(), timeout=30)
    with psycopg.connect(dsn(store_settings), autocommit=True) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    for i in (1, 2):
        for attempt in range(5):  # the writer's own pooled connections died too
            try:
                live_plan(plans, i)
                break
            except Exception:
                if attempt == 4:
                    raise
                time.sleep(0.2)
    read_models.wait_for(plans.recorder.max_notification_id(), timeout=30)
    assert all(s.state == "running" for s in read_models.status())
    assert_equal_to_rebuild(read_models)
