"""Consultations held with the person: when, how long, where, with which interpreter, on what."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain import errors
from domain.entry import PlanEvent, entry
from domain.rules import LANGUAGE, check_entry, one_of, text
from domain.state import Part, PlanState, fold_entry
from domain.vocabulary import CONSULTATION_SETTINGS, FIELDS_OF_ACTION


@entry
class ConsultationHeld(PlanEvent):
    duration_minutes: int
    setting: str
    interpreter_language: str | None
    topics: list[str]


@dataclass
class Consultation:
    version: int
    held_on: date
    duration_minutes: int
    setting: str
    interpreter_language: str | None
    topics: list[str]
    notes: str | None


CONSULTATIONS: Part[list[Consultation]] = Part("consultations", list)


@check_entry.register
def check_consultation(entry: ConsultationHeld, state: PlanState) -> None:
    if not 1 <= entry.duration_minutes <= 24 * 60:
        raise errors.InvalidValue("duration_minutes must be between 1 and 1440")
    one_of(entry.setting, CONSULTATION_SETTINGS, "setting")
    if entry.interpreter_language is not None and not LANGUAGE.fullmatch(
        entry.interpreter_language
    ):
        raise errors.InvalidValue("interpreter_language must be an ISO 639 code or null")
    for topic in entry.topics:
        one_of(topic, FIELDS_OF_ACTION, "topics")
    text(entry.personal_value("notes"), "notes", required=False)


@fold_entry.register
def add_consultation(entry: ConsultationHeld, state: PlanState) -> None:
    state[CONSULTATIONS].append(
        Consultation(
            version=entry.originator_version,
            held_on=entry.effective_on,
            duration_minutes=entry.duration_minutes,
            setting=entry.setting,
            interpreter_language=entry.interpreter_language,
            topics=list(entry.topics),
            notes=entry.personal_value("notes"),
        )
    )
