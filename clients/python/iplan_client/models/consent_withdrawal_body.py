from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.partner_kind import PartnerKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConsentWithdrawalBody")


@_attrs_define
class ConsentWithdrawalBody:
    """
    Attributes:
        withdrawn_on (datetime.date):
        partner_kind (None | PartnerKind | Unset):
    """

    withdrawn_on: datetime.date
    partner_kind: None | PartnerKind | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        withdrawn_on = self.withdrawn_on.isoformat()

        partner_kind: None | str | Unset
        if isinstance(self.partner_kind, Unset):
            partner_kind = UNSET
        elif isinstance(self.partner_kind, PartnerKind):
            partner_kind = self.partner_kind.value
        else:
            partner_kind = self.partner_kind

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "withdrawn_on": withdrawn_on,
            }
        )
        if partner_kind is not UNSET:
            field_dict["partner_kind"] = partner_kind

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        withdrawn_on = datetime.date.fromisoformat(d.pop("withdrawn_on"))

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

        consent_withdrawal_body = cls(
            withdrawn_on=withdrawn_on,
            partner_kind=partner_kind,
        )

        return consent_withdrawal_body
