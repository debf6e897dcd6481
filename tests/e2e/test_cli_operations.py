"""Admin commands beside running services, as an operator runs them: separate processes."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from api.auth import issue_token
from infrastructure.settings import Settings
from tests.live import IPLAN, ROOT, TcpProxy, live_server, stop
from tests.postgres import ADMIN_DSN, temporary_database

JWT_SECRET = "cli-operations-secret-of-enough-length"


def iplan(
    env: dict[str, str], *args: str, timeout: float = 180
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(IPLAN), *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture(params=("sqlite", "postgres"))
def store_env(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[dict[str, str]]:
    env = {"IPLAN_DATA_DIR": str(tmp_path / "data"), "IPLAN_JWT_SECRET": JWT_SECRET}
    if request.param == "sqlite":
        yield {**env, "IPLAN_STORE": "sqlite"}
        return
    with temporary_database() as dbname:
        yield {**env, "IPLAN_STORE": "postgres", "IPLAN_POSTGRES_DBNAME": dbname}


def test_demo_seeds_beside_a_running_service(store_env: dict[str, str], tmp_path: Path) -> None:
    with live_server(tmp_path, store_env) as server:
        seeded = iplan(store_env, "demo", "--persons", "40", "--seed", "3")
        assert seeded.returncode == 0, seeded.stderr
        assert "Seeded 40 plans" in seeded.stdout
        token = issue_token(
            Settings(jwt_secret=JWT_SECRET), sub="cw", role="caseworker", municipalities=["*"]
        )
        # The service's own workers and the demo's catch-up shared the read models.
        deadline = time.monotonic() + 30
        while True:
            request = urllib.request.Request(
                f"{server.url}/v1/plans?limit=200", headers={"Authorization": f"Bearer {token}"}
            )
            with urllib.request.urlopen(request, timeout=10) as response:
                items = json.load(response)["items"]
            if len(items) == 40:
                break
            assert time.monotonic() < deadline, len(items)
            time.sleep(0.2)
    assert "Traceback" not in server.log.read_text()


def tables(env: dict[str, str]) -> set[str]:
    if env["IPLAN_STORE"] == "sqlite":
        with sqlite3.connect(Path(env["IPLAN_DATA_DIR"]) / "iplan.sqlite3") as db:
            return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    dsn = ADMIN_DSN.replace("dbname=postgres", f"dbname={env['IPLAN_POSTGRES_DBNAME']}")
    with psycopg.connect(dsn) as conn:
        rows = conn.execute("SELECT table_name FROM information_schema.tables").fetchall()
    return {str(r[0]) for r in rows}


def test_rebuild_with_a_grace_period_ends_and_drops_the_old_generation(
    store_env: dict[str, str],
) -> None:
    assert iplan(store_env, "demo", "--persons", "60").returncode == 0
    one = iplan(store_env, "projections", "rebuild", "analytics", "--grace", "1", timeout=120)
    assert one.returncode == 0, one.stderr
    assert "analytics: now v2" in one.stdout
    every = iplan(store_env, "projections", "rebuild", "--all", "--grace", "1", timeout=120)
    assert every.returncode == 0, every.stderr
    assert "plan_summary: now v2" in every.stdout
    left = tables(store_env)
    assert not any("plan_summary_v1_" in t or t.startswith("v1_") for t in left), left


@pytest.mark.postgres
def test_a_worker_started_while_the_database_is_away_waits_for_it(tmp_path: Path) -> None:
    with temporary_database() as dbname, TcpProxy(5432) as proxy:
        env = {
            "IPLAN_STORE": "postgres",
            "IPLAN_POSTGRES_DBNAME": dbname,
            "IPLAN_POSTGRES_PORT": str(proxy.port),
            "IPLAN_POSTGRES_CONNECT_TIMEOUT": "2",
            "IPLAN_DATA_DIR": str(tmp_path),
            "IPLAN_LOG_FORMAT": "json",
        }
        proxy.cut("refuse")
        log = tmp_path / "worker.log"
        with log.open("w") as out:
            worker = subprocess.Popen(
                [str(IPLAN), "project"],
                cwd=ROOT,
                env={**os.environ, **env},
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        try:
            deadline = time.monotonic() + 30
            while "store_unavailable_waiting" not in log.read_text():
                assert worker.poll() is None, log.read_text()
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
            time.sleep(1.0)
            assert worker.poll() is None, log.read_text()  # waiting, not gone
            proxy.restore()
            dsn = ADMIN_DSN.replace("dbname=postgres", f"dbname={dbname}")
            deadline = time.monotonic() + 60
            while True:  # the workers start and report once the database is back
                with psycopg.connect(dsn) as conn:
                    found = conn.execute(
                        "SELECT to_regclass('public.projection_heartbeats') IS NOT NULL"
                    ).fetchone()
                    beats = 0
                    if found and found[0]:
                        row = conn.execute("SELECT count(*) FROM projection_heartbeats").fetchone()
                        beats = int(row[0]) if row else 0
                if beats == 4:
                    break
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.3)
            worker.send_signal(signal.SIGTERM)
            assert worker.wait(20) == 0, log.read_text()
        finally:
            stop(worker)
