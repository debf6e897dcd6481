"""Every plan endpoint, for every role, inside and outside the caller's municipalities."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any
from uuid import UUID

import httpx
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from infrastructure.settings import Settings
from infrastructure.store import build_plans
from tests.builders import KEHL, OFFENBURG, TODAY
from tests.e2e.endpoints import ENDPOINTS, ROLES, Endpoint
from tests.e2e.session import ApiSession

IN_SCOPE = (OFFENBURG,)
OUT_OF_SCOPE = (KEHL,)


def expected_refusal(endpoint: Endpoint, role: str, in_scope: bool) -> int | None:
    """The status a caller gets, or None where the call is allowed and succeeds."""
    if role not in endpoint.roles:
        return 403
    if in_scope:
        return None
    # A plan outside the caller's scope does not exist for them; opening one there is 403.
    return 403 if endpoint.path == "/v1/plans" else 404


def call(
    api: ApiSession, endpoint: Endpoint, path: str, role: str, scope: tuple[str, ...]
) -> httpx.Response:
    headers = api.headers(role, scope)
    response: httpx.Response
    if endpoint.method == "GET":
        response = api.client.get(path, headers=headers)
    else:
        response = api.client.post(path, json=endpoint.body, headers=headers)
    return response


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.test_id)
def test_each_role_gets_what_its_scope_allows(api: ApiSession, endpoint: Endpoint) -> None:
    ids = api.prepared_plan()
    for before_path, before_body in endpoint.before:
        api.created(before_path.format(**ids), before_body)
    path = endpoint.path.format(**ids)
    version_before = api.get(f"/v1/plans/{ids['plan']}").json()["version"]

    allowed: list[str] = []
    for role in ROLES:
        for scope in (OUT_OF_SCOPE, IN_SCOPE):
            refusal = expected_refusal(endpoint, role, scope == IN_SCOPE)
            if refusal is None:
                allowed.append(role)
                continue
            response = call(api, endpoint, path, role, scope)
            assert response.status_code == refusal, (role, scope, response.text)
            assert response.headers["content-type"] == "application/problem+json"
    # Refusals changed nothing.
    assert api.get(f"/v1/plans/{ids['plan']}").json()["version"] == version_before
    assert allowed == sorted(endpoint.roles, key=ROLES.index)

    for role in allowed:
        response = call(api, endpoint, path, role, IN_SCOPE)
        assert response.status_code == endpoint.success, (role, response.text)
        if endpoint.etag:
            assert response.headers["etag"] == f'"{response.json()["version"]}"'
    if endpoint.method == "POST":
        answer = response.json()
        assert set(answer) == {"id", "version", "position"} | (
            {endpoint.child} if endpoint.child else set()
        )
        assert isinstance(answer["position"], int)
        # Read county-wide: a transfer moves the plan out of the caseworker's scope.
        history = api.get(f"/v1/plans/{answer['id']}/history", "auditor", ["*"]).json()["entries"]
        assert history[-1]["type"] == endpoint.entry
        assert history[-1]["version"] == answer["version"]
        if endpoint.child:
            uuid.UUID(answer[endpoint.child])


def test_an_unknown_plan_is_not_found_on_every_endpoint(sqlite_api: ApiSession) -> None:
    ids = {
        "plan": str(uuid.uuid4()),
        "goal": str(uuid.uuid4()),
        "measure": str(uuid.uuid4()),
        "referral": str(uuid.uuid4()),
        "course": str(uuid.uuid4()),
        "job": str(uuid.uuid4()),
        "purpose": "statistics",
    }
    for endpoint in ENDPOINTS:
        if endpoint.path == "/v1/plans":
            continue
        role = sorted(endpoint.roles)[0]
        response = call(sqlite_api, endpoint, endpoint.path.format(**ids), role, IN_SCOPE)
        assert response.status_code == 404, endpoint.name
        assert response.json()["code"] == "plan_not_found"


def test_the_whole_county_covers_every_municipality(sqlite_api: ApiSession) -> None:
    plan = sqlite_api.open_plan(municipality=KEHL)
    assert sqlite_api.get(f"/v1/plans/{plan}", "auditor", ["*"]).status_code == 200
    assert sqlite_api.get(f"/v1/plans/{plan}", "auditor", [OFFENBURG]).status_code == 404


def test_a_write_loads_the_plan_once_and_checks_the_scope_on_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No read models in this process: only the request loads plans.
    settings = Settings(store="sqlite", data_dir=tmp_path, projections_in_process=False)
    plans = build_plans(settings, today=lambda: TODAY)
    try:
        with TestClient(create_app(settings, plans)) as client:
            api = ApiSession(client, settings)
            plan = api.open_plan()
            loads: list[UUID] = []
            load = plans._restored

            def counted(aggregate_id: UUID, version: int | None) -> Any:
                loads.append(aggregate_id)
                return load(aggregate_id, version)

            monkeypatch.setattr(plans, "_restored", counted)
            workshop = {"kind": "other", "attended_on": "2026-05-04"}
            api.created(f"/v1/plans/{plan}/workshops", workshop)
            assert loads == []  # opened by this process: current in memory, not read back
            plans.current.forget(UUID(plan))
            api.created(f"/v1/plans/{plan}/workshops", workshop)
            assert loads == [UUID(plan)]  # not in memory: read once
            outside = api.post(f"/v1/plans/{plan}/workshops", workshop, municipalities=[KEHL])
            assert outside.status_code == 404
            assert outside.json() == {
                "type": "https://iplan.example/problems/plan_not_found",
                "title": "Not Found",
                "status": 404,
                "detail": f"no plan {plan}",
                "code": "plan_not_found",
            }
            assert loads == [UUID(plan)]  # the scope is checked on the plan in memory
            monkeypatch.undo()
            assert api.get(f"/v1/plans/{plan}").json()["version"] == 3
    finally:
        plans.close()
