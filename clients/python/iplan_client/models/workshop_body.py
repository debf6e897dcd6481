from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.workshop_kind import WorkshopKind

T = TypeVar("T", bound="WorkshopBody")


@_attrs_define
class WorkshopBody:
    """
    Attributes:
        kind (WorkshopKind):
        attended_on (datetime.date):
    """

    kind: WorkshopKind
    attended_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        attended_on = self.attended_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "attended_on": attended_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = WorkshopKind(d.pop("kind"))

        attended_on = datetime.date.fromisoformat(d.pop("attended_on"))

        workshop_body = cls(
            kind=kind,
            attended_on=attended_on,
        )

        return workshop_body
