from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="HousingView")


@_attrs_define
class HousingView:
    """
    Attributes:
        version (int):
        kind (str):
        secured_on (datetime.date):
    """

    version: int
    kind: str
    secured_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        kind = self.kind

        secured_on = self.secured_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "version": version,
                "kind": kind,
                "secured_on": secured_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        version = d.pop("version")

        kind = d.pop("kind")

        secured_on = datetime.date.fromisoformat(d.pop("secured_on"))

        housing_view = cls(
            version=version,
            kind=kind,
            secured_on=secured_on,
        )

        housing_view.additional_properties = d
        return housing_view

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
