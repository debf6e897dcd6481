"""Under API kills, database outages and worker kills, no acknowledged write is lost or
recorded twice, and the read models end equal to a rebuild (DESIGN 8 "Reliability")."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
import uuid
from pathlib import Path

import pytest

from api.auth import issue_token
from infrastructure.read_models import NAMES, ReadModels
from infrastructure.settings import Settings
from infrastructure.store import build_plans
from tests.e2e.session import open_plan_body
from tests.e2e.test_outages import call
from tests.integration.test_projections import rebuilt
from tests.live import IPLAN, ROOT, TcpProxy, free_port, stop, wait_for_health
from tests.postgres import temporary_database

SECRET = "faults-test-secret-of-enough-length"
WRITES_PER_PLAN = 25


class Process:
    """A restartable `iplan` process with fixed arguments and settings."""

    def __init__(self, args: list[str], env: dict[str, str], log: Path) -> None:
        self.args, self.env, self.log = args, env, log
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log.open("a") as out:
            self.process = subprocess.Popen(
                [str(IPLAN), *self.args],
                cwd=ROOT,
                env={**os.environ, **self.env},
                stdout=out,
                stderr=subprocess.STDOUT,
            )

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)


class Caseworker(threading.Thread):
    """Records consultations on one plan, each retried with its Idempotency-Key until
    acknowledged; remembers what each acknowledgment said."""

    def __init__(self, url: str, token: str, plan: str) -> None:
        super().__init__(daemon=True)
        self.url, self.token, self.plan = url, token, plan
        self.acknowledged: dict[str, int] = {}

    def run(self) -> None:
        for n in range(WRITES_PER_PLAN):
            key = f"{self.plan}-{n}"
            body = {
                "held_on": "2025-02-01",
                "duration_minutes": 30 + n,
                "setting": "office",
                "interpreter_language": None,
                "topics": ["language"],
                "notes": f"visit {n}",
            }
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    answer = call(
                        f"{self.url}/v1/plans/{self.plan}/consultations",
                        self.token,
                        body,
                        timeout=10,
                        headers={"Idempotency-Key": key},
                    )
                except OSError:  # the server is being killed or restarted
                    time.sleep(0.2)
                    continue
                if answer.status == 201:
                    self.acknowledged[key] = int(answer.body["version"])
                    break
                time.sleep(0.2)


@pytest.mark.postgres
def test_no_acknowledged_write_is_lost_or_doubled_under_faults(tmp_path: Path) -> None:
    with temporary_database() as dbname, TcpProxy(5432) as proxy:
        port = free_port()
        env = {
            "IPLAN_STORE": "postgres",
            "IPLAN_POSTGRES_DBNAME": dbname,
            "IPLAN_POSTGRES_PORT": str(proxy.port),
            "IPLAN_POSTGRES_CONNECT_TIMEOUT": "2",
            "IPLAN_DATA_DIR": str(tmp_path),
            "IPLAN_JWT_SECRET": SECRET,
            "IPLAN_PROJECTIONS_IN_PROCESS": "false",
        }
        api = Process(["serve", "--port", str(port)], env, tmp_path / "api.log")
        worker = Process(["project"], env, tmp_path / "worker.log")
        url = f"http://127.0.0.1:{port}"
        token = issue_token(
            Settings(jwt_secret=SECRET), sub="cw-1", role="caseworker", municipalities=["*"]
        )
        api.start()
        worker.start()
        try:
            assert api.process is not None
            wait_for_health(url, api.process, api.log)
            plans = [
                call(f"{url}/v1/plans", token, open_plan_body(opened_on="2025-01-15")).body["id"]
                for _ in range(3)
            ]
            caseworkers = [Caseworker(url, token, plan) for plan in plans]
            for caseworker in caseworkers:
                caseworker.start()
            for fault in ("api", "database", "worker", "api", "database", "worker"):
                time.sleep(1.0)
                if fault == "api":
                    api.kill()
                    api.start()
                elif fault == "worker":
                    worker.kill()
                    worker.start()
                else:
                    proxy.cut("refuse")
                    time.sleep(1.5)
                    proxy.restore()
            for caseworker in caseworkers:
                caseworker.join(120)
                assert len(caseworker.acknowledged) == WRITES_PER_PLAN, caseworker.plan
        finally:
            if api.process is not None:
                stop(api.process)

        # Straight to the database now, past the proxy.
        store = build_plans(Settings(store="postgres", postgres_dbname=dbname, data_dir=tmp_path))
        try:
            for caseworker in caseworkers:
                history = store.history(uuid.UUID(caseworker.plan))
                consultations = [h for h in history if h.type == "ConsultationHeld"]
                # Every acknowledged write once, nothing else: retries recorded nothing new.
                assert sorted(h.version for h in consultations) == sorted(
                    caseworker.acknowledged.values()
                )
                assert len({h.data["duration_minutes"] for h in consultations}) == WRITES_PER_PLAN
            models = ReadModels(store)
            models.wait_for(store.recorder.max_notification_id(), timeout=60)  # the worker
            for name in NAMES:
                assert models.view(name).dump() == rebuilt(models, name), name
        finally:
            if worker.process is not None:
                stop(worker.process)
            store.close()
