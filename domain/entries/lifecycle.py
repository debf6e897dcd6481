"""A plan's own course: opening, handover, transfer, extension, corrections, closing, erasure.

These entries change the plan-wide facts of `PlanState` rather than a part of their own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from eventsourcing.domain import Aggregate

from domain import errors
from domain.entry import PlanEvent, entry
from domain.rules import (
    LANGUAGE,
    check_entry,
    municipality_key,
    not_before,
    one_of,
    refold_checked,
    text,
)
from domain.state import PlanState, fold_entry
from domain.vocabulary import (
    ADVICE_PERIOD_YEARS,
    CLOSURE_REASONS,
    EXTENDED_ADVICE_PERIOD_YEARS,
    GENDERS,
    RESIDENCE_STATUSES,
    add_years,
)

COUNTRY = re.compile(r"[A-Z]{2}")  # ISO 3166 alpha-2, used with fullmatch
FILE_NUMBER = re.compile(r"[0-9]{4}-[0-9]{5,}")  # year of opening, number in that year


@entry
class PlanOpened(PlanEvent, Aggregate.Created):
    NOT_RETRACTABLE = (
        "the opening of a plan cannot be retracted; "
        "if the plan was opened by mistake, close it (reason: other)"
    )
    municipality: str
    caseworker: str
    profile: dict[str, Any]
    # Plans opened before file numbers existed have none in their opening: they read it
    # as None, and got a FileNumberAssigned entry on upgrade (README, "Finding people").
    file_number: str | None = None

    def municipalities_named(self) -> tuple[str, ...]:
        return (self.municipality,)


@entry
class FileNumberAssigned(PlanEvent):
    """A file number given to a plan opened before file numbers existed (on upgrade)."""

    ACCEPTED_WHEN_CLOSED = True
    ACCEPTED_AFTER_ADVICE_PERIOD = True
    ACCEPTED_WHEN_ERASED = True  # an erased plan keeps its file number: it names no one
    NOT_RETRACTABLE = "a file number stays with its plan for the plan's whole life"
    file_number: str


@entry
class CaseworkerAssigned(PlanEvent):
    caseworker: str


@entry
class PlanTransferred(PlanEvent):
    municipality: str
    caseworker: str

    def municipalities_named(self) -> tuple[str, ...]:
        return (self.municipality,)


@entry
class AdvicePeriodExtended(PlanEvent):
    ACCEPTED_AFTER_ADVICE_PERIOD = True
    until: date


@entry
class EntryRetracted(PlanEvent):
    ACCEPTED_AFTER_ADVICE_PERIOD = True
    NOT_RETRACTABLE = (
        "a correction cannot itself be corrected; "
        "if an entry was retracted by mistake, record it again"
    )
    version: int


@entry
class PlanClosed(PlanEvent):
    ACCEPTED_AFTER_ADVICE_PERIOD = True
    reason: str


@entry
class PlanReopened(PlanEvent):
    ACCEPTED_WHEN_CLOSED = True
    ACCEPTED_AFTER_ADVICE_PERIOD = True


@entry
class PersonalDataErased(PlanEvent):
    ACCEPTED_WHEN_CLOSED = True
    ACCEPTED_AFTER_ADVICE_PERIOD = True
    NOT_RETRACTABLE = "an erasure of personal data cannot be undone"
    legal_basis: str


# -- rules ----------------------------------------------------------------------------------


@check_entry.register
def check_opening(entry: PlanOpened, state: PlanState) -> None:
    municipality_key(entry.municipality)
    text(entry.caseworker, "caseworker")
    if not isinstance(entry.profile, dict) or not isinstance(entry.personal, dict | None):
        raise errors.InvalidValue("profile and personal must be objects")
    check_profile(entry.profile, entry.effective_on)
    if entry.file_number is not None:
        file_number(entry.file_number)


def check_profile(profile: dict[str, Any], opened_on: date) -> None:
    birth_year = profile.get("birth_year")
    if not isinstance(birth_year, int) or not 1900 <= birth_year <= opened_on.year:
        raise errors.InvalidValue(
            "profile.birth_year must be a year between 1900 and the year the plan is opened"
        )
    one_of(profile.get("gender"), GENDERS, "profile.gender")
    if not COUNTRY.fullmatch(str(profile.get("nationality"))):
        raise errors.InvalidValue("profile.nationality must be an ISO 3166 alpha-2 code")
    one_of(profile.get("residence_status"), RESIDENCE_STATUSES, "profile.residence_status")
    household_size = profile.get("household_size")
    if not isinstance(household_size, int) or not 1 <= household_size <= 30:
        raise errors.InvalidValue("profile.household_size must be between 1 and 30")
    languages = profile.get("languages")
    if not isinstance(languages, list) or not all(LANGUAGE.fullmatch(str(x)) for x in languages):
        raise errors.InvalidValue("profile.languages must be ISO 639 codes")
    arrived_on = profile.get("arrived_on")
    if not isinstance(arrived_on, date) or arrived_on > opened_on:
        raise errors.InvalidValue("profile.arrived_on must be a date not after opened_on")


@check_entry.register
def check_file_number(entry: FileNumberAssigned, state: PlanState) -> None:
    if state.file_number is not None:
        raise errors.NothingChanged(f"the plan already has the file number {state.file_number}")
    file_number(entry.file_number)


def file_number(value: object) -> None:
    if not isinstance(value, str) or not FILE_NUMBER.fullmatch(value):
        raise errors.InvalidValue("file_number must look like 2026-00042")


@check_entry.register
def check_assignment(entry: CaseworkerAssigned, state: PlanState) -> None:
    text(entry.caseworker, "caseworker")
    if entry.caseworker == state.caseworker:
        raise errors.NothingChanged("the plan is already assigned to this caseworker")


@check_entry.register
def check_transfer(entry: PlanTransferred, state: PlanState) -> None:
    municipality_key(entry.municipality)
    text(entry.caseworker, "caseworker")
    if entry.municipality == state.municipality:
        raise errors.NothingChanged(
            "the plan is already in this municipality; to hand it over, assign a caseworker"
        )


@check_entry.register
def check_extension(entry: AdvicePeriodExtended, state: PlanState) -> None:
    if state.extended:
        raise errors.ExtensionRefused("the advice period can be extended only once")
    latest = add_years(state.opened_on, EXTENDED_ADVICE_PERIOD_YEARS)
    if not state.advice_period_ends_on < entry.until <= latest:
        raise errors.ExtensionRefused(
            f"the new end must lie after {state.advice_period_ends_on} and not after {latest}"
        )
    text(entry.personal_value("reason"), "reason")


@check_entry.register
def check_retraction_reason(entry: EntryRetracted, state: PlanState) -> None:
    text(entry.personal_value("reason"), "reason")


def check_retraction(
    entry: EntryRetracted, entries: Sequence[PlanEvent], retracted: Mapping[int, int]
) -> None:
    """A retraction names an entry the plan has, not retracted, that nothing later relies on.

    `entries` are the plan's effective entries, `retracted` maps each retracted entry's
    version to its retraction's.
    """
    version = entry.version
    if version in retracted:
        raise errors.RetractionRefused(
            f"entry {version} was already retracted (by entry {retracted[version]})"
        )
    target = next((e for e in entries if e.originator_version == version), None)
    if target is None:
        raise errors.RetractionRefused(f"the plan has no entry {version}")
    if target.NOT_RETRACTABLE is not None:
        raise errors.RetractionRefused(target.NOT_RETRACTABLE)
    try:
        refold_checked(e for e in entries if e is not target)
    except errors.DomainError as error:
        raise errors.RetractionRefused(
            f"entry {version} cannot be retracted: later entries depend on it ({error.message})"
        ) from None


@check_entry.register
def check_closure(entry: PlanClosed, state: PlanState) -> None:
    one_of(entry.reason, CLOSURE_REASONS, "reason")


@check_entry.register
def check_reopening(entry: PlanReopened, state: PlanState) -> None:
    if not state.is_closed or state.closed_on is None:
        raise errors.PlanNotClosed("the plan is open; only a closed plan can be reopened")
    not_before(entry.effective_on, state.closed_on, "reopened_on")
    text(entry.personal_value("reason"), "reason")


@check_entry.register
def check_erasure(entry: PersonalDataErased, state: PlanState) -> None:
    text(entry.legal_basis, "legal_basis")


# -- fold steps -----------------------------------------------------------------------------


@fold_entry.register
def open_plan(entry: PlanOpened, state: PlanState) -> None:
    state.municipality = entry.municipality
    state.caseworker = entry.caseworker
    state.opened_on = entry.effective_on
    state.advice_period_ends_on = add_years(entry.effective_on, ADVICE_PERIOD_YEARS)
    state.profile = dict(entry.profile)
    state.personal = None if entry.personal is None else dict(entry.personal)
    state.file_number = entry.file_number


@fold_entry.register
def give_file_number(entry: FileNumberAssigned, state: PlanState) -> None:
    state.file_number = entry.file_number


@fold_entry.register
def hand_over(entry: CaseworkerAssigned, state: PlanState) -> None:
    state.caseworker = entry.caseworker


@fold_entry.register
def move_plan(entry: PlanTransferred, state: PlanState) -> None:
    state.municipality = entry.municipality
    state.caseworker = entry.caseworker


@fold_entry.register
def extend_advice_period(entry: AdvicePeriodExtended, state: PlanState) -> None:
    state.advice_period_ends_on = entry.until
    state.extended = True


@fold_entry.register
def keep_retraction(entry: EntryRetracted, state: PlanState) -> None:
    """The plan refolds its entries without the retracted one; nothing to fold here."""


@fold_entry.register
def close_plan(entry: PlanClosed, state: PlanState) -> None:
    state.status = "closed"
    state.closed_on = entry.effective_on
    state.closure_reason = entry.reason


@fold_entry.register
def reopen_plan(entry: PlanReopened, state: PlanState) -> None:
    state.status = "open"
    state.closed_on = None
    state.closure_reason = None


@fold_entry.register
def erase_personal_data(entry: PersonalDataErased, state: PlanState) -> None:
    state.status = "erased"
    state.personal = None
