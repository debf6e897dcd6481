from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReferralView")


@_attrs_define
class ReferralView:
    """
    Attributes:
        id (UUID):
        partner_kind (str):
        made_on (datetime.date):
        reason (None | str):
        consent_overridden (bool):
        consent_override_reason (None | str):
        outcome (None | str):
        outcome_on (datetime.date | None):
    """

    id: UUID
    partner_kind: str
    made_on: datetime.date
    reason: None | str
    consent_overridden: bool
    consent_override_reason: None | str
    outcome: None | str
    outcome_on: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        partner_kind = self.partner_kind

        made_on = self.made_on.isoformat()

        reason: None | str
        reason = self.reason

        consent_overridden = self.consent_overridden

        consent_override_reason: None | str
        consent_override_reason = self.consent_override_reason

        outcome: None | str
        outcome = self.outcome

        outcome_on: None | str
        if isinstance(self.outcome_on, datetime.date):
            outcome_on = self.outcome_on.isoformat()
        else:
            outcome_on = self.outcome_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "partner_kind": partner_kind,
                "made_on": made_on,
                "reason": reason,
                "consent_overridden": consent_overridden,
                "consent_override_reason": consent_override_reason,
                "outcome": outcome,
                "outcome_on": outcome_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        partner_kind = d.pop("partner_kind")

        made_on = datetime.date.fromisoformat(d.pop("made_on"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        consent_overridden = d.pop("consent_overridden")

        def _parse_consent_override_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        consent_override_reason = _parse_consent_override_reason(d.pop("consent_override_reason"))

        def _parse_outcome(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome = _parse_outcome(d.pop("outcome"))

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

        referral_view = cls(
            id=id,
            partner_kind=partner_kind,
            made_on=made_on,
            reason=reason,
            consent_overridden=consent_overridden,
            consent_override_reason=consent_override_reason,
            outcome=outcome,
            outcome_on=outcome_on,
        )

        referral_view.additional_properties = d
        return referral_view

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
