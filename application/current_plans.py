"""Current plans kept between commands: a plan saved by a command stays in memory and is
advanced by the entries recorded since (by other processes), instead of being read back
and refolded from a snapshot for every command (issue 14: one load per write, none when
cached).

The store stays the authority, and optimistic concurrency decides: a command runs on the
plan in memory, and if another process recorded something meanwhile, the save conflicts
(the versions collide) and the command runs again on the plan advanced by the entries
recorded since (`take(..., fresh=True)`: one indexed query). A refusal on a plan that may
be behind is looked at again the same way before it is answered. A plan is taken out of
the cache for a command and put back only once its save succeeded (or the command was
refused before it changed anything), so a failed command never leaves a half-changed
plan behind; one command at a time per plan runs in this process (`locked`).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any
from uuid import UUID

from domain.errors import HistoryNeeded
from domain.plan import IntegrationPlan

Loader = Callable[[UUID], IntegrationPlan]
NewerEntries = Callable[[UUID, int], Iterable[Any]]
STRIPES = 1024


class CurrentPlans:
    def __init__(
        self, load: Loader, load_history: Loader, newer: NewerEntries, maxsize: int = 2048
    ) -> None:
        self._load = load
        self._load_history = load_history
        self._newer = newer
        self.maxsize = maxsize
        self._plans: OrderedDict[UUID, IntegrationPlan] = OrderedDict()
        self._lock = threading.Lock()
        self._stripes = [threading.Lock() for _ in range(STRIPES)]

    @contextmanager
    def locked(self, plan_id: UUID) -> Iterator[None]:
        """One command at a time per plan in this process (plans share a few locks)."""
        with self._stripes[hash(plan_id) % STRIPES]:
            yield

    def take(
        self, plan_id: UUID, *, fresh: bool = False, history: bool = False
    ) -> tuple[IntegrationPlan, bool]:
        """The plan, and whether it is known to be as the store has it now: loaded, or
        (`fresh`) the cached one advanced by the entries recorded since; otherwise the
        cached one as this process last saved it. `history`: with its entries in memory
        (loaded from them if it has none)."""
        with self._lock:
            plan = self._plans.pop(plan_id, None)
        if plan is None or (history and plan.entries is None):
            return (self._load_history if history else self._load)(plan_id), True
        if fresh:
            try:
                for entry in self._newer(plan_id, plan.version):
                    entry.mutate(plan)
            except HistoryNeeded:  # a correction recorded elsewhere refolds the plan
                return self._load_history(plan_id), True
        return plan, fresh

    def keep(self, plan: IntegrationPlan) -> None:
        """Puts a plan back once what its command recorded is stored."""
        with self._lock:
            self._plans[plan.id] = plan
            self._plans.move_to_end(plan.id)
            while len(self._plans) > self.maxsize:
                self._plans.popitem(last=False)

    def forget(self, plan_id: UUID) -> None:
        with self._lock:
            self._plans.pop(plan_id, None)
