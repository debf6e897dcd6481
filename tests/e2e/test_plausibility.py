"""DESIGN 8a through the API: the county's municipalities and plausible dates are 422s,
on SQLite and PostgreSQL; no date of any value is a 500."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from infrastructure.reference_data import ReferenceDataError
from infrastructure.settings import Settings
from infrastructure.store import build_plans
from tests.builders import KEHL, OFFENBURG
from tests.e2e.conftest import session_on
from tests.e2e.session import ApiSession, open_plan_body

MUNICH = "09162000"
WHOLE_COUNTY = ["*"]
# tests.builders.TODAY is 2026-06-01: ten years ahead is 2036-06-01.
TEN_YEARS_AHEAD = "2036-06-01"


def refused(response: Any, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem: dict[str, Any] = response.json()
    assert problem["code"] == code
    detail: str = problem["detail"]
    return detail


@pytest.mark.parametrize("municipality", ["99999999", MUNICH])
def test_a_plan_opens_only_in_one_of_the_county_s_municipalities(
    api: ApiSession, municipality: str
) -> None:
    body = open_plan_body(municipality=municipality)
    detail = refused(
        api.post("/v1/plans", body, municipalities=WHOLE_COUNTY), 422, "unknown_municipality"
    )
    assert detail == f"{municipality} is not one of the county's municipalities"
    # A token naming the key itself does not make it one of the county's either.
    refused(api.post("/v1/plans", body, municipalities=[municipality]), 422, "unknown_municipality")
    assert api.get("/v1/plans", "auditor", WHOLE_COUNTY).json()["items"] == []


def test_a_plan_moves_only_to_one_of_the_county_s_municipalities(api: ApiSession) -> None:
    plan = api.open_plan()
    moving = {"municipality": MUNICH, "caseworker": "cw-max", "on": "2026-05-01"}
    refused(api.post(f"/v1/plans/{plan}/transfer", moving), 422, "unknown_municipality")
    moving["municipality"] = KEHL
    api.created(f"/v1/plans/{plan}/transfer", moving)
    assert api.get(f"/v1/plans/{plan}", "auditor", WHOLE_COUNTY).json()["version"] == 2


def test_dates_before_the_earliest_date_or_too_far_ahead_are_422(api: ApiSession) -> None:
    detail = refused(
        api.post("/v1/plans", open_plan_body(opened_on="2014-12-31")), 422, "implausible_date"
    )
    assert "2015-01-01" in detail
    plan = api.open_plan()
    base = f"/v1/plans/{plan}"
    goal = {"field": "work", "description": "A job", "target_on": "2206-01-01"}
    refused(api.post(f"{base}/goals", goal), 422, "implausible_date")
    measure = {"field": "work", "title": "CV", "responsible": "client", "due_on": "2062-01-01"}
    refused(api.post(f"{base}/measures", measure), 422, "implausible_date")
    course = {"kind": "other", "provider": "VHS", "starts_on": "9999-12-31"}
    refused(api.post(f"{base}/courses", course), 422, "implausible_date")
    job = {"kind": "minijob", "sector": "G", "starts_on": "2014-06-01", "hours_per_week": 5}
    refused(api.post(f"{base}/jobs", job), 422, "implausible_date")
    assert api.get(base).json()["version"] == 1  # nothing was recorded
    goal["target_on"] = TEN_YEARS_AHEAD
    api.created(f"{base}/goals", goal)


DATES = ("0001-01-01", "2014-12-31", "2036-06-02", "9997-12-31", "9999-12-31")


@pytest.mark.parametrize("day", DATES)
def test_no_date_is_a_500(api: ApiSession, day: str) -> None:
    opened = api.post("/v1/plans", open_plan_body(opened_on=day))
    assert opened.status_code in (409, 422), opened.text
    plan = api.open_plan()
    base = f"/v1/plans/{plan}"
    writes: list[tuple[str, dict[str, Any]]] = [
        ("goals", {"field": "work", "description": "x", "target_on": day, "set_on": day}),
        ("measures", {"field": "work", "title": "x", "responsible": "client", "due_on": day}),
        ("courses", {"kind": "other", "provider": "VHS", "starts_on": day, "enrolled_on": day}),
        ("jobs", {"kind": "minijob", "sector": "G", "starts_on": day, "hours_per_week": 5}),
        ("extension", {"until": day, "reason": "x", "on": day}),
        ("closure", {"closed_on": day, "reason": "other"}),
        (
            "consultations",
            {"held_on": day, "duration_minutes": 5, "setting": "phone", "topics": []},
        ),
    ]
    for path, body in writes:
        response = api.post(f"{base}/{path}", body)
        assert response.status_code in (409, 422), (path, response.text)
    for as_of in (f"{day}T23:59:59-23:59", f"{day}T00:00:00+23:59"):
        response = api.get(base, as_of=as_of)
        assert response.status_code in (200, 404), response.text
    assert api.get(base).json()["version"] == 1


@pytest.fixture
def kehl_only(tmp_path: Path) -> Iterator[ApiSession]:
    listed = tmp_path / "municipalities.csv"
    listed.write_text(f"ags,name,kind,population\n{KEHL},Kehl,Große Kreisstadt,37000\n")
    settings = Settings(store="sqlite", data_dir=tmp_path / "data", municipalities_file=listed)
    yield from session_on(settings)


def test_a_configured_list_replaces_the_shipped_one(kehl_only: ApiSession) -> None:
    body = open_plan_body(municipality=OFFENBURG)
    refused(
        kehl_only.post("/v1/plans", body, municipalities=WHOLE_COUNTY), 422, "unknown_municipality"
    )
    kehl_only.open_plan(municipality=KEHL)


@pytest.mark.parametrize(
    ("content", "complaint"),
    [
        ("ags,name,kind,population\n", "lists no municipality"),
        ("ags,name,kind,population\n0831705,Kehl,Stadt,37000\n", "line 2"),
        ("ags,name,kind,population\n08317057,Kehl,Stadt,many\n", "line 2"),
    ],
)
def test_an_unusable_list_stops_the_start_with_a_clear_message(
    tmp_path: Path, content: str, complaint: str
) -> None:
    listed = tmp_path / "municipalities.csv"
    listed.write_text(content)
    settings = Settings(store="sqlite", data_dir=tmp_path / "data", municipalities_file=listed)
    with pytest.raises(ReferenceDataError, match=complaint):
        build_plans(settings)
    missing = settings.model_copy(update={"municipalities_file": tmp_path / "nowhere.csv"})
    with pytest.raises(ReferenceDataError, match="cannot read"):
        build_plans(missing)
