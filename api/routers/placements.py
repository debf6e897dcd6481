"""Referrals to partners, language courses and jobs, with their follow-ups."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from api.schemas.common import CourseRecorded, JobRecorded, ReferralRecorded
from api.schemas.entries import (
    CourseBody,
    CourseCompletionBody,
    CourseDiscontinuationBody,
    JobBody,
    JobEndBody,
    ReferralBody,
    ReferralOutcomeBody,
)
from api.writes import CaseworkerWriter, post_entry
from domain.plan import IntegrationPlan

router = APIRouter(prefix="/v1/plans/{plan_id}", tags=["referrals, courses and jobs"])


@post_entry(router, "/referrals", "Refer the person to a partner", ReferralRecorded)
def make_referral(plan_id: UUID, body: ReferralBody, writer: CaseworkerWriter) -> dict[str, object]:
    return writer.record(
        plan_id,
        body,
        IntegrationPlan.make_referral,
        partner_kind=body.partner_kind,
        reason=body.reason,
        made_on=body.made_on,
        consent_override_reason=body.consent_override_reason,
    )


@post_entry(router, "/referrals/{referral_id}/outcome", "Record a referral's outcome")
def record_referral_outcome(
    plan_id: UUID, referral_id: UUID, body: ReferralOutcomeBody, writer: CaseworkerWriter
) -> dict[str, object]:
    return writer.record(
        plan_id,
        body,
        IntegrationPlan.record_referral_outcome,
        referral_id=referral_id,
        outcome=body.outcome,
        on=body.on,
    )


@post_entry(router, "/courses", "Enrol the person in a course", CourseRecorded)
def enrol_in_course(plan_id: UUID, body: CourseBody, writer: CaseworkerWriter) -> dict[str, object]:
    return writer.record(
        plan_id,
        body,
        IntegrationPlan.enrol_in_course,
        kind=body.kind,
        provider=body.provider,
        starts_on=body.starts_on,
        target_level=body.target_level,
        enrolled_on=body.enrolled_on or writer.today,
    )


@post_entry(router, "/courses/{course_id}/completion", "Record a course completed")
def complete_course(
    plan_id: UUID, course_id: UUID, body: CourseCompletionBody, writer: CaseworkerWriter
) -> dict[str, object]:
    return writer.record(
        plan_id,
        body,
        IntegrationPlan.complete_course,
        course_id=course_id,
        completed_on=body.completed_on,
        level_reached=body.level_reached,
        certificate=body.certificate,
    )


@post_entry(router, "/courses/{course_id}/discontinuation", "Record a course discontinued")
def discontinue_course(
    plan_id: UUID, course_id: UUID, body: CourseDiscontinuationBody, writer: CaseworkerWriter
) -> dict[str, object]:
    return writer.record(
        plan_id,
        body,
        IntegrationPlan.discontinue_course,
        course_id=course_id,
        on=body.on,
        reason=body.reason,
    )


@post_entry(router, "/jobs", "Record a job placement", JobRecorded)
def place_in_job(plan_id: UUID, body: JobBody, writer: CaseworkerWriter) -> dict[str, object]:
    return writer.record(
        plan_id,
        body,
        IntegrationPlan.place_in_job,
        kind=body.kind,
        sector=body.sector,
        starts_on=body.starts_on,
        hours_per_week=body.hours_per_week,
        placed_on=body.placed_on or writer.today,
    )


@post_entry(router, "/jobs/{job_id}/end", "Record an employment ended")
def end_employment(
    plan_id: UUID, job_id: UUID, body: JobEndBody, writer: CaseworkerWriter
) -> dict[str, object]:
    return writer.record(
        plan_id,
        body,
        IntegrationPlan.end_employment,
        job_id=job_id,
        ended_on=body.ended_on,
        reason=body.reason,
    )
