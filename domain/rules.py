"""The rules of DESIGN section 3 and 8a: the plan-wide ones, the per-kind dispatcher, shared checks.

`check` is used both when a command records an entry and when a retraction refolds the
remaining entries, so each rule is written once. Each kind of entry registers its own
rule with `check_entry` in its module under `domain/entries/`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from datetime import date
from functools import singledispatch
from typing import Any, TypeVar
from uuid import UUID

from eventsourcing.domain import Aggregate

from domain import errors
from domain.context import EntryContext, EntryPolicy
from domain.entry import PlanEvent
from domain.state import PlanState, fold_entry
from domain.vocabulary import ROLES, add_years

# Used with fullmatch: `$` would also match before a trailing newline, and `\d` any
# Unicode digit (e.g. Arabic-Indic), neither of which is an official key or code.
AGS = re.compile(r"[0-9]{8}")
LANGUAGE = re.compile(r"[a-z]{2,3}")  # ISO 639-1 or -3
MAX_TEXT = 10_000
Item = TypeVar("Item")


def check(entry: PlanEvent, state: PlanState, ctx: EntryContext | None) -> None:
    """Raises a DomainError if `entry` may not follow `state`.

    `ctx` is the recording command's context: with it, the clock and the county's policy
    are checked too; without it (re-checking stored entries) only the plan's own rules.
    """
    if not isinstance(entry.effective_on, date):
        raise errors.InvalidValue("the entry's date must be a calendar date")
    if not isinstance(entry, Aggregate.Created):  # the opening: there is no plan yet
        check_plan_accepts(entry, state)
    if ctx is not None:
        check_plausible_dates(entry, ctx)
    one_of(entry.role, ROLES, "role")
    check_entry(entry, state)
    if ctx is not None:
        check_known_municipalities(entry, ctx.policy)


def check_plan_accepts(entry: PlanEvent, state: PlanState) -> None:
    if state.is_erased and not entry.ACCEPTED_WHEN_ERASED:
        raise errors.PlanErased(
            "the plan's personal data was erased; it accepts no further entries"
        )
    if state.is_closed and not entry.ACCEPTED_WHEN_CLOSED:
        raise errors.PlanClosed("the plan is closed; reopen it first")
    if entry.effective_on < state.opened_on:
        raise errors.EffectiveDateBeforeOpening(
            f"the date {entry.effective_on} lies before the plan was opened ({state.opened_on})"
        )
    if entry.effective_on > state.advice_period_ends_on and not entry.ACCEPTED_AFTER_ADVICE_PERIOD:
        raise errors.AdvicePeriodEnded(
            f"the advice period ended on {state.advice_period_ends_on}; extend it first"
        )


def check_plausible_dates(entry: PlanEvent, ctx: EntryContext) -> None:
    """DESIGN 3 and 8a: nothing happened in the future or before the earliest date; due,
    target and start dates lie between the earliest date and `years_ahead` from today."""
    if entry.effective_on > ctx.today:
        raise errors.EffectiveDateInFuture(
            f"the date {entry.effective_on} lies in the future (today is {ctx.today})"
        )
    policy = ctx.policy
    if entry.effective_on < policy.earliest_date:
        raise errors.ImplausibleDate(
            f"the date {entry.effective_on} lies before {policy.earliest_date}, "
            "the earliest date this service accepts"
        )
    latest = add_years(ctx.today, policy.years_ahead)
    for name, day in entry.dates_ahead().items():
        if not isinstance(day, date) or not policy.earliest_date <= day <= latest:
            raise errors.ImplausibleDate(
                f"{name} must lie between {policy.earliest_date} and {latest}, "
                f"at most {policy.years_ahead} years ahead"
            )


def check_known_municipalities(entry: PlanEvent, policy: EntryPolicy) -> None:
    """DESIGN 8a: a plan is in one of the county's municipalities, whoever records it."""
    for municipality in entry.municipalities_named():
        if policy.municipalities is not None and municipality not in policy.municipalities:
            raise errors.UnknownMunicipality(
                f"{municipality} is not one of the county's municipalities"
            )


@singledispatch
def check_entry(entry: PlanEvent, state: PlanState) -> None:
    """The rules of one kind of entry; each kind's module registers its own."""


def refold_checked(entries: Iterable[PlanEvent]) -> PlanState:
    """The state after `entries`, re-applying the plan's rules on the way (vets a retraction)."""
    state = PlanState()
    for entry in entries:
        check(entry, state, None)
        fold_entry(entry, state)
    return state


# -- checks the kinds share ---------------------------------------------------------------


def one_of(value: Any, allowed: Collection[Any], name: str) -> None:
    if value not in allowed:
        choices = ", ".join(str(choice) for choice in sorted(allowed))
        raise errors.InvalidValue(f"{name} must be one of: {choices} (not {value!r})")


def text(value: Any, name: str, *, required: bool = True) -> None:
    if value is None and not required:
        return
    if not isinstance(value, str) or (required and not value.strip()) or len(value) > MAX_TEXT:
        raise errors.InvalidValue(
            f"{name} must be a non-empty text of at most {MAX_TEXT} characters"
        )


def municipality_key(value: str) -> None:
    if not isinstance(value, str) or not AGS.fullmatch(value):
        raise errors.InvalidValue(
            f"municipality must be an 8-digit official key (AGS), not {value!r}"
        )


def not_before(day: date, earliest: date, name: str) -> None:
    if day < earliest:
        raise errors.InvalidValue(f"{name} ({day}) must not lie before {earliest}")


def existing(items: Mapping[UUID, Item], item_id: UUID, what: str) -> Item:
    """The plan's item `item_id`; `what` names its kind in words ("goal", "measure")."""
    try:
        return items[item_id]
    except KeyError:
        raise errors.UnknownReference(f"the plan has no {what} {item_id}") from None
