from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.goal_outcome import GoalOutcome
from ..types import UNSET, Unset

T = TypeVar("T", bound="GoalOutcomeBody")


@_attrs_define
class GoalOutcomeBody:
    """
    Attributes:
        outcome (GoalOutcome):
        on (datetime.date):
        note (None | str | Unset):
    """

    outcome: GoalOutcome
    on: datetime.date
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        outcome = self.outcome.value

        on = self.on.isoformat()

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "outcome": outcome,
                "on": on,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        outcome = GoalOutcome(d.pop("outcome"))

        on = datetime.date.fromisoformat(d.pop("on"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        goal_outcome_body = cls(
            outcome=outcome,
            on=on,
            note=note,
        )

        return goal_outcome_body
