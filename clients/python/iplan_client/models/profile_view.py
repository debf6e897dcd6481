from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProfileView")


@_attrs_define
class ProfileView:
    """Statistical, non-personal facts; kept after an erasure. The rules require each.

    Attributes:
        birth_year (int):
        gender (str): female, male, diverse or unknown
        nationality (str): ISO 3166-1 alpha-2 country code
        residence_status (str):
        household_size (int):
        languages (list[str]):
        arrived_on (datetime.date):
    """

    birth_year: int
    gender: str
    nationality: str
    residence_status: str
    household_size: int
    languages: list[str]
    arrived_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        birth_year = self.birth_year

        gender = self.gender

        nationality = self.nationality

        residence_status = self.residence_status

        household_size = self.household_size

        languages = self.languages

        arrived_on = self.arrived_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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

        gender = d.pop("gender")

        nationality = d.pop("nationality")

        residence_status = d.pop("residence_status")

        household_size = d.pop("household_size")

        languages = cast(list[str], d.pop("languages"))

        arrived_on = datetime.date.fromisoformat(d.pop("arrived_on"))

        profile_view = cls(
            birth_year=birth_year,
            gender=gender,
            nationality=nationality,
            residence_status=residence_status,
            household_size=household_size,
            languages=languages,
            arrived_on=arrived_on,
        )

        profile_view.additional_properties = d
        return profile_view

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
