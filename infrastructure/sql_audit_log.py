"""The audit log view on SQLite and PostgreSQL."""
# SQL here is built from table and column names of our own; every value is a parameter.
# ruff: noqa: S608

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from typing import Any

from eventsourcing.persistence import Tracking

from infrastructure.sql_database import Database
from infrastructure.sql_views import SqlTables, TableSpec
from projections import audit_log as al
from projections.base import UNCHECKED, After

RECORDS = "records"
AUDIT_TABLES = (
    TableSpec(
        RECORDS,
        (
            ("kind", "text"),
            ("seq", "int"),
            ("plan_id", "uuid"),
            ("version", "int"),
            ("type", "text"),
            ("actor", "text"),
            ("role", "text"),
            ("correlation_id", "text"),
            ("recorded_at", "ts"),
            ("effective_on", "date"),
            ("retracted_by", "int"),
        ),
        indexes=(("plan_id", "version"), ("actor", "recorded_at"), ("recorded_at",)),
        primary_key=("kind", "seq"),
    ),
)
COLUMNS = tuple(f.name for f in fields(al.AuditRecord))


class SqlAuditLogView(al.AuditLogView):
    def __init__(self, db: Database, version: int = 1) -> None:
        self.version = version
        self.db = db
        self.tables = SqlTables(db, self.name, version, AUDIT_TABLES)

    def tracking_name(self, application_name: str) -> str:
        return f"{application_name}:{self.tables.generation}"

    def record(
        self,
        records: Sequence[al.AuditRecord],
        retractions: Sequence[al.Retraction],
        tracking: Tracking,
        *,
        after: After = UNCHECKED,
    ) -> None:
        self.tables.create()
        # Made ready before the transaction: it holds SQLite's one write lock.
        values = self.tables.values(RECORDS, [vars(r) for r in records])
        retracted = [self.db.params((t.by_version, t.plan_id, t.version)) for t in retractions]
        with self.db.transaction(commit=True) as cursor:
            if after is not UNCHECKED:
                self.tables.tracking.claim(cursor, self.tables.key(tracking), after, tracking)
            self.tables.insert_stored(cursor, RECORDS, values)
            if retracted:
                cursor.executemany(
                    self.db.sql(
                        f"UPDATE {self.tables.name(RECORDS)} SET retracted_by = %s "
                        "WHERE kind = 'entry' AND plan_id = %s AND version = %s"
                    ),
                    retracted,
                )
            if after is UNCHECKED:
                self.tables.tracking.record(cursor, self.tables.key(tracking), tracking)

    def insert_tracking(self, tracking: Tracking) -> None:
        self.record((), (), tracking)

    def max_tracking_id(self, application_name: str) -> int | None:
        return self.tables.position(application_name)

    def drop(self) -> None:
        self.tables.drop()

    def dump(self) -> dict[str, list[dict[str, Any]]]:
        return self.tables.dump()

    def entries(
        self, query: al.AuditQuery, *, limit: int = 100, cursor: str | None = None
    ) -> al.AuditPage:
        where = ""
        params: list[Any] = []
        for column, op, value in (
            ("actor", "=", query.actor),
            ("plan_id", "=", query.plan_id),
            ("recorded_at", ">=", query.recorded_from),
            ("recorded_at", "<", query.recorded_to),
            ("kind", "=", query.kind),
        ):
            if value is not None:
                where += f" AND {column} {op} %s"
                params.append(value)
        if cursor is not None:
            where += " AND (recorded_at, kind, seq) > (%s, %s, %s)"
            params.extend(al.decode_cursor(cursor))
        rows = self.tables.select(
            f"SELECT * FROM {{records}} WHERE 1 = 1{where} "
            f"ORDER BY recorded_at, kind, seq LIMIT {int(limit) + 1}",
            params,
        )
        items = [al.AuditRecord(**{c: r[c] for c in COLUMNS}) for r in rows]
        page = items[:limit]
        more = len(items) > limit
        return al.AuditPage(page, al.encode_cursor(page[-1]) if more and page else None)
