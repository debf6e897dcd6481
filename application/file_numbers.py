"""File numbers (Aktenzeichen): the port that hands them out, and the upgrade of old plans.

A file number is the year the plan was opened and a running number in that year,
`2026-00042`. The store's register hands them out: one per plan (asking again for the
same plan answers the same number, so a retried opening keeps it), never the same
number twice, in any process. A number handed out for an opening that was then refused
stays unused: file numbers may have gaps, never duplicates.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from dataclasses import dataclass
from uuid import UUID

# Who records the file numbers given on upgrade, in the plans' histories.
UPGRADE_ACTOR = "system-upgrade"


def format_file_number(year: int, number: int) -> str:
    return f"{year:04d}-{number:05d}"


class FileNumbers(ABC):
    """The county's register of file numbers."""

    @abstractmethod
    def reserve(self, plan_id: UUID, year: int, *, confirmed: bool = True) -> str:
        """The plan's file number: the one it was given, or the next of `year`.

        `confirmed=False` (upgrade): the number is not in the plan's history yet;
        `confirm` says it is once the entry is recorded.
        """

    def reserve_many(self, plans: list[tuple[UUID, int]]) -> dict[UUID, str]:
        """Reserves for each (plan, year) in turn, as `reserve` does, all at once (a bulk
        load: the SQL registers do it in one transaction)."""
        return {plan_id: self.reserve(plan_id, year) for plan_id, year in plans}

    @abstractmethod
    def confirm(self, plan_id: UUID) -> None:
        """The plan's history now holds its number."""

    @abstractmethod
    def unnumbered(self) -> list[UUID]:
        """Plans whose history may hold no file number yet (opened before they existed, or
        whose upgrade entry was interrupted)."""

    @abstractmethod
    def upgraded(self) -> bool:
        """Whether every plan of the store was found numbered once (so no process needs
        to look again: every plan opened since got its number at opening)."""

    @abstractmethod
    def mark_upgraded(self) -> None:
        """Records that every plan is numbered."""


@dataclass
class _Given:
    number: str
    confirmed: bool


class MemoryFileNumbers(FileNumbers):
    """The register of the memory store (and of plans built without a store)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last: dict[int, int] = {}
        self._given: dict[UUID, _Given] = {}
        self._upgraded = False

    def reserve(self, plan_id: UUID, year: int, *, confirmed: bool = True) -> str:
        with self._lock:
            given = self._given.get(plan_id)
            if given is None:
                self._last[year] = self._last.get(year, 0) + 1
                given = _Given(format_file_number(year, self._last[year]), confirmed)
                self._given[plan_id] = given
            return given.number

    def confirm(self, plan_id: UUID) -> None:
        with self._lock:
            if plan_id in self._given:
                self._given[plan_id].confirmed = True

    def upgraded(self) -> bool:
        return self._upgraded

    def mark_upgraded(self) -> None:
        self._upgraded = True

    def unnumbered(self) -> list[UUID]:
        # The memory store starts empty: every plan in it was opened with a number.
        with self._lock:
            return [plan_id for plan_id, given in self._given.items() if not given.confirmed]
