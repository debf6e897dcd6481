"""In-memory storage shared by the read models' in-memory views (tests, the memory store)."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from typing import Any
from uuid import UUID

from eventsourcing.persistence import IntegrityError, Tracking

from projections.base import (
    UNCHECKED,
    After,
    BatchAlreadyApplied,
    PlanRows,
    PlanRowsView,
    canonical,
)


class MemoryTracking:
    """Tracking kept beside the rows: the same lock guards both, so they change together."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self._positions: dict[str, int] = {}

    def check(self, key: str, tracking: Tracking, after: After = UNCHECKED) -> None:
        current = self._positions.get(key)
        if after is not UNCHECKED and current != after:
            raise BatchAlreadyApplied(f"{key} is at {current}, not {after}")
        if current is not None and current >= tracking.notification_id:
            msg = f"{key} already processed {current} >= {tracking.notification_id}"
            raise IntegrityError(msg)

    def record(self, key: str, tracking: Tracking) -> None:
        self._positions[key] = tracking.notification_id

    def position(self, key: str) -> int | None:
        with self.lock:
            return self._positions.get(key)

    def clear(self) -> None:
        with self.lock:
            self._positions.clear()


class MemoryPlanRows:
    """Rows per plan and table, replaced whole for each plan a batch touched."""

    def __init__(self) -> None:
        self.tracking = MemoryTracking()
        self._rows: dict[UUID, PlanRows] = {}

    def replace(
        self,
        key: str,
        rows: Mapping[UUID, PlanRows],
        tracking: Tracking,
        after: After = UNCHECKED,
    ) -> None:
        with self.tracking.lock:
            self.tracking.check(key, tracking, after)
            for plan_id, plan_rows in rows.items():
                self._rows[plan_id] = {t: [dict(r) for r in rs] for t, rs in plan_rows.items()}
            self.tracking.record(key, tracking)

    def rows_of(self, plan_id: UUID) -> PlanRows | None:
        """The plan's rows as last replaced (call under the tracking lock)."""
        return self._rows.get(plan_id)

    def table(self, name: str) -> Iterator[dict[str, Any]]:
        with self.tracking.lock:
            snapshot = list(self._rows.values())
        for plan_rows in snapshot:
            yield from plan_rows.get(name, ())

    def tables(self) -> list[str]:
        with self.tracking.lock:
            return sorted({t for plan_rows in self._rows.values() for t in plan_rows})

    def clear(self) -> None:
        with self.tracking.lock:
            self._rows.clear()
            self.tracking.clear()


class MemoryPlanRowsView(PlanRowsView):
    """The in-memory half of every plan-level view; the read model adds its queries."""

    def __init__(self, version: int = 1) -> None:
        self.version = version
        self.store = MemoryPlanRows()

    def replace_plans(
        self, rows: Mapping[UUID, PlanRows], tracking: Tracking, *, after: After = UNCHECKED
    ) -> None:
        key = self.tracking_name(tracking.application_name)
        self.store.replace(key, rows, tracking, after)

    def insert_tracking(self, tracking: Tracking) -> None:
        self.replace_plans({}, tracking)

    def max_tracking_id(self, application_name: str) -> int | None:
        return self.store.tracking.position(self.tracking_name(application_name))

    def drop(self) -> None:
        self.store.clear()

    def dump(self) -> dict[str, list[dict[str, Any]]]:
        return {t: canonical(self.store.table(t)) for t in self.store.tables()}
