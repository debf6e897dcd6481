"""The analytics view's aggregated cells on SQLite and PostgreSQL.

Each batch takes the touched plans' old contributions out of the cells and puts the
new ones in, in the batch's transaction, so the cells always equal a rebuild.
"""
# SQL here is built from table and column names of our own; every value is a parameter.
# ruff: noqa: S608

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any
from uuid import UUID

from eventsourcing.persistence import Tracking

from infrastructure.sql_views import Database, SqlTables, TableSpec
from projections.base import UNCHECKED, After, PlanRows
from projections.figure_cells import (
    COLUMNS as CELL_COLUMNS,
)
from projections.figure_cells import (
    CONTRIBUTIONS,
    SEPARATOR,
    CellKey,
    Totals,
    cell_name,
    cell_values,
    key_of_row,
    merged,
    totals_of_row,
    vector_rows,
)
from projections.figure_metrics import BREAKDOWNS
from projections.figure_view import CELLS, FigureTables, changes_of
from projections.periods import OPEN

FIGURE_TABLES = (
    TableSpec(
        CONTRIBUTIONS,
        (("plan_id", "uuid"), ("categories", "text"), ("cells", "text")),
        primary_key=("plan_id",),
    ),
    TableSpec(
        CELLS,
        (
            ("cell", "text"),
            ("municipality", "text"),
            ("period", "text"),
            ("metric", "text"),
            ("by_dim", "text"),
            ("category", "text"),
            ("days", "int"),
            ("persons", "int"),
            ("value", "real"),
            ("part", "real"),
            ("part_persons", "int"),
            ("rest_persons", "int"),
        ),
        # Clustered by what a table reads (a metric's year, whole and by one breakdown);
        # changed cells are found by name. (Tables made before: key `cell`, index on
        # (metric, by_dim, period); both serve.)
        indexes=(("cell",),),
        primary_key=("metric", "by_dim", "period", "municipality", "category", "days"),
        per_plan=False,
        clustered=True,
    ),
)
# A rebuild's plans' vectors, summed into the cells by the store (derive_cells).
VECTORS = "iplan_cell_vectors"
CATEGORY_COLUMNS = tuple(f"category_{i}" for i in range(len(BREAKDOWNS)))
TOTAL_COLUMNS = ("persons", "value", "part", "part_persons", "rest_persons")
VECTOR_COLUMNS = ("municipality", "period", "metric", "days", *CATEGORY_COLUMNS, *TOTAL_COLUMNS)
VECTORS_PER_INSERT = 20_000
# PostgreSQL's memory for each grouping and sort of the summing (the default 4 MB spills them
# to disk): at 100,000 plans, 618 instead of 315 plans/s are summed into the cells (measured).
# The server takes at most this much twice over, for the summing's transaction only.
SUMMING_WORK_MEM = "64MB"


def fetch_in(
    db: Database, cursor: Any, table: str, column: str, values: Sequence[Any]
) -> list[dict[str, Any]]:
    rows = db.execute_in(cursor, f"SELECT * FROM {table} WHERE {column} {{in}}", values, fetch=True)
    return [dict(r) for r in rows]


def delete_in(db: Database, cursor: Any, table: str, column: str, values: Sequence[Any]) -> None:
    db.execute_in(cursor, f"DELETE FROM {table} WHERE {column} {{in}}", values)


def _streamed(db: Database, cursor: Any, table: str, size: int = 1000) -> Iterator[Any]:
    """The contributions rows in plan order, `size` in memory at a time."""
    last = None
    while True:
        after = "" if last is None else f"WHERE plan_id > {db.placeholders(1)} "
        db.execute(
            cursor,
            f"SELECT * FROM {table} {after}ORDER BY plan_id LIMIT {size}",
            () if last is None else (last,),
        )
        rows = cursor.fetchall()
        if not rows:
            return
        yield from rows
        last = rows[-1]["plan_id"]


class SqlFigureCells(FigureTables):
    """Keeps the cells beside the plans' rows; the analytics view mixes it in."""

    db: Database
    tables: SqlTables

    def replace_plans(
        self, rows: Mapping[UUID, PlanRows], tracking: Tracking, *, after: After = UNCHECKED
    ) -> None:
        if self.deferred_cells:
            self.tables.replace_plans(rows, tracking, after)
            return

        def take_out_and_put_in(cursor: Any) -> None:
            contributions = self.tables.name(CONTRIBUTIONS)
            ids = [self.db.param(p) for p in rows]
            old = {
                self.db.value("uuid", r["plan_id"]): r
                for r in fetch_in(self.db, cursor, contributions, "plan_id", ids)
            }
            changes = changes_of(rows, old)
            if not changes:
                return
            cells = self.tables.name(CELLS)
            names = [cell_name(k) for k in changes]
            current = {
                key_of_row(r): totals_of_row(r)
                for r in fetch_in(self.db, cursor, cells, "cell", names)
            }
            kept, _emptied = merged(current, changes)
            delete_in(self.db, cursor, cells, "cell", names)
            self.tables.insert_values(cursor, CELLS, [cell_values(k, t) for k, t in kept.items()])

        self.tables.replace_plans(rows, tracking, after, before=take_out_and_put_in)

    def derive_cells(self) -> None:
        """The cells summed by the database from every plan's vectors (figure_cells.
        vector_rows), streamed through a temporary table: the store groups them once per
        breakdown and writes the cells in their key's order."""
        self.tables.create()
        contributions = self.tables.name(CONTRIBUTIONS)
        with self.db.transaction(commit=True) as cursor:
            self.db.execute(cursor, self._vectors_table())
            if self.db.kind == "postgres":
                self.db.execute(cursor, f"SET LOCAL work_mem = '{SUMMING_WORK_MEM}'")
            batch: list[tuple[Any, ...]] = []
            for row in _streamed(self.db, cursor, contributions):
                batch += vector_rows(row)
                if len(batch) >= VECTORS_PER_INSERT:
                    self.db.insert_rows(cursor, VECTORS, VECTOR_COLUMNS, batch)
                    batch = []
            self.db.insert_rows(cursor, VECTORS, VECTOR_COLUMNS, batch)
            self.tables.refill(cursor, CELLS, lambda: self._cells_from_vectors(cursor))
            self.db.execute(cursor, f"DROP TABLE {VECTORS}")
        self.deferred_cells = False

    def _vectors_table(self) -> str:
        real = self.db.type_of("real")
        columns = [
            "municipality TEXT, period TEXT, metric TEXT",
            f"days {self.db.type_of('int')}",
            *(f"{c} TEXT" for c in CATEGORY_COLUMNS),
            *(f"{c} {real}" for c in TOTAL_COLUMNS),
        ]
        drop = " ON COMMIT DROP" if self.db.kind == "postgres" else ""
        return f"CREATE TEMPORARY TABLE {VECTORS} ({', '.join(columns)}){drop}"

    def _cells_from_vectors(self, cursor: Any) -> None:
        """Sums the vectors into the cells, the whole and each breakdown in turn, leaving out
        cells nobody is in (as figure_cells.summed does). Each statement writes its cells
        in the order they are grouped, the table's key order for its breakdown, so that a
        table's cells are read from neighbouring pages (on PostgreSQL too, whose key is
        built after the fill: refill)."""
        categories = ("''", *CATEGORY_COLUMNS)
        for by, category in zip(("", *BREAKDOWNS), categories, strict=True):
            # PostgreSQL refuses a constant to order by: the whole has no category column.
            group = (
                f"metric, period, municipality, {category}, days"
                if by
                else "metric, period, municipality, days"
            )
            parts = ["municipality", "period", "metric", f"'{by}'", category, "CAST(days AS TEXT)"]
            name = " || %s || ".join(parts)  # as figure_cells.cell_name
            rounded = "CAST(ROUND(SUM({})) AS INTEGER)"
            self.db.execute(
                cursor,
                f"INSERT INTO {self.tables.name(CELLS)} ({', '.join(CELL_COLUMNS)}) "
                f"SELECT {name}, municipality, period, metric, '{by}', {category}, days, "
                f"{rounded.format('persons')}, SUM(value), SUM(part), "
                f"{rounded.format('part_persons')}, {rounded.format('rest_persons')} "
                f"FROM {VECTORS} GROUP BY {group} HAVING ROUND(SUM(persons)) <> 0 "
                f"ORDER BY {group}",
                [SEPARATOR] * (len(parts) - 1),
            )

    def figure_rows(self, metric: str, year: int, by: str) -> list[tuple[CellKey, Totals]]:
        # Ranges of the clustered key (metric, by_dim, period) for the whole and the
        # breakdown: the year's periods; the open-ended keys of plans still open, those of
        # the year as they are and those from before it summed (they count in every period).
        self.tables.create()
        mark = self.db.placeholders(1)
        table = self.tables.name(CELLS)
        totals = "persons, value, part, part_persons, rest_persons"
        where = f"metric = {mark} AND by_dim IN ({mark}, {mark})"
        before = f"{OPEN}{year - 1:04d}-12"
        in_range = f"{where} AND period >= {mark} AND period < {mark}"
        cells = f"SELECT municipality, period, by_dim, category, days, {totals} FROM {table}"
        statement = (
            f"{cells} WHERE {in_range} UNION ALL {cells} WHERE {in_range} "
            f"UNION ALL SELECT municipality, {mark}, by_dim, category, days, "
            "SUM(persons), SUM(value), SUM(part), SUM(part_persons), SUM(rest_persons) "
            f"FROM {table} WHERE {in_range} GROUP BY municipality, by_dim, category, days"
        )
        whole_and_by = [metric, "", by]
        params = [
            *whole_and_by,
            f"{year:04d}",
            f"{year + 1:04d}",
            *whole_and_by,
            f"{OPEN}{year:04d}",
            f"{OPEN}{year + 1:04d}",
            before,
            *whole_and_by,
            OPEN,
            f"{OPEN}{year:04d}",
        ]
        return [
            ((r[0], r[1], metric, r[2], r[3], int(r[4])), [float(v) for v in r[5:]])
            for r in self.db.tuples(statement, params)  # PostgreSQL's sums are Decimals
        ]
