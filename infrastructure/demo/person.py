"""Who a synthetic person is: where they live, when their plan opens, their profile."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from infrastructure.demo.county import County
from infrastructure.demo.proportions import (
    FAMILY,
    GENDERS,
    GIVEN,
    HOUSEHOLD_SIZES,
    INTAKE,
    NATIONALITIES,
    weighted,
)
from infrastructure.reference_data import Municipality


@dataclass(frozen=True)
class Person:
    municipality: str
    caseworker: str
    opened_on: date
    profile: dict[str, Any]
    personal: dict[str, Any]

    @property
    def languages(self) -> list[str]:
        languages: list[str] = self.profile["languages"]
        return languages

    @property
    def members(self) -> list[dict[str, Any]]:
        members: list[dict[str, Any]] = self.personal["household_members"]
        return members

    def opening(self) -> dict[str, object]:
        """The details of the plan's opening (IntegrationPlan.open)."""
        return {
            "municipality": self.municipality,
            "caseworker": self.caseworker,
            "opened_on": self.opened_on,
            "profile": self.profile,
            "personal": self.personal,
        }


def make_person(
    rng: random.Random, county: County, municipality: Municipality, today: date
) -> Person:
    worker = rng.choice(county.caseworkers[municipality.ags])
    low, high = weighted(rng, INTAKE)
    opened = today - timedelta(days=rng.randint(low, high))
    nationality, _, languages, status = rng.choices(
        NATIONALITIES, weights=[n[1] for n in NATIONALITIES]
    )[0]
    household = weighted(rng, HOUSEHOLD_SIZES)
    members = [
        {
            "name": f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}",
            "relation": "child",
            "birth_year": rng.randint(2008, 2024),
        }
        for _ in range(household - 1)
    ]
    profile = {
        "birth_year": rng.randint(1965, 2006),
        "gender": weighted(rng, GENDERS),
        "nationality": nationality,
        "residence_status": status if rng.random() < 0.85 else "other",
        "household_size": household,
        "languages": languages,
        "arrived_on": opened - timedelta(days=rng.randint(30, 700)),
    }
    personal = {
        "given_name": rng.choice(GIVEN),
        "family_name": rng.choice(FAMILY),
        "birth_date": None,
        "phone": f"+49 781 {rng.randint(100000, 999999)}",
        "email": None,
        "address": f"Anschlussunterbringung {rng.randint(1, 40)}",
        "household_members": members,
    }
    return Person(municipality.ags, worker, opened, profile, personal)
