"""The items a plan tracks: consents, consultations, goals, measures, courses, jobs, ..."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID


@dataclass
class Consent:
    purpose: str
    partner_kind: str | None
    given_on: date
    version: int
    withdrawn_on: date | None = None

    @property
    def active(self) -> bool:
        return self.withdrawn_on is None


@dataclass
class Consultation:
    version: int
    held_on: date
    duration_minutes: int
    setting: str
    interpreter_language: str | None
    topics: list[str]
    notes: str | None


@dataclass
class Goal:
    id: UUID
    field: str
    description: str | None
    set_on: date
    target_on: date
    status: str = "open"
    outcome_on: date | None = None
    note: str | None = None


@dataclass
class Measure:
    id: UUID
    goal_id: UUID | None
    field: str
    title: str | None
    responsible: str
    partner_kind: str | None
    agreed_on: date
    due_on: date
    status: str = "agreed"
    closed_on: date | None = None
    outcome: str | None = None


@dataclass
class Referral:
    id: UUID
    partner_kind: str
    made_on: date
    reason: str | None
    consent_overridden: bool
    consent_override_reason: str | None
    outcome: str | None = None
    outcome_on: date | None = None


@dataclass
class Course:
    id: UUID
    kind: str
    provider: str
    enrolled_on: date
    starts_on: date
    target_level: str | None
    status: str = "enrolled"
    ended_on: date | None = None
    level_reached: str | None = None
    certificate: bool = False
    reason: str | None = None


@dataclass
class Education:
    version: int
    kind: str
    for_member: int | None
    secured_on: date


@dataclass
class Job:
    id: UUID
    kind: str
    sector: str
    placed_on: date
    starts_on: date
    hours_per_week: float
    status: str = "active"
    ended_on: date | None = None
    reason: str | None = None


@dataclass
class Housing:
    version: int
    kind: str
    secured_on: date


@dataclass
class Workshop:
    version: int
    kind: str
    attended_on: date
