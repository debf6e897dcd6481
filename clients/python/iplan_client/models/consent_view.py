from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.consent_view_status import ConsentViewStatus

T = TypeVar("T", bound="ConsentView")


@_attrs_define
class ConsentView:
    """
    Attributes:
        version (int):
        purpose (str):
        partner_kind (None | str):
        given_on (datetime.date):
        withdrawn_on (datetime.date | None):
        status (ConsentViewStatus):
    """

    version: int
    purpose: str
    partner_kind: None | str
    given_on: datetime.date
    withdrawn_on: datetime.date | None
    status: ConsentViewStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        purpose = self.purpose

        partner_kind: None | str
        partner_kind = self.partner_kind

        given_on = self.given_on.isoformat()

        withdrawn_on: None | str
        if isinstance(self.withdrawn_on, datetime.date):
            withdrawn_on = self.withdrawn_on.isoformat()
        else:
            withdrawn_on = self.withdrawn_on

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "version": version,
                "purpose": purpose,
                "partner_kind": partner_kind,
                "given_on": given_on,
                "withdrawn_on": withdrawn_on,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        version = d.pop("version")

        purpose = d.pop("purpose")

        def _parse_partner_kind(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        partner_kind = _parse_partner_kind(d.pop("partner_kind"))

        given_on = datetime.date.fromisoformat(d.pop("given_on"))

        def _parse_withdrawn_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                withdrawn_on_type_0 = datetime.date.fromisoformat(data)

                return withdrawn_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        withdrawn_on = _parse_withdrawn_on(d.pop("withdrawn_on"))

        status = ConsentViewStatus(d.pop("status"))

        consent_view = cls(
            version=version,
            purpose=purpose,
            partner_kind=partner_kind,
            given_on=given_on,
            withdrawn_on=withdrawn_on,
            status=status,
        )

        consent_view.additional_properties = d
        return consent_view

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
