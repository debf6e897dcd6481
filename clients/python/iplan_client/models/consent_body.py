from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.consent_purpose import ConsentPurpose
from ..models.partner_kind import PartnerKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConsentBody")


@_attrs_define
class ConsentBody:
    """
    Attributes:
        purpose (ConsentPurpose):
        given_on (datetime.date):
        partner_kind (None | PartnerKind | Unset): Only for share_with_partner
    """

    purpose: ConsentPurpose
    given_on: datetime.date
    partner_kind: None | PartnerKind | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        purpose = self.purpose.value

        given_on = self.given_on.isoformat()

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
                "purpose": purpose,
                "given_on": given_on,
            }
        )
        if partner_kind is not UNSET:
            field_dict["partner_kind"] = partner_kind

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        purpose = ConsentPurpose(d.pop("purpose"))

        given_on = datetime.date.fromisoformat(d.pop("given_on"))

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

        consent_body = cls(
            purpose=purpose,
            given_on=given_on,
            partner_kind=partner_kind,
        )

        return consent_body
