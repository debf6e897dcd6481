"""A throwaway PostgreSQL database per test run: created on first use, dropped at the end."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest

ADMIN_DSN = os.environ.get(
    "IPLAN_TEST_POSTGRES_DSN", "host=127.0.0.1 port=5432 user=postgres dbname=postgres"
)
REQUIRED = os.environ.get("IPLAN_TEST_POSTGRES") == "required"


def _admin() -> psycopg.Connection[tuple[object, ...]]:
    return psycopg.connect(ADMIN_DSN, autocommit=True, connect_timeout=3)


@contextmanager
def temporary_database() -> Iterator[str]:
    """Yields a new, empty database; skips (or fails, when required) without a server."""
    try:
        admin = _admin()
    except psycopg.OperationalError as error:
        if REQUIRED:
            pytest.fail(f"PostgreSQL is required (IPLAN_TEST_POSTGRES=required): {error}")
        pytest.skip(f"no PostgreSQL server: {error}")
    name = f"iplan_test_{uuid.uuid4().hex[:12]}"
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        with _admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def drop_tables(dbname: str) -> None:
    """Empties a test database between tests by dropping its schema's tables and types."""
    dsn = ADMIN_DSN.replace("dbname=postgres", f"dbname={dbname}")
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")
        # The analytics read model keeps its tables in a schema of its own.
        conn.execute("DROP SCHEMA IF EXISTS analytics CASCADE")
