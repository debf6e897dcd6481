from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.field_of_action import FieldOfAction
from ..types import UNSET, Unset

T = TypeVar("T", bound="GoalBody")


@_attrs_define
class GoalBody:
    """
    Attributes:
        field (FieldOfAction):
        description (str):
        target_on (datetime.date):
        set_on (datetime.date | None | Unset): Effective date; defaults to today
    """

    field: FieldOfAction
    description: str
    target_on: datetime.date
    set_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        field = self.field.value

        description = self.description

        target_on = self.target_on.isoformat()

        set_on: None | str | Unset
        if isinstance(self.set_on, Unset):
            set_on = UNSET
        elif isinstance(self.set_on, datetime.date):
            set_on = self.set_on.isoformat()
        else:
            set_on = self.set_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "field": field,
                "description": description,
                "target_on": target_on,
            }
        )
        if set_on is not UNSET:
            field_dict["set_on"] = set_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field = FieldOfAction(d.pop("field"))

        description = d.pop("description")

        target_on = datetime.date.fromisoformat(d.pop("target_on"))

        def _parse_set_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                set_on_type_0 = datetime.date.fromisoformat(data)

                return set_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        set_on = _parse_set_on(d.pop("set_on", UNSET))

        goal_body = cls(
            field=field,
            description=description,
            target_on=target_on,
            set_on=set_on,
        )

        return goal_body
