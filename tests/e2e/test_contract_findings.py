"""What outside fuzzing found looser than the contract, each now refused or described
(issue 17): the refusal is a documented problem, the document says the rule."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest

from api.openapi import COMMITTED
from tests.e2e.session import ApiSession, open_plan_body
from tests.e2e.test_errors import assert_problem

CONSULTATION = {
    "held_on": "2025-03-02",
    "duration_minutes": 45,
    "setting": "office",
    "interpreter_language": None,
    "topics": ["language"],
    "notes": "Line one\nline two",
}


def document() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(COMMITTED.read_text(encoding="utf-8"))
    return loaded


def schema(name: str) -> dict[str, Any]:
    found: dict[str, Any] = document()["components"]["schemas"][name]
    return found


def profile(**overrides: object) -> dict[str, Any]:
    return {**open_plan_body()["profile"], **overrides}


def personal(**overrides: object) -> dict[str, Any]:
    return {**open_plan_body()["personal"], **overrides}


def field_refused(response: Any, *where: str) -> None:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert_problem(problem, 422, "invalid_field")
    assert [e["loc"][-len(where) :] for e in problem["errors"]] == [list(where)]


@pytest.mark.parametrize("duration", ["5", True, 5.5, "45"])
def test_numbers_are_not_read_from_strings_or_booleans(
    sqlite_api: ApiSession, duration: object
) -> None:
    plan = sqlite_api.open_plan()
    response = sqlite_api.post(
        f"/v1/plans/{plan}/consultations", {**CONSULTATION, "duration_minutes": duration}
    )
    field_refused(response, "duration_minutes")


@pytest.mark.parametrize("duration", [45, 45.0])
def test_a_json_number_and_free_text_with_newlines_are_taken(
    sqlite_api: ApiSession, duration: float
) -> None:
    plan = sqlite_api.open_plan()
    body = {**CONSULTATION, "duration_minutes": duration}
    assert sqlite_api.post(f"/v1/plans/{plan}/consultations", body).status_code == 201
    state = sqlite_api.get(f"/v1/plans/{plan}").json()
    assert state["consultations"][0]["duration_minutes"] == 45


@pytest.mark.parametrize(("field", "value"), [("certificate", "true"), ("certificate", 1)])
def test_booleans_are_booleans(sqlite_api: ApiSession, field: str, value: object) -> None:
    plan = sqlite_api.prepared_plan()
    response = sqlite_api.post(
        f"/v1/plans/{plan['plan']}/courses/{plan['course']}/completion",
        {"completed_on": "2025-03-02", field: value},
    )
    field_refused(response, field)


@pytest.mark.parametrize("held_on", [0, "0", 1_740_873_600, "2025-03-02T00:00:00"])
def test_dates_are_iso_days_not_timestamps(sqlite_api: ApiSession, held_on: object) -> None:
    plan = sqlite_api.open_plan()
    response = sqlite_api.post(
        f"/v1/plans/{plan}/consultations", {**CONSULTATION, "held_on": held_on}
    )
    field_refused(response, "held_on")


@pytest.mark.parametrize("code", ["XX", "ZZ", "EU", "sy", "XK"])
def test_nationality_is_an_iso_3166_country(sqlite_api: ApiSession, code: str) -> None:
    response = sqlite_api.post("/v1/plans", open_plan_body(profile=profile(nationality=code)))
    field_refused(response, "nationality")


def test_the_document_lists_the_countries() -> None:
    nationality = schema("Profile")["properties"]["nationality"]
    assert nationality["$ref"] == "#/components/schemas/Country"
    countries = schema("Country")["enum"]
    assert len(countries) == 249
    assert {"SY", "AF", "UA", "DE"} <= set(countries)
    assert "XX" not in countries


@pytest.mark.parametrize(
    ("body", "where"),
    [
        (open_plan_body(profile=profile(birth_year=1)), ("birth_year",)),
        (open_plan_body(profile=profile(birth_year="1991")), ("birth_year",)),
        (open_plan_body(personal=personal(birth_date="0001-01-01")), ("body",)),
        (open_plan_body(personal=personal(birth_date="2025-01-16")), ("body",)),
        (
            open_plan_body(
                personal=personal(
                    household_members=[{"name": "A", "relation": "child", "birth_year": 1}]
                )
            ),
            ("birth_year",),
        ),
    ],
)
def test_birth_dates_are_plausible(
    sqlite_api: ApiSession, body: dict[str, Any], where: tuple[str, ...]
) -> None:
    field_refused(sqlite_api.post("/v1/plans", body), *where)


def test_a_birth_year_after_the_opening_is_refused_by_the_rules(sqlite_api: ApiSession) -> None:
    response = sqlite_api.post("/v1/plans", open_plan_body(profile=profile(birth_year=2026)))
    assert response.status_code == 422
    assert_problem(response.json(), 422, "invalid_value")


@pytest.mark.parametrize("name", ["caseworker", "municipality"])
def test_control_characters_in_one_line_texts_are_refused_and_described(
    sqlite_api: ApiSession, name: str
) -> None:
    response = sqlite_api.post("/v1/plans", open_plan_body(**{name: "cw\u0007anna"}))
    field_refused(response, name)
    pattern = schema("OpenPlanBody")["properties"]["caseworker"]["pattern"]
    assert pattern == "^[^\\x00-\\x1f\\x7f]*$"


@pytest.mark.parametrize("if_match", ["null", 'W/"1"', "", '"1", "2"'])
def test_a_malformed_if_match_is_the_documented_400(sqlite_api: ApiSession, if_match: str) -> None:
    plan = sqlite_api.open_plan()
    response = sqlite_api.post(
        f"/v1/plans/{plan}/consultations", CONSULTATION, **{"If-Match": if_match}
    )
    assert response.status_code == 400
    assert_problem(response.json(), 400, "invalid_if_match")
    operation = document()["paths"]["/v1/plans/{plan_id}/consultations"]["post"]
    header = next(p for p in operation["parameters"] if p["name"] == "If-Match")
    assert "pattern" in header["schema"]
    assert "invalid_if_match" in operation["responses"]["400"]["description"]


def test_version_with_as_of_is_refused_with_its_own_code(sqlite_api: ApiSession) -> None:
    plan = sqlite_api.open_plan()
    response = sqlite_api.get(f"/v1/plans/{plan}", version=1, as_of="2026-01-01T00:00:00Z")
    assert response.status_code == 422
    assert_problem(response.json(), 422, "invalid_version_and_as_of")
    operation = document()["paths"]["/v1/plans/{plan_id}"]["get"]
    assert "invalid_version_and_as_of" in operation["responses"]["422"]["description"]


@pytest.mark.parametrize("to", ["0.5", "0", "1700000000", "2026-01-01"])
def test_audit_log_times_are_rfc_3339_not_unix_seconds(sqlite_api: ApiSession, to: str) -> None:
    response = sqlite_api.get("/v1/audit-log", role="auditor", to=to)
    field_refused(response, "to")


@pytest.mark.parametrize("born", ["0", "1700000000", "1991-04-02T00:00:00"])
def test_a_birth_date_to_search_for_is_a_day(sqlite_api: ApiSession, born: str) -> None:
    field_refused(sqlite_api.get("/v1/plans", birth_date=born), "birth_date")


def test_audit_log_takes_an_rfc_3339_time(sqlite_api: ApiSession) -> None:
    response = sqlite_api.get("/v1/audit-log", role="auditor", to="2026-01-01T00:00:00+01:00")
    assert response.status_code == 200, response.text


def test_options_on_plans_allows_get_and_post(sqlite_api: ApiSession) -> None:
    response = sqlite_api.client.options("/v1/plans")
    assert response.status_code == 204
    assert set(response.headers["allow"].split(", ")) == {"GET", "POST", "OPTIONS"}
    wrong = sqlite_api.client.delete(f"/v1/plans/{uuid.uuid4()}")
    assert wrong.status_code == 405
    assert set(wrong.headers["allow"].split(", ")) == {"GET", "OPTIONS"}
    assert_problem(wrong.json(), 405, "method_not_allowed")
    assert sqlite_api.client.head("/v1/plans").status_code == 405  # so HEAD is not offered


def test_a_rebuild_of_an_unknown_read_model_is_a_problem(sqlite_api: ApiSession) -> None:
    response = sqlite_api.post("/v1/admin/projections/nonesuch/rebuild", {}, role="admin")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert_problem(response.json(), 404, "projection_not_found")
