"""The key tables on PostgreSQL (infrastructure/key_tables.py has the protocol, the
statements both SQL stores share, and SQLite's)."""

# SQL here is built from table names of our own; every value is a parameter.

from __future__ import annotations

import time
from functools import partial
from typing import Any
from uuid import UUID

from eventsourcing.postgres import PostgresDatastore
from psycopg.sql import SQL, Identifier

from infrastructure.crypto import WrappedKey
from infrastructure.key_tables import (
    ERASURES_TABLE,
    KEY_TABLE,
    MASTERS_TABLE,
    SqlKeyTable,
    Stored,
    log,
)


class PostgresKeyTable(SqlKeyTable):
    def __init__(self, datastore: PostgresDatastore) -> None:
        self.datastore = datastore
        schema = Identifier(datastore.schema)
        self.keys, self.registry, self.erased = (
            SQL("{}.{}").format(schema, Identifier(name)).as_string()
            for name in (KEY_TABLE, MASTERS_TABLE, ERASURES_TABLE)
        )

    def _transaction(self, *, commit: bool) -> Any:
        return self.datastore.transaction(commit=commit)

    def create_table(self) -> None:
        with self.datastore.transaction(commit=True) as c:
            c.execute("SELECT pg_advisory_xact_lock(4851734)")  # concurrent first starts
            c.execute(
                f"CREATE TABLE IF NOT EXISTS {self.keys} (plan_id uuid PRIMARY KEY, "
                "key_id text NOT NULL, wrapped bytea NOT NULL)"
            )
            c.execute(
                f"CREATE TABLE IF NOT EXISTS {self.registry} (key_id text PRIMARY KEY, "
                "state text NOT NULL, since timestamptz NOT NULL)"
            )
            c.execute(
                f"CREATE TABLE IF NOT EXISTS {self.erased} (plan_id uuid PRIMARY KEY, "
                "key_id text NOT NULL, erased_at timestamptz NOT NULL)"
            )

    def insert_if_current(self, plan_id: UUID, wrapped: WrappedKey) -> Stored:
        with self.datastore.transaction(commit=True) as c:
            inserted = self._insert_one(c, plan_id, wrapped)
        return self._outcome(inserted, plan_id)

    def _insert_one(self, c: Any, plan_id: UUID, wrapped: WrappedKey) -> bool:
        self._insert_if_current(c, plan_id, wrapped, ("", "ON CONFLICT DO NOTHING"))
        return bool(c.rowcount == 1)

    def _lock_keys(self, c: Any) -> None:
        # SHARE mode conflicts with the inserts' ROW EXCLUSIVE: it waits for keys being
        # stored to commit and holds new ones back until the registry has changed, and
        # those then read the new registry (a statement's snapshot follows its locks).
        c.execute(f"LOCK TABLE {self.keys} IN SHARE MODE")

    def destroy(self, plan_id: UUID) -> None:
        with self.datastore.transaction(commit=True) as c:
            self._record_erasure(c, plan_id)
        self._shred()

    def _shred(self, attempts: int = 20) -> None:
        """A deleted row stays in the table's file as a dead tuple until vacuumed; the key
        table is small, so rewrite it now, leaving no copy in its files (WAL archives and
        backups keep one: `iplan keys status`). A transaction older than the delete keeps
        the dead row alive: try again while one does (a few seconds), then say so."""
        for attempt in range(attempts):
            notices: list[str] = []
            with self.datastore.get_connection() as conn:
                conn.add_notice_handler(partial(keep_detail, notices))
                conn.execute(f"VACUUM (FULL, VERBOSE) {self.keys}")
            kept = [n for n in notices if "cannot be removed yet" in n and not n.startswith("0 ")]
            if not kept:
                return
            time.sleep(0.05 * (attempt + 1))
        log.warning("erased_key_copy_kept", reason=kept[0])


def keep_detail(into: list[str], diagnostic: Any) -> None:
    """A PostgreSQL notice's detail line, kept for reading after the statement."""
    into.append(diagnostic.message_detail or "")
