from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MeasureCancellationBody")


@_attrs_define
class MeasureCancellationBody:
    """
    Attributes:
        cancelled_on (datetime.date):
        reason (None | str | Unset):
    """

    cancelled_on: datetime.date
    reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        cancelled_on = self.cancelled_on.isoformat()

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cancelled_on": cancelled_on,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cancelled_on = datetime.date.fromisoformat(d.pop("cancelled_on"))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        measure_cancellation_body = cls(
            cancelled_on=cancelled_on,
            reason=reason,
        )

        return measure_cancellation_body
