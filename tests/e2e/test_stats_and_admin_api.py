"""Figures, the state report and the read models' administration over HTTP."""

from __future__ import annotations

import csv
import io
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from infrastructure.settings import Settings
from infrastructure.store import build_plans
from tests.builders import KEHL, OFFENBURG, TODAY
from tests.e2e.session import ApiSession
from tests.e2e.test_read_models_api import COUNTY, opened, read, refused

NEW_ENDPOINTS = (
    "/v1/plans",
    "/v1/worklist",
    "/v1/audit-log",
    "/v1/stats/monthly?from=2025-01&to=2025-01",
    "/v1/reports/state-report?from=2025-01-01&to=2025-01-31",
    "/v1/reports/meeting?period=2025-T1",
    "/v1/admin/projections",
)
ALLOWED = {
    "/v1/plans": {"caseworker", "auditor", "admin"},
    "/v1/worklist": {"caseworker", "admin"},
    "/v1/audit-log": {"auditor", "admin"},
    "/v1/stats/monthly?from=2025-01&to=2025-01": {"analyst", "admin"},
    "/v1/reports/state-report?from=2025-01-01&to=2025-01-31": {"analyst", "admin"},
    "/v1/reports/meeting?period=2025-T1": {"analyst", "admin"},
    "/v1/admin/projections": {"admin"},
}


def five_and_four(api: ApiSession) -> int:
    """Five plans opened in Offenburg and four in Kehl in January 2025; the last position."""
    position = 0
    for place, count in ((OFFENBURG, 5), (KEHL, 4)):
        for _ in range(count):
            _, position = opened(api, municipality=place)
    return position


def test_roles_and_tokens_on_every_read_model_endpoint(sqlite_api: ApiSession) -> None:
    for path in NEW_ENDPOINTS:
        assert sqlite_api.client.get(path).status_code == 401, path
        bad = sqlite_api.client.get(path, headers={"Authorization": "Bearer nope"})
        assert bad.status_code == 401, path
        for role in ("caseworker", "auditor", "analyst", "admin"):
            response = sqlite_api.client.get(path, headers=sqlite_api.headers(role, COUNTY))
            expected = 200 if role in ALLOWED[path] else 403
            assert response.status_code == expected, (path, role, response.text)
    refused(sqlite_api, "/v1/admin/projections/plan_summary/rebuild", 405, "method_not_allowed")
    response = sqlite_api.client.post(
        "/v1/admin/projections/plan_summary/rebuild", headers=sqlite_api.headers("auditor")
    )
    assert response.status_code == 403


def test_small_cells_are_suppressed_in_the_figures(api: ApiSession) -> None:
    last = five_and_four(api)
    stats = read(
        api,
        "/v1/stats/monthly",
        "analyst",
        COUNTY,
        min_position=last,
        metric="plans_opened",
        **{"from": "2025-01", "to": "2025-01"},
    )
    by_place = {f["municipality"]: f for f in stats["items"]}
    assert by_place[OFFENBURG] == {
        "municipality": OFFENBURG,
        "month": "2025-01",
        "metric": "plans_opened",
        "dimension": "",
        "persons": 5,
        "value": 5.0,
        "suppressed": False,
    }
    assert by_place[KEHL]["suppressed"] is True
    assert by_place[KEHL]["value"] is None
    assert by_place[KEHL]["persons"] is None
    assert set(by_place) == {OFFENBURG, KEHL}

    kehl_analyst = read(
        api,
        "/v1/stats/monthly",
        "analyst",
        (KEHL,),
        **{"from": "2025-01", "to": "2025-03"},
    )
    assert {f["municipality"] for f in kehl_analyst["items"]} == {KEHL}
    metrics = {f["metric"] for f in kehl_analyst["items"]}
    assert {"plans_opened", "plans_active"} <= metrics
    assert all(f["suppressed"] and f["value"] is None for f in kehl_analyst["items"])
    only = read(
        api,
        "/v1/stats/monthly",
        "admin",
        COUNTY,
        municipality=OFFENBURG,
        **{"from": "2025-01"} | {"to": "2025-01"},
    )
    assert {f["municipality"] for f in only["items"]} == {OFFENBURG}


@pytest.mark.parametrize(
    ("params", "status", "code"),
    [
        ({"from": "2025-13", "to": "2026-01"}, 422, "invalid_field"),
        ({"from": "2025-1", "to": "2026-01"}, 422, "invalid_field"),
        ({"from": "0000-01", "to": "2026-01"}, 422, "invalid_field"),
        ({"to": "2026-01"}, 422, "invalid_field"),
        ({"from": "2026-02", "to": "2026-01"}, 422, "invalid_period"),
        ({"from": "2000-01", "to": "2026-01"}, 422, "invalid_period"),
        ({"from": "2026-01", "to": "2026-01", "metric": "salaries"}, 422, "invalid_metric"),
        (
            {"from": "2026-01", "to": "2026-01", "municipality": KEHL},
            403,
            "municipality_out_of_scope",
        ),
    ],
)
def test_bad_stats_requests_are_refused(
    sqlite_api: ApiSession, params: dict[str, Any], status: int, code: str
) -> None:
    refused(sqlite_api, "/v1/stats/monthly", status, code, "analyst", (OFFENBURG,), **params)


def test_the_state_report_is_csv_with_suppressed_cells_spelled_out(api: ApiSession) -> None:
    last = five_and_four(api)
    response = api.get(
        "/v1/reports/state-report",
        "analyst",
        COUNTY,
        min_position=last,
        **{"from": "2025-01-01", "to": "2025-01-31"},
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert int(response.headers["x-projection-position"]) >= last
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == ["municipality", "month", "metric", "dimension", "persons", "value"]
    opened_rows = {r[0]: r for r in rows[1:] if r[2] == "plans_opened"}
    assert opened_rows[OFFENBURG] == [OFFENBURG, "2025-01", "plans_opened", "", "5", "5"]
    assert opened_rows[KEHL] == [KEHL, "2025-01", "plans_opened", "", "suppressed", "suppressed"]
    assert all(len(r) == 6 for r in rows)
    assert all(r[1] == "2025-01" for r in rows[1:])
    bad = api.get(
        "/v1/reports/state-report", "analyst", COUNTY, **{"from": "2025-02-01", "to": "2025-01-01"}
    )
    assert bad.status_code == 422
    assert bad.json()["code"] == "invalid_period"


def statuses(api: ApiSession) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = read_admin(api)["items"]
    return items


def read_admin(api: ApiSession) -> dict[str, Any]:
    response = api.get("/v1/admin/projections", "admin", COUNTY)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_admins_watch_and_rebuild_projections_while_lists_serve(api: ApiSession) -> None:
    plan, last = opened(api)
    read(api, "/v1/plans", min_position=last)
    listed = statuses(api)
    assert sorted(s["name"] for s in listed) == [
        "analytics",
        "audit_log",
        "plan_summary",
        "worklist",
    ]
    for s in listed:
        assert s["version"] == 1
        assert s["head"] >= last
        assert s["lag_events"] >= 0
        assert set(s) == {
            "name",
            "version",
            "state",
            "position",
            "head",
            "lag_events",
            "lag_seconds",
            "last_error",
        }

    # The old generation is dropped at once, not by a timer outliving this test's app
    # (no other process reads it; this test reads in between, never at the same time).
    api.client.app.state.read_models_source.get().drop_delay = 0  # type: ignore[attr-defined]
    response = api.client.post(
        "/v1/admin/projections/plan_summary/rebuild", headers=api.headers("admin", COUNTY)
    )
    assert response.status_code == 202, response.text
    assert response.json() == {"name": "plan_summary", "version": 2}
    # The list serves throughout the rebuild and after the switch-over.
    deadline = time.monotonic() + 20
    while True:
        assert [i["id"] for i in read(api, "/v1/plans")["items"]] == [plan]
        summary = [s for s in statuses(api) if s["name"] == "plan_summary"]
        if [s["version"] for s in summary] == [2] and summary[0]["state"] == "running":
            break
        assert time.monotonic() < deadline, summary
        time.sleep(0.05)
    _, later = opened(api, opened_on="2025-02-01")
    assert len(read(api, "/v1/plans", min_position=later)["items"]) == 2

    unknown = api.client.post(
        "/v1/admin/projections/nothing/rebuild", headers=api.headers("admin", COUNTY)
    )
    assert unknown.status_code == 404
    assert unknown.json()["code"] == "projection_not_found"


def test_a_read_behind_its_write_is_503_when_projections_lag(tmp_path: Path) -> None:
    # Workers run elsewhere (here: nowhere), so the read models never reach the write.
    settings = Settings(
        store="sqlite",
        data_dir=tmp_path,
        projections_in_process=False,
        projection_wait_seconds=0.2,
    )
    plans = build_plans(settings, today=lambda: TODAY)
    try:
        with TestClient(create_app(settings, plans)) as client:
            api = ApiSession(client, settings)
            _, position = opened(api)
            for path in ("/v1/plans", "/v1/audit-log"):
                response = api.get(path, "admin", COUNTY, min_position=position)
                assert response.status_code == 503, response.text
                assert response.json()["code"] == "projection_lagging"
                assert response.headers["retry-after"]
            # Without min_position the (stale) view answers at once.
            assert read(api, "/v1/plans", "admin", COUNTY)["items"] == []
    finally:
        plans.close()


def test_a_restarted_server_catches_up_with_existing_entries(tmp_path: Path) -> None:
    settings = Settings(store="sqlite", data_dir=tmp_path, projections_in_process=False)
    plans = build_plans(settings, today=lambda: TODAY)
    with TestClient(create_app(settings, plans)) as client:
        plan, _ = opened(ApiSession(client, settings))
    plans.close()
    # As after `iplan serve` on a seeded database: no write, no min_position, lists fill.
    settings = Settings(store="sqlite", data_dir=tmp_path)
    plans = build_plans(settings, today=lambda: TODAY)
    try:
        with TestClient(create_app(settings, plans)) as client:
            api = ApiSession(client, settings)
            deadline = time.monotonic() + 10
            while not (items := read(api, "/v1/plans")["items"]):
                assert time.monotonic() < deadline
                time.sleep(0.05)
            assert [i["id"] for i in items] == [plan]
    finally:
        plans.close()
