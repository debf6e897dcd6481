"""Which generation of each view serves, kept beside the views so every process agrees,
and the old generations waiting out their grace period before they are dropped."""

# SQL here is built from table names of our own; every value is a parameter.
# ruff: noqa: S608
from __future__ import annotations

import threading
from collections.abc import Callable

from infrastructure.sql_database import Database

TABLE = "projection_versions"


class VersionRegistry:
    """Which generation of each view serves; kept in the database so restarts agree."""

    def __init__(self, db: Database | None) -> None:
        self.db = db
        self._memory: dict[str, int] = {}
        if db is not None:
            self.table = db.table(TABLE)
            with db.transaction(commit=True) as cursor:
                if db.kind == "postgres":
                    db.execute(cursor, "SELECT pg_advisory_xact_lock(4851733)")
                db.execute(
                    cursor,
                    f"CREATE TABLE IF NOT EXISTS {self.table} "
                    "(name TEXT PRIMARY KEY, version INTEGER NOT NULL)",
                )

    def get(self, name: str) -> int:
        if self.db is None:
            return self._memory.get(name, 1)
        rows = self.db.select(
            f"SELECT version FROM {self.table} WHERE name = %s",
            (name,),
            {},
        )
        return int(rows[0]["version"]) if rows else 1

    def set(self, name: str, version: int) -> None:
        if self.db is None:
            self._memory[name] = version
            return
        with self.db.transaction(commit=True) as cursor:
            self.db.execute(
                cursor,
                f"INSERT INTO {self.table} (name, version) VALUES (%s, %s) "
                "ON CONFLICT (name) DO UPDATE SET version = excluded.version",
                (name, version),
            )


class PendingDrop:
    """An old generation to drop after a grace period (by a timer), or at stop, whichever
    comes first, and only once: a stop waits for a timer already dropping it."""

    def __init__(self, drop: Callable[[], None], delay: float | None) -> None:
        self._drop = drop
        self._lock = threading.Lock()
        self._done = False
        self._timer = None if delay is None else threading.Timer(delay, self.now)
        if self._timer is not None:
            self._timer.daemon = True
            self._timer.start()

    def now(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        with self._lock:
            if not self._done:
                self._done = True
                self._drop()
