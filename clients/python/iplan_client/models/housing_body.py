from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.housing_kind import HousingKind

T = TypeVar("T", bound="HousingBody")


@_attrs_define
class HousingBody:
    """
    Attributes:
        secured_on (datetime.date):
        kind (HousingKind):
    """

    secured_on: datetime.date
    kind: HousingKind

    def to_dict(self) -> dict[str, Any]:
        secured_on = self.secured_on.isoformat()

        kind = self.kind.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "secured_on": secured_on,
                "kind": kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        secured_on = datetime.date.fromisoformat(d.pop("secured_on"))

        kind = HousingKind(d.pop("kind"))

        housing_body = cls(
            secured_on=secured_on,
            kind=kind,
        )

        return housing_body
