from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.consultation_setting import ConsultationSetting
from ..models.field_of_action import FieldOfAction
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConsultationBody")


@_attrs_define
class ConsultationBody:
    """
    Attributes:
        held_on (datetime.date):
        duration_minutes (int):
        setting (ConsultationSetting):
        topics (list[FieldOfAction]):
        interpreter_language (None | str | Unset): ISO 639 code, or null without an interpreter
        notes (None | str | Unset):
    """

    held_on: datetime.date
    duration_minutes: int
    setting: ConsultationSetting
    topics: list[FieldOfAction]
    interpreter_language: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        held_on = self.held_on.isoformat()

        duration_minutes = self.duration_minutes

        setting = self.setting.value

        topics = []
        for topics_item_data in self.topics:
            topics_item = topics_item_data.value
            topics.append(topics_item)

        interpreter_language: None | str | Unset
        if isinstance(self.interpreter_language, Unset):
            interpreter_language = UNSET
        else:
            interpreter_language = self.interpreter_language

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "held_on": held_on,
                "duration_minutes": duration_minutes,
                "setting": setting,
                "topics": topics,
            }
        )
        if interpreter_language is not UNSET:
            field_dict["interpreter_language"] = interpreter_language
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        duration_minutes = d.pop("duration_minutes")

        setting = ConsultationSetting(d.pop("setting"))

        topics = []
        _topics = d.pop("topics")
        for topics_item_data in _topics:
            topics_item = FieldOfAction(topics_item_data)

            topics.append(topics_item)

        def _parse_interpreter_language(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        interpreter_language = _parse_interpreter_language(d.pop("interpreter_language", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        consultation_body = cls(
            held_on=held_on,
            duration_minutes=duration_minutes,
            setting=setting,
            topics=topics,
            interpreter_language=interpreter_language,
            notes=notes,
        )

        return consultation_body
