"""Readiness: the store answers, and every read model runs somewhere and keeps up.

Asked on a connection of its own (never the request pool, which may be exhausted by
the very load a probe should see through), with short timeouts, so that `/readyz`
answers within two seconds whatever the requests are doing (DESIGN 8a).
"""
# SQL here is built from table names of our own; every value is a parameter.
# ruff: noqa: S608

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import psycopg
from psycopg.conninfo import make_conninfo

from infrastructure.heartbeats import STALE_SECONDS, Heartbeat, heartbeat_of, latest_statement
from infrastructure.heartbeats import TABLE as HEARTBEATS
from infrastructure.projection_registry import TABLE as VERSIONS
from infrastructure.projection_runner import FAILED
from infrastructure.settings import Settings

PROBE_TIMEOUT_S = 1.5


class StoreUnreachable(Exception):
    """The probe could not ask the store within its timeout."""


@dataclass(frozen=True)
class ProjectionReadiness:
    name: str
    version: int
    ready: bool
    state: str
    position: int | None
    lag_events: int | None
    lag_seconds: float | None
    problem: str | None = None


@dataclass(frozen=True)
class Readiness:
    head: int | None
    projections: list[ProjectionReadiness] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return all(p.ready for p in self.projections)

    @property
    def problems(self) -> list[str]:
        return [f"{p.name}: {p.problem}" for p in self.projections if p.problem]


def judge(
    names: Iterable[str],
    versions: dict[str, int],
    heartbeats: Sequence[Heartbeat],
    max_lag_seconds: float,
) -> list[ProjectionReadiness]:
    """Each read model's readiness from the heartbeats of its serving generation."""
    judged = []
    for name in names:
        version = versions.get(name, 1)
        alive = [
            h
            for h in heartbeats
            if h.name == name and h.version == version and h.age_seconds <= STALE_SECONDS
        ]
        running = [h for h in alive if h.state != FAILED]
        best = min(running or alive, key=lambda h: h.lag_seconds, default=None)
        if best is None:
            problem = f"no worker has reported for {STALE_SECONDS:g} s"
        elif not running:
            problem = "its workers failed (see GET /v1/admin/projections)"
        elif best.lag_seconds > max_lag_seconds:
            problem = f"{best.lag_seconds:.0f} s behind (at most {max_lag_seconds:g} s)"
        else:
            problem = None
        judged.append(
            ProjectionReadiness(
                name=name,
                version=version,
                ready=problem is None,
                state=best.state if best else "absent",
                position=best.position if best else None,
                lag_events=best.lag_events if best else None,
                lag_seconds=best.lag_seconds if best else None,
                problem=problem,
            )
        )
    return judged


class StoreProbe:
    """Reads the head, the serving generations and the heartbeats on its own connection."""

    def __init__(self, settings: Settings, events_table: str) -> None:
        self.settings = settings
        self.events_table = events_table
        self._conn: Any = None
        self._lock = threading.Lock()

    def readiness(self, names: Iterable[str]) -> Readiness:
        head, versions, heartbeats = self.read()
        max_lag = self.settings.ready_max_lag_seconds
        return Readiness(head, judge(names, versions, heartbeats, max_lag))

    def read(self) -> tuple[int | None, dict[str, int], list[Heartbeat]]:
        """Raises StoreUnreachable when the store does not answer."""
        with self._lock:
            try:
                return self._read()
            except (psycopg.Error, sqlite3.Error, OSError) as error:
                self.close()
                raise StoreUnreachable(type(error).__name__) from None

    def _read(self) -> tuple[int | None, dict[str, int], list[Heartbeat]]:
        conn = self._connection()
        kind = "sqlite" if isinstance(conn, sqlite3.Connection) else "postgres"
        id_column = "rowid" if kind == "sqlite" else "notification_id"
        rows = self._select(conn, f"SELECT MAX({id_column}) FROM {self._table(self.events_table)}")
        head = rows[0][0] if rows and rows[0][0] is not None else None
        versions = {
            str(r[0]): int(r[1])
            for r in self._select(conn, f"SELECT name, version FROM {self._table(VERSIONS)}")
        }
        latest = latest_statement(kind, self._table(HEARTBEATS))
        heartbeats = [heartbeat_of(r) for r in self._select(conn, latest)]
        return head, versions, heartbeats

    def _table(self, name: str) -> str:
        if self.settings.store == "sqlite":
            return name
        return f'"{self.settings.postgres_schema or "public"}"."{name}"'

    def _select(self, conn: Any, statement: str) -> list[Any]:
        """Rows of a statement; none when its table does not exist yet (a new store)."""
        try:
            return list(conn.execute(statement).fetchall())
        except (psycopg.errors.UndefinedTable, sqlite3.OperationalError) as error:
            if isinstance(error, sqlite3.OperationalError) and "no such table" not in str(error):
                raise
            return []

    def _connection(self) -> Any:
        if self._conn is not None:
            return self._conn
        s = self.settings
        if s.store == "sqlite":
            if not s.sqlite_path.exists():
                raise OSError("the SQLite store has not been created yet")
            self._conn = sqlite3.connect(
                f"file:{s.sqlite_path}?mode=ro", uri=True, timeout=PROBE_TIMEOUT_S
            )
        else:
            self._conn = psycopg.connect(
                make_conninfo("", **s.postgres_connection_kwargs()),
                connect_timeout=2,  # libpq's least; the endpoint gives up sooner anyway
                autocommit=True,
                options=f"-c statement_timeout={int(PROBE_TIMEOUT_S * 1000)}",
            )
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):  # a broken connection may fail to close
                self._conn.close()
            self._conn = None
