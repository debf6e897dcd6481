"""Health, readiness, metrics and the request log: what operators see, never a personal value."""

from __future__ import annotations

import json
import re
from pathlib import Path

import anyio.to_thread
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from infrastructure.settings import Settings
from infrastructure.store import build_plans
from tests.builders import TODAY
from tests.e2e.session import ApiSession, open_plan_body
from tests.e2e.test_readiness import until_ready


def test_health_and_readiness(api: ApiSession) -> None:
    assert api.client.get("/healthz").json() == {"status": "ok", "position": None}
    api.open_plan()
    ready = until_ready(api.client)
    assert ready["status"] == "ready"
    assert ready["position"] >= 1


def test_metrics_count_requests_by_route_template_and_status(sqlite_api: ApiSession) -> None:
    plan = sqlite_api.open_plan()
    sqlite_api.get(f"/v1/plans/{plan}")
    sqlite_api.get(f"/v1/plans/{plan}", "analyst")
    text = sqlite_api.client.get("/metrics").text
    assert 'iplan_http_requests_total{method="POST",route="/v1/plans",status="201"} 1.0' in text
    assert (
        'iplan_http_requests_total{method="GET",route="/v1/plans/{plan_id}",status="200"} 1.0'
        in text
    )
    assert 'route="/v1/plans/{plan_id}",status="403"} 1.0' in text
    assert (
        'iplan_http_request_duration_seconds_count{method="POST",route="/v1/plans",status="201"}'
        " 1.0" in text
    )
    assert plan not in text


def test_each_app_has_its_own_metrics(tmp_path: Path) -> None:
    settings = Settings(store="memory", data_dir=tmp_path)
    first, second = create_app(settings), create_app(settings)
    TestClient(first).get("/healthz")
    assert 'route="/healthz"' in TestClient(first).get("/metrics").text
    assert 'route="/healthz"' not in TestClient(second).get("/metrics").text


def test_the_request_log_names_route_user_and_request_id_but_no_personal_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = Settings(store="sqlite", data_dir=tmp_path, log_format="json")
    plans = build_plans(settings, today=lambda: TODAY)
    with TestClient(create_app(settings, plans)) as client:
        api = ApiSession(client, settings)
        capsys.readouterr()
        opened = api.post("/v1/plans", open_plan_body(), **{"X-Request-ID": "req-7"})
        generated = api.get(f"/v1/plans/{opened.json()['id']}", "auditor")
    plans.close()
    assert opened.headers["x-request-id"] == "req-7"
    assert generated.headers["x-request-id"]
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines() if line]
    requests = [line for line in lines if line["event"] == "request"]
    assert requests[0] | {"duration_ms": 0, "timestamp": ""} == {
        "event": "request",
        "method": "POST",
        "path": "/v1/plans",
        "status": 201,
        "duration_ms": 0,
        "user": "caseworker-1",
        "role": "caseworker",
        "request_id": "req-7",
        "level": "info",
        "timestamp": "",
    }
    assert requests[1]["path"] == "/v1/plans/{plan_id}"
    assert requests[1]["request_id"] == generated.headers["x-request-id"]
    reads = [line for line in lines if line["event"] == "personal_data_read"]
    assert [(r["actor"], r["what"]) for r in reads] == [("auditor-1", "state")]
    everything = json.dumps(lines)
    for personal in ("Amira", "Haddad", "Hauptstraße", "555 0101"):
        assert personal not in everything


def test_an_unexpected_error_is_a_bare_500_problem(
    sqlite_api: ApiSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = sqlite_api.open_plan()
    plans = sqlite_api.client.app.state.plans_source.get()  # type: ignore[attr-defined]

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret internals: Amira")

    monkeypatch.setattr(plans, "history", broken)
    response = sqlite_api.get(f"/v1/plans/{plan}/history")
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "internal_error"
    assert "Amira" not in response.text
    assert "Traceback" not in response.text


def test_the_thread_pool_is_sized_to_the_postgres_pool(tmp_path: Path) -> None:
    settings = Settings(
        store="postgres", postgres_pool_size=3, postgres_max_overflow=2, data_dir=tmp_path
    )
    # The plans application is built on first use, so no database is needed here.
    with TestClient(create_app(settings)) as client:
        assert client.portal is not None
        tokens = client.portal.call(
            lambda: anyio.to_thread.current_default_thread_limiter().total_tokens
        )
    assert tokens == 5


def test_docs_and_openapi_are_served(sqlite_api: ApiSession) -> None:
    assert sqlite_api.client.get("/docs").status_code == 200
    spec = sqlite_api.client.get("/openapi.json").json()
    assert "/v1/plans/{plan_id}/measures/{measure_id}/reschedule" in spec["paths"]
    metrics = sqlite_api.client.get("/metrics").text
    assert 'route="/docs"' in metrics


def test_an_unusable_request_id_is_replaced(sqlite_api: ApiSession) -> None:
    for offered in ("a b\tc", "x" * 200, "demo-1"):  # demo-: the synthetic entries' mark
        response = sqlite_api.client.get("/healthz", headers={"X-Request-ID": offered})
        assert response.headers["x-request-id"] != offered
        assert len(response.headers["x-request-id"]) == 36


def test_a_body_nested_too_deep_to_parse_is_400(sqlite_api: ApiSession) -> None:
    plan = sqlite_api.open_plan()
    response = sqlite_api.client.post(
        f"/v1/plans/{plan}/housing",
        content=b"[" * 30000 + b"]" * 30000,
        headers={**sqlite_api.headers(), "Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert response.json()["code"] == "malformed_request"


def test_the_api_docs_need_nothing_from_the_internet(sqlite_api: ApiSession) -> None:
    for page in ("/docs", "/redoc"):
        html = sqlite_api.client.get(page).text
        referenced = re.findall(r"""(?:src|href)=["']([^"']+)["']""", html)
        assert referenced, page
        for url in referenced:
            assert url.startswith("/"), (page, url)  # the service's own origin only
            assert sqlite_api.client.get(url).status_code == 200, url
        assert "https://" not in html.replace("https://iplan.example", "")
    assert '"validatorUrl": null' in sqlite_api.client.get("/docs").text
