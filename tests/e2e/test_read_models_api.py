"""Lists, worklist, audit log and integrity over HTTP: read your writes, filters, scope, pages."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.builders import KEHL, OFFENBURG
from tests.e2e.session import ApiSession, open_plan_body

COUNTY = ("*",)


def opened(api: ApiSession, **overrides: Any) -> tuple[str, int]:
    """Opens a plan; answers its id and the write's global position."""
    body = open_plan_body(**overrides)
    answer = api.created("/v1/plans", body, [body["municipality"]])
    return str(answer["id"]), int(answer["position"])


def agree_measure(api: ApiSession, plan: str, due_on: str, scope: str = OFFENBURG) -> int:
    body = {
        "field": "work",
        "title": "Register with the Jobcenter",
        "responsible": "client",
        "partner_kind": None,
        "due_on": due_on,
        "goal_id": None,
        "agreed_on": "2026-04-01",
    }
    return int(api.created(f"/v1/plans/{plan}/measures", body, [scope])["position"])


def read(
    api: ApiSession,
    path: str,
    role: str = "caseworker",
    scope: tuple[str, ...] = (OFFENBURG,),
    sub: str | None = None,
    **params: Any,
) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {api.token(role, scope, sub)}"}
    response = api.client.get(path, params=params, headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert int(response.headers["x-projection-position"]) == body["position"]
    if "min_position" in params:
        assert body["position"] >= params["min_position"]
    return body


def refused(
    api: ApiSession,
    path: str,
    status: int,
    code: str,
    role: str = "caseworker",
    scope: tuple[str, ...] = (OFFENBURG,),
    **params: Any,
) -> None:
    response = api.get(path, role, scope, **params)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == code


def ids(body: dict[str, Any]) -> list[str]:
    return [item["id"] for item in body["items"]]


def test_plans_list_filters_within_scope_and_reads_its_writes(api: ApiSession) -> None:
    anna, _ = opened(api)
    ben, _ = opened(api, caseworker="cw-ben", opened_on="2025-02-01")
    kehl, _ = opened(api, municipality=KEHL)
    late, _ = opened(api, opened_on="2025-03-01")
    agree_measure(api, late, "2026-05-01")  # before today (2026-06-01): overdue
    closure = {"closed_on": "2026-05-01", "reason": "declined"}
    last = int(api.created(f"/v1/plans/{ben}/closure", closure)["position"])

    every = read(api, "/v1/plans", min_position=last)
    assert ids(every) == [anna, ben, late]  # (opened_on, id) order; Kehl is out of scope
    assert every["next_cursor"] is None
    first = every["items"][0]
    assert first["municipality"] == OFFENBURG
    assert first["caseworker"] == "cw-anna"
    assert first["status"] == "open"
    assert "personal" not in first
    assert first["display_name"] == "Amira Haddad"  # a caseworker's own plan: its name
    assert first["file_number"] == "2025-00001"
    for value in ("+49", "example.org", "Hauptstra", "Yusuf", "1991-04-02"):
        assert value not in str(every)  # no other personal value
    assert ids(read(api, "/v1/plans", caseworker="cw-ben")) == [ben]
    assert ids(read(api, "/v1/plans", status="closed")) == [ben]
    overdue = read(api, "/v1/plans", overdue="true")
    assert ids(overdue) == [late]
    assert overdue["items"][0]["overdue_measures"] == 1
    assert read(api, "/v1/plans", municipality=KEHL)["items"] == []
    county = read(api, "/v1/plans", "auditor", COUNTY, municipality=KEHL)
    assert ids(county) == [kehl]
    assert len(read(api, "/v1/plans", "admin", COUNTY)["items"]) == 4


def test_pages_walk_every_plan_exactly_once(api: ApiSession) -> None:
    opened_ids = set()
    position = 0
    for day in ("2025-01-15", "2025-01-15", "2025-01-16", "2025-02-01", "2025-03-01"):
        plan, position = opened(api, opened_on=day)
        opened_ids.add(plan)
    seen: list[str] = []
    cursor: str | None = None
    pages = 0
    while True:
        params: dict[str, Any] = {"limit": 2, "min_position": position}
        if cursor is not None:
            params["cursor"] = cursor
        page = read(api, "/v1/plans", **params)
        seen += ids(page)
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert pages == 3
    assert sorted(seen) == sorted(opened_ids)
    assert len(seen) == len(set(seen))


@pytest.mark.parametrize(
    "params",
    [
        {"cursor": "not-a-cursor"},
        {"cursor": "2025-01-15_not-a-uuid"},
        {"limit": 0},
        {"limit": 201},
        {"status": "pending"},
        {"municipality": "8317096"},
        {"overdue": "maybe"},
        {"min_position": -1},
    ],
)
def test_bad_list_parameters_are_422(sqlite_api: ApiSession, params: dict[str, Any]) -> None:
    response = sqlite_api.get("/v1/plans", **params)
    assert response.status_code == 422, response.text
    assert response.json()["code"] in ("invalid_cursor", "invalid_field")


def test_a_position_never_handed_out_is_422(sqlite_api: ApiSession) -> None:
    _, position = opened(sqlite_api)
    refused(sqlite_api, "/v1/plans", 422, "invalid_min_position", min_position=position + 1)


def test_worklist_shows_the_callers_due_items_within_scope(api: ApiSession) -> None:
    me = "caseworker-1"
    quiet, _ = opened(api, caseworker=me)  # no consultation since 2025-01-15
    profile = {**open_plan_body()["profile"], "arrived_on": "2023-05-01"}
    ending, _ = opened(api, caseworker=me, opened_on="2023-07-01", profile=profile)  # 3 years
    agree_measure(api, ending, "2026-05-01")
    other, _ = opened(api, caseworker="cw-ben")
    _, last = opened(api, caseworker=me, municipality=KEHL)

    mine = read(api, "/v1/worklist", min_position=last)
    assert mine["as_of"] == "2026-06-01"
    kinds = {(item["plan_id"], item["kind"]) for item in mine["items"]}
    assert (ending, "measure_overdue") in kinds
    assert (ending, "advice_period_ending") in kinds
    assert (quiet, "no_consultation") in kinds
    assert {item["plan_id"] for item in mine["items"]} == {quiet, ending}  # not Kehl's, not Ben's
    overdue = next(i for i in mine["items"] if i["kind"] == "measure_overdue")
    assert overdue["due_on"] == "2026-05-01"
    assert overdue["field"] == "work"

    bens = read(api, "/v1/worklist", "admin", (OFFENBURG,), caseworker="cw-ben")
    assert {item["plan_id"] for item in bens["items"]} == {other}
    everyone = read(api, "/v1/worklist", "admin", COUNTY)
    assert len({item["plan_id"] for item in everyone["items"]}) == 4
    refused(api, "/v1/worklist", 403, "not_your_worklist", caseworker="cw-ben")
    refused(api, "/v1/worklist", 403, "forbidden", "auditor")
    refused(api, "/v1/worklist", 403, "forbidden", "analyst")


def test_the_audit_log_filters_pages_and_keeps_to_scope(api: ApiSession) -> None:
    plan, _ = opened(api)
    agree_measure(api, plan, "2026-07-01")
    kehl, last = opened(api, municipality=KEHL)

    county = read(api, "/v1/audit-log", "auditor", COUNTY, min_position=last)
    assert [(e["plan_id"], e["type"]) for e in county["items"]] == [
        (plan, "PlanOpened"),
        (plan, "MeasureAgreed"),
        (kehl, "PlanOpened"),
    ]
    entry = county["items"][1]
    assert entry["kind"] == "entry"
    assert entry["version"] == 2
    assert entry["actor"] == "caseworker-1"
    assert entry["role"] == "caseworker"
    assert entry["seq"] < last

    local = read(api, "/v1/audit-log", "auditor", (OFFENBURG,), kind="entry")
    assert {e["plan_id"] for e in local["items"]} == {plan}
    assert read(api, "/v1/audit-log", "auditor", (OFFENBURG,), plan=kehl)["items"] == []
    one = read(api, "/v1/audit-log", "admin", COUNTY, plan=kehl)
    assert [e["type"] for e in one["items"]] == ["PlanOpened"]
    assert read(api, "/v1/audit-log", "admin", COUNTY, actor="nobody")["items"] == []
    since = county["items"][2]["recorded_at"]
    later = read(api, "/v1/audit-log", "auditor", COUNTY, **{"from": since})
    assert [e["plan_id"] for e in later["items"]] == [kehl]
    before = read(api, "/v1/audit-log", "auditor", COUNTY, to=since)
    assert len(before["items"]) == 2

    walked: list[int] = []
    params: dict[str, Any] = {"limit": 1}
    while True:
        page = read(api, "/v1/audit-log", "auditor", COUNTY, **params)
        walked += [e["seq"] for e in page["items"]]
        if page["next_cursor"] is None:
            break
        params["cursor"] = page["next_cursor"]
    assert walked == [e["seq"] for e in county["items"]]


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"cursor": "garbage"}, "invalid_cursor"),
        ({"from": "yesterday"}, "invalid_field"),
        ({"from": "2026-01-01T00:00:00"}, "invalid_field"),  # no offset: ambiguous
        ({"from": "2026-02-01T00:00:00Z", "to": "2026-01-01T00:00:00Z"}, "invalid_period"),
        ({"kind": "write"}, "invalid_field"),
        ({"plan": "not-a-uuid"}, "invalid_field"),
    ],
)
def test_bad_audit_log_filters_are_422(
    sqlite_api: ApiSession, params: dict[str, Any], code: str
) -> None:
    refused(sqlite_api, "/v1/audit-log", 422, code, "auditor", COUNTY, **params)


def test_an_untouched_plan_passes_its_integrity_check(api: ApiSession) -> None:
    plan, _ = opened(api)
    agree_measure(api, plan, "2026-07-01")
    for role in ("auditor", "admin"):
        report = read_plain(api, f"/v1/plans/{plan}/integrity", role)
        assert report == {
            "plan_id": plan,
            "ok": True,
            "checked": 2,
            "first_bad_version": None,
            "problem": None,
        }
    refused(api, f"/v1/plans/{plan}/integrity", 404, "plan_not_found", "auditor", (KEHL,))
    refused(api, f"/v1/plans/{uuid.uuid4()}/integrity", 404, "plan_not_found", "auditor")
    refused(api, f"/v1/plans/{plan}/integrity", 403, "forbidden", "caseworker")
    refused(api, f"/v1/plans/{plan}/integrity", 403, "forbidden", "analyst")


def read_plain(api: ApiSession, path: str, role: str) -> dict[str, Any]:
    response = api.get(path, role)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body
