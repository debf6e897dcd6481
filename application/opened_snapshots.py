"""Plans as their snapshots hold them, opened once and copied for each read.

Opening a snapshot costs what the plan's state holds: checking its tag, decrypting it,
parsing it and making its items (a plan of 1,000 entries: about 2 ms on SQLite, more than
the plain read of its rows). A plan's history is read at many versions (an auditor stepping
through it, its history page), and every read at a version opens the latest snapshot at or
before it. So the plan each snapshot opens to is kept, and every read gets a copy of it
(`FoldedPlan.copied`: its own state and parts, sharing the items, which fold steps never
change in place).

Kept only for exactly the bytes stored: a snapshot changed in the database is opened again
(and its tag checked again), a deleted one is not read at all. A plan whose key was
destroyed is never served from here: the caller checks that first, as opening its snapshot
would. Bounded by the stored bytes kept (the plans in memory take several times that).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from uuid import UUID

from eventsourcing.persistence import StoredEvent

from domain.plan import IntegrationPlan

Opener = Callable[[StoredEvent], IntegrationPlan]
# Stored bytes of the snapshots kept: 4 MB is a hundred snapshots of 1,000-entry plans, or
# thousands of an ordinary plan's.
BUDGET_BYTES = 4 * 1024 * 1024


class OpenedSnapshots:
    def __init__(self, opener: Opener, budget_bytes: int = BUDGET_BYTES) -> None:
        self._open = opener
        self.budget_bytes = budget_bytes
        self._plans: OrderedDict[tuple[UUID | str, int], tuple[bytes, IntegrationPlan]] = (
            OrderedDict()
        )
        self._bytes = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        """How many opened plans are kept."""
        return len(self._plans)

    def plan(self, stored: StoredEvent) -> IntegrationPlan:
        """The plan as the stored snapshot holds it: a copy of its own for the caller."""
        key = (stored.originator_id, stored.originator_version)
        with self._lock:
            kept = self._plans.get(key)
            if kept is not None and kept[0] == stored.state:
                self._plans.move_to_end(key)
                return kept[1].copied()
        plan = self._open(stored)
        copy = plan.copied()
        self._keep(key, bytes(stored.state), plan)
        return copy

    def forget(self, plan_id: UUID) -> None:
        """Lets go of the plan's opened snapshots (its key was destroyed: it was erased)."""
        with self._lock:
            for key in [key for key in self._plans if key[0] == plan_id]:
                self._bytes -= len(self._plans.pop(key)[0])

    def _keep(self, key: tuple[UUID | str, int], state: bytes, plan: IntegrationPlan) -> None:
        if len(state) > self.budget_bytes:
            return
        with self._lock:
            replaced = self._plans.pop(key, None)
            if replaced is not None:
                self._bytes -= len(replaced[0])
            self._plans[key] = (state, plan)
            self._bytes += len(state)
            while self._bytes > self.budget_bytes:
                _, (dropped, _) = self._plans.popitem(last=False)
                self._bytes -= len(dropped)
