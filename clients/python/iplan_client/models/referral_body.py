from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.partner_kind import PartnerKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReferralBody")


@_attrs_define
class ReferralBody:
    """
    Attributes:
        partner_kind (PartnerKind):
        reason (str):
        made_on (datetime.date):
        consent_override_reason (None | str | Unset): Required without the person's consent to share with the partner
    """

    partner_kind: PartnerKind
    reason: str
    made_on: datetime.date
    consent_override_reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        partner_kind = self.partner_kind.value

        reason = self.reason

        made_on = self.made_on.isoformat()

        consent_override_reason: None | str | Unset
        if isinstance(self.consent_override_reason, Unset):
            consent_override_reason = UNSET
        else:
            consent_override_reason = self.consent_override_reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "partner_kind": partner_kind,
                "reason": reason,
                "made_on": made_on,
            }
        )
        if consent_override_reason is not UNSET:
            field_dict["consent_override_reason"] = consent_override_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        partner_kind = PartnerKind(d.pop("partner_kind"))

        reason = d.pop("reason")

        made_on = datetime.date.fromisoformat(d.pop("made_on"))

        def _parse_consent_override_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        consent_override_reason = _parse_consent_override_reason(d.pop("consent_override_reason", UNSET))

        referral_body = cls(
            partner_kind=partner_kind,
            reason=reason,
            made_on=made_on,
            consent_override_reason=consent_override_reason,
        )

        return referral_body
