"""Every kind of entry under its former import path, for readers not yet moved to
`domain.entries.*` (projections/analytics.py). New code imports from the kind's module."""

from __future__ import annotations

from domain.entries.consents import ConsentGiven, ConsentWithdrawn
from domain.entries.consultations import ConsultationHeld
from domain.entries.courses import CourseCompleted, CourseDiscontinued, CourseEnrolled
from domain.entries.education import EducationAccessSecured
from domain.entries.goals import GoalAbandoned, GoalAchieved, GoalSet
from domain.entries.jobs import EmploymentEnded, JobPlaced
from domain.entries.lifecycle import (
    AdvicePeriodExtended,
    CaseworkerAssigned,
    EntryRetracted,
    PersonalDataErased,
    PlanClosed,
    PlanOpened,
    PlanReopened,
    PlanTransferred,
)
from domain.entries.measures import (
    MeasureAgreed,
    MeasureCancelled,
    MeasureCompleted,
    MeasureRescheduled,
)
from domain.entries.referrals import ReferralMade, ReferralOutcomeRecorded
from domain.entries.settlement import HousingSecured, WorkshopAttended
from domain.entry import PlanEvent

__all__ = [
    "AdvicePeriodExtended",
    "CaseworkerAssigned",
    "ConsentGiven",
    "ConsentWithdrawn",
    "ConsultationHeld",
    "CourseCompleted",
    "CourseDiscontinued",
    "CourseEnrolled",
    "EducationAccessSecured",
    "EmploymentEnded",
    "EntryRetracted",
    "GoalAbandoned",
    "GoalAchieved",
    "GoalSet",
    "HousingSecured",
    "JobPlaced",
    "MeasureAgreed",
    "MeasureCancelled",
    "MeasureCompleted",
    "MeasureRescheduled",
    "PersonalDataErased",
    "PlanClosed",
    "PlanEvent",
    "PlanOpened",
    "PlanReopened",
    "PlanTransferred",
    "ReferralMade",
    "ReferralOutcomeRecorded",
    "WorkshopAttended",
]
