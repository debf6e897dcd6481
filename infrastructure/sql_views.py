"""Views in the event store's own database (SQLite or PostgreSQL), written once for both.

Every write runs in one transaction with the view's tracking record, so each entry
is applied exactly once, also after a crash. Tables are named per view generation
(`<view>_v<n>_<table>`) so that a rebuild can fill a new generation beside the old.
"""
# SQL here is built from table and column names of our own; every value is a parameter.
# ruff: noqa: S608

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any
from uuid import UUID

from eventsourcing.persistence import Tracking

from infrastructure.sql_database import Columns, Database, Kind
from infrastructure.sql_tracking import SqlTracking
from projections.base import UNCHECKED, After, PlanRows, canonical

# Database is imported from here by the views written before sql_database.py existed.
__all__ = ["Database", "SqlTables", "SqlTracking", "TableSpec"]


@dataclass(frozen=True)
class TableSpec:
    name: str
    columns: Columns
    indexes: tuple[tuple[str, ...], ...] = ()
    primary_key: tuple[str, ...] = ()
    # False: not a plan's own rows (aggregates kept by the view itself), never replaced per plan.
    per_plan: bool = True
    # SQLite keeps the rows in primary-key order (WITHOUT ROWID): a range of the key is read
    # from neighbouring pages, not fetched row by row.
    clustered: bool = False
    # Many rows per plan of which an entry changes few: only the difference is written.
    diffed: bool = False


class SqlTables:
    """One view generation's tables: created on demand, dropped after a switch-over."""

    def __init__(
        self,
        db: Database,
        view: str,
        version: int,
        specs: Sequence[TableSpec],
        schema: str | None = None,
    ) -> None:
        self.db = db
        self.tracking = SqlTracking(db)
        self.generation = f"{view}:v{version}"
        self.prefix = f"{view}_v{version}" if schema is None else f"v{version}"
        self.schema = schema
        self.specs = {s.name: s for s in specs}
        self.kinds: dict[str, Kind] = {c: k for s in specs for c, k in s.columns}
        self.created = False
        self._creating = threading.Lock()

    def name(self, table: str) -> str:
        return self.db.table(f"{self.prefix}_{table}", self.schema)

    def create(self) -> None:
        if self.created:
            return
        with self._creating:
            if not self.created:
                self._create()

    def _create(self) -> None:
        if self.db.kind == "postgres" and self._in_place():
            self.created = True
            return
        with self.db.transaction(commit=True) as cursor:
            if self.db.kind == "postgres":
                # Concurrent CREATE ... IF NOT EXISTS can still collide on PostgreSQL.
                self.db.execute(cursor, "SELECT pg_advisory_xact_lock(4851733)")
            if self.schema and self.db.kind == "postgres":
                self.db.execute(cursor, f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"')
            self.tracking.create(cursor)
            for spec in self.specs.values():
                columns = ", ".join(f"{c} {self.db.type_of(k)}" for c, k in spec.columns)
                if spec.primary_key:
                    columns += f", PRIMARY KEY ({', '.join(spec.primary_key)})"
                clustered = " WITHOUT ROWID" if spec.clustered and self.db.kind == "sqlite" else ""
                self.db.execute(
                    cursor,
                    f"CREATE TABLE IF NOT EXISTS {self.name(spec.name)} ({columns}){clustered}",
                )
                self._add_missing_columns(cursor, spec)
                self._create_indexes(cursor, spec)
        self.created = True

    def _in_place(self) -> bool:
        """PostgreSQL: whether every table, column and index is there already, read from the
        catalog. The DDL of `_create` locks tables even when it changes nothing, and a second
        process making its views while the first one's workers write could deadlock."""
        tables = [self.name(spec.name) for spec in self.specs.values()]
        with self.db.transaction(commit=False) as cursor:
            self.db.execute(
                cursor,
                "SELECT t.name, to_regclass(t.name)::oid AS oid FROM unnest(%s::text[]) AS t(name)",
                ([self.tracking.table, *tables],),
            )
            oids = {row["name"]: row["oid"] for row in cursor.fetchall()}
            if any(oid is None for oid in oids.values()):
                return False
            self.db.execute(
                cursor,
                "SELECT attrelid AS oid, attname FROM pg_attribute "
                "WHERE attrelid = ANY(%s::oid[]) AND attnum > 0 AND NOT attisdropped",
                ([oids[t] for t in tables],),
            )
            present = {(row["oid"], row["attname"]) for row in cursor.fetchall()}
            wanted = [self._index_names(spec) for spec in self.specs.values()]
            self.db.execute(
                cursor,
                "SELECT indexname FROM pg_indexes WHERE schemaname = %s",
                (self.schema or self.db.schema,),
            )
            indexes = {row["indexname"] for row in cursor.fetchall()}
        return all(
            (oids[self.name(spec.name)], column) in present
            for spec in self.specs.values()
            for column, _ in spec.columns
        ) and all(name in indexes for names in wanted for name in names)

    def _index_names(self, spec: TableSpec) -> list[str]:
        names = [f"{self.prefix}_{spec.name}_{i}" for i in range(len(spec.indexes))]
        if self.schema and self.db.kind == "sqlite":
            return [f"{self.schema}_{name}" for name in names]
        return names

    def _create_indexes(self, cursor: Any, spec: TableSpec) -> None:
        for name, index in zip(self._index_names(spec), spec.indexes, strict=True):
            self.db.execute(
                cursor,
                f"CREATE INDEX IF NOT EXISTS {name} ON {self.name(spec.name)} ({', '.join(index)})",
            )

    def refill(self, cursor: Any, table: str, fill: Callable[[], None]) -> None:
        """Replaces every row of a table: empties it, lets `fill()` write the rows, then
        makes the indexes, as a bulk load is fastest. SQLite keeps its primary key (a
        clustered table is its key: fill in key order); PostgreSQL builds the key after the
        fill too, in one sort (filling the keyed table took 1.4x as long, measured)."""
        spec = self.specs[table]
        postgres = self.db.kind == "postgres"
        for name in self._index_names(spec):
            schema = f'"{self.schema}".' if self.schema and postgres else ""
            self.db.execute(cursor, f"DROP INDEX IF EXISTS {schema}{name}")
        if postgres and spec.primary_key:
            self._drop_primary_key(cursor, table)
        self.db.execute(cursor, f"DELETE FROM {self.name(table)}")
        fill()
        if postgres and spec.primary_key:
            key = ", ".join(spec.primary_key)
            self.db.execute(cursor, f"ALTER TABLE {self.name(table)} ADD PRIMARY KEY ({key})")
        self._create_indexes(cursor, spec)
        if postgres:
            self.db.execute(cursor, f"ANALYZE {self.name(table)}")  # plans fit the new rows

    def _drop_primary_key(self, cursor: Any, table: str) -> None:
        self.db.execute(
            cursor,
            "SELECT conname FROM pg_constraint WHERE conrelid = to_regclass(%s) AND contype = 'p'",
            (self.name(table),),
        )
        for row in cursor.fetchall():
            self.db.execute(
                cursor, f'ALTER TABLE {self.name(table)} DROP CONSTRAINT "{row["conname"]}"'
            )

    def _add_missing_columns(self, cursor: Any, spec: TableSpec) -> None:
        """A table made by an older release gets the columns added since (null until the
        plan's rows are next written: upgrades record an entry on every plan for that)."""
        table = self.name(spec.name)
        if self.db.kind == "postgres":
            for column, kind in spec.columns:
                self.db.execute(
                    cursor,
                    f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS "
                    f"{column} {self.db.type_of(kind)}",
                )
            return
        self.db.execute(cursor, f"PRAGMA table_info({table})")
        present = {row["name"] for row in cursor.fetchall()}
        for column, kind in spec.columns:
            if column not in present:
                self.db.execute(
                    cursor, f"ALTER TABLE {table} ADD COLUMN {column} {self.db.type_of(kind)}"
                )

    def drop(self) -> None:
        with self.db.transaction(commit=True) as cursor:
            for spec in self.specs.values():
                # CASCADE: on PostgreSQL the analysts' views may still point at the table.
                cascade = " CASCADE" if self.db.kind == "postgres" else ""
                self.db.execute(cursor, f"DROP TABLE IF EXISTS {self.name(spec.name)}{cascade}")
            self.tracking.create(cursor)
            self.tracking.forget(cursor, self.generation)
        self.created = False

    def key(self, tracking: Tracking) -> str:
        return f"{tracking.application_name}:{self.generation}"

    def position(self, application_name: str) -> int | None:
        self.create()
        return self.tracking.position(f"{application_name}:{self.generation}")

    def delete_plans(self, cursor: Any, table: str, plan_ids: list[UUID]) -> None:
        self.db.execute_in(cursor, f"DELETE FROM {self.name(table)} WHERE plan_id {{in}}", plan_ids)

    def write_difference(
        self, cursor: Any, table: str, plan_ids: list[UUID], ready: list[Sequence[Any]]
    ) -> None:
        """Makes the plans' stored rows equal `ready` (made by `values`) by deleting only the
        stored rows not among them and inserting only those not stored: an entry changes few
        of a plan's many rows, and the write lock is held for what changed."""
        row_id = "rowid" if self.db.kind == "sqlite" else "ctid"
        columns = self.columns(table)
        stored = self.db.execute_in(
            cursor,
            f"SELECT {row_id}, {', '.join(columns)} FROM {self.name(table)} WHERE plan_id {{in}}",
            plan_ids,
            fetch=True,
        )
        wanted = Counter(tuple(row) for row in ready)
        gone = []
        pick = itemgetter(*columns)
        for row in stored:  # sqlite3.Row or a dict: both by name
            kept = pick(row)
            if wanted[kept] > 0:
                wanted[kept] -= 1
            else:
                gone.append(row[row_id])
        self.db.execute_in(
            cursor, f"DELETE FROM {self.name(table)} WHERE {row_id} {{in}}", gone, array="tid"
        )
        self.insert_stored(cursor, table, list(wanted.elements()))

    def insert_values(self, cursor: Any, table: str, rows: Sequence[Sequence[Any]]) -> None:
        """Rows given as values in the table's column order."""
        self.insert_stored(cursor, table, self.stored(table, rows))

    def insert_stored(self, cursor: Any, table: str, values: Sequence[Sequence[Any]]) -> None:
        """Rows already made ready by `values` or `stored`."""
        self.db.insert_rows(cursor, self.name(table), self.columns(table), values)

    def columns(self, table: str) -> list[str]:
        return [c for c, _ in self.specs[table].columns]

    def values(self, table: str, rows: Sequence[Mapping[str, Any]]) -> list[Sequence[Any]]:
        """Rows (by column name) as the store takes them, in the table's column order."""
        columns = self.columns(table)
        pick = itemgetter(*columns)
        picked = [pick(r) for r in rows] if len(columns) > 1 else [(pick(r),) for r in rows]
        return self.stored(table, picked)

    def stored(self, table: str, rows: Sequence[Sequence[Any]]) -> list[Sequence[Any]]:
        return self.db.stored([kind for _, kind in self.specs[table].columns], rows)

    def replace_plans(
        self,
        rows: Mapping[UUID, PlanRows],
        tracking: Tracking,
        after: After = UNCHECKED,
        before: Callable[[Any], None] | None = None,
    ) -> None:
        """Deletes and re-inserts each plan's rows, with the tracking record, in one go.

        `before(cursor)` runs in the same transaction while the plans' old rows are
        still there (a view keeping aggregates takes the old contributions out). The
        rows are made ready first: the transaction (SQLite's one write lock) is held
        only for the writes."""
        self.create()
        per_plan = [t for t, spec in self.specs.items() if spec.per_plan] if rows else []
        ready = {
            t: self.values(t, [r for pr in rows.values() for r in pr.get(t, ())]) for t in per_plan
        }
        with self.db.transaction(commit=True) as cursor:
            if after is not UNCHECKED:
                self.tracking.claim(cursor, self.key(tracking), after, tracking)
            if before is not None and rows:
                before(cursor)
            for table in per_plan:
                if self.specs[table].diffed:
                    self.write_difference(cursor, table, list(rows), ready[table])
                    continue
                self.delete_plans(cursor, table, list(rows))
                self.insert_stored(cursor, table, ready[table])
            if after is UNCHECKED:
                self.tracking.record(cursor, self.key(tracking), tracking)

    def dump(self) -> dict[str, list[dict[str, Any]]]:
        return {t: canonical(self.select(f"SELECT * FROM {{{t}}}")) for t in self.specs}

    def select(self, statement: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Runs a query in which `{table}` placeholders name this generation's tables."""
        self.create()
        names = {t: self.name(t) for t in self.specs}
        return self.db.select(statement.format(**names), params, self.kinds)
