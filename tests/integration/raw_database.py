"""Looks at a store the way an intruder would: raw bytes and rows, past the application."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from typing import Any

import psycopg

from application.plans import IntegrationPlans
from infrastructure.settings import Settings
from tests.postgres import ADMIN_DSN

EVENTS_TABLE = {"sqlite": "stored_events", "postgres": "integrationplans_events"}
_HEX = re.compile(r"\\\\?x([0-9a-f]+)")


def raw_bytes(settings: Settings, plans: IntegrationPlans) -> bytes:
    """Everything the store holds, as bytes: files for SQLite, every row for PostgreSQL."""
    if settings.store == "sqlite":
        files = [settings.sqlite_path, *settings.sqlite_path.parent.glob("*.sqlite3-*")]
        return b"".join(path.read_bytes() for path in files if path.exists())
    if settings.store == "postgres":
        return _postgres_rows(settings)
    stored = [*plans.recorder.select_notifications(start=None, limit=1_000_000)]
    assert plans.snapshots is not None
    stored += plans.snapshots.recorder._stored_events  # type: ignore[attr-defined]
    return b"".join(s.state for s in stored)


def _postgres_rows(settings: Settings) -> bytes:
    chunks: list[bytes] = []
    with postgres(settings) as conn:
        tables = conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        ).fetchall()
        for (table,) in tables:
            for (text,) in conn.execute(f'SELECT t::text FROM public."{table}" t').fetchall():
                chunks.append(text.encode())
                # bytea columns show as hex: look inside them too.
                chunks.extend(bytes.fromhex(h) for h in _HEX.findall(text) if len(h) % 2 == 0)
    return b"\n".join(chunks)


@contextmanager
def postgres(settings: Settings) -> Iterator[psycopg.Connection[tuple[Any, ...]]]:
    dsn = ADMIN_DSN.replace("dbname=postgres", f"dbname={settings.postgres_dbname}")
    with psycopg.connect(dsn, autocommit=True) as conn:
        yield conn


def execute(settings: Settings, statement: str, *params: Any) -> None:
    """Runs one statement straight on the database (`?` placeholders)."""
    if settings.store == "sqlite":
        with closing(sqlite3.connect(settings.sqlite_path)) as lite, lite:
            lite.execute(statement, params)
        return
    with postgres(settings) as pg:
        pg.execute(statement.replace("?", "%s"), params)


def fetch_one(settings: Settings, statement: str, *params: Any) -> tuple[Any, ...] | None:
    """Reads one row straight from the database (`?` placeholders)."""
    if settings.store == "sqlite":
        with closing(sqlite3.connect(settings.sqlite_path)) as lite:
            row: tuple[Any, ...] | None = lite.execute(statement, params).fetchone()
            return row
    with postgres(settings) as pg:
        return pg.execute(statement.replace("?", "%s"), params).fetchone()


def plan_key(settings: Settings, plan_id: Any) -> Any:
    """How the store writes a plan id in its tables."""
    return plan_id.hex if settings.store == "sqlite" else plan_id
