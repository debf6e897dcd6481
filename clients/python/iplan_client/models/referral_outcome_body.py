from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReferralOutcomeBody")


@_attrs_define
class ReferralOutcomeBody:
    """
    Attributes:
        outcome (str):
        on (datetime.date):
    """

    outcome: str
    on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        outcome = self.outcome

        on = self.on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "outcome": outcome,
                "on": on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        outcome = d.pop("outcome")

        on = datetime.date.fromisoformat(d.pop("on"))

        referral_outcome_body = cls(
            outcome=outcome,
            on=on,
        )

        return referral_outcome_body
