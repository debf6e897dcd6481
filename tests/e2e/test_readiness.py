"""Readiness as an orchestrator sees it: the store answers and every read model runs
somewhere (in this process or an `iplan project` worker) and keeps up."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from infrastructure.heartbeats import Heartbeats
from infrastructure.read_models import NAMES, ReadModels
from infrastructure.store import build_plans
from tests.builders import TODAY
from tests.conftest import settings_for
from tests.e2e.session import ApiSession
from tests.e2e.test_read_models_api import opened

WAIT_S = 15


def until_ready(client: TestClient) -> dict[str, Any]:
    """The readiness answer once it says ready (read models report within seconds)."""
    deadline = time.monotonic() + WAIT_S
    while True:
        ready = client.get("/readyz")
        if ready.status_code == 200:
            answer: dict[str, Any] = ready.json()
            return answer
        assert time.monotonic() < deadline, ready.text
        time.sleep(0.1)


def until_not_ready(client: TestClient, problems: int = 1) -> dict[str, Any]:
    """The readiness answer once it names at least `problems` read models not ready."""
    deadline = time.monotonic() + WAIT_S
    while True:
        ready = client.get("/readyz")
        if ready.status_code == 503 and len(ready.json().get("errors", ())) >= problems:
            answer: dict[str, Any] = ready.json()
            return answer
        assert time.monotonic() < deadline, ready.text
        time.sleep(0.1)


def test_ready_once_every_read_model_reports(api: ApiSession) -> None:
    opened(api)
    ready = until_ready(api.client)
    assert {p["name"] for p in ready["projections"]} == set(NAMES)
    assert all(p["state"] == "running" and p["ready"] for p in ready["projections"])
    metrics = api.client.get("/metrics").text
    assert 'iplan_projection_lag_events{projection="plan_summary",version="1"}' in metrics
    assert 'iplan_projection_lag_seconds{projection="audit_log",version="1"}' in metrics


def test_not_ready_while_a_read_model_fails(api: ApiSession) -> None:
    until_ready(api.client)
    models = api.client.app.state.read_models_source.get()  # type: ignore[attr-defined]
    assert models.db is not None

    def disk_full() -> None:
        raise OSError("disk I/O error")

    models.db.before_commit = disk_full  # every view's next batch fails and retries
    opened(api)
    answer = until_not_ready(api.client, problems=len(NAMES))
    assert answer["code"] == "read_models_not_ready"
    failed = {e["name"] for e in answer["errors"]}
    assert failed == set(NAMES)
    assert all("failed" in e["problem"] for e in answer["errors"])
    models.db.before_commit = None
    until_ready(api.client)  # the workers recover by themselves


@pytest.fixture(params=("sqlite", "postgres"))
def workers_elsewhere(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ApiSession]:
    """An API process whose read models run in `iplan project` workers (none yet)."""
    settings = settings_for(request.param, tmp_path, request).model_copy(
        update={"projections_in_process": False, "ready_max_lag_seconds": 30.0}
    )
    plans = build_plans(settings, today=lambda: TODAY)
    try:
        with TestClient(create_app(settings, plans)) as client:
            yield ApiSession(client, settings)
    finally:
        plans.close()


def test_ready_only_while_a_worker_elsewhere_runs_them(workers_elsewhere: ApiSession) -> None:
    api = workers_elsewhere
    opened(api)
    absent = until_not_ready(api.client)
    assert {e["name"] for e in absent["errors"]} == set(NAMES)
    assert all("no worker has reported" in e["problem"] for e in absent["errors"])

    # As `iplan project` would: another store handle, its workers beating into the store.
    worker_plans = build_plans(api.settings, today=lambda: TODAY)
    models = ReadModels(worker_plans)
    models.start()
    try:
        until_ready(api.client)
    finally:
        models.stop()  # a clean stop withdraws its heartbeats at once
        worker_plans.close()
    gone = api.client.get("/readyz")
    assert gone.status_code == 503
    assert gone.json()["code"] == "read_models_not_ready"


def test_not_ready_while_the_read_models_lag_too_far(workers_elsewhere: ApiSession) -> None:
    api = workers_elsewhere
    models = api.client.app.state.read_models_source.get()  # type: ignore[attr-defined]
    beats = Heartbeats(models.db, worker="far-behind")
    for name in NAMES:
        lag = 45.0 if name == "analytics" else 0.5
        beats.beat(name=name, version=1, state="running", position=1, lag_events=9, lag_seconds=lag)
    answer = until_not_ready(api.client)
    assert [e["name"] for e in answer["errors"]] == ["analytics"]
    assert "45 s behind (at most 30 s)" in answer["errors"][0]["problem"]
