"""Contains all the data models used in inputs/outputs"""

from .assignment_body import AssignmentBody
from .audit_entry import AuditEntry
from .audit_log import AuditLog
from .closure_body import ClosureBody
from .closure_body_reason import ClosureBodyReason
from .consent_body import ConsentBody
from .consent_body_partner_kind_type_0 import ConsentBodyPartnerKindType0
from .consent_body_purpose import ConsentBodyPurpose
from .consent_view import ConsentView
from .consent_view_status import ConsentViewStatus
from .consent_withdrawal_body import ConsentWithdrawalBody
from .consent_withdrawal_body_partner_kind_type_0 import ConsentWithdrawalBodyPartnerKindType0
from .consultation_body import ConsultationBody
from .consultation_body_setting import ConsultationBodySetting
from .consultation_body_topics_item import ConsultationBodyTopicsItem
from .consultation_view import ConsultationView
from .course_body import CourseBody
from .course_body_kind import CourseBodyKind
from .course_body_target_level_type_0 import CourseBodyTargetLevelType0
from .course_completion_body import CourseCompletionBody
from .course_completion_body_level_reached_type_0 import CourseCompletionBodyLevelReachedType0
from .course_discontinuation_body import CourseDiscontinuationBody
from .course_recorded import CourseRecorded
from .course_view import CourseView
from .course_view_status import CourseViewStatus
from .education_body import EducationBody
from .education_body_kind import EducationBodyKind
from .education_view import EducationView
from .erasure_body import ErasureBody
from .export_plan_format import ExportPlanFormat
from .extension_body import ExtensionBody
from .figure_view import FigureView
from .get_audit_log_kind import GetAuditLogKind
from .get_stats_table_format import GetStatsTableFormat
from .goal_body import GoalBody
from .goal_body_field import GoalBodyField
from .goal_outcome_body import GoalOutcomeBody
from .goal_outcome_body_outcome import GoalOutcomeBodyOutcome
from .goal_recorded import GoalRecorded
from .goal_view import GoalView
from .goal_view_status import GoalViewStatus
from .health import Health
from .history_entry_view import HistoryEntryView
from .history_entry_view_data import HistoryEntryViewData
from .history_entry_view_personal_type_0 import HistoryEntryViewPersonalType0
from .history_view import HistoryView
from .household_member import HouseholdMember
from .housing_body import HousingBody
from .housing_body_kind import HousingBodyKind
from .housing_view import HousingView
from .integrity import Integrity
from .job_body import JobBody
from .job_body_kind import JobBodyKind
from .job_body_sector import JobBodySector
from .job_end_body import JobEndBody
from .job_recorded import JobRecorded
from .job_view import JobView
from .job_view_status import JobViewStatus
from .list_plans_status import ListPlansStatus
from .measure_body import MeasureBody
from .measure_body_field import MeasureBodyField
from .measure_body_partner_kind_type_0 import MeasureBodyPartnerKindType0
from .measure_body_responsible import MeasureBodyResponsible
from .measure_cancellation_body import MeasureCancellationBody
from .measure_completion_body import MeasureCompletionBody
from .measure_recorded import MeasureRecorded
from .measure_reschedule_body import MeasureRescheduleBody
from .measure_view import MeasureView
from .measure_view_status import MeasureViewStatus
from .metric_list import MetricList
from .metric_view import MetricView
from .monthly_stats import MonthlyStats
from .open_plan_body import OpenPlanBody
from .personal import Personal
from .plan_list import PlanList
from .plan_summary_item import PlanSummaryItem
from .plan_view import PlanView
from .plan_view_personal_type_0 import PlanViewPersonalType0
from .plan_view_profile import PlanViewProfile
from .plan_view_status import PlanViewStatus
from .problem import Problem
from .problem_errors_type_0_item import ProblemErrorsType0Item
from .profile import Profile
from .profile_gender import ProfileGender
from .profile_nationality import ProfileNationality
from .profile_residence_status import ProfileResidenceStatus
from .projection_readiness_view import ProjectionReadinessView
from .projection_view import ProjectionView
from .projections import Projections
from .readiness_view import ReadinessView
from .rebuild_started import RebuildStarted
from .recorded import Recorded
from .referral_body import ReferralBody
from .referral_body_partner_kind import ReferralBodyPartnerKind
from .referral_outcome_body import ReferralOutcomeBody
from .referral_recorded import ReferralRecorded
from .referral_view import ReferralView
from .reopening_body import ReopeningBody
from .retraction_body import RetractionBody
from .table_answer import TableAnswer
from .table_cell_view import TableCellView
from .transfer_body import TransferBody
from .withdraw_consent_purpose import WithdrawConsentPurpose
from .work_item_view import WorkItemView
from .worklist import Worklist
from .workshop_body import WorkshopBody
from .workshop_body_kind import WorkshopBodyKind
from .workshop_view import WorkshopView

__all__ = (
    "AssignmentBody",
    "AuditEntry",
    "AuditLog",
    "ClosureBody",
    "ClosureBodyReason",
    "ConsentBody",
    "ConsentBodyPartnerKindType0",
    "ConsentBodyPurpose",
    "ConsentView",
    "ConsentViewStatus",
    "ConsentWithdrawalBody",
    "ConsentWithdrawalBodyPartnerKindType0",
    "ConsultationBody",
    "ConsultationBodySetting",
    "ConsultationBodyTopicsItem",
    "ConsultationView",
    "CourseBody",
    "CourseBodyKind",
    "CourseBodyTargetLevelType0",
    "CourseCompletionBody",
    "CourseCompletionBodyLevelReachedType0",
    "CourseDiscontinuationBody",
    "CourseRecorded",
    "CourseView",
    "CourseViewStatus",
    "EducationBody",
    "EducationBodyKind",
    "EducationView",
    "ErasureBody",
    "ExportPlanFormat",
    "ExtensionBody",
    "FigureView",
    "GetAuditLogKind",
    "GetStatsTableFormat",
    "GoalBody",
    "GoalBodyField",
    "GoalOutcomeBody",
    "GoalOutcomeBodyOutcome",
    "GoalRecorded",
    "GoalView",
    "GoalViewStatus",
    "Health",
    "HistoryEntryView",
    "HistoryEntryViewData",
    "HistoryEntryViewPersonalType0",
    "HistoryView",
    "HouseholdMember",
    "HousingBody",
    "HousingBodyKind",
    "HousingView",
    "Integrity",
    "JobBody",
    "JobBodyKind",
    "JobBodySector",
    "JobEndBody",
    "JobRecorded",
    "JobView",
    "JobViewStatus",
    "ListPlansStatus",
    "MeasureBody",
    "MeasureBodyField",
    "MeasureBodyPartnerKindType0",
    "MeasureBodyResponsible",
    "MeasureCancellationBody",
    "MeasureCompletionBody",
    "MeasureRecorded",
    "MeasureRescheduleBody",
    "MeasureView",
    "MeasureViewStatus",
    "MetricList",
    "MetricView",
    "MonthlyStats",
    "OpenPlanBody",
    "Personal",
    "PlanList",
    "PlanSummaryItem",
    "PlanView",
    "PlanViewPersonalType0",
    "PlanViewProfile",
    "PlanViewStatus",
    "Problem",
    "ProblemErrorsType0Item",
    "Profile",
    "ProfileGender",
    "ProfileNationality",
    "ProfileResidenceStatus",
    "ProjectionReadinessView",
    "Projections",
    "ProjectionView",
    "ReadinessView",
    "RebuildStarted",
    "Recorded",
    "ReferralBody",
    "ReferralBodyPartnerKind",
    "ReferralOutcomeBody",
    "ReferralRecorded",
    "ReferralView",
    "ReopeningBody",
    "RetractionBody",
    "TableAnswer",
    "TableCellView",
    "TransferBody",
    "WithdrawConsentPurpose",
    "WorkItemView",
    "Worklist",
    "WorkshopBody",
    "WorkshopBodyKind",
    "WorkshopView",
)
