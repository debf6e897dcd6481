"""A plan's state: the fold of its effective entries, with one part per kind of entry.

The plan-wide facts (where, who, since when, open or closed) are fields of `PlanState`.
Each kind of entry keeps its items in a `Part` that its own module declares (the goals
by id, the consultations in order, ...), so that a new kind of entry adds a module in
`domain/entries/` and leaves this one alone. `state[GOALS]` reads a part, typed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import singledispatch
from typing import Any, ClassVar, Generic, TypeVar, overload

from domain.entry import PlanEvent

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
S = TypeVar("S", bound="PlanState")


class Part(Generic[T_co]):
    """The key to one kind's items in a plan's state; also a descriptor, so that a state
    class can show a part under a name (`goals = GOALS`, see domain/plan.py)."""

    declared: ClassVar[list[Part[Any]]] = []
    name: str
    empty: Callable[[], T_co]

    def __init__(self, name: str, empty: Callable[[], T_co]) -> None:
        if any(part.name == name for part in Part.declared):
            raise ValueError(f"a part named {name} is already declared")
        self.name = name
        self.empty = empty
        Part.declared.append(self)

    @overload
    def __get__(self, state: None, owner: type[Any]) -> Part[T_co]: ...

    @overload
    def __get__(self, state: PlanState, owner: type[Any]) -> T_co: ...

    def __get__(self, state: PlanState | None, owner: type[Any]) -> Part[T_co] | T_co:
        return self if state is None else state[self]


def _every_part_empty() -> dict[str, Any]:
    # Created up front, so that two states of the same entries compare equal.
    return {part.name: part.empty() for part in Part.declared}


@dataclass
class PlanState:
    municipality: str = ""
    caseworker: str = ""
    opened_on: date = date.min
    advice_period_ends_on: date = date.min
    extended: bool = False
    status: str = "open"
    closed_on: date | None = None
    closure_reason: str | None = None
    profile: dict[str, Any] = field(default_factory=dict)
    personal: dict[str, Any] | None = None
    file_number: str | None = None
    parts: dict[str, Any] = field(default_factory=_every_part_empty, repr=False)

    def __getitem__(self, part: Part[T]) -> T:
        try:
            items: T = self.parts[part.name]
        except KeyError:
            items = self.parts[part.name] = part.empty()
        return items

    @property
    def is_closed(self) -> bool:
        return self.status == "closed"

    @property
    def is_erased(self) -> bool:
        return self.status == "erased"


@singledispatch
def fold_entry(entry: PlanEvent, state: PlanState) -> None:
    """Folds one entry into the state; each kind's module registers its fold steps.

    Runs on every replay: a fold step never raises on stored history, never reads a clock.
    """
    raise NotImplementedError(f"no fold step for {type(entry).__name__}")


def fold(entries: Iterable[PlanEvent], into: S) -> S:
    """The state `into` (a fresh one) after `entries`."""
    for entry in entries:
        fold_entry(entry, into)
    return into
