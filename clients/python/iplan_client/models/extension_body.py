from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ExtensionBody")


@_attrs_define
class ExtensionBody:
    """
    Attributes:
        until (datetime.date): At most 4 years after opening
        reason (str):
        on (datetime.date | None | Unset): Effective date; defaults to today
    """

    until: datetime.date
    reason: str
    on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        until = self.until.isoformat()

        reason = self.reason

        on: None | str | Unset
        if isinstance(self.on, Unset):
            on = UNSET
        elif isinstance(self.on, datetime.date):
            on = self.on.isoformat()
        else:
            on = self.on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "until": until,
                "reason": reason,
            }
        )
        if on is not UNSET:
            field_dict["on"] = on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        until = datetime.date.fromisoformat(d.pop("until"))

        reason = d.pop("reason")

        def _parse_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                on_type_0 = datetime.date.fromisoformat(data)

                return on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        on = _parse_on(d.pop("on", UNSET))

        extension_body = cls(
            until=until,
            reason=reason,
            on=on,
        )

        return extension_body
