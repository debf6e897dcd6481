"""Auditors' and admins' reads of personal data are recorded before the answer (DESIGN 6).

Given a plan, when an auditor reads its state or history, then the audit log holds a
`read` for each (who, which plan and version, which endpoint, when, which request);
a caseworker's read and a refused analyst leave nothing behind.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import httpx
import pytest
from eventsourcing.persistence import OperationalError

from application.plans import IntegrationPlans
from infrastructure.read_models import ReadModels
from projections.audit_log import READ, AuditQuery
from tests.e2e.session import ApiSession

STATE = "GET /v1/plans/{plan_id}"
HISTORY = "GET /v1/plans/{plan_id}/history"
COUNTY = ("*",)


def plans_of(api: ApiSession) -> IntegrationPlans:
    plans: IntegrationPlans = api.client.app.state.plans_source.get()  # type: ignore[attr-defined]
    return plans


def head(api: ApiSession) -> int:
    return plans_of(api).recorder.max_notification_id() or 0


def get_as(api: ApiSession, path: str, role: str, request_id: str) -> httpx.Response:
    headers = {**api.headers(role, COUNTY), "X-Request-ID": request_id}
    response: httpx.Response = api.client.get(path, headers=headers)
    return response


def reads_of(api: ApiSession, plan: str) -> list[dict[str, Any]]:
    """The plan's `read` records: through GET /v1/audit-log where it is served, else the view."""
    if "/v1/audit-log" in api.client.app.openapi()["paths"]:  # type: ignore[attr-defined]
        response = api.get(
            "/v1/audit-log", "auditor", COUNTY, kind=READ, plan=plan, min_position=head(api)
        )
        assert response.status_code == 200, response.text
        items: list[dict[str, Any]] = response.json()["items"]
        return items
    models = ReadModels(plans_of(api), drop_delay=0)
    models.catch_up()
    page = models.audit_log.entries(AuditQuery(kind=READ, plan_id=UUID(plan)))
    return [
        {**vars(r), "plan_id": str(r.plan_id), "recorded_at": r.recorded_at.isoformat()}
        for r in page.items
    ]


def test_an_auditors_reads_of_state_and_history_are_recorded(api: ApiSession) -> None:
    plan = api.open_plan()
    before = datetime.now(UTC)
    state = get_as(api, f"/v1/plans/{plan}", "auditor", "req-audit-state")
    assert state.status_code == 200, state.text
    assert state.json()["personal"]["given_name"] == "Amira"
    history = get_as(api, f"/v1/plans/{plan}/history", "auditor", "req-audit-history")
    assert history.status_code == 200, history.text

    reads = reads_of(api, plan)
    assert [(r["actor"], r["role"], r["type"], r["correlation_id"]) for r in reads] == [
        ("auditor-1", "auditor", STATE, "req-audit-state"),
        ("auditor-1", "auditor", HISTORY, "req-audit-history"),
    ]
    assert all(r["kind"] == READ and r["plan_id"] == plan for r in reads)
    assert [r["version"] for r in reads] == [1, 1]
    assert all(datetime.fromisoformat(r["recorded_at"]) >= before for r in reads)
    # Being read changes nothing about the plan.
    assert state.headers["etag"] == history.headers["etag"] == '"1"'
    assert get_as(api, f"/v1/plans/{plan}", "caseworker", "req-cw").headers["etag"] == '"1"'


def test_an_admins_read_is_recorded_and_a_caseworkers_is_not(api: ApiSession) -> None:
    plan = api.open_plan()
    start = head(api)
    for path in (f"/v1/plans/{plan}", f"/v1/plans/{plan}/history"):
        assert get_as(api, path, "caseworker", "req-cw").status_code == 200
    assert head(api) == start  # nothing recorded at all
    assert get_as(api, f"/v1/plans/{plan}?version=1", "admin", "req-admin").status_code == 200
    reads = reads_of(api, plan)
    assert [(r["actor"], r["role"], r["type"]) for r in reads] == [("admin-1", "admin", STATE)]


def test_an_analyst_is_refused_before_anything_is_recorded(api: ApiSession) -> None:
    plan = api.open_plan()
    start = head(api)
    for path in (f"/v1/plans/{plan}", f"/v1/plans/{plan}/history"):
        response = get_as(api, path, "analyst", "req-analyst")
        assert response.status_code == 403, response.text
    assert head(api) == start
    assert reads_of(api, plan) == []


def test_a_read_without_personal_data_is_not_recorded(api: ApiSession) -> None:
    plan = api.open_plan()
    erased = api.post(
        f"/v1/plans/{plan}/erasure", {"legal_basis": "Art. 17(1)(a) GDPR"}, "admin", COUNTY
    )
    assert erased.status_code == 201, erased.text
    start = head(api)
    state = get_as(api, f"/v1/plans/{plan}", "auditor", "req-after-erasure")
    assert state.status_code == 200
    assert state.json()["personal"] is None
    assert get_as(api, f"/v1/plans/{plan}/history", "auditor", "req-h").status_code == 200
    assert head(api) == start
    # The state before the erasure still had a name, but its key is gone: nothing to show.
    assert (
        get_as(api, f"/v1/plans/{plan}?version=1", "auditor", "req-v1").json()["personal"] is None
    )
    assert reads_of(api, plan) == []


def test_a_read_that_cannot_be_recorded_is_not_served(
    sqlite_api: ApiSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = sqlite_api.open_plan()

    def store_down(*args: Any, **kwargs: Any) -> None:
        raise OperationalError("disk I/O error")

    monkeypatch.setattr(plans_of(sqlite_api).recorder, "insert_events", store_down)
    for path in (f"/v1/plans/{plan}", f"/v1/plans/{plan}/history"):
        refused = get_as(sqlite_api, path, "auditor", "req-store-down")
        assert refused.status_code == 503, refused.text
        assert refused.json()["code"] == "store_unavailable"
        assert "Amira" not in refused.text
    # Caseworkers' reads record nothing, so they are still served.
    served = get_as(sqlite_api, f"/v1/plans/{plan}", "caseworker", "req-cw")
    assert served.status_code == 200
    assert served.json()["personal"]["given_name"] == "Amira"
