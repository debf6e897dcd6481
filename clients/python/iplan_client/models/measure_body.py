from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.field_of_action import FieldOfAction
from ..models.partner_kind import PartnerKind
from ..models.responsible import Responsible
from ..types import UNSET, Unset

T = TypeVar("T", bound="MeasureBody")


@_attrs_define
class MeasureBody:
    """
    Attributes:
        field (FieldOfAction):
        title (str):
        responsible (Responsible):
        due_on (datetime.date):
        partner_kind (None | PartnerKind | Unset):
        goal_id (None | Unset | UUID):
        agreed_on (datetime.date | None | Unset): Effective date; defaults to today
    """

    field: FieldOfAction
    title: str
    responsible: Responsible
    due_on: datetime.date
    partner_kind: None | PartnerKind | Unset = UNSET
    goal_id: None | Unset | UUID = UNSET
    agreed_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        field = self.field.value

        title = self.title

        responsible = self.responsible.value

        due_on = self.due_on.isoformat()

        partner_kind: None | str | Unset
        if isinstance(self.partner_kind, Unset):
            partner_kind = UNSET
        elif isinstance(self.partner_kind, PartnerKind):
            partner_kind = self.partner_kind.value
        else:
            partner_kind = self.partner_kind

        goal_id: None | str | Unset
        if isinstance(self.goal_id, Unset):
            goal_id = UNSET
        elif isinstance(self.goal_id, UUID):
            goal_id = str(self.goal_id)
        else:
            goal_id = self.goal_id

        agreed_on: None | str | Unset
        if isinstance(self.agreed_on, Unset):
            agreed_on = UNSET
        elif isinstance(self.agreed_on, datetime.date):
            agreed_on = self.agreed_on.isoformat()
        else:
            agreed_on = self.agreed_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "field": field,
                "title": title,
                "responsible": responsible,
                "due_on": due_on,
            }
        )
        if partner_kind is not UNSET:
            field_dict["partner_kind"] = partner_kind
        if goal_id is not UNSET:
            field_dict["goal_id"] = goal_id
        if agreed_on is not UNSET:
            field_dict["agreed_on"] = agreed_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field = FieldOfAction(d.pop("field"))

        title = d.pop("title")

        responsible = Responsible(d.pop("responsible"))

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        def _parse_partner_kind(data: object) -> None | PartnerKind | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                partner_kind_type_0 = PartnerKind(data)

                return partner_kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PartnerKind | Unset, data)

        partner_kind = _parse_partner_kind(d.pop("partner_kind", UNSET))

        def _parse_goal_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                goal_id_type_0 = UUID(data)

                return goal_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        goal_id = _parse_goal_id(d.pop("goal_id", UNSET))

        def _parse_agreed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                agreed_on_type_0 = datetime.date.fromisoformat(data)

                return agreed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        agreed_on = _parse_agreed_on(d.pop("agreed_on", UNSET))

        measure_body = cls(
            field=field,
            title=title,
            responsible=responsible,
            due_on=due_on,
            partner_kind=partner_kind,
            goal_id=goal_id,
            agreed_on=agreed_on,
        )

        return measure_body
