"""A test client that speaks for a role: tokens, bodies and the plan prepared for follow-ups."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import httpx
from fastapi.testclient import TestClient

from api.auth import issue_token
from infrastructure.settings import Settings
from tests.builders import OFFENBURG


def open_plan_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "municipality": OFFENBURG,
        "caseworker": "cw-anna",
        "opened_on": "2025-01-15",
        "profile": {
            "birth_year": 1991,
            "gender": "female",
            "nationality": "SY",
            "residence_status": "recognised_refugee",
            "household_size": 3,
            "languages": ["ar", "ku"],
            "arrived_on": "2024-09-15",
        },
        "personal": {
            "given_name": "Amira",
            "family_name": "Haddad",
            "birth_date": "1991-04-02",
            "phone": "+49 781 555 0101",
            "email": "amira.haddad@example.org",
            "address": "Hauptstraße 1, 77652 Offenburg",
            "household_members": [
                {"name": "Yusuf Haddad", "relation": "child", "birth_year": 2017},
            ],
        },
    }
    body.update(overrides)
    return body


class ApiSession:
    """Calls the app as a caseworker of Offenburg unless told otherwise."""

    def __init__(self, client: TestClient, settings: Settings) -> None:
        self.client = client
        self.settings = settings

    def token(
        self,
        role: str = "caseworker",
        municipalities: Iterable[str] = (OFFENBURG,),
        sub: str | None = None,
    ) -> str:
        return issue_token(
            self.settings, sub=sub or f"{role}-1", role=role, municipalities=list(municipalities)
        )

    def headers(
        self,
        role: str = "caseworker",
        municipalities: Iterable[str] = (OFFENBURG,),
        **extra: str,
    ) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token(role, municipalities)}", **extra}

    def post(
        self,
        path: str,
        body: dict[str, Any],
        role: str = "caseworker",
        municipalities: Iterable[str] = (OFFENBURG,),
        **extra: str,
    ) -> httpx.Response:
        headers = self.headers(role, municipalities, **extra)
        response: httpx.Response = self.client.post(path, json=body, headers=headers)
        return response

    def get(
        self,
        path: str,
        role: str = "caseworker",
        municipalities: Iterable[str] = (OFFENBURG,),
        **params: Any,
    ) -> httpx.Response:
        headers = self.headers(role, municipalities)
        response: httpx.Response = self.client.get(path, params=params, headers=headers)
        return response

    def created(
        self,
        path: str,
        body: dict[str, Any],
        municipalities: Iterable[str] = (OFFENBURG,),
        **extra: str,
    ) -> dict[str, Any]:
        response = self.post(path, body, "caseworker", municipalities, **extra)
        assert response.status_code == 201, response.text
        answer: dict[str, Any] = response.json()
        return answer

    def open_plan(self, **overrides: Any) -> str:
        body = open_plan_body(**overrides)
        return str(self.created("/v1/plans", body, [body["municipality"]])["id"])

    def prepared_plan(self) -> dict[str, str]:
        """A plan with a consent, goal, measure, referral, course and job to follow up on."""
        plan = self.open_plan()
        base = f"/v1/plans/{plan}"
        self.created(
            f"{base}/consents",
            {
                "purpose": "share_with_partner",
                "partner_kind": "jobcenter",
                "given_on": "2025-01-15",
            },
        )
        ids = {"plan": plan, "purpose": "share_with_partner"}
        ids["goal"] = self.created(
            f"{base}/goals",
            {
                "field": "language",
                "description": "Reach B1",
                "target_on": "2026-12-31",
                "set_on": "2025-02-01",
            },
        )["goal_id"]
        ids["measure"] = self.created(
            f"{base}/measures",
            {
                "field": "work",
                "title": "Register with the Jobcenter",
                "responsible": "client",
                "partner_kind": "jobcenter",
                "due_on": "2026-07-01",
                "goal_id": ids["goal"],
                "agreed_on": "2025-02-01",
            },
        )["measure_id"]
        ids["referral"] = self.created(
            f"{base}/referrals",
            {"partner_kind": "jobcenter", "reason": "Job search", "made_on": "2025-02-01"},
        )["referral_id"]
        ids["course"] = self.created(
            f"{base}/courses",
            {
                "kind": "integrationskurs",
                "provider": "VHS Offenburg",
                "starts_on": "2025-03-01",
                "enrolled_on": "2025-02-01",
            },
        )["course_id"]
        ids["job"] = self.created(
            f"{base}/jobs",
            {
                "kind": "employment",
                "sector": "G",
                "starts_on": "2025-06-01",
                "hours_per_week": 30,
                "placed_on": "2025-05-01",
            },
        )["job_id"]
        return ids
