"""A browser-like client of the web pages: logs in with a local account, sends forms with
the CSRF token of the page it last read."""

from __future__ import annotations

import re
from typing import Any

import httpx
from fastapi.testclient import TestClient

PASSWORD = "correct horse battery"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
REFUSAL = re.compile(r'class="refusal">([^<]*)<')
FIELD_ERROR = re.compile(r'class="error" id="([^"]+)-error">([^<]*)<')


class WebUser:
    def __init__(self, client: TestClient, username: str, role: str, places: list[str]) -> None:
        self.client = client
        self.username = username
        client.app.state.web_accounts.get().add(username, PASSWORD, role, places)  # type: ignore[attr-defined]
        self.last = client.get("/login")

    @property
    def csrf(self) -> str:
        found = CSRF.search(self.last.text)
        assert found is not None, self.last.text[:500]
        return found.group(1)

    def log_in(self, password: str = PASSWORD) -> httpx.Response:
        response: httpx.Response = self.client.post(
            "/login",
            data={"username": self.username, "password": password, "csrf_token": self.csrf},
        )
        self.last = response
        return response

    def get(self, path: str) -> httpx.Response:
        response: httpx.Response = self.client.get(path)
        self.last = response
        return response

    def send(self, path: str, data: dict[str, Any]) -> httpx.Response:
        """Reads the form's page, then sends `data` with its CSRF token."""
        self.get(path)
        response: httpx.Response = self.client.post(path, data={"csrf_token": self.csrf, **data})
        self.last = response
        return response


def refusals(response: httpx.Response) -> list[str]:
    return REFUSAL.findall(response.text)


def field_errors(response: httpx.Response) -> dict[str, str]:
    return dict(FIELD_ERROR.findall(response.text))


def plan_of(response: httpx.Response) -> str:
    found = re.search(r"/plans/([0-9a-f-]{36})", str(response.url))
    assert found is not None, str(response.url)
    return found.group(1)


OPEN_PLAN_FORM = {
    "municipality": "08317096",
    "caseworker": "anna",
    "opened_on": "2025-01-15",
    "profile.birth_year": "1991",
    "profile.gender": "female",
    "profile.nationality": "SY",
    "profile.residence_status": "recognised_refugee",
    "profile.household_size": "3",
    "profile.languages": "ar, ku",
    "profile.arrived_on": "2024-09-15",
    "personal.given_name": "Amira",
    "personal.family_name": "Haddad",
    "personal.household_members.0.name": "Yusuf Haddad",
    "personal.household_members.0.relation": "child",
}
