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
from application.plans import IntegrationPlans

router = APIRouter(prefix="/v1/plans/{plan_id}", tags=["referrals, courses and jobs"])


@post_entry(router, "/referrals", "Refer the person to a partner", ReferralRecorded)
def make_referral(plan_id: UUID, body: ReferralBody, writer: CaseworkerWriter) -> dict[str, object]:
    return writer.record(plan_id, IntegrationPlans.make_referral, body, child="referral_id")


@post_entry(router, "/referrals/{referral_id}/outcome", "Record a referral's outcome")
def record_referral_outcome(
    plan_id: UUID, referral_id: UUID, body: ReferralOutcomeBody, writer: CaseworkerWriter
) -> dict[str, object]:
    return writer.record(
        plan_id, IntegrationPlans.record_referral_outcome, body, referral_id=referral_id
    )


@post_entry(router, "/courses", "Enrol the person in a course", CourseRecorded)
def enrol_in_course(plan_id: UUID, body: CourseBody, writer: CaseworkerWriter) -> dict[str, object]:
    return writer.record(plan_id, IntegrationPlans.enrol_in_course, body, child="course_id")


@post_entry(router, "/courses/{course_id}/completion", "Record a course completed")
def complete_course(
    plan_id: UUID, course_id: UUID, body: CourseCompletionBody, writer: CaseworkerWriter
) -> dict[str, object]:
    return writer.record(plan_id, IntegrationPlans.complete_course, body, course_id=course_id)


@post_entry(router, "/courses/{course_id}/discontinuation", "Record a course discontinued")
def discontinue_course(
    plan_id: UUID, course_id: UUID, body: CourseDiscontinuationBody, writer: CaseworkerWriter
) -> dict[str, object]:
    return writer.record(plan_id, IntegrationPlans.discontinue_course, body, course_id=course_id)


@post_entry(router, "/jobs", "Record a job placement", JobRecorded)
def place_in_job(plan_id: UUID, body: JobBody, writer: CaseworkerWriter) -> dict[str, object]:
    return writer.record(plan_id, IntegrationPlans.place_in_job, body, child="job_id")


@post_entry(router, "/jobs/{job_id}/end", "Record an employment ended")
def end_employment(
    plan_id: UUID, job_id: UUID, body: JobEndBody, writer: CaseworkerWriter
) -> dict[str, object]:
    return writer.record(plan_id, IntegrationPlans.end_employment, body, job_id=job_id)
