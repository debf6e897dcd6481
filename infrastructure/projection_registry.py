"""Which generation of each view serves, kept beside the views so every process agrees,
and the old generations waiting out their grace period before they are dropped."""

# SQL here is built from table names of our own; every value is a parameter.
# ruff: noqa: S608
from __future__ import annotations

import threading
from collections.abc import Callable

from infrastructure.sql_database import Database


class VersionRegistry:
    """Which generation of each view serves; kept in the database so restarts agree."""

    def __init__(self, db: Database | None) -> None:
        self.db = db
        self._memory: dict[str, int] = {}
        if db is not None:
            self.table = db.table("projection_versions")
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


class GraceDrops:
    """Drops a replaced generation after `delay` seconds: other processes keep reading it
    until they follow the switch-over (within their watch interval)."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self._pending: list[tuple[threading.Timer, Callable[[], None]]] = []

    def schedule(self, drop: Callable[[], None]) -> None:
        if self.delay <= 0:
            drop()
            return
        timer = threading.Timer(self.delay, drop)
        timer.daemon = True
        self._pending.append((timer, drop))
        timer.start()

    def drop_now(self) -> None:
        """Drops what still waits, while the store is open, instead of a timer doing it
        after the store was closed."""
        pending, self._pending = self._pending, []
        for timer, drop in pending:
            already_dropped = timer.finished.is_set()
            timer.cancel()
            if not already_dropped:
                drop()
