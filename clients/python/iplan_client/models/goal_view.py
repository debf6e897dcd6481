from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.goal_view_status import GoalViewStatus

T = TypeVar("T", bound="GoalView")


@_attrs_define
class GoalView:
    """
    Attributes:
        id (UUID):
        field (str):
        description (None | str):
        set_on (datetime.date):
        target_on (datetime.date):
        status (GoalViewStatus):
        outcome_on (datetime.date | None):
        note (None | str):
    """

    id: UUID
    field: str
    description: None | str
    set_on: datetime.date
    target_on: datetime.date
    status: GoalViewStatus
    outcome_on: datetime.date | None
    note: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        field = self.field

        description: None | str
        description = self.description

        set_on = self.set_on.isoformat()

        target_on = self.target_on.isoformat()

        status = self.status.value

        outcome_on: None | str
        if isinstance(self.outcome_on, datetime.date):
            outcome_on = self.outcome_on.isoformat()
        else:
            outcome_on = self.outcome_on

        note: None | str
        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "field": field,
                "description": description,
                "set_on": set_on,
                "target_on": target_on,
                "status": status,
                "outcome_on": outcome_on,
                "note": note,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        field = d.pop("field")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        set_on = datetime.date.fromisoformat(d.pop("set_on"))

        target_on = datetime.date.fromisoformat(d.pop("target_on"))

        status = GoalViewStatus(d.pop("status"))

        def _parse_outcome_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_on_type_0 = datetime.date.fromisoformat(data)

                return outcome_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        outcome_on = _parse_outcome_on(d.pop("outcome_on"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        goal_view = cls(
            id=id,
            field=field,
            description=description,
            set_on=set_on,
            target_on=target_on,
            status=status,
            outcome_on=outcome_on,
            note=note,
        )

        goal_view.additional_properties = d
        return goal_view

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
