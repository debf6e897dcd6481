from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.cefr_level import CefrLevel
from ..models.course_kind import CourseKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="CourseBody")


@_attrs_define
class CourseBody:
    """
    Attributes:
        kind (CourseKind):
        provider (str):
        starts_on (datetime.date):
        target_level (CefrLevel | None | Unset):
        enrolled_on (datetime.date | None | Unset): Effective date; defaults to today
    """

    kind: CourseKind
    provider: str
    starts_on: datetime.date
    target_level: CefrLevel | None | Unset = UNSET
    enrolled_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        provider = self.provider

        starts_on = self.starts_on.isoformat()

        target_level: None | str | Unset
        if isinstance(self.target_level, Unset):
            target_level = UNSET
        elif isinstance(self.target_level, CefrLevel):
            target_level = self.target_level.value
        else:
            target_level = self.target_level

        enrolled_on: None | str | Unset
        if isinstance(self.enrolled_on, Unset):
            enrolled_on = UNSET
        elif isinstance(self.enrolled_on, datetime.date):
            enrolled_on = self.enrolled_on.isoformat()
        else:
            enrolled_on = self.enrolled_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "provider": provider,
                "starts_on": starts_on,
            }
        )
        if target_level is not UNSET:
            field_dict["target_level"] = target_level
        if enrolled_on is not UNSET:
            field_dict["enrolled_on"] = enrolled_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = CourseKind(d.pop("kind"))

        provider = d.pop("provider")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        def _parse_target_level(data: object) -> CefrLevel | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_level_type_0 = CefrLevel(data)

                return target_level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CefrLevel | None | Unset, data)

        target_level = _parse_target_level(d.pop("target_level", UNSET))

        def _parse_enrolled_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                enrolled_on_type_0 = datetime.date.fromisoformat(data)

                return enrolled_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        enrolled_on = _parse_enrolled_on(d.pop("enrolled_on", UNSET))

        course_body = cls(
            kind=kind,
            provider=provider,
            starts_on=starts_on,
            target_level=target_level,
            enrolled_on=enrolled_on,
        )

        return course_body
