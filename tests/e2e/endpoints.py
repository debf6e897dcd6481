"""Every plan endpoint of API v1 with a valid request, who may call it and what it creates."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tests.e2e.session import open_plan_body

WRITERS = frozenset({"caseworker"})
READERS = frozenset({"caseworker", "auditor", "admin"})
ADMINS = frozenset({"admin"})
AUDITORS = frozenset({"auditor", "admin"})
ROLES = ("caseworker", "auditor", "analyst", "admin")


@dataclass(frozen=True)
class Endpoint:
    """`path` is formatted with the ids of tests.e2e.session.ApiSession.prepared_plan()."""

    method: str
    path: str
    body: dict[str, Any] | None = None
    roles: frozenset[str] = WRITERS
    entry: str | None = None  # the entry type a successful write records
    child: str | None = None
    before: tuple[tuple[str, dict[str, Any]], ...] = field(default=())
    etag: bool = True  # whether a success answers the plan's version as ETag

    @property
    def name(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def test_id(self) -> str:
        return self.name if self.entry is None else f"{self.name} {self.entry}"

    @property
    def success(self) -> int:
        return 200 if self.method == "GET" else 201


CLOSE = ("/v1/plans/{plan}/closure", {"closed_on": "2026-05-01", "reason": "declined"})

ENDPOINTS = (
    Endpoint("POST", "/v1/plans", open_plan_body(), entry="PlanOpened"),
    Endpoint("GET", "/v1/plans/{plan}", roles=READERS),
    Endpoint("GET", "/v1/plans/{plan}/history", roles=READERS),
    Endpoint("GET", "/v1/plans/{plan}/integrity", roles=AUDITORS, etag=False),
    Endpoint(
        "POST",
        "/v1/plans/{plan}/consultations",
        {
            "held_on": "2026-05-04",
            "duration_minutes": 45,
            "setting": "office",
            "interpreter_language": "ar",
            "topics": ["language", "work"],
            "notes": "Talked about the B1 course",
        },
        entry="ConsultationHeld",
    ),
    Endpoint(
        "POST",
        "/v1/plans/{plan}/goals",
        {"field": "housing", "description": "Find a flat", "target_on": "2027-01-31"},
        entry="GoalSet",
        child="goal_id",
    ),
    Endpoint(
        "POST",
        "/v1/plans/{plan}/goals/{goal}/outcome",
        {"outcome": "achieved", "on": "2026-05-04", "note": "B1 certificate"},
        entry="GoalAchieved",
    ),
    Endpoint(
        "POST",
        "/v1/plans/{plan}/goals/{goal}/outcome",
        {"outcome": "abandoned", "on": "2026-05-04", "note": "Moved on"},
        entry="GoalAbandoned",
    ),
    Endpoint(
        "POST",
        "/v1/plans/{plan}/measures",
        {
            "field": "language",
            "title": "Apply for the B1 course",
            "responsible": "caseworker",
            "partner_kind": None,
            "due_on": "2026-06-30",
            "goal_id": None,
            "agreed_on": "2026-05-04",
        },
        entry="MeasureAgreed",
        child="measure_id",
    ),
    Endpoint(
        "POST",
        "/v1/plans/{plan}/measures/{measure}/completion",
        {"completed_on": "2026-05-04", "outcome": "Registered"},
        entry="MeasureCompleted",
    ),
    Endpoint(
        "POST",
        "/v1/plans/{plan}/measures/{measure}/cancellation",
        {"cancelled_on": "2026-05-04", "reason": "No longer needed"},
        entry="MeasureCancelled",
    ),
    Endpoint(
        "POST",
        "/v1/plans/{plan}/measures/{measure}/reschedule",
        {"due_on": "2026-08-01", "reason": "Appointment moved"},
        entry="MeasureRescheduled",
    ),
    Endpoint(
        "POST",
        "/v1/plans/{plan}/referrals",
        {
            "partner_kind": "migrationsberatung",
            "reason": "Family reunification",
            "made_on": "2026-05-04",
            "consent_override_reason": "Urgent: deadline at the authority",
        },
        entry="ReferralMade",
        child="referral_id",
    ),
    Endpoint(
        "POST",
        "/v1/plans/{plan}/referrals/{referral}/outcome",
        {"outcome": "Appointment held", "on": "2026-05-04"},
        entry="ReferralOutcomeRecorded",
    ),
    Endpoint(
        "POST",
        "/v1/plans/{plan}/courses",
        {
            "kind": "berufssprachkurs",
            "provider": "IB Offenburg",
            "starts_on": "2026-09-01",
            "target_level": "B2",
        },
        entry="CourseEnrolled",
        child="course_id",
    ),
    Endpoint(
        "POST",
        "/v1/plans/{plan}/courses/{course}/completion",
        {"completed_on": "2026-05-04", "level_reached": "B1", "certificate": True},
        entry="CourseCompleted",
    ),
    Endpoint(
        "POST",
        "/v1/plans/{plan}/courses/{course}/discontinuation",
        {"on": "2026-05-04", "reason": "Started work"},
        entry="CourseDiscontinued",
    ),
    Endpoint(
        "POST",
        "/v1/plans/{plan}/education",
        {"kind": "kita", "for_member": 0, "secured_on": "2026-05-04"},
        entry="EducationAccessSecured",
    ),
    Endpoint(
        "POST",
        "/v1/plans/{plan}/jobs",
        {"kind": "minijob", "sector": "I", "starts_on": "2026-06-01", "hours_per_week": 10.5},
        entry="JobPlaced",
        child="job_id",
    ),
    Endpoint(
        "POST",
        "/v1/plans/{plan}/jobs/{job}/end",
        {"ended_on": "2026-05-04", "reason": "Fixed-term contract ended"},
        entry="EmploymentEnded",
    ),
    Endpoint(
        "POST",
        "/v1/plans/{plan}/housing",
        {"secured_on": "2026-05-04", "kind": "social_housing"},
        entry="HousingSecured",
    ),
    Endpoint(
        "POST",
        "/v1/plans/{plan}/workshops",
        {"kind": "wohnungsfuehrerschein", "attended_on": "2026-05-04"},
        entry="WorkshopAttended",
    ),
    Endpoint(
        "POST",
        "/v1/plans/{plan}/consents",
        {"purpose": "statistics", "partner_kind": None, "given_on": "2026-05-04"},
        entry="ConsentGiven",
    ),
    Endpoint(
        "POST",
        "/v1/plans/{plan}/consents/{purpose}/withdrawal",
        {"withdrawn_on": "2026-05-04", "partner_kind": "jobcenter"},
        entry="ConsentWithdrawn",
    ),
    Endpoint(
        "POST",
        "/v1/plans/{plan}/assignment",
        {"caseworker": "cw-ben"},
        entry="CaseworkerAssigned",
    ),
    Endpoint(
        "POST",
        "/v1/plans/{plan}/transfer",
        {"municipality": "08317057", "caseworker": "cw-clara", "on": "2026-05-04"},
        entry="PlanTransferred",
    ),
    Endpoint(
        "POST",
        "/v1/plans/{plan}/extension",
        {"until": "2029-01-15", "reason": "Apprenticeship ends in 2028"},
        entry="AdvicePeriodExtended",
    ),
    Endpoint(
        "POST",
        "/v1/plans/{plan}/retractions",
        {"version": 7, "reason": "Recorded on the wrong plan"},  # the job: nothing depends on it
        entry="EntryRetracted",
    ),
    Endpoint("POST", *CLOSE, entry="PlanClosed"),
    Endpoint(
        "POST",
        "/v1/plans/{plan}/reopening",
        {"reopened_on": "2026-05-10", "reason": "The family came back"},
        entry="PlanReopened",
        before=(CLOSE,),
    ),
    Endpoint(
        "POST",
        "/v1/plans/{plan}/erasure",
        {"legal_basis": "Art. 17(1)(a) GDPR"},
        roles=ADMINS,
        entry="PersonalDataErased",
    ),
)
