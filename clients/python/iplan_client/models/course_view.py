from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.course_view_status import CourseViewStatus

T = TypeVar("T", bound="CourseView")


@_attrs_define
class CourseView:
    """
    Attributes:
        id (UUID):
        kind (str):
        provider (str):
        enrolled_on (datetime.date):
        starts_on (datetime.date):
        target_level (None | str):
        status (CourseViewStatus):
        ended_on (datetime.date | None):
        level_reached (None | str):
        certificate (bool):
        reason (None | str):
    """

    id: UUID
    kind: str
    provider: str
    enrolled_on: datetime.date
    starts_on: datetime.date
    target_level: None | str
    status: CourseViewStatus
    ended_on: datetime.date | None
    level_reached: None | str
    certificate: bool
    reason: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        kind = self.kind

        provider = self.provider

        enrolled_on = self.enrolled_on.isoformat()

        starts_on = self.starts_on.isoformat()

        target_level: None | str
        target_level = self.target_level

        status = self.status.value

        ended_on: None | str
        if isinstance(self.ended_on, datetime.date):
            ended_on = self.ended_on.isoformat()
        else:
            ended_on = self.ended_on

        level_reached: None | str
        level_reached = self.level_reached

        certificate = self.certificate

        reason: None | str
        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "provider": provider,
                "enrolled_on": enrolled_on,
                "starts_on": starts_on,
                "target_level": target_level,
                "status": status,
                "ended_on": ended_on,
                "level_reached": level_reached,
                "certificate": certificate,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        kind = d.pop("kind")

        provider = d.pop("provider")

        enrolled_on = datetime.date.fromisoformat(d.pop("enrolled_on"))

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        def _parse_target_level(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target_level = _parse_target_level(d.pop("target_level"))

        status = CourseViewStatus(d.pop("status"))

        def _parse_ended_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_on_type_0 = datetime.date.fromisoformat(data)

                return ended_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ended_on = _parse_ended_on(d.pop("ended_on"))

        def _parse_level_reached(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        level_reached = _parse_level_reached(d.pop("level_reached"))

        certificate = d.pop("certificate")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        course_view = cls(
            id=id,
            kind=kind,
            provider=provider,
            enrolled_on=enrolled_on,
            starts_on=starts_on,
            target_level=target_level,
            status=status,
            ended_on=ended_on,
            level_reached=level_reached,
            certificate=certificate,
            reason=reason,
        )

        course_view.additional_properties = d
        return course_view

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
