from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReopeningBody")


@_attrs_define
class ReopeningBody:
    """
    Attributes:
        reopened_on (datetime.date):
        reason (str):
    """

    reopened_on: datetime.date
    reason: str

    def to_dict(self) -> dict[str, Any]:
        reopened_on = self.reopened_on.isoformat()

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reopened_on": reopened_on,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reopened_on = datetime.date.fromisoformat(d.pop("reopened_on"))

        reason = d.pop("reason")

        reopening_body = cls(
            reopened_on=reopened_on,
            reason=reason,
        )

        return reopening_body
