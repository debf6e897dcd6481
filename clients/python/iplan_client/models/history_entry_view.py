from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.history_entry_view_data import HistoryEntryViewData
    from ..models.history_entry_view_personal_type_0 import HistoryEntryViewPersonalType0


T = TypeVar("T", bound="HistoryEntryView")


@_attrs_define
class HistoryEntryView:
    """
    Attributes:
        version (int):
        type_ (str):
        effective_on (datetime.date):
        recorded_at (datetime.datetime):
        actor (str):
        role (str):
        correlation_id (str):
        data (HistoryEntryViewData):
        personal (HistoryEntryViewPersonalType0 | None): null once erased
        retracted_by (int | None): Version of the retraction, if retracted
    """

    version: int
    type_: str
    effective_on: datetime.date
    recorded_at: datetime.datetime
    actor: str
    role: str
    correlation_id: str
    data: HistoryEntryViewData
    personal: HistoryEntryViewPersonalType0 | None
    retracted_by: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.history_entry_view_personal_type_0 import HistoryEntryViewPersonalType0  # noqa: PLC0415

        version = self.version

        type_ = self.type_

        effective_on = self.effective_on.isoformat()

        recorded_at = self.recorded_at.isoformat()

        actor = self.actor

        role = self.role

        correlation_id = self.correlation_id

        data = self.data.to_dict()

        personal: dict[str, Any] | None
        if isinstance(self.personal, HistoryEntryViewPersonalType0):
            personal = self.personal.to_dict()
        else:
            personal = self.personal

        retracted_by: int | None
        retracted_by = self.retracted_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "version": version,
                "type": type_,
                "effective_on": effective_on,
                "recorded_at": recorded_at,
                "actor": actor,
                "role": role,
                "correlation_id": correlation_id,
                "data": data,
                "personal": personal,
                "retracted_by": retracted_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.history_entry_view_data import HistoryEntryViewData  # noqa: PLC0415
        from ..models.history_entry_view_personal_type_0 import HistoryEntryViewPersonalType0  # noqa: PLC0415

        d = dict(src_dict)
        version = d.pop("version")

        type_ = d.pop("type")

        effective_on = datetime.date.fromisoformat(d.pop("effective_on"))

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        actor = d.pop("actor")

        role = d.pop("role")

        correlation_id = d.pop("correlation_id")

        data = HistoryEntryViewData.from_dict(d.pop("data"))

        def _parse_personal(data: object) -> HistoryEntryViewPersonalType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                personal_type_0 = HistoryEntryViewPersonalType0.from_dict(data)

                return personal_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HistoryEntryViewPersonalType0 | None, data)

        personal = _parse_personal(d.pop("personal"))

        def _parse_retracted_by(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        retracted_by = _parse_retracted_by(d.pop("retracted_by"))

        history_entry_view = cls(
            version=version,
            type_=type_,
            effective_on=effective_on,
            recorded_at=recorded_at,
            actor=actor,
            role=role,
            correlation_id=correlation_id,
            data=data,
            personal=personal,
            retracted_by=retracted_by,
        )

        history_entry_view.additional_properties = d
        return history_entry_view

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
