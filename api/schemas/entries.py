"""Bodies of the entry endpoints (DESIGN 4a); routes pass their fields to the plan's commands."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from pydantic import ConfigDict, Field

from api.schemas.common import (
    Body,
    Day,
    LanguageCode,
    Municipality,
    ShortText,
    StrictBool,
    StrictFloat,
    StrictInt,
    Text,
    Version,
)
from domain.vocabulary import (
    CefrLevel,
    ClosureReason,
    ConsentPurpose,
    ConsultationSetting,
    CourseKind,
    EducationKind,
    FieldOfAction,
    GoalOutcome,
    HousingKind,
    JobKind,
    PartnerKind,
    Responsible,
    WorkshopKind,
    WzSection,
)

RequiredText = Annotated[Text, Field(min_length=1)]
Today = Annotated[Day | None, Field(description="Effective date; defaults to today")]


class EntryBody(Body):
    """A body for one command; its route passes the fields to the command by name."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class ConsultationBody(EntryBody):
    held_on: Day = Field(examples=["2026-03-02"])
    duration_minutes: StrictInt = Field(ge=1, le=1440, examples=[45])
    setting: ConsultationSetting = Field(examples=["office"])
    interpreter_language: LanguageCode | None = Field(
        None, description="ISO 639 code, or null without an interpreter", examples=["ar"]
    )
    topics: list[FieldOfAction] = Field(max_length=9, examples=[["language", "work"]])
    notes: Text | None = Field(None, examples=["Discussed the B1 course and job search."])


class GoalBody(EntryBody):
    field: FieldOfAction = Field(examples=["language"])
    description: RequiredText = Field(examples=["Reach B1 in German"])
    target_on: Day = Field(examples=["2026-12-31"])
    set_on: Today = None


class GoalOutcomeBody(EntryBody):
    outcome: GoalOutcome = Field(examples=["achieved"])
    on: Day = Field(examples=["2026-03-02"])
    note: Text | None = Field(None, examples=["Certificate received"])


class MeasureBody(EntryBody):
    field: FieldOfAction = Field(examples=["work"])
    title: RequiredText = Field(examples=["Register with the Jobcenter"])
    responsible: Responsible = Field(examples=["client"])
    partner_kind: PartnerKind | None = Field(None, examples=["jobcenter"])
    due_on: Day = Field(examples=["2026-04-01"])
    goal_id: UUID | None = None
    agreed_on: Today = None


class MeasureCompletionBody(EntryBody):
    completed_on: Day = Field(examples=["2026-03-02"])
    outcome: Text | None = Field(None, examples=["Registered"])


class MeasureCancellationBody(EntryBody):
    cancelled_on: Day = Field(examples=["2026-03-02"])
    reason: Text | None = Field(None, examples=["No longer needed"])


class MeasureRescheduleBody(EntryBody):
    due_on: Day = Field(examples=["2026-05-01"])
    reason: Text | None = Field(None, examples=["Appointment moved"])
    on: Today = None


class ConsentBody(EntryBody):
    purpose: ConsentPurpose = Field(examples=["share_with_partner"])
    partner_kind: PartnerKind | None = Field(
        None, description="Only for share_with_partner", examples=["jobcenter"]
    )
    given_on: Day = Field(examples=["2026-03-02"])


class ConsentWithdrawalBody(EntryBody):
    withdrawn_on: Day = Field(examples=["2026-03-02"])
    partner_kind: PartnerKind | None = Field(None, examples=["jobcenter"])


class ReferralBody(EntryBody):
    partner_kind: PartnerKind = Field(examples=["migrationsberatung"])
    reason: RequiredText = Field(examples=["Questions about family reunification"])
    made_on: Day = Field(examples=["2026-03-02"])
    consent_override_reason: Text | None = Field(
        None, description="Required without the person's consent to share with the partner"
    )


class ReferralOutcomeBody(EntryBody):
    outcome: RequiredText = Field(examples=["Appointment held"])
    on: Day = Field(examples=["2026-03-09"])


class CourseBody(EntryBody):
    kind: CourseKind = Field(examples=["integrationskurs"])
    provider: ShortText = Field(examples=["VHS Offenburg"])
    starts_on: Day = Field(examples=["2026-04-01"])
    target_level: CefrLevel | None = Field(None, examples=["B1"])
    enrolled_on: Today = None


class CourseCompletionBody(EntryBody):
    completed_on: Day = Field(examples=["2026-03-02"])
    level_reached: CefrLevel | None = Field(None, examples=["B1"])
    certificate: StrictBool = Field(False, examples=[True])


class CourseDiscontinuationBody(EntryBody):
    on: Day = Field(examples=["2026-03-02"])
    reason: Text | None = Field(None, examples=["Started work"])


class EducationBody(EntryBody):
    kind: EducationKind = Field(examples=["kita"])
    for_member: StrictInt | None = Field(
        None,
        ge=0,
        le=29,
        description="Index into the household members, or null for the person",
        examples=[0],
    )
    secured_on: Day = Field(examples=["2026-03-02"])


class JobBody(EntryBody):
    kind: JobKind = Field(examples=["employment"])
    sector: WzSection = Field(description="WZ 2008 section letter", examples=["G"])
    starts_on: Day = Field(examples=["2026-04-01"])
    hours_per_week: StrictFloat = Field(gt=0, le=60, examples=[30])
    placed_on: Today = None


class JobEndBody(EntryBody):
    ended_on: Day = Field(examples=["2026-03-02"])
    reason: RequiredText = Field(examples=["Fixed-term contract ended"])


class HousingBody(EntryBody):
    secured_on: Day = Field(examples=["2026-03-02"])
    kind: HousingKind = Field(examples=["private_rental"])


class WorkshopBody(EntryBody):
    kind: WorkshopKind = Field(examples=["wohnungsfuehrerschein"])
    attended_on: Day = Field(examples=["2026-03-02"])


class AssignmentBody(EntryBody):
    caseworker: ShortText = Field(examples=["cw-ben"])
    on: Today = None


class TransferBody(EntryBody):
    municipality: Municipality
    caseworker: ShortText = Field(examples=["cw-clara"])
    on: Today = None


class ExtensionBody(EntryBody):
    until: Day = Field(description="At most 4 years after opening", examples=["2029-01-15"])
    reason: RequiredText = Field(examples=["Apprenticeship ends in 2028"])
    on: Today = None


class RetractionBody(EntryBody):
    version: Version = Field(description="The retracted entry's version", examples=[3])
    reason: RequiredText = Field(examples=["Recorded on the wrong plan"])
    on: Today = None


class ClosureBody(EntryBody):
    closed_on: Day = Field(examples=["2026-03-02"])
    reason: ClosureReason = Field(examples=["goals_achieved"])


class ReopeningBody(EntryBody):
    reopened_on: Day = Field(examples=["2026-03-02"])
    reason: RequiredText = Field(examples=["Returned to the municipality"])


class ErasureBody(EntryBody):
    legal_basis: ShortText = Field(examples=["Art. 17(1)(a) GDPR"])
    on: Today = None
