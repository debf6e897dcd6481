from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.country import Country
from ..models.gender import Gender
from ..models.residence_status import ResidenceStatus

T = TypeVar("T", bound="Profile")


@_attrs_define
class Profile:
    """Statistical, non-personal facts about the person.

    Attributes:
        birth_year (int): Not after the year the plan is opened
        gender (Gender):
        nationality (Country): ISO 3166-1 alpha-2 country code
        residence_status (ResidenceStatus):
        household_size (int):
        languages (list[str]):
        arrived_on (datetime.date): Not after opened_on
    """

    birth_year: int
    gender: Gender
    nationality: Country
    residence_status: ResidenceStatus
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

        gender = Gender(d.pop("gender"))

        nationality = Country(d.pop("nationality"))

        residence_status = ResidenceStatus(d.pop("residence_status"))

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
