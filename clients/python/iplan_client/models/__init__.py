"""Contains all the data models used in inputs/outputs"""

from .assignment_body import AssignmentBody
from .audit_entry import AuditEntry
from .audit_log import AuditLog
from .cefr_level import CefrLevel
from .closure_body import ClosureBody
from .closure_reason import ClosureReason
from .consent_body import ConsentBody
from .consent_purpose import ConsentPurpose
from .consent_view import ConsentView
from .consent_view_status import ConsentViewStatus
from .consent_withdrawal_body import ConsentWithdrawalBody
from .consultation_body import ConsultationBody
from .consultation_setting import ConsultationSetting
from .consultation_view import ConsultationView
from .country import Country
from .course_body import CourseBody
from .course_completion_body import CourseCompletionBody
from .course_discontinuation_body import CourseDiscontinuationBody
from .course_kind import CourseKind
from .course_recorded import CourseRecorded
from .course_view import CourseView
from .course_view_status import CourseViewStatus
from .education_body import EducationBody
from .education_kind import EducationKind
from .education_view import EducationView
from .erasure_body import ErasureBody
from .export_plan_format import ExportPlanFormat
from .extension_body import ExtensionBody
from .field_of_action import FieldOfAction
from .figure_view import FigureView
from .gender import Gender
from .get_audit_log_kind import GetAuditLogKind
from .get_state_report_format import GetStateReportFormat
from .get_stats_table_format import GetStatsTableFormat
from .goal_body import GoalBody
from .goal_outcome import GoalOutcome
from .goal_outcome_body import GoalOutcomeBody
from .goal_recorded import GoalRecorded
from .goal_view import GoalView
from .goal_view_status import GoalViewStatus
from .health import Health
from .history_entry_view import HistoryEntryView
from .history_entry_view_data import HistoryEntryViewData
from .history_entry_view_personal_type_0 import HistoryEntryViewPersonalType0
from .history_view import HistoryView
from .household_member import HouseholdMember
from .household_member_view import HouseholdMemberView
from .housing_body import HousingBody
from .housing_kind import HousingKind
from .housing_view import HousingView
from .integrity import Integrity
from .job_body import JobBody
from .job_end_body import JobEndBody
from .job_kind import JobKind
from .job_recorded import JobRecorded
from .job_view import JobView
from .job_view_status import JobViewStatus
from .list_plans_status import ListPlansStatus
from .measure_body import MeasureBody
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
from .partner_kind import PartnerKind
from .personal import Personal
from .personal_view import PersonalView
from .plan_list import PlanList
from .plan_summary_item import PlanSummaryItem
from .plan_view import PlanView
from .plan_view_status import PlanViewStatus
from .problem import Problem
from .problem_errors_type_0_item import ProblemErrorsType0Item
from .profile import Profile
from .profile_view import ProfileView
from .projection_readiness_view import ProjectionReadinessView
from .projection_view import ProjectionView
from .projections import Projections
from .readiness_view import ReadinessView
from .rebuild_started import RebuildStarted
from .recorded import Recorded
from .referral_body import ReferralBody
from .referral_outcome_body import ReferralOutcomeBody
from .referral_recorded import ReferralRecorded
from .referral_view import ReferralView
from .reopening_body import ReopeningBody
from .residence_status import ResidenceStatus
from .responsible import Responsible
from .retraction_body import RetractionBody
from .table_answer import TableAnswer
from .table_cell_view import TableCellView
from .transfer_body import TransferBody
from .work_item_view import WorkItemView
from .worklist import Worklist
from .workshop_body import WorkshopBody
from .workshop_kind import WorkshopKind
from .workshop_view import WorkshopView
from .wz_section import WzSection

__all__ = (
    "AssignmentBody",
    "AuditEntry",
    "AuditLog",
    "CefrLevel",
    "ClosureBody",
    "ClosureReason",
    "ConsentBody",
    "ConsentPurpose",
    "ConsentView",
    "ConsentViewStatus",
    "ConsentWithdrawalBody",
    "ConsultationBody",
    "ConsultationSetting",
    "ConsultationView",
    "Country",
    "CourseBody",
    "CourseCompletionBody",
    "CourseDiscontinuationBody",
    "CourseKind",
    "CourseRecorded",
    "CourseView",
    "CourseViewStatus",
    "EducationBody",
    "EducationKind",
    "EducationView",
    "ErasureBody",
    "ExportPlanFormat",
    "ExtensionBody",
    "FieldOfAction",
    "FigureView",
    "Gender",
    "GetAuditLogKind",
    "GetStateReportFormat",
    "GetStatsTableFormat",
    "GoalBody",
    "GoalOutcome",
    "GoalOutcomeBody",
    "GoalRecorded",
    "GoalView",
    "GoalViewStatus",
    "Health",
    "HistoryEntryView",
    "HistoryEntryViewData",
    "HistoryEntryViewPersonalType0",
    "HistoryView",
    "HouseholdMember",
    "HouseholdMemberView",
    "HousingBody",
    "HousingKind",
    "HousingView",
    "Integrity",
    "JobBody",
    "JobEndBody",
    "JobKind",
    "JobRecorded",
    "JobView",
    "JobViewStatus",
    "ListPlansStatus",
    "MeasureBody",
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
    "PartnerKind",
    "Personal",
    "PersonalView",
    "PlanList",
    "PlanSummaryItem",
    "PlanView",
    "PlanViewStatus",
    "Problem",
    "ProblemErrorsType0Item",
    "Profile",
    "ProfileView",
    "ProjectionReadinessView",
    "Projections",
    "ProjectionView",
    "ReadinessView",
    "RebuildStarted",
    "Recorded",
    "ReferralBody",
    "ReferralOutcomeBody",
    "ReferralRecorded",
    "ReferralView",
    "ReopeningBody",
    "ResidenceStatus",
    "Responsible",
    "RetractionBody",
    "TableAnswer",
    "TableCellView",
    "TransferBody",
    "WorkItemView",
    "Worklist",
    "WorkshopBody",
    "WorkshopKind",
    "WorkshopView",
    "WzSection",
)
