from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EducationView")


@_attrs_define
class EducationView:
    """
    Attributes:
        version (int):
        kind (str):
        for_member (int | None):
        secured_on (datetime.date):
    """

    version: int
    kind: str
    for_member: int | None
    secured_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        kind = self.kind

        for_member: int | None
        for_member = self.for_member

        secured_on = self.secured_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "version": version,
                "kind": kind,
                "for_member": for_member,
                "secured_on": secured_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        version = d.pop("version")

        kind = d.pop("kind")

        def _parse_for_member(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        for_member = _parse_for_member(d.pop("for_member"))

        secured_on = datetime.date.fromisoformat(d.pop("secured_on"))

        education_view = cls(
            version=version,
            kind=kind,
            for_member=for_member,
            secured_on=secured_on,
        )

        education_view.additional_properties = d
        return education_view

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
