"""Reading a plan: its state now, at a version, as of a time; its history; after erasure."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.e2e.session import ApiSession, open_plan_body

ITEM_LISTS = (
    "consents",
    "consultations",
    "goals",
    "measures",
    "referrals",
    "courses",
    "education",
    "jobs",
    "housing",
    "workshops",
)


def test_opening_answers_201_with_location_and_etag(api: ApiSession) -> None:
    response = api.post("/v1/plans", open_plan_body())
    assert response.status_code == 201
    answer = response.json()
    assert set(answer) == {"id", "version", "position"}
    assert answer["version"] == 1
    assert response.headers["location"] == f"/v1/plans/{answer['id']}"
    assert response.headers["etag"] == '"1"'


def test_the_state_has_every_item_with_its_status(api: ApiSession) -> None:
    ids = api.prepared_plan()
    plan = ids["plan"]
    api.created(
        f"/v1/plans/{plan}/measures/{ids['measure']}/completion",
        {"completed_on": "2026-05-04", "outcome": "Registered"},
    )
    api.created(
        f"/v1/plans/{plan}/courses/{ids['course']}/discontinuation",
        {"on": "2026-05-04", "reason": "Started work"},
    )
    response = api.get(f"/v1/plans/{plan}")
    assert response.status_code == 200
    state = response.json()
    assert response.headers["etag"] == f'"{state["version"]}"'
    assert state["status"] == "open"
    assert state["municipality"] == "08317096"
    assert state["advice_period_ends_on"] == "2028-01-15"
    assert state["profile"]["arrived_on"] == "2024-09-15"
    assert state["personal"]["given_name"] == "Amira"
    assert set(ITEM_LISTS) <= set(state)
    assert [g["status"] for g in state["goals"]] == ["open"]
    assert [(m["id"], m["status"]) for m in state["measures"]] == [(ids["measure"], "completed")]
    assert [(c["id"], c["status"]) for c in state["courses"]] == [(ids["course"], "discontinued")]
    assert [(j["id"], j["status"]) for j in state["jobs"]] == [(ids["job"], "active")]
    assert [r["id"] for r in state["referrals"]] == [ids["referral"]]
    assert [c["status"] for c in state["consents"]] == ["active"]


def test_the_state_at_a_version_and_as_of_a_time(api: ApiSession) -> None:
    plan = api.open_plan()
    api.created(f"/v1/plans/{plan}/housing", {"secured_on": "2026-05-01", "kind": "other"})
    between = datetime.now(UTC).isoformat()
    api.created(f"/v1/plans/{plan}/workshops", {"kind": "other", "attended_on": "2026-05-02"})

    at_one = api.get(f"/v1/plans/{plan}", version=1)
    assert at_one.json()["version"] == 1
    assert at_one.json()["housing"] == []
    assert at_one.headers["etag"] == '"1"'
    then = api.get(f"/v1/plans/{plan}", as_of=between).json()
    assert then["version"] == 2
    assert len(then["housing"]) == 1
    assert then["workshops"] == []
    assert api.get(f"/v1/plans/{plan}").json()["version"] == 3
    naive = api.get(f"/v1/plans/{plan}", as_of="2026-05-01T10:00:00")
    assert naive.status_code == 422
    both = api.get(f"/v1/plans/{plan}", version=1, as_of=between)
    assert both.status_code == 422


def test_history_shows_every_entry_and_what_retracted_it(api: ApiSession) -> None:
    plan = api.open_plan()
    api.created(f"/v1/plans/{plan}/housing", {"secured_on": "2026-05-01", "kind": "other"})
    api.created(
        f"/v1/plans/{plan}/retractions",
        {"version": 2, "reason": "Wrong plan"},
        **{"X-Request-ID": "req-42"},
    )
    response = api.get(f"/v1/plans/{plan}/history", "auditor")
    assert response.status_code == 200
    history = response.json()
    assert history["version"] == 3
    entries = history["entries"]
    assert [e["type"] for e in entries] == ["PlanOpened", "HousingSecured", "EntryRetracted"]
    assert entries[1]["retracted_by"] == 3
    assert entries[1]["data"] == {"kind": "other"}
    assert entries[2]["correlation_id"] == "req-42"
    assert entries[2]["actor"] == "caseworker-1"
    assert entries[2]["role"] == "caseworker"
    assert entries[2]["effective_on"] == "2026-06-01"  # defaults to today
    assert entries[0]["personal"]["family_name"] == "Haddad"
    assert api.get(f"/v1/plans/{plan}").json()["housing"] == []


def test_after_erasure_personal_data_reads_as_null(api: ApiSession) -> None:
    plan = api.open_plan()
    api.created(
        f"/v1/plans/{plan}/consultations",
        {
            "held_on": "2026-05-04",
            "duration_minutes": 30,
            "setting": "phone",
            "topics": ["health"],
            "notes": "Sensitive health details",
        },
    )
    erased = api.post(f"/v1/plans/{plan}/erasure", {"legal_basis": "Art. 17 GDPR"}, "admin", ["*"])
    assert erased.status_code == 201
    state = api.get(f"/v1/plans/{plan}", "admin", ["*"]).json()
    assert state["status"] == "erased"
    assert state["personal"] is None
    assert state["consultations"][0]["notes"] is None
    assert state["profile"]["birth_year"] == 1991
    history = api.get(f"/v1/plans/{plan}/history").text
    assert "Sensitive" not in history
    assert "Amira" not in history
    again = api.post(f"/v1/plans/{plan}/housing", {"secured_on": "2026-05-05", "kind": "other"})
    assert again.json()["code"] == "plan_erased"


def test_effective_dates_default_to_today(api: ApiSession) -> None:
    ids = api.prepared_plan()
    state = api.get(f"/v1/plans/{ids['plan']}").json()
    goal = api.created(
        f"/v1/plans/{ids['plan']}/goals",
        {"field": "work", "description": "Find work", "target_on": "2026-12-01"},
    )
    goals = {g["id"]: g for g in api.get(f"/v1/plans/{ids['plan']}").json()["goals"]}
    assert goals[goal["goal_id"]]["set_on"] == "2026-06-01"
    assert goals[ids["goal"]]["set_on"] == "2025-02-01"
    assert state["version"] + 1 == goal["version"]


def test_a_plan_lives_from_opening_to_reopening_on_every_store(
    every_store_api: ApiSession,
) -> None:
    api = every_store_api
    ids = api.prepared_plan()
    plan = f"/v1/plans/{ids['plan']}"
    api.created(
        f"{plan}/goals/{ids['goal']}/outcome",
        {"outcome": "abandoned", "on": "2026-05-01", "note": "Moved on"},
    )
    api.created(f"{plan}/jobs/{ids['job']}/end", {"ended_on": "2026-05-01", "reason": "Ended"})
    api.created(f"{plan}/closure", {"closed_on": "2026-05-02", "reason": "goals_achieved"})
    reopened = api.created(f"{plan}/reopening", {"reopened_on": "2026-05-03", "reason": "Back"})
    state = api.get(plan).json()
    assert state["version"] == reopened["version"] == 11
    assert state["status"] == "open"
    assert [g["status"] for g in state["goals"]] == ["abandoned"]
    assert [j["status"] for j in state["jobs"]] == ["ended"]
    history = api.get(f"{plan}/history").json()["entries"]
    assert [e["type"] for e in history[-4:]] == [
        "GoalAbandoned",
        "EmploymentEnded",
        "PlanClosed",
        "PlanReopened",
    ]
