from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.profile_gender import ProfileGender
from ..models.profile_nationality import ProfileNationality
from ..models.profile_residence_status import ProfileResidenceStatus

T = TypeVar("T", bound="Profile")


@_attrs_define
class Profile:
    """Statistical, non-personal facts about the person.

    Attributes:
        birth_year (int): Not after the year the plan is opened
        gender (ProfileGender):
        nationality (ProfileNationality): ISO 3166-1 alpha-2 country code
        residence_status (ProfileResidenceStatus):
        household_size (int):
        languages (list[str]):
        arrived_on (datetime.date): Not after opened_on
    """

    birth_year: int
    gender: ProfileGender
    nationality: ProfileNationality
    residence_status: ProfileResidenceStatus
    household_size: int
    languages: list[str]
    arrived_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        birth_year = self.birth_year

        gender = self.gender.value

        nationality = self.nationality.value

        residence_status = self.residence_status.value

        household_size = self.household_size

        languages = self.languages

        arrived_on = self.arrived_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "birth_year": birth_year,
                "gender": gender,
                "nationality": nationality,
                "residence_status": residence_status,
                "household_size": household_size,
                "languages": languages,
                "arrived_on": arrived_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        birth_year = d.pop("birth_year")

        gender = ProfileGender(d.pop("gender"))

        nationality = ProfileNationality(d.pop("nationality"))

        residence_status = ProfileResidenceStatus(d.pop("residence_status"))

        household_size = d.pop("household_size")

        languages = cast(list[str], d.pop("languages"))

        arrived_on = datetime.date.fromisoformat(d.pop("arrived_on"))

        profile = cls(
            birth_year=birth_year,
            gender=gender,
            nationality=nationality,
            residence_status=residence_status,
            household_size=household_size,
            languages=languages,
            arrived_on=arrived_on,
        )

        return profile
