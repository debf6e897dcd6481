"""Throwaway stores for benchmarks, and plain-SQL access to the same rows for baselines."""

from __future__ import annotations

import json
import sqlite3
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg

from infrastructure.settings import Settings

ADMIN_DSN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres"


@contextmanager
def benchmark_settings(store: str) -> Iterator[Settings]:
    """Settings on a new, empty SQLite directory or PostgreSQL database, removed afterwards."""
    if store == "sqlite":
        with tempfile.TemporaryDirectory() as data_dir:
            yield Settings(store="sqlite", data_dir=Path(data_dir))
        return
    name = f"iplan_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(ADMIN_DSN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield Settings(store="postgres", postgres_dbname=name)
    finally:
        with psycopg.connect(ADMIN_DSN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def plain_connection(settings: Settings) -> Iterator[Any]:
    """A plain DB-API connection to the settings' database (the baseline's tool)."""
    if settings.store == "sqlite":
        # One per writer thread in the append baseline, made before the threads start.
        lite = sqlite3.connect(settings.sqlite_path, timeout=30, check_same_thread=False)
        try:
            yield lite
        finally:
            lite.close()
        return
    dsn = ADMIN_DSN.replace("dbname=postgres", f"dbname={settings.postgres_dbname}")
    with psycopg.connect(dsn, autocommit=True) as conn:
        yield conn


def placeholder(settings: Settings) -> str:
    return "?" if settings.store == "sqlite" else "%s"


def report(result: dict[str, Any]) -> None:
    print(json.dumps(result, indent=2))
