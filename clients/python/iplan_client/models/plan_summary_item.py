from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PlanSummaryItem")


@_attrs_define
class PlanSummaryItem:
    """One plan in a list: no personal value, only what lists and filters need.

    Attributes:
        id (UUID):
        file_number (None | str): The plan's file number (Aktenzeichen)
        status (str):
        municipality (str):
        caseworker (str):
        opened_on (datetime.date):
        advice_period_ends_on (datetime.date):
        closed_on (datetime.date | None):
        closure_reason (None | str):
        open_measures (int):
        overdue_measures (int): Open measures due before today
        next_due_on (datetime.date | None):
        last_consultation_on (datetime.date | None):
        highest_level (None | str): Highest CEFR level reached in a course
        employed (bool):
        housing_secured_on (datetime.date | None):
        display_name (None | str | Unset): Given and family name: for caseworkers, and for auditors and admins with
            include=personal; null otherwise and once the plan's personal data is erased
    """

    id: UUID
    file_number: None | str
    status: str
    municipality: str
    caseworker: str
    opened_on: datetime.date
    advice_period_ends_on: datetime.date
    closed_on: datetime.date | None
    closure_reason: None | str
    open_measures: int
    overdue_measures: int
    next_due_on: datetime.date | None
    last_consultation_on: datetime.date | None
    highest_level: None | str
    employed: bool
    housing_secured_on: datetime.date | None
    display_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        file_number: None | str
        file_number = self.file_number

        status = self.status

        municipality = self.municipality

        caseworker = self.caseworker

        opened_on = self.opened_on.isoformat()

        advice_period_ends_on = self.advice_period_ends_on.isoformat()

        closed_on: None | str
        if isinstance(self.closed_on, datetime.date):
            closed_on = self.closed_on.isoformat()
        else:
            closed_on = self.closed_on

        closure_reason: None | str
        closure_reason = self.closure_reason

        open_measures = self.open_measures

        overdue_measures = self.overdue_measures

        next_due_on: None | str
        if isinstance(self.next_due_on, datetime.date):
            next_due_on = self.next_due_on.isoformat()
        else:
            next_due_on = self.next_due_on

        last_consultation_on: None | str
        if isinstance(self.last_consultation_on, datetime.date):
            last_consultation_on = self.last_consultation_on.isoformat()
        else:
            last_consultation_on = self.last_consultation_on

        highest_level: None | str
        highest_level = self.highest_level

        employed = self.employed

        housing_secured_on: None | str
        if isinstance(self.housing_secured_on, datetime.date):
            housing_secured_on = self.housing_secured_on.isoformat()
        else:
            housing_secured_on = self.housing_secured_on

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "file_number": file_number,
                "status": status,
                "municipality": municipality,
                "caseworker": caseworker,
                "opened_on": opened_on,
                "advice_period_ends_on": advice_period_ends_on,
                "closed_on": closed_on,
                "closure_reason": closure_reason,
                "open_measures": open_measures,
                "overdue_measures": overdue_measures,
                "next_due_on": next_due_on,
                "last_consultation_on": last_consultation_on,
                "highest_level": highest_level,
                "employed": employed,
                "housing_secured_on": housing_secured_on,
            }
        )
        if display_name is not UNSET:
            field_dict["display_name"] = display_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_file_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        file_number = _parse_file_number(d.pop("file_number"))

        status = d.pop("status")

        municipality = d.pop("municipality")

        caseworker = d.pop("caseworker")

        opened_on = datetime.date.fromisoformat(d.pop("opened_on"))

        advice_period_ends_on = datetime.date.fromisoformat(d.pop("advice_period_ends_on"))

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

        def _parse_closure_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        closure_reason = _parse_closure_reason(d.pop("closure_reason"))

        open_measures = d.pop("open_measures")

        overdue_measures = d.pop("overdue_measures")

        def _parse_next_due_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_due_on_type_0 = datetime.date.fromisoformat(data)

                return next_due_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        next_due_on = _parse_next_due_on(d.pop("next_due_on"))

        def _parse_last_consultation_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_consultation_on_type_0 = datetime.date.fromisoformat(data)

                return last_consultation_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        last_consultation_on = _parse_last_consultation_on(d.pop("last_consultation_on"))

        def _parse_highest_level(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        highest_level = _parse_highest_level(d.pop("highest_level"))

        employed = d.pop("employed")

        def _parse_housing_secured_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                housing_secured_on_type_0 = datetime.date.fromisoformat(data)

                return housing_secured_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        housing_secured_on = _parse_housing_secured_on(d.pop("housing_secured_on"))

        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("display_name", UNSET))

        plan_summary_item = cls(
            id=id,
            file_number=file_number,
            status=status,
            municipality=municipality,
            caseworker=caseworker,
            opened_on=opened_on,
            advice_period_ends_on=advice_period_ends_on,
            closed_on=closed_on,
            closure_reason=closure_reason,
            open_measures=open_measures,
            overdue_measures=overdue_measures,
            next_due_on=next_due_on,
            last_consultation_on=last_consultation_on,
            highest_level=highest_level,
            employed=employed,
            housing_secured_on=housing_secured_on,
            display_name=display_name,
        )

        plan_summary_item.additional_properties = d
        return plan_summary_item

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
