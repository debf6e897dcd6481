from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.closure_reason import ClosureReason

T = TypeVar("T", bound="ClosureBody")


@_attrs_define
class ClosureBody:
    """
    Attributes:
        closed_on (datetime.date):
        reason (ClosureReason):
    """

    closed_on: datetime.date
    reason: ClosureReason

    def to_dict(self) -> dict[str, Any]:
        closed_on = self.closed_on.isoformat()

        reason = self.reason.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "closed_on": closed_on,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        closed_on = datetime.date.fromisoformat(d.pop("closed_on"))

        reason = ClosureReason(d.pop("reason"))

        closure_body = cls(
            closed_on=closed_on,
            reason=reason,
        )

        return closure_body
