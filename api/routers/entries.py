"""Entries without follow-ups: consultations, education, housing, workshops; consents."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from api.schemas.entries import (
    ConsentBody,
    ConsentWithdrawalBody,
    ConsultationBody,
    EducationBody,
    HousingBody,
    WorkshopBody,
)
from api.writes import CaseworkerWriter, post_entry
from application.plans import IntegrationPlans
from domain.vocabulary import ConsentPurpose

router = APIRouter(prefix="/v1/plans/{plan_id}", tags=["entries"])


@post_entry(router, "/consultations", "Record a consultation")
def hold_consultation(
    plan_id: UUID, body: ConsultationBody, writer: CaseworkerWriter
) -> dict[str, object]:
    return writer.record(plan_id, IntegrationPlans.hold_consultation, body)


@post_entry(router, "/education", "Record secured access to education")
def secure_education_access(
    plan_id: UUID, body: EducationBody, writer: CaseworkerWriter
) -> dict[str, object]:
    return writer.record(plan_id, IntegrationPlans.secure_education_access, body)


@post_entry(router, "/housing", "Record housing secured (moved out of follow-up accommodation)")
def secure_housing(plan_id: UUID, body: HousingBody, writer: CaseworkerWriter) -> dict[str, object]:
    return writer.record(plan_id, IntegrationPlans.secure_housing, body)


@post_entry(router, "/workshops", "Record a workshop attended")
def attend_workshop(
    plan_id: UUID, body: WorkshopBody, writer: CaseworkerWriter
) -> dict[str, object]:
    return writer.record(plan_id, IntegrationPlans.attend_workshop, body)


@post_entry(router, "/consents", "Record a consent given")
def give_consent(plan_id: UUID, body: ConsentBody, writer: CaseworkerWriter) -> dict[str, object]:
    return writer.record(plan_id, IntegrationPlans.give_consent, body)


@post_entry(router, "/consents/{purpose}/withdrawal", "Record a consent withdrawn")
def withdraw_consent(
    plan_id: UUID, purpose: ConsentPurpose, body: ConsentWithdrawalBody, writer: CaseworkerWriter
) -> dict[str, object]:
    return writer.record(plan_id, IntegrationPlans.withdraw_consent, body, purpose=purpose)
