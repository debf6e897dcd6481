"""The analytics view's tables for analysts: the cells it keeps, and the tables read from them.

A year's table is computed once per metric, breakdown and read-model position (all
levels at once, since suppression links them) and kept for the next query.
"""

from __future__ import annotations

import threading
from abc import abstractmethod
from collections import OrderedDict
from collections.abc import Collection, Mapping
from typing import Any
from uuid import UUID

from eventsourcing.persistence import Tracking

from projections.base import UNCHECKED, After, PlanRows
from projections.figure_cells import (
    CONTRIBUTIONS,
    CellKey,
    Totals,
    cell_row,
    decode,
    delta,
    merged,
    summed,
)
from projections.figure_tables import TableCell, TableQuery, figures_of_year
from projections.memory import MemoryPlanRowsView
from projections.periods import level_of

CELLS = "cells"
CACHED_TABLES = 64


class FigureTables:
    """Tables from the cells: a view implements `figure_rows`.

    While a new generation is filled from the whole log (a rebuild), its cells are not
    kept batch by batch, which would rewrite most of them every batch: `defer_cells`, then
    `derive_cells` sums them once from the plans' contributions when the generation has
    caught up, and from then on they are kept batch by batch again.
    """

    _table_cache: OrderedDict[tuple[Any, ...], list[TableCell]]
    _table_lock: threading.Lock
    deferred_cells: bool = False

    def defer_cells(self) -> None:
        self.deferred_cells = True

    @abstractmethod
    def derive_cells(self) -> None:
        """Sums the cells from the plans' contributions; keeps them batch by batch after."""

    @abstractmethod
    def figure_rows(self, metric: str, year: int, by: str) -> list[tuple[CellKey, Totals]]:
        """The cells of the metric in the year (every level), without breakdown and by `by`,
        and its open-ended cells up to the year's end."""

    def table(
        self,
        query: TableQuery,
        places: Collection[str],
        min_persons: int,
        position: int | None = None,
    ) -> list[TableCell]:
        """The table's cells at the query's level (`position`: the view's, to reuse a table)."""
        key = (query.metric, query.year, query.by, tuple(sorted(places)), min_persons, position)
        if not hasattr(self, "_table_lock"):
            self._table_lock = threading.Lock()
            self._table_cache = OrderedDict()
        with self._table_lock:
            year = self._table_cache.get(key) if position is not None else None
        if year is None:
            rows = self.figure_rows(query.metric, query.year, query.by)
            year = figures_of_year(query, rows, places, min_persons)
            if position is not None:
                with self._table_lock:
                    self._table_cache[key] = year
                    while len(self._table_cache) > CACHED_TABLES:
                        self._table_cache.popitem(last=False)
        return [c for c in year if level_of(c.period) == query.level]


def changes_of(
    rows: Mapping[UUID, PlanRows], old_rows: Mapping[UUID, Mapping[str, Any] | None]
) -> dict[CellKey, Totals]:
    """How the cells change when the plans' contributions are replaced by `rows`."""
    changes: dict[CellKey, Totals] = {}
    for plan_id, plan_rows in rows.items():
        old = old_rows.get(plan_id)
        new = plan_rows.get(CONTRIBUTIONS) or []
        delta(decode(old) if old else None, decode(new[0]) if new else None, changes)
    return changes


class MemoryFigureCells(MemoryPlanRowsView, FigureTables):
    """The cells in memory, changed under the same lock as the plans' rows."""

    def __init__(self, version: int = 1) -> None:
        super().__init__(version)
        self.cells: dict[CellKey, Totals] = {}

    def replace_plans(
        self, rows: Mapping[UUID, PlanRows], tracking: Tracking, *, after: After = UNCHECKED
    ) -> None:
        key = self.tracking_name(tracking.application_name)
        with self.store.tracking.lock:
            self.store.tracking.check(key, tracking, after)
            if self.deferred_cells:
                self.store.replace(key, rows, tracking, after)
                return
            old: dict[UUID, Mapping[str, Any] | None] = {}
            for plan_id in rows:
                previous = (self.store.rows_of(plan_id) or {}).get(CONTRIBUTIONS)
                old[plan_id] = previous[0] if previous else None
            kept, emptied = merged(self.cells, changes_of(rows, old))
            self.store.replace(key, rows, tracking, after)
            self.cells.update(kept)
            for cell in emptied:
                self.cells.pop(cell, None)

    def derive_cells(self) -> None:
        with self.store.tracking.lock:
            self.cells = summed(self.store.table(CONTRIBUTIONS))
            self.deferred_cells = False

    def figure_rows(self, metric: str, year: int, by: str) -> list[tuple[CellKey, Totals]]:
        first, after, opened = f"{year:04d}", f"{year + 1:04d}", f"open:{year + 1:04d}"
        with self.store.tracking.lock:
            return [
                (k, list(t))
                for k, t in self.cells.items()
                if k[2] == metric
                and k[3] in ("", by)
                and (first <= k[1] < after or "open:" <= k[1] < opened)
            ]

    def drop(self) -> None:
        with self.store.tracking.lock:
            super().drop()
            self.cells.clear()

    def dump(self) -> dict[str, list[dict[str, Any]]]:
        tables = super().dump()
        with self.store.tracking.lock:
            tables[CELLS] = sorted(
                (cell_row(k, t) for k, t in self.cells.items()), key=lambda r: str(r["cell"])
            )
        return tables
