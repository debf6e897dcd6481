from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WorkItemView")


@_attrs_define
class WorkItemView:
    """`kind`: measure_overdue, measure_due, no_consultation or advice_period_ending.

    Attributes:
        kind (str):
        plan_id (UUID):
        municipality (str):
        caseworker (str):
        due_on (datetime.date): The measure's due date, 90 days after the last consultation, or the end of the advice
            period
        measure_id (None | UUID):
        field (None | str):
        file_number (None | str | Unset): The plan's file number
        display_name (None | str | Unset): Given and family name: for caseworkers, for admins with include=personal
            (recorded as a read); null otherwise and once erased
        title (None | str | Unset): What is due: the measure's title (measure items); shown like display_name
    """

    kind: str
    plan_id: UUID
    municipality: str
    caseworker: str
    due_on: datetime.date
    measure_id: None | UUID
    field: None | str
    file_number: None | str | Unset = UNSET
    display_name: None | str | Unset = UNSET
    title: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        plan_id = str(self.plan_id)

        municipality = self.municipality

        caseworker = self.caseworker

        due_on = self.due_on.isoformat()

        measure_id: None | str
        if isinstance(self.measure_id, UUID):
            measure_id = str(self.measure_id)
        else:
            measure_id = self.measure_id

        field: None | str
        field = self.field

        file_number: None | str | Unset
        if isinstance(self.file_number, Unset):
            file_number = UNSET
        else:
            file_number = self.file_number

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "plan_id": plan_id,
                "municipality": municipality,
                "caseworker": caseworker,
                "due_on": due_on,
                "measure_id": measure_id,
                "field": field,
            }
        )
        if file_number is not UNSET:
            field_dict["file_number"] = file_number
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = d.pop("kind")

        plan_id = UUID(d.pop("plan_id"))

        municipality = d.pop("municipality")

        caseworker = d.pop("caseworker")

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        def _parse_measure_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                measure_id_type_0 = UUID(data)

                return measure_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        measure_id = _parse_measure_id(d.pop("measure_id"))

        def _parse_field(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        field = _parse_field(d.pop("field"))

        def _parse_file_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        file_number = _parse_file_number(d.pop("file_number", UNSET))

        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("display_name", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        work_item_view = cls(
            kind=kind,
            plan_id=plan_id,
            municipality=municipality,
            caseworker=caseworker,
            due_on=due_on,
            measure_id=measure_id,
            field=field,
            file_number=file_number,
            display_name=display_name,
            title=title,
        )

        work_item_view.additional_properties = d
        return work_item_view

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
