from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.plan_view_status import PlanViewStatus

if TYPE_CHECKING:
    from ..models.consent_view import ConsentView
    from ..models.consultation_view import ConsultationView
    from ..models.course_view import CourseView
    from ..models.education_view import EducationView
    from ..models.goal_view import GoalView
    from ..models.housing_view import HousingView
    from ..models.job_view import JobView
    from ..models.measure_view import MeasureView
    from ..models.personal_view import PersonalView
    from ..models.profile_view import ProfileView
    from ..models.referral_view import ReferralView
    from ..models.workshop_view import WorkshopView


T = TypeVar("T", bound="PlanView")


@_attrs_define
class PlanView:
    """A plan's state at a version. Items without an id of their own carry their entry's version.

    Attributes:
        id (UUID):
        version (int):
        status (PlanViewStatus):
        file_number (None | str): The plan's file number (Aktenzeichen), e.g. 2026-00042: given when the plan is opened,
            unique in the county, never changed (also not by a transfer); null only at a version before an old plan got its
            number on upgrade
        municipality (str):
        caseworker (str):
        opened_on (datetime.date):
        advice_period_ends_on (datetime.date):
        advice_period_extended (bool):
        closed_on (datetime.date | None):
        closure_reason (None | str):
        profile (ProfileView): Statistical, non-personal facts; kept after an erasure. The rules require each.
        personal (None | PersonalView): null once erased
        consents (list[ConsentView]):
        consultations (list[ConsultationView]):
        goals (list[GoalView]):
        measures (list[MeasureView]):
        referrals (list[ReferralView]):
        courses (list[CourseView]):
        education (list[EducationView]):
        jobs (list[JobView]):
        housing (list[HousingView]):
        workshops (list[WorkshopView]):
    """

    id: UUID
    version: int
    status: PlanViewStatus
    file_number: None | str
    municipality: str
    caseworker: str
    opened_on: datetime.date
    advice_period_ends_on: datetime.date
    advice_period_extended: bool
    closed_on: datetime.date | None
    closure_reason: None | str
    profile: ProfileView
    personal: None | PersonalView
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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.personal_view import PersonalView  # noqa: PLC0415

        id = str(self.id)

        version = self.version

        status = self.status.value

        file_number: None | str
        file_number = self.file_number

        municipality = self.municipality

        caseworker = self.caseworker

        opened_on = self.opened_on.isoformat()

        advice_period_ends_on = self.advice_period_ends_on.isoformat()

        advice_period_extended = self.advice_period_extended

        closed_on: None | str
        if isinstance(self.closed_on, datetime.date):
            closed_on = self.closed_on.isoformat()
        else:
            closed_on = self.closed_on

        closure_reason: None | str
        closure_reason = self.closure_reason

        profile = self.profile.to_dict()

        personal: dict[str, Any] | None
        if isinstance(self.personal, PersonalView):
            personal = self.personal.to_dict()
        else:
            personal = self.personal

        consents = []
        for consents_item_data in self.consents:
            consents_item = consents_item_data.to_dict()
            consents.append(consents_item)

        consultations = []
        for consultations_item_data in self.consultations:
            consultations_item = consultations_item_data.to_dict()
            consultations.append(consultations_item)

        goals = []
        for goals_item_data in self.goals:
            goals_item = goals_item_data.to_dict()
            goals.append(goals_item)

        measures = []
        for measures_item_data in self.measures:
            measures_item = measures_item_data.to_dict()
            measures.append(measures_item)

        referrals = []
        for referrals_item_data in self.referrals:
            referrals_item = referrals_item_data.to_dict()
            referrals.append(referrals_item)

        courses = []
        for courses_item_data in self.courses:
            courses_item = courses_item_data.to_dict()
            courses.append(courses_item)

        education = []
        for education_item_data in self.education:
            education_item = education_item_data.to_dict()
            education.append(education_item)

        jobs = []
        for jobs_item_data in self.jobs:
            jobs_item = jobs_item_data.to_dict()
            jobs.append(jobs_item)

        housing = []
        for housing_item_data in self.housing:
            housing_item = housing_item_data.to_dict()
            housing.append(housing_item)

        workshops = []
        for workshops_item_data in self.workshops:
            workshops_item = workshops_item_data.to_dict()
            workshops.append(workshops_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "version": version,
                "status": status,
                "file_number": file_number,
                "municipality": municipality,
                "caseworker": caseworker,
                "opened_on": opened_on,
                "advice_period_ends_on": advice_period_ends_on,
                "advice_period_extended": advice_period_extended,
                "closed_on": closed_on,
                "closure_reason": closure_reason,
                "profile": profile,
                "personal": personal,
                "consents": consents,
                "consultations": consultations,
                "goals": goals,
                "measures": measures,
                "referrals": referrals,
                "courses": courses,
                "education": education,
                "jobs": jobs,
                "housing": housing,
                "workshops": workshops,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consent_view import ConsentView  # noqa: PLC0415
        from ..models.consultation_view import ConsultationView  # noqa: PLC0415
        from ..models.course_view import CourseView  # noqa: PLC0415
        from ..models.education_view import EducationView  # noqa: PLC0415
        from ..models.goal_view import GoalView  # noqa: PLC0415
        from ..models.housing_view import HousingView  # noqa: PLC0415
        from ..models.job_view import JobView  # noqa: PLC0415
        from ..models.measure_view import MeasureView  # noqa: PLC0415
        from ..models.personal_view import PersonalView  # noqa: PLC0415
        from ..models.profile_view import ProfileView  # noqa: PLC0415
        from ..models.referral_view import ReferralView  # noqa: PLC0415
        from ..models.workshop_view import WorkshopView  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        version = d.pop("version")

        status = PlanViewStatus(d.pop("status"))

        def _parse_file_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        file_number = _parse_file_number(d.pop("file_number"))

        municipality = d.pop("municipality")

        caseworker = d.pop("caseworker")

        opened_on = datetime.date.fromisoformat(d.pop("opened_on"))

        advice_period_ends_on = datetime.date.fromisoformat(d.pop("advice_period_ends_on"))

        advice_period_extended = d.pop("advice_period_extended")

        def _parse_closed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_on_type_0 = datetime.date.fromisoformat(data)

                return closed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        closed_on = _parse_closed_on(d.pop("closed_on"))

        def _parse_closure_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        closure_reason = _parse_closure_reason(d.pop("closure_reason"))

        profile = ProfileView.from_dict(d.pop("profile"))

        def _parse_personal(data: object) -> None | PersonalView:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                personal_type_0 = PersonalView.from_dict(data)

                return personal_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonalView, data)

        personal = _parse_personal(d.pop("personal"))

        consents = []
        _consents = d.pop("consents")
        for consents_item_data in _consents:
            consents_item = ConsentView.from_dict(consents_item_data)

            consents.append(consents_item)

        consultations = []
        _consultations = d.pop("consultations")
        for consultations_item_data in _consultations:
            consultations_item = ConsultationView.from_dict(consultations_item_data)

            consultations.append(consultations_item)

        goals = []
        _goals = d.pop("goals")
        for goals_item_data in _goals:
            goals_item = GoalView.from_dict(goals_item_data)

            goals.append(goals_item)

        measures = []
        _measures = d.pop("measures")
        for measures_item_data in _measures:
            measures_item = MeasureView.from_dict(measures_item_data)

            measures.append(measures_item)

        referrals = []
        _referrals = d.pop("referrals")
        for referrals_item_data in _referrals:
            referrals_item = ReferralView.from_dict(referrals_item_data)

            referrals.append(referrals_item)

        courses = []
        _courses = d.pop("courses")
        for courses_item_data in _courses:
            courses_item = CourseView.from_dict(courses_item_data)

            courses.append(courses_item)

        education = []
        _education = d.pop("education")
        for education_item_data in _education:
            education_item = EducationView.from_dict(education_item_data)

            education.append(education_item)

        jobs = []
        _jobs = d.pop("jobs")
        for jobs_item_data in _jobs:
            jobs_item = JobView.from_dict(jobs_item_data)

            jobs.append(jobs_item)

        housing = []
        _housing = d.pop("housing")
        for housing_item_data in _housing:
            housing_item = HousingView.from_dict(housing_item_data)

            housing.append(housing_item)

        workshops = []
        _workshops = d.pop("workshops")
        for workshops_item_data in _workshops:
            workshops_item = WorkshopView.from_dict(workshops_item_data)

            workshops.append(workshops_item)

        plan_view = cls(
            id=id,
            version=version,
            status=status,
            file_number=file_number,
            municipality=municipality,
            caseworker=caseworker,
            opened_on=opened_on,
            advice_period_ends_on=advice_period_ends_on,
            advice_period_extended=advice_period_extended,
            closed_on=closed_on,
            closure_reason=closure_reason,
            profile=profile,
            personal=personal,
            consents=consents,
            consultations=consultations,
            goals=goals,
            measures=measures,
            referrals=referrals,
            courses=courses,
            education=education,
            jobs=jobs,
            housing=housing,
            workshops=workshops,
        )

        plan_view.additional_properties = d
        return plan_view

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
