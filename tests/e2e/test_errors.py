"""Each kind of client mistake gets its own problem response, never a 500 or a stack trace."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jwt
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from infrastructure.secrets import jwt_signing_secret
from infrastructure.settings import Settings
from tests.builders import OFFENBURG
from tests.e2e.session import ApiSession, open_plan_body

PROBLEM_KEYS = {"type", "title", "status", "detail", "code"}


def assert_problem(response_json: dict[str, object], status: int, code: str) -> None:
    assert set(response_json) >= PROBLEM_KEYS
    assert response_json["status"] == status
    assert response_json["code"] == code


def test_malformed_json_is_400(api: ApiSession) -> None:
    plan = api.open_plan()
    response = api.client.post(
        f"/v1/plans/{plan}/consultations",
        content=b'{"held_on": "2026-05-04", ',
        headers={**api.headers(), "Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert_problem(response.json(), 400, "malformed_json")


@pytest.mark.parametrize(
    ("authorization", "code"),
    [
        (None, "token_missing"),
        ("Basic dXNlcjpwYXNz", "token_missing"),
        ("Bearer not-a-jwt", "unauthenticated"),
    ],
)
def test_a_missing_or_broken_token_is_401(
    sqlite_api: ApiSession, authorization: str | None, code: str
) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    response = sqlite_api.client.get(f"/v1/plans/{uuid.uuid4()}", headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert_problem(response.json(), 401, code)


def _signed(settings: Settings, secret: str | None = None, **claims: object) -> str:
    payload: dict[str, object] = {
        "sub": "cw-anna",
        "role": "caseworker",
        "municipalities": [OFFENBURG],
        "exp": datetime.now(UTC) + timedelta(hours=1),
    }
    payload.update(claims)
    payload = {k: v for k, v in payload.items() if v is not None}
    return jwt.encode(payload, secret or jwt_signing_secret(settings), algorithm="HS256")


@pytest.mark.parametrize(
    ("claims", "secret", "code"),
    [
        ({"exp": datetime.now(UTC) - timedelta(minutes=5)}, None, "token_expired"),
        ({}, "another-secret-that-is-long-enough-for-hs256", "unauthenticated"),
        ({"exp": None}, None, "unauthenticated"),
        ({"role": "superuser"}, None, "unauthenticated"),
        ({"municipalities": ["Offenburg"]}, None, "unauthenticated"),
        ({"municipalities": []}, None, "unauthenticated"),
        ({"sub": None}, None, "unauthenticated"),
        ({"role": ["caseworker"]}, None, "unauthenticated"),
        ({"role": {"name": "caseworker"}}, None, "unauthenticated"),
        ({"municipalities": ["08317096\n"]}, None, "unauthenticated"),
        (
            {"municipalities": ["\u0660\u0668\u0663\u0661\u0667\u0660\u0669\u0666"]},
            None,
            "unauthenticated",
        ),
        ({"municipalities": "08317096"}, None, "unauthenticated"),
        ({"exp": "9999999999"}, None, "unauthenticated"),
        ({"exp": True}, None, "token_expired"),  # true is 1: long expired
        ({"iat": "1700000000"}, None, "unauthenticated"),
    ],
    ids=[
        "expired",
        "wrong-secret",
        "no-exp",
        "unknown-role",
        "bad-ags",
        "no-scope",
        "no-sub",
        "role-list",
        "role-object",
        "ags-newline",
        "ags-arabic-digits",
        "scope-not-a-list",
        "exp-string",
        "exp-bool",
        "iat-string",
    ],
)
def test_an_invalid_token_is_401(
    sqlite_api: ApiSession, claims: dict[str, object], secret: str | None, code: str
) -> None:
    token = _signed(sqlite_api.settings, secret, **claims)
    response = sqlite_api.client.get(
        f"/v1/plans/{uuid.uuid4()}", headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 401
    assert_problem(response.json(), 401, code)


def test_analysts_never_see_a_plan(api: ApiSession) -> None:
    plan = api.open_plan()
    for path in (f"/v1/plans/{plan}", f"/v1/plans/{plan}/history"):
        response = api.get(path, "analyst", ["*"])
        assert response.status_code == 403
        assert_problem(response.json(), 403, "forbidden")
        assert "Amira" not in response.text


def test_unknown_plan_and_version_are_404(api: ApiSession) -> None:
    plan = api.open_plan()
    assert_problem(api.get(f"/v1/plans/{uuid.uuid4()}").json(), 404, "plan_not_found")
    assert_problem(api.get(f"/v1/plans/{plan}", version=5).json(), 404, "version_not_found")
    before_anything = "2000-01-01T00:00:00Z"
    response = api.get(f"/v1/plans/{plan}", as_of=before_anything)
    assert response.status_code == 404
    assert_problem(response.json(), 404, "version_not_found")


def test_an_unknown_route_is_a_404_problem(sqlite_api: ApiSession) -> None:
    response = sqlite_api.client.get("/v2/nothing")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


def test_a_refused_rule_is_409_with_its_code(api: ApiSession) -> None:
    plan = api.open_plan()
    api.created(f"/v1/plans/{plan}/closure", {"closed_on": "2026-05-01", "reason": "declined"})
    response = api.post(
        f"/v1/plans/{plan}/workshops", {"kind": "other", "attended_on": "2026-05-02"}
    )
    assert response.status_code == 409
    assert_problem(response.json(), 409, "plan_closed")
    future = api.post(
        f"/v1/plans/{plan}/reopening", {"reopened_on": "2027-01-01", "reason": "back"}
    )
    assert_problem(future.json(), 409, "effective_date_in_future")


def test_a_stale_if_match_is_412_and_changes_nothing(api: ApiSession) -> None:
    plan = api.open_plan()
    first = api.created(
        f"/v1/plans/{plan}/housing",
        {"secured_on": "2026-05-01", "kind": "private_rental"},
        **{"If-Match": '"1"'},
    )
    assert first["version"] == 2
    stale = api.post(
        f"/v1/plans/{plan}/workshops",
        {"kind": "other", "attended_on": "2026-05-02"},
        **{"If-Match": '"1"'},
    )
    assert stale.status_code == 412
    assert_problem(stale.json(), 412, "version_mismatch")
    assert api.get(f"/v1/plans/{plan}").json()["version"] == 2
    malformed = api.post(
        f"/v1/plans/{plan}/workshops",
        {"kind": "other", "attended_on": "2026-05-02"},
        **{"If-Match": "yesterday"},
    )
    assert_problem(malformed.json(), 400, "invalid_if_match")


def test_an_invalid_field_is_422_with_its_location(api: ApiSession) -> None:
    plan = api.open_plan()
    response = api.post(
        f"/v1/plans/{plan}/consultations",
        {
            "held_on": "not a date",
            "duration_minutes": "long",
            "setting": "pub",
            "topics": ["language", "astrology"],
            "colour": "blue",
        },
    )
    assert response.status_code == 422
    body = response.json()
    assert_problem(body, 422, "invalid_field")
    locations = {tuple(e["loc"]) for e in body["errors"]}
    assert locations == {
        ("body", "held_on"),
        ("body", "duration_minutes"),
        ("body", "setting"),
        ("body", "topics", 1),
        ("body", "colour"),
    }
    assert "astrology" not in response.text  # the input is never echoed


def test_values_no_store_could_keep_are_422_not_500(sqlite_api: ApiSession) -> None:
    plan = sqlite_api.open_plan()
    huge = sqlite_api.get(f"/v1/plans/{plan}", version=10**20)
    nul = sqlite_api.post(f"/v1/plans/{plan}/assignment", {"caseworker": "cw\x00ben"})
    newline = sqlite_api.post(f"/v1/plans/{plan}/assignment", {"caseworker": "cw\nben"})
    retract = sqlite_api.post(f"/v1/plans/{plan}/retractions", {"version": 10**20, "reason": "x"})
    for response in (huge, nul, newline, retract):
        assert response.status_code == 422, response.text
    assert sqlite_api.get(f"/v1/plans/{plan}").json()["version"] == 1


def test_a_value_the_domain_refuses_is_422(api: ApiSession) -> None:
    response = api.post("/v1/plans", open_plan_body(caseworker="   "))
    assert response.status_code == 422
    assert_problem(response.json(), 422, "invalid_value")


def test_opening_outside_the_callers_municipalities_is_403(api: ApiSession) -> None:
    response = api.post("/v1/plans", open_plan_body(), municipalities=["08317057"])
    assert response.status_code == 403
    assert_problem(response.json(), 403, "municipality_out_of_scope")


def test_a_body_above_the_limit_is_413(api: ApiSession) -> None:
    plan = api.open_plan()
    notes = "x" * (api.settings.api_max_body_bytes + 1)
    response = api.post(
        f"/v1/plans/{plan}/consultations",
        {
            "held_on": "2026-05-04",
            "duration_minutes": 30,
            "setting": "office",
            "topics": [],
            "notes": notes,
        },
    )
    assert response.status_code == 413
    assert_problem(response.json(), 413, "payload_too_large")

    def chunks() -> Iterator[bytes]:
        yield b'{"notes": "'
        for _ in range(80):
            yield b"y" * 1024
        yield b'"}'

    chunked = api.client.post(
        f"/v1/plans/{plan}/consultations",
        content=chunks(),
        headers={**api.headers(), "Content-Type": "application/json"},
    )
    assert chunked.status_code == 413
    assert api.get(f"/v1/plans/{plan}").json()["version"] == 1


def test_an_unreachable_store_is_503_quickly(tmp_path: Path) -> None:
    settings = Settings(
        store="postgres",
        postgres_port=1,
        postgres_connect_timeout=1,
        data_dir=tmp_path,
    )
    app = create_app(settings)
    with TestClient(app) as client:
        token = jwt.encode(
            {
                "sub": "cw",
                "role": "caseworker",
                "municipalities": ["*"],
                "exp": datetime.now(UTC) + timedelta(hours=1),
            },
            jwt_signing_secret(settings),
        )
        headers = {"Authorization": f"Bearer {token}"}
        started = time.monotonic()
        read = client.get(f"/v1/plans/{uuid.uuid4()}", headers=headers)
        write = client.post("/v1/plans", json=open_plan_body(), headers=headers)
        ready = client.get("/readyz")
        elapsed = time.monotonic() - started
        assert client.get("/healthz").status_code == 200
        metrics = client.get("/metrics").text
    for response in (read, write, ready):
        assert response.status_code == 503, response.text
        assert_problem(response.json(), 503, "store_unavailable")
        assert response.headers["retry-after"]
    assert elapsed < 10
    assert "iplan_store_errors_total 3.0" in metrics
