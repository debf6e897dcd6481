from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.education_kind import EducationKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="EducationBody")


@_attrs_define
class EducationBody:
    """
    Attributes:
        kind (EducationKind):
        secured_on (datetime.date):
        for_member (int | None | Unset): Index into the household members, or null for the person
    """

    kind: EducationKind
    secured_on: datetime.date
    for_member: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        secured_on = self.secured_on.isoformat()

        for_member: int | None | Unset
        if isinstance(self.for_member, Unset):
            for_member = UNSET
        else:
            for_member = self.for_member

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "secured_on": secured_on,
            }
        )
        if for_member is not UNSET:
            field_dict["for_member"] = for_member

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = EducationKind(d.pop("kind"))

        secured_on = datetime.date.fromisoformat(d.pop("secured_on"))

        def _parse_for_member(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        for_member = _parse_for_member(d.pop("for_member", UNSET))

        education_body = cls(
            kind=kind,
            secured_on=secured_on,
            for_member=for_member,
        )

        return education_body
