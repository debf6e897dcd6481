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
from domain.plan import IntegrationPlan
from domain.vocabulary import ConsentPurpose

router = APIRouter(prefix="/v1/plans/{plan_id}", tags=["entries"])


@post_entry(router, "/consultations", "Record a consultation")
def hold_consultation(
    plan_id: UUID, body: ConsultationBody, writer: CaseworkerWriter
) -> dict[str, object]:
    return writer.record(
        plan_id,
        body,
        IntegrationPlan.hold_consultation,
        held_on=body.held_on,
        duration_minutes=body.duration_minutes,
        setting=body.setting,
        interpreter_language=body.interpreter_language,
        topics=list(body.topics),
        notes=body.notes,
    )


@post_entry(router, "/education", "Record secured access to education")
def secure_education_access(
    plan_id: UUID, body: EducationBody, writer: CaseworkerWriter
) -> dict[str, object]:
    return writer.record(
        plan_id,
        body,
        IntegrationPlan.secure_education_access,
        kind=body.kind,
        for_member=body.for_member,
        secured_on=body.secured_on,
    )


@post_entry(router, "/housing", "Record housing secured (moved out of follow-up accommodation)")
def secure_housing(plan_id: UUID, body: HousingBody, writer: CaseworkerWriter) -> dict[str, object]:
    return writer.record(
        plan_id, body, IntegrationPlan.secure_housing, kind=body.kind, secured_on=body.secured_on
    )


@post_entry(router, "/workshops", "Record a workshop attended")
def attend_workshop(
    plan_id: UUID, body: WorkshopBody, writer: CaseworkerWriter
) -> dict[str, object]:
    return writer.record(
        plan_id, body, IntegrationPlan.attend_workshop, kind=body.kind, attended_on=body.attended_on
    )


@post_entry(router, "/consents", "Record a consent given")
def give_consent(plan_id: UUID, body: ConsentBody, writer: CaseworkerWriter) -> dict[str, object]:
    return writer.record(
        plan_id,
        body,
        IntegrationPlan.give_consent,
        purpose=body.purpose,
        partner_kind=body.partner_kind,
        given_on=body.given_on,
    )


@post_entry(router, "/consents/{purpose}/withdrawal", "Record a consent withdrawn")
def withdraw_consent(
    plan_id: UUID, purpose: ConsentPurpose, body: ConsentWithdrawalBody, writer: CaseworkerWriter
) -> dict[str, object]:
    return writer.record(
        plan_id,
        body,
        IntegrationPlan.withdraw_consent,
        purpose=purpose,
        partner_kind=body.partner_kind,
        withdrawn_on=body.withdrawn_on,
    )
