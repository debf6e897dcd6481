"""Group commit: the entries of concurrent commands written in one transaction, under one
table lock, with one NOTIFY and one flush, each caller answered with its own positions.

The event table's exclusive lock is what keeps positions in commit order (readers never
skip an entry), and it caps writes at one transaction at a time. Callers arriving while a
transaction is under way queue up; when it commits, one of them leads the next
transaction for all of them. A caller's entries are stored all or none: if another
writer already stored one of its versions, it alone gets a conflict and retries on
fresh state, as it would have without the group.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from eventsourcing.persistence import IntegrityError, StoredEvent

from infrastructure.integrity import Link


@dataclass(eq=False)  # each write is itself: two alike must not be taken for one
class Write:
    """One caller's entries and their chain links, and what became of them."""

    events: Sequence[StoredEvent]
    links: Sequence[Link]
    ids: list[int] | None = None
    error: BaseException | None = None
    leads: bool = False
    done: threading.Event = field(default_factory=threading.Event)

    def versions(self) -> list[tuple[UUID, int]]:
        return [(_uuid(e.originator_id), e.originator_version) for e in self.events]


Writer = Callable[[list[Write]], None]


class GroupCommitter:
    """Hands concurrent callers' writes to `write_group`, as few transactions as can be."""

    def __init__(self, write_group: Writer) -> None:
        self._write_group = write_group
        self._lock = threading.Lock()
        self._queue: list[Write] = []
        self._busy = False

    def submit(self, events: Sequence[StoredEvent], links: Sequence[Link]) -> list[int]:
        write = Write(events, links)
        with self._lock:
            self._queue.append(write)
            if not self._busy:
                self._busy = write.leads = True
        if not write.leads:
            write.done.wait()
        if write.leads:
            self._lead()
        if write.error is not None:
            raise write.error
        assert write.ids is not None
        return write.ids

    def _lead(self) -> None:
        with self._lock:
            group, self._queue = self._queue, []
        try:
            self._write_group(group)
        except BaseException as error:
            for write in group:
                if write.ids is None and write.error is None:
                    write.error = error
        successor = None
        with self._lock:
            if self._queue:
                successor = self._queue[0]  # the oldest waiter writes the next group
                successor.leads = True
            else:
                self._busy = False
        for write in group:
            write.done.set()
        if successor is not None:
            successor.done.set()


def accepted(group: list[Write], stored: set[tuple[UUID, int]]) -> list[Write]:
    """The writes whose every version is new (first come, first served within the group);
    the others get a conflict."""
    taken = set(stored)
    winners = []
    for write in group:
        keys = write.versions()
        if any(k in taken for k in keys):
            write.error = IntegrityError(f"version conflict on {keys[0][0]}")
            continue
        taken.update(keys)
        winners.append(write)
    return winners


def losers_rows(
    group: list[Write], winners: list[Write], ids: dict[tuple[UUID, int], int]
) -> list[int]:
    """Rows a refused write had inserted before it turned out to conflict: removed again
    before the transaction commits, so a write is stored all or none."""
    won = {k for w in winners for k in w.versions()}
    return [
        ids[k] for w in group if w not in winners for k in w.versions() if k in ids and k not in won
    ]


def answer(winners: list[Write], ids: dict[tuple[UUID, int], int]) -> None:
    for write in winners:
        write.ids = [ids[k] for k in write.versions()]


def flat(writes: list[Write], pick: Callable[[StoredEvent], Any]) -> list[Any]:
    return [pick(e) for w in writes for e in w.events]


def _uuid(value: Any) -> UUID:
    return value if isinstance(value, UUID) else UUID(str(value))
