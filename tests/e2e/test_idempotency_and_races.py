"""Repeated requests record once; racing requests lose nothing and duplicate nothing."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx

from tests.e2e.session import ApiSession, open_plan_body

WORKSHOP = {"kind": "wertevermittlung", "attended_on": "2026-05-02"}


def history_types(api: ApiSession, plan: str) -> list[str]:
    entries = api.get(f"/v1/plans/{plan}/history").json()["entries"]
    return [e["type"] for e in entries]


def test_a_repeated_request_returns_the_first_answer_and_records_once(api: ApiSession) -> None:
    plan = api.open_plan()
    key = {"Idempotency-Key": "f0d2a7c6-workshop-1"}
    # The first attempt commits; suppose its answer is lost and the client sends it again.
    first = api.post(f"/v1/plans/{plan}/workshops", WORKSHOP, **key)
    api.created(f"/v1/plans/{plan}/housing", {"secured_on": "2026-05-03", "kind": "other"})
    again = api.post(f"/v1/plans/{plan}/workshops", WORKSHOP, **key)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["etag"] == first.headers["etag"] == '"2"'
    assert history_types(api, plan).count("WorkshopAttended") == 1


def test_a_repeated_request_with_a_child_returns_the_same_child(api: ApiSession) -> None:
    plan = api.open_plan()
    body = {"field": "work", "description": "Find work", "target_on": "2026-12-01"}
    first = api.created(f"/v1/plans/{plan}/goals", body, **{"Idempotency-Key": "goal-1"})
    again = api.created(f"/v1/plans/{plan}/goals", body, **{"Idempotency-Key": "goal-1"})
    assert again == first
    assert len(api.get(f"/v1/plans/{plan}").json()["goals"]) == 1


def test_a_repeated_opening_opens_one_plan(api: ApiSession) -> None:
    key = {"Idempotency-Key": "open-amira"}
    first = api.post("/v1/plans", open_plan_body(), **key)
    again = api.post("/v1/plans", open_plan_body(), **key)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["location"] == first.headers["location"]


def test_the_same_key_with_another_body_is_422(api: ApiSession) -> None:
    plan = api.open_plan()
    key = {"Idempotency-Key": "k-1"}
    api.created(f"/v1/plans/{plan}/workshops", WORKSHOP, **key)
    other = api.post(f"/v1/plans/{plan}/workshops", {**WORKSHOP, "kind": "other"}, **key)
    assert other.status_code == 422
    assert other.json()["code"] == "idempotency_key_reused"
    opened = api.post("/v1/plans", open_plan_body(), **key)
    reopened = api.post("/v1/plans", open_plan_body(caseworker="cw-ben"), **key)
    assert opened.status_code == 201
    assert reopened.status_code == 422
    assert history_types(api, plan).count("WorkshopAttended") == 1


def test_racing_writes_without_if_match_lose_nothing(api: ApiSession) -> None:
    plan = api.open_plan()
    writers = 6

    def consult(n: int) -> httpx.Response:
        return api.post(
            f"/v1/plans/{plan}/consultations",
            {
                "held_on": "2026-05-04",
                "duration_minutes": 10 + n,
                "setting": "office",
                "topics": [],
            },
        )

    with ThreadPoolExecutor(writers) as pool:
        responses = list(pool.map(consult, range(writers)))
    statuses = [r.status_code for r in responses]
    assert set(statuses) <= {201, 409}
    # A 409 here can only be the application giving up after repeated lost races.
    assert all(r.json()["code"] == "concurrent_writes" for r in responses if r.status_code == 409)
    recorded = sorted(r.json()["version"] for r in responses if r.status_code == 201)
    state = api.get(f"/v1/plans/{plan}").json()
    assert sorted(c["version"] for c in state["consultations"]) == recorded
    assert sorted(c["duration_minutes"] for c in state["consultations"]) == sorted(
        10 + n for n, r in enumerate(responses) if r.status_code == 201
    )
    assert statuses.count(201) >= 1


def test_racing_writes_with_the_same_if_match_let_exactly_one_win(api: ApiSession) -> None:
    plan = api.open_plan()
    kinds = ["wohnungsfuehrerschein", "wertevermittlung", "gewaltfreie_kommunikation", "other"]

    def attend(kind: str) -> httpx.Response:
        return api.post(
            f"/v1/plans/{plan}/workshops",
            {"kind": kind, "attended_on": "2026-05-02"},
            **{"If-Match": '"1"'},
        )

    with ThreadPoolExecutor(len(kinds)) as pool:
        responses = list(pool.map(attend, kinds))
    assert sorted(r.status_code for r in responses) == [201, 412, 412, 412]
    state = api.get(f"/v1/plans/{plan}").json()
    assert state["version"] == 2
    winner = next(k for k, r in zip(kinds, responses, strict=True) if r.status_code == 201)
    assert [w["kind"] for w in state["workshops"]] == [winner]


def test_racing_closures_let_the_rules_refuse_the_second(api: ApiSession) -> None:
    plan = api.open_plan()

    def close(reason: str) -> httpx.Response:
        return api.post(f"/v1/plans/{plan}/closure", {"closed_on": "2026-05-01", "reason": reason})

    with ThreadPoolExecutor(2) as pool:
        responses = list(pool.map(close, ["declined", "no_contact"]))
    assert sorted(r.status_code for r in responses) == [201, 409]
    refused = next(r for r in responses if r.status_code == 409)
    assert refused.json()["code"] == "plan_closed"
    assert history_types(api, plan).count("PlanClosed") == 1


def test_concurrent_repeats_of_one_request_record_it_once(api: ApiSession) -> None:
    plan = api.open_plan()

    def attend(_: int) -> httpx.Response:
        return api.post(f"/v1/plans/{plan}/workshops", WORKSHOP, **{"Idempotency-Key": "same"})

    with ThreadPoolExecutor(4) as pool:
        responses = list(pool.map(attend, range(4)))
    assert [r.status_code for r in responses] == [201] * 4
    assert len({r.text for r in responses}) == 1
    assert history_types(api, plan).count("WorkshopAttended") == 1
