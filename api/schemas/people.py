"""The person as a plan's state shows them: the statistical profile and the personal data.

Typed for clients, but as stored: values are given as recorded when the plan was opened
(a vocabulary or country list that changes later does not make an old plan unreadable).
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field


class ProfileView(BaseModel):
    """Statistical, non-personal facts; kept after an erasure. The rules require each."""

    model_config = ConfigDict(extra="ignore")

    birth_year: int
    gender: str = Field(description="female, male, diverse or unknown")
    nationality: str = Field(description="ISO 3166-1 alpha-2 country code")
    residence_status: str
    household_size: int
    languages: list[str]
    arrived_on: date


class HouseholdMemberView(BaseModel):
    model_config = ConfigDict(extra="ignore")

    name: str | None = None
    relation: str | None = None
    birth_year: int | None = None


class PersonalView(BaseModel):
    """Personal data, decrypted for callers in scope; what was not given is null."""

    model_config = ConfigDict(extra="ignore")

    given_name: str | None = None
    family_name: str | None = None
    birth_date: date | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    household_members: list[HouseholdMemberView] = Field(default_factory=list)
