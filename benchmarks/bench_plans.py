"""The plans and commands the command-level benchmarks record: one caseworker's plans in
Offenburg, and consultations on them (the most frequent entry)."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import UUID

from application.plans import IntegrationPlans
from domain.context import EntryContext
from domain.plan import IntegrationPlan

TODAY = date(2026, 6, 1)
OPENED = TODAY - timedelta(days=1000)
CTX = EntryContext("cw-bench", "caseworker", "bench", TODAY)
PROFILE = {
    "birth_year": 1990,
    "gender": "male",
    "nationality": "AF",
    "residence_status": "subsidiary_protection",
    "household_size": 1,
    "languages": ["fa"],
    "arrived_on": OPENED - timedelta(days=100),
}


def open_plan(plans: IntegrationPlans, family_name: str = "Mark") -> UUID:
    return plans.open_plan(
        CTX,
        municipality="08317096",
        caseworker="cw-bench",
        opened_on=OPENED,
        profile=PROFILE,
        personal={"given_name": "Bench", "family_name": family_name},
    ).id


def consult(plans: IntegrationPlans, plan_id: UUID, day: int) -> None:
    """Records a consultation on the `day`-th day after the opening (modulo 999)."""
    plans.record(
        plan_id,
        IntegrationPlan.hold_consultation,
        CTX,
        held_on=OPENED + timedelta(days=day % 999),
        duration_minutes=45,
        setting="office",
        interpreter_language=None,
        topics=["work"],
        notes="note",
    )
