"""Projection workers' heartbeats, kept in the store so that every API process can tell
whether the read models run and keep up, wherever they run (DESIGN 8a "Readiness")."""
# SQL here is built from table names of our own; every value is a parameter.
# ruff: noqa: S608

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from typing import Any

from infrastructure.sql_views import Database

TABLE = "projection_heartbeats"
# Workers beat every HEARTBEAT_SECONDS; one silent for STALE_SECONDS is taken for gone.
HEARTBEAT_SECONDS = 2.0
STALE_SECONDS = 10.0
# One process's workers: a heartbeat names where it came from.
WORKER_ID = f"{socket.gethostname()}:{os.getpid()}"


@dataclass(frozen=True)
class Heartbeat:
    """The last word of one worker on one projection generation."""

    name: str
    version: int
    worker: str
    state: str
    position: int
    lag_events: int
    lag_seconds: float
    age_seconds: float  # how long ago, by the database's clock


def create_statement(db: Database) -> str:
    return (
        f"CREATE TABLE IF NOT EXISTS {db.table(TABLE)} (name TEXT NOT NULL, "
        "version INTEGER NOT NULL, worker TEXT NOT NULL, state TEXT NOT NULL, "
        "position BIGINT NOT NULL, lag_events BIGINT NOT NULL, lag_seconds REAL NOT NULL, "
        f"at {db.type_of('ts')} NOT NULL, PRIMARY KEY (name, version, worker))"
    )


def _now(db: Database) -> str:
    # The database's clock, so that processes with drifting clocks still agree.
    return "now()" if db.kind == "postgres" else "strftime('%Y-%m-%dT%H:%M:%f', 'now')"


class Heartbeats:
    """Writes this process's heartbeats; reads everyone's."""

    def __init__(self, db: Database, worker: str = WORKER_ID) -> None:
        self.db = db
        self.worker = worker
        self.table = db.table(TABLE)
        self._created = False

    def _create(self, cursor: Any) -> None:
        if not self._created:
            self.db.execute(cursor, create_statement(self.db))
            self._created = True

    def beat(
        self,
        *,
        name: str,
        version: int,
        state: str,
        position: int,
        lag_events: int,
        lag_seconds: float,
    ) -> None:
        # The datastore's own transaction: a heartbeat is no view update (and must not
        # share a view's fate, e.g. a test's injected failure before a view commits).
        with self.db.datastore.transaction(commit=True) as cursor:
            self._create(cursor)
            self.db.execute(
                cursor,
                f"INSERT INTO {self.table} (name, version, worker, state, position, "
                f"lag_events, lag_seconds, at) VALUES (%s, %s, %s, %s, %s, %s, %s, "
                f"{_now(self.db)}) ON CONFLICT (name, version, worker) DO UPDATE SET "
                "state = excluded.state, position = excluded.position, "
                "lag_events = excluded.lag_events, lag_seconds = excluded.lag_seconds, "
                "at = excluded.at",
                (name, version, self.worker, state, position, lag_events, lag_seconds),
            )

    def forget(self, name: str, version: int) -> None:
        """This process stopped running the generation (a clean stop)."""
        with self.db.datastore.transaction(commit=True) as cursor:
            self._create(cursor)
            self.db.execute(
                cursor,
                f"DELETE FROM {self.table} WHERE name = %s AND version = %s AND worker = %s",
                (name, version, self.worker),
            )


def latest_statement(kind: str, table: str) -> str:
    """Every heartbeat in `table` with its age in seconds, by the database's clock."""
    if kind == "postgres":
        age = "EXTRACT(EPOCH FROM (now() - at))"
    else:
        age = "(julianday('now') - julianday(at)) * 86400.0"
    return (
        "SELECT name, version, worker, state, position, lag_events, lag_seconds, "
        f"{age} AS age_seconds FROM {table}"
    )


def heartbeat_of(row: Any) -> Heartbeat:
    return Heartbeat(
        name=str(row[0]),
        version=int(row[1]),
        worker=str(row[2]),
        state=str(row[3]),
        position=int(row[4]),
        lag_events=int(row[5]),
        lag_seconds=float(row[6]),
        age_seconds=float(row[7]),
    )
