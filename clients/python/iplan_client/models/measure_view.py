from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.measure_view_status import MeasureViewStatus

T = TypeVar("T", bound="MeasureView")


@_attrs_define
class MeasureView:
    """
    Attributes:
        id (UUID):
        goal_id (None | UUID):
        field (str):
        title (None | str):
        responsible (str):
        partner_kind (None | str):
        agreed_on (datetime.date):
        due_on (datetime.date):
        status (MeasureViewStatus):
        closed_on (datetime.date | None):
        outcome (None | str):
    """

    id: UUID
    goal_id: None | UUID
    field: str
    title: None | str
    responsible: str
    partner_kind: None | str
    agreed_on: datetime.date
    due_on: datetime.date
    status: MeasureViewStatus
    closed_on: datetime.date | None
    outcome: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        goal_id: None | str
        if isinstance(self.goal_id, UUID):
            goal_id = str(self.goal_id)
        else:
            goal_id = self.goal_id

        field = self.field

        title: None | str
        title = self.title

        responsible = self.responsible

        partner_kind: None | str
        partner_kind = self.partner_kind

        agreed_on = self.agreed_on.isoformat()

        due_on = self.due_on.isoformat()

        status = self.status.value

        closed_on: None | str
        if isinstance(self.closed_on, datetime.date):
            closed_on = self.closed_on.isoformat()
        else:
            closed_on = self.closed_on

        outcome: None | str
        outcome = self.outcome

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "goal_id": goal_id,
                "field": field,
                "title": title,
                "responsible": responsible,
                "partner_kind": partner_kind,
                "agreed_on": agreed_on,
                "due_on": due_on,
                "status": status,
                "closed_on": closed_on,
                "outcome": outcome,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_goal_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                goal_id_type_0 = UUID(data)

                return goal_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        goal_id = _parse_goal_id(d.pop("goal_id"))

        field = d.pop("field")

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        responsible = d.pop("responsible")

        def _parse_partner_kind(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        partner_kind = _parse_partner_kind(d.pop("partner_kind"))

        agreed_on = datetime.date.fromisoformat(d.pop("agreed_on"))

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        status = MeasureViewStatus(d.pop("status"))

        def _parse_closed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_on_type_0 = datetime.date.fromisoformat(data)

                return closed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        closed_on = _parse_closed_on(d.pop("closed_on"))

        def _parse_outcome(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome = _parse_outcome(d.pop("outcome"))

        measure_view = cls(
            id=id,
            goal_id=goal_id,
            field=field,
            title=title,
            responsible=responsible,
            partner_kind=partner_kind,
            agreed_on=agreed_on,
            due_on=due_on,
            status=status,
            closed_on=closed_on,
            outcome=outcome,
        )

        measure_view.additional_properties = d
        return measure_view

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
