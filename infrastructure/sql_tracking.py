"""Positions of the views kept in the store's own database: one row per view generation,
moved in the same transaction as the rows it accounts for (infrastructure/sql_views.py)."""
# SQL here is built from table names of our own; every value is a parameter.
# ruff: noqa: S608

from __future__ import annotations

from typing import Any

from eventsourcing.persistence import IntegrityError, Tracking

from infrastructure.sql_database import Database
from projections.base import BatchAlreadyApplied


class SqlTracking:
    """Positions of every view generation, one row each, next to the views' tables."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.table = db.table("projection_tracking")

    def create(self, cursor: Any) -> None:
        self.db.execute(
            cursor,
            f"CREATE TABLE IF NOT EXISTS {self.table} "
            "(projection TEXT PRIMARY KEY, notification_id BIGINT NOT NULL)",
        )

    def claim(self, cursor: Any, key: str, after: int | None, tracking: Tracking) -> None:
        """Moves the position from `after` to the batch's end, first thing in the batch's
        transaction: the row lock (PostgreSQL) or the write lock (SQLite) makes a second
        process applying the same entries wait, then find them applied."""
        if after is None:
            statement = (
                f"INSERT INTO {self.table} (projection, notification_id) VALUES (%s, %s) "
                "ON CONFLICT (projection) DO NOTHING RETURNING notification_id"
            )
            params: tuple[Any, ...] = (key, tracking.notification_id)
        else:
            statement = (
                f"UPDATE {self.table} SET notification_id = %s "
                "WHERE projection = %s AND notification_id = %s RETURNING notification_id"
            )
            params = (tracking.notification_id, key, after)
        self.db.execute(cursor, statement, params)
        if cursor.fetchone() is None:
            raise BatchAlreadyApplied(f"{key} has moved on from {after}")

    def record(self, cursor: Any, key: str, tracking: Tracking) -> None:
        """Moves the position forward, or fails: an entry is never applied twice."""
        self.db.execute(
            cursor,
            f"INSERT INTO {self.table} AS t (projection, notification_id) VALUES (%s, %s) "
            "ON CONFLICT (projection) DO UPDATE SET notification_id = excluded.notification_id "
            "WHERE t.notification_id < excluded.notification_id RETURNING notification_id",
            (key, tracking.notification_id),
        )
        if cursor.fetchone() is None:
            msg = f"{key} has already processed {tracking.notification_id}"
            raise IntegrityError(msg)

    def position(self, key: str) -> int | None:
        rows = self.db.select(
            f"SELECT notification_id FROM {self.table} WHERE projection = %s",
            (key,),
            {},
        )
        return int(rows[0]["notification_id"]) if rows else None

    def forget(self, cursor: Any, prefix: str) -> None:
        self.db.execute(
            cursor,
            f"DELETE FROM {self.table} WHERE projection LIKE %s",
            (f"%:{prefix}",),
        )
