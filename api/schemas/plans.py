"""Opening a plan, and a plan's state and history as clients see them (DESIGN 4a)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal, Self
from uuid import UUID

import pycountry
from pydantic import AfterValidator, BaseModel, Field, model_validator

from api.schemas.common import (
    Body,
    Day,
    LanguageCode,
    Municipality,
    ShortText,
    StrictInt,
    Text,
    View,
)
from api.schemas.entries import EntryBody
from api.schemas.people import PersonalView, ProfileView
from application.history import HistoryEntry
from domain.plan import IntegrationPlan
from domain.vocabulary import Gender, ResidenceStatus

# ISO 3166-1 alpha-2 as the iso-codes project maintains it (pycountry): "XX" is no country.
COUNTRIES = tuple(sorted(country.alpha_2 for country in pycountry.countries))
EARLIEST_BIRTH = date(1900, 1, 1)


def _country(code: str) -> str:
    if code not in COUNTRIES:
        raise ValueError("must be an ISO 3166-1 alpha-2 country code, e.g. SY")
    return code


Nationality = Annotated[
    str,
    AfterValidator(_country),
    Field(
        description="ISO 3166-1 alpha-2 country code",
        examples=["SY"],
        json_schema_extra={"enum": list(COUNTRIES)},
    ),
]
BirthYear = Annotated[StrictInt, Field(ge=1900, le=2100, examples=[1991])]


class Profile(Body):
    """Statistical, non-personal facts about the person."""

    birth_year: BirthYear = Field(description="Not after the year the plan is opened")
    gender: Gender = Field(examples=["female"])
    nationality: Nationality
    residence_status: ResidenceStatus = Field(examples=["recognised_refugee"])
    household_size: StrictInt = Field(ge=1, le=30, examples=[3])
    languages: list[LanguageCode] = Field(max_length=20, examples=[["ar", "ku"]])
    arrived_on: Day = Field(description="Not after opened_on", examples=["2024-09-15"])


class HouseholdMember(Body):
    name: ShortText = Field(examples=["Yusuf Haddad"])
    relation: ShortText = Field(examples=["child"])
    birth_year: BirthYear | None = Field(None, examples=[2017])


class Personal(Body):
    """Personal data: stored encrypted, erased on request."""

    given_name: ShortText = Field(examples=["Amira"])
    family_name: ShortText = Field(examples=["Haddad"])
    birth_date: Day | None = Field(
        None,
        description="From 1900-01-01, not after opened_on (422 invalid_field)",
        examples=["1991-04-02"],
    )
    phone: ShortText | None = Field(None, examples=["+49 781 555 0101"])
    email: ShortText | None = Field(None, examples=["amira.haddad@example.org"])
    address: Text | None = Field(None, examples=["Hauptstraße 1, 77652 Offenburg"])
    household_members: list[HouseholdMember] = Field(default_factory=list, max_length=30)


class OpenPlanBody(EntryBody):
    """The person's birth date and year lie between 1900 and the opening; the opening itself
    neither in the future nor before the county's earliest date (422 `implausible_date`)."""

    municipality: Municipality
    caseworker: ShortText = Field(examples=["cw-anna"])
    opened_on: Day = Field(examples=["2025-01-15"])
    profile: Profile
    personal: Personal

    @model_validator(mode="after")
    def born_before_opening(self) -> Self:
        born = self.personal.birth_date
        if born is not None and not EARLIEST_BIRTH <= born <= self.opened_on:
            raise ValueError("personal.birth_date must lie between 1900-01-01 and opened_on")
        return self


class ConsentView(View):
    version: int
    purpose: str
    partner_kind: str | None
    given_on: date
    withdrawn_on: date | None
    status: Literal["active", "withdrawn"]


class ConsultationView(View):
    version: int
    held_on: date
    duration_minutes: int
    setting: str
    interpreter_language: str | None
    topics: list[str]
    notes: str | None


class GoalView(View):
    id: UUID
    field: str
    description: str | None
    set_on: date
    target_on: date
    status: Literal["open", "achieved", "abandoned"]
    outcome_on: date | None
    note: str | None


class MeasureView(View):
    id: UUID
    goal_id: UUID | None
    field: str
    title: str | None
    responsible: str
    partner_kind: str | None
    agreed_on: date
    due_on: date
    status: Literal["agreed", "completed", "cancelled"]
    closed_on: date | None
    outcome: str | None


class ReferralView(View):
    id: UUID
    partner_kind: str
    made_on: date
    reason: str | None
    consent_overridden: bool
    consent_override_reason: str | None
    outcome: str | None
    outcome_on: date | None


class CourseView(View):
    id: UUID
    kind: str
    provider: str
    enrolled_on: date
    starts_on: date
    target_level: str | None
    status: Literal["enrolled", "completed", "discontinued"]
    ended_on: date | None
    level_reached: str | None
    certificate: bool
    reason: str | None


class EducationView(View):
    version: int
    kind: str
    for_member: int | None
    secured_on: date


class JobView(View):
    id: UUID
    kind: str
    sector: str
    placed_on: date
    starts_on: date
    hours_per_week: float
    status: Literal["active", "ended"]
    ended_on: date | None
    reason: str | None


class HousingView(View):
    version: int
    kind: str
    secured_on: date


class WorkshopView(View):
    version: int
    kind: str
    attended_on: date


class PlanView(BaseModel):
    """A plan's state at a version. Items without an id of their own carry their entry's version."""

    id: UUID
    version: int
    status: Literal["open", "closed", "erased"]
    file_number: str | None = Field(
        description="The plan's file number (Aktenzeichen), e.g. 2026-00042: given when the "
        "plan is opened, unique in the county, never changed (also not by a transfer); null "
        "only at a version before an old plan got its number on upgrade"
    )
    municipality: str
    caseworker: str
    opened_on: date
    advice_period_ends_on: date
    advice_period_extended: bool
    closed_on: date | None
    closure_reason: str | None
    profile: ProfileView
    personal: PersonalView | None = Field(description="null once erased")
    consents: list[ConsentView]
    consultations: list[ConsultationView]
    goals: list[GoalView]
    measures: list[MeasureView]
    referrals: list[ReferralView]
    courses: list[CourseView]
    education: list[EducationView]
    jobs: list[JobView]
    housing: list[HousingView]
    workshops: list[WorkshopView]

    @classmethod
    def of(cls, plan: IntegrationPlan) -> PlanView:
        state = plan.state
        return cls(
            id=plan.id,
            version=plan.version,
            status=state.status,
            file_number=state.file_number,
            municipality=state.municipality,
            caseworker=state.caseworker,
            opened_on=state.opened_on,
            advice_period_ends_on=state.advice_period_ends_on,
            advice_period_extended=state.extended,
            closed_on=state.closed_on,
            closure_reason=state.closure_reason,
            profile=ProfileView.model_validate(state.profile),
            personal=None
            if state.personal is None
            else PersonalView.model_validate(state.personal),
            consents=[
                ConsentView(
                    version=c.version,
                    purpose=c.purpose,
                    partner_kind=c.partner_kind,
                    given_on=c.given_on,
                    withdrawn_on=c.withdrawn_on,
                    status="active" if c.active else "withdrawn",
                )
                for c in state.consents
            ],
            consultations=[ConsultationView.model_validate(c) for c in state.consultations],
            goals=[GoalView.model_validate(g) for g in state.goals.values()],
            measures=[MeasureView.model_validate(m) for m in state.measures.values()],
            referrals=[ReferralView.model_validate(r) for r in state.referrals.values()],
            courses=[CourseView.model_validate(c) for c in state.courses.values()],
            education=[EducationView.model_validate(e) for e in state.education],
            jobs=[JobView.model_validate(j) for j in state.jobs.values()],
            housing=[HousingView.model_validate(h) for h in state.housing],
            workshops=[WorkshopView.model_validate(w) for w in state.workshops],
        )


class HistoryEntryView(View):
    version: int
    type: str = Field(examples=["MeasureAgreed"])
    effective_on: date
    recorded_at: datetime
    actor: str
    role: str
    correlation_id: str
    data: dict[str, Any]
    personal: dict[str, Any] | None = Field(description="null once erased")
    retracted_by: int | None = Field(description="Version of the retraction, if retracted")


class HistoryView(BaseModel):
    id: UUID
    version: int = Field(description="The plan's version: its last entry's")
    entries: list[HistoryEntryView]

    @classmethod
    def of(cls, plan_id: UUID, entries: list[HistoryEntry]) -> HistoryView:
        return cls(
            id=plan_id,
            version=entries[-1].version,
            entries=[HistoryEntryView.model_validate(e) for e in entries],
        )
