"""Realistic inputs for tests: a person's profile and personal data, and an entry context."""

from __future__ import annotations

from datetime import date
from typing import Any

from domain.context import EntryContext, EntryPolicy

TODAY = date(2026, 6, 1)
OFFENBURG = "08317096"
KEHL = "08317057"


def ctx(
    actor: str = "cw-anna",
    role: str = "caseworker",
    *,
    today: date = TODAY,
    idempotency_key: str | None = None,
    request_digest: str | None = None,
    policy: EntryPolicy | None = None,
) -> EntryContext:
    return EntryContext(
        actor=actor,
        role=role,
        correlation_id="req-test",
        today=today,
        idempotency_key=idempotency_key,
        request_digest=request_digest,
        policy=policy or EntryPolicy(),
    )


def profile(**overrides: Any) -> dict[str, Any]:
    value: dict[str, Any] = {
        "birth_year": 1991,
        "gender": "female",
        "nationality": "SY",
        "residence_status": "recognised_refugee",
        "household_size": 3,
        "languages": ["ar", "ku"],
        "arrived_on": date(2024, 9, 15),
    }
    value.update(overrides)
    return value


def personal(**overrides: Any) -> dict[str, Any]:
    value: dict[str, Any] = {
        "given_name": "Amira",
        "family_name": "Haddad",
        "birth_date": "1991-04-02",
        "phone": "+49 781 555 0101",
        "email": "amira.haddad@example.org",
        "address": "Hauptstraße 1, 77652 Offenburg",
        "household_members": [
            {"name": "Yusuf Haddad", "relation": "child", "birth_year": 2017},
            {"name": "Lina Haddad", "relation": "child", "birth_year": 2020},
        ],
    }
    value.update(overrides)
    return value


def open_details(**overrides: Any) -> dict[str, Any]:
    value: dict[str, Any] = {
        "municipality": OFFENBURG,
        "caseworker": "cw-anna",
        "opened_on": date(2025, 1, 15),
        "profile": profile(),
        "personal": personal(),
    }
    value.update(overrides)
    return value
