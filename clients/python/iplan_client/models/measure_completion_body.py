from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MeasureCompletionBody")


@_attrs_define
class MeasureCompletionBody:
    """
    Attributes:
        completed_on (datetime.date):
        outcome (None | str | Unset):
    """

    completed_on: datetime.date
    outcome: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        completed_on = self.completed_on.isoformat()

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        else:
            outcome = self.outcome

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "completed_on": completed_on,
            }
        )
        if outcome is not UNSET:
            field_dict["outcome"] = outcome

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        completed_on = datetime.date.fromisoformat(d.pop("completed_on"))

        def _parse_outcome(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        measure_completion_body = cls(
            completed_on=completed_on,
            outcome=outcome,
        )

        return measure_completion_body
