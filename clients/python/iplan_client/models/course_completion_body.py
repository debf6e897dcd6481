from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.cefr_level import CefrLevel
from ..types import UNSET, Unset

T = TypeVar("T", bound="CourseCompletionBody")


@_attrs_define
class CourseCompletionBody:
    """
    Attributes:
        completed_on (datetime.date):
        level_reached (CefrLevel | None | Unset):
        certificate (bool | Unset):  Default: False.
    """

    completed_on: datetime.date
    level_reached: CefrLevel | None | Unset = UNSET
    certificate: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        completed_on = self.completed_on.isoformat()

        level_reached: None | str | Unset
        if isinstance(self.level_reached, Unset):
            level_reached = UNSET
        elif isinstance(self.level_reached, CefrLevel):
            level_reached = self.level_reached.value
        else:
            level_reached = self.level_reached

        certificate = self.certificate

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "completed_on": completed_on,
            }
        )
        if level_reached is not UNSET:
            field_dict["level_reached"] = level_reached
        if certificate is not UNSET:
            field_dict["certificate"] = certificate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        completed_on = datetime.date.fromisoformat(d.pop("completed_on"))

        def _parse_level_reached(data: object) -> CefrLevel | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                level_reached_type_0 = CefrLevel(data)

                return level_reached_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CefrLevel | None | Unset, data)

        level_reached = _parse_level_reached(d.pop("level_reached", UNSET))

        certificate = d.pop("certificate", UNSET)

        course_completion_body = cls(
            completed_on=completed_on,
            level_reached=level_reached,
            certificate=certificate,
        )

        return course_completion_body
