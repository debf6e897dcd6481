from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ConsultationView")


@_attrs_define
class ConsultationView:
    """
    Attributes:
        version (int):
        held_on (datetime.date):
        duration_minutes (int):
        setting (str):
        interpreter_language (None | str):
        topics (list[str]):
        notes (None | str):
    """

    version: int
    held_on: datetime.date
    duration_minutes: int
    setting: str
    interpreter_language: None | str
    topics: list[str]
    notes: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        held_on = self.held_on.isoformat()

        duration_minutes = self.duration_minutes

        setting = self.setting

        interpreter_language: None | str
        interpreter_language = self.interpreter_language

        topics = self.topics

        notes: None | str
        notes = self.notes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "version": version,
                "held_on": held_on,
                "duration_minutes": duration_minutes,
                "setting": setting,
                "interpreter_language": interpreter_language,
                "topics": topics,
                "notes": notes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        version = d.pop("version")

        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        duration_minutes = d.pop("duration_minutes")

        setting = d.pop("setting")

        def _parse_interpreter_language(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        interpreter_language = _parse_interpreter_language(d.pop("interpreter_language"))

        topics = cast(list[str], d.pop("topics"))

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        consultation_view = cls(
            version=version,
            held_on=held_on,
            duration_minutes=duration_minutes,
            setting=setting,
            interpreter_language=interpreter_language,
            topics=topics,
            notes=notes,
        )

        consultation_view.additional_properties = d
        return consultation_view

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
