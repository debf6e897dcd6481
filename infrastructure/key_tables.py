"""Where the keys live beside the events: each plan's wrapped data key (`plan_keys`), which
master key wraps new keys (`master_keys`), and the erasures that destroyed keys
(`key_erasures`). No key is stored in the clear; master keys appear only by their id.

The registry makes rotation safe beside running services (DESIGN 8a): a data key is
stored only if it is wrapped by the master key the registry names current, checked in
the same statement; a rotation switches the registry under a lock that waits for
keys being stored, so that no key wrapped by the old master key can slip in after the
re-wrap has passed it.
"""
# SQL here is built from table names of our own; every value is a parameter.
# ruff: noqa: S608

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from typing import Any, Protocol
from uuid import UUID

import structlog
from eventsourcing.sqlite import SQLiteDatastore

from infrastructure.crypto import WrappedKey

KEY_TABLE = "plan_keys"
MASTERS_TABLE = "master_keys"
ERASURES_TABLE = "key_erasures"
CURRENT, PREVIOUS, RETIRED = "current", "previous", "retired"
log = structlog.get_logger("iplan.keys")


class Stored(Enum):
    STORED = "stored"
    PRESENT = "present"  # the plan had a key already (a concurrent writer's)
    NOT_CURRENT = "not_current"  # the wrapping master key is no longer the current one


@dataclass(frozen=True)
class Erasure:
    plan_id: UUID
    wrapping_key_id: str  # the master key that wrapped the destroyed key (in old backups)
    erased_at: datetime


class KeyTable(Protocol):
    def select(self, plan_id: UUID) -> WrappedKey | None: ...

    def insert_if_current(self, plan_id: UUID, wrapped: WrappedKey) -> Stored: ...

    def insert_new(self, rows: list[tuple[UUID, WrappedKey]]) -> list[UUID]:
        """Inserts many plans' keys in one transaction, each as `insert_if_current` does;
        answers the plans whose key was stored."""
        ...

    def replace(self, plan_id: UUID, old: WrappedKey, new: WrappedKey) -> None: ...

    def destroy(self, plan_id: UUID) -> None:
        """Records the erasure and deletes the key, leaving no copy in the table's files."""
        ...

    def select_all(self) -> list[tuple[UUID, WrappedKey]]: ...

    def erasure(self, plan_id: UUID) -> Erasure | None: ...

    def erasures(self) -> list[Erasure]: ...

    def masters(self) -> dict[str, str]:
        """Master key id -> current, previous or retired."""
        ...

    def adopt(self, key_id: str) -> None:
        """Names `key_id` current if no master key is registered yet (a new or older store)."""
        ...

    def switch(self, key_id: str) -> None:
        """Makes `key_id` current and the current one previous, once no key is being stored."""
        ...

    def retire(self, key_id: str) -> bool:
        """Retires a previous master key that wraps no stored key any more; answers whether
        it is retired now."""
        ...


class SqlKeyTable:
    """What the SQLite and PostgreSQL tables share: the statements, written once."""

    mark = "%s"

    def _sql(self, statement: str) -> str:
        return statement.replace("%s", self.mark)

    def _id(self, plan_id: UUID) -> Any:
        return plan_id

    def _plan(self, value: Any) -> UUID:
        return value if isinstance(value, UUID) else UUID(value)

    def _transaction(self, *, commit: bool) -> Any:
        raise NotImplementedError

    def _now(self) -> Any:
        return datetime.now(UTC)

    def select(self, plan_id: UUID) -> WrappedKey | None:
        with self._transaction(commit=False) as c:
            c.execute(
                self._sql(f"SELECT key_id, wrapped FROM {self.keys} WHERE plan_id = %s"),
                (self._id(plan_id),),
            )
            row = c.fetchone()
        return None if row is None else (str(row["key_id"]), bytes(row["wrapped"]))

    def insert_new(self, rows: list[tuple[UUID, WrappedKey]]) -> list[UUID]:
        stored = []
        with self._transaction(commit=True) as c:
            for plan_id, wrapped in rows:
                if self._insert_one(c, plan_id, wrapped):
                    stored.append(plan_id)
        return stored

    def _insert_one(self, c: Any, plan_id: UUID, wrapped: WrappedKey) -> bool:
        """Inserts a key wrapped by the current master key unless the plan has one."""
        raise NotImplementedError

    def replace(self, plan_id: UUID, old: WrappedKey, new: WrappedKey) -> None:
        with self._transaction(commit=True) as c:
            c.execute(
                self._sql(
                    f"UPDATE {self.keys} SET key_id = %s, wrapped = %s "
                    "WHERE plan_id = %s AND key_id = %s AND wrapped = %s"
                ),
                (*new, self._id(plan_id), *old),
            )

    def select_all(self) -> list[tuple[UUID, WrappedKey]]:
        with self._transaction(commit=False) as c:
            c.execute(f"SELECT plan_id, key_id, wrapped FROM {self.keys}")
            rows = c.fetchall()
        return [(self._plan(r["plan_id"]), (str(r["key_id"]), bytes(r["wrapped"]))) for r in rows]

    def erasure(self, plan_id: UUID) -> Erasure | None:
        with self._transaction(commit=False) as c:
            c.execute(
                self._sql(
                    f"SELECT plan_id, key_id, erased_at FROM {self.erased} WHERE plan_id = %s"
                ),
                (self._id(plan_id),),
            )
            row = c.fetchone()
        return None if row is None else self._erasure(row)

    def erasures(self) -> list[Erasure]:
        with self._transaction(commit=False) as c:
            c.execute(f"SELECT plan_id, key_id, erased_at FROM {self.erased} ORDER BY erased_at")
            return [self._erasure(r) for r in c.fetchall()]

    def _erasure(self, row: Any) -> Erasure:
        at = row["erased_at"]
        at = at if isinstance(at, datetime) else datetime.fromisoformat(at)
        return Erasure(self._plan(row["plan_id"]), str(row["key_id"]), at)

    def masters(self) -> dict[str, str]:
        with self._transaction(commit=False) as c:
            c.execute(f"SELECT key_id, state FROM {self.registry}")
            return {str(r["key_id"]): str(r["state"]) for r in c.fetchall()}

    def adopt(self, key_id: str) -> None:
        with self._transaction(commit=True) as c:
            c.execute(
                self._sql(
                    f"INSERT INTO {self.registry} (key_id, state, since) SELECT %s, %s, %s "
                    f"WHERE NOT EXISTS (SELECT 1 FROM {self.registry})"
                ),
                (key_id, CURRENT, self._now()),
            )

    def switch(self, key_id: str) -> None:
        with self._transaction(commit=True) as c:
            self._lock_keys(c)
            c.execute(
                self._sql(f"UPDATE {self.registry} SET state = %s, since = %s WHERE state = %s"),
                (PREVIOUS, self._now(), CURRENT),
            )
            c.execute(self._sql(f"DELETE FROM {self.registry} WHERE key_id = %s"), (key_id,))
            c.execute(
                self._sql(
                    f"INSERT INTO {self.registry} (key_id, state, since) VALUES (%s, %s, %s)"
                ),
                (key_id, CURRENT, self._now()),
            )

    def retire(self, key_id: str) -> bool:
        with self._transaction(commit=True) as c:
            self._lock_keys(c)
            c.execute(
                self._sql(
                    f"UPDATE {self.registry} SET state = %s, since = %s "
                    f"WHERE key_id = %s AND state = %s AND NOT EXISTS "
                    f"(SELECT 1 FROM {self.keys} WHERE key_id = %s)"
                ),
                (RETIRED, self._now(), key_id, PREVIOUS, key_id),
            )
            c.execute(self._sql(f"SELECT state FROM {self.registry} WHERE key_id = %s"), (key_id,))
            row = c.fetchone()
        return row is not None and row["state"] == RETIRED

    def _insert_if_current(
        self, c: Any, plan_id: UUID, wrapped: WrappedKey, ignore: tuple[str, str]
    ) -> None:
        c.execute(
            self._sql(
                f"INSERT {ignore[0]} INTO {self.keys} (plan_id, key_id, wrapped) "
                f"SELECT %s, %s, %s WHERE EXISTS (SELECT 1 FROM {self.registry} "
                f"WHERE key_id = %s AND state = %s) {ignore[1]}"
            ),
            (self._id(plan_id), *wrapped, wrapped[0], CURRENT),
        )

    def _outcome(self, inserted: bool, plan_id: UUID) -> Stored:
        if inserted:
            return Stored.STORED
        return Stored.PRESENT if self.select(plan_id) is not None else Stored.NOT_CURRENT

    def _record_erasure(self, c: Any, plan_id: UUID) -> None:
        c.execute(
            self._sql(
                f"INSERT INTO {self.erased} (plan_id, key_id, erased_at) "
                f"SELECT plan_id, key_id, %s FROM {self.keys} WHERE plan_id = %s"
            ),
            (self._now(), self._id(plan_id)),
        )
        c.execute(self._sql(f"DELETE FROM {self.keys} WHERE plan_id = %s"), (self._id(plan_id),))

    def _lock_keys(self, c: Any) -> None:
        """Waits for keys being stored, and holds new ones back, until the transaction ends."""

    keys: str
    registry: str
    erased: str


class SQLiteKeyTable(SqlKeyTable):
    mark = "?"

    def __init__(self, datastore: SQLiteDatastore) -> None:
        self.datastore = datastore
        self.keys, self.registry, self.erased = KEY_TABLE, MASTERS_TABLE, ERASURES_TABLE

    def _transaction(self, *, commit: bool) -> Any:
        return self.datastore.transaction(commit=commit)

    def _id(self, plan_id: UUID) -> Any:
        return plan_id.hex  # as the first version stored them

    def _now(self) -> Any:
        return datetime.now(UTC).isoformat()

    def create_table(self) -> None:
        with self.datastore.transaction(commit=True) as c:
            c.execute(
                f"CREATE TABLE IF NOT EXISTS {KEY_TABLE} (plan_id TEXT PRIMARY KEY, "
                "key_id TEXT NOT NULL, wrapped BLOB NOT NULL) WITHOUT ROWID"
            )
            c.execute(
                f"CREATE TABLE IF NOT EXISTS {MASTERS_TABLE} (key_id TEXT PRIMARY KEY, "
                "state TEXT NOT NULL, since TEXT NOT NULL)"
            )
            c.execute(
                f"CREATE TABLE IF NOT EXISTS {ERASURES_TABLE} (plan_id TEXT PRIMARY KEY, "
                "key_id TEXT NOT NULL, erased_at TEXT NOT NULL)"
            )

    def insert_if_current(self, plan_id: UUID, wrapped: WrappedKey) -> Stored:
        # One writer at a time in SQLite: the check and the insert cannot be split.
        with self.datastore.transaction(commit=True) as c:
            inserted = self._insert_one(c, plan_id, wrapped)
        return self._outcome(inserted, plan_id)

    def _insert_one(self, c: Any, plan_id: UUID, wrapped: WrappedKey) -> bool:
        self._insert_if_current(c, plan_id, wrapped, ("OR IGNORE", ""))
        c.execute("SELECT changes()")
        return bool(c.fetchone()[0])

    def destroy(self, plan_id: UUID) -> None:
        # secure_delete zeroes the freed bytes, and the checkpoint moves that page from the
        # write-ahead log into the file and truncates the log, so that no copy of the
        # wrapped key lingers in either file (best effort: open readers may delay it).
        with self.datastore.get_connection(commit=True) as conn:
            cursor = conn.cursor()
            cursor.execute("PRAGMA secure_delete = ON")
            cursor.execute("BEGIN")
            try:
                self._record_erasure(cursor, plan_id)
            except BaseException:
                conn.rollback()
                raise
            conn.commit()
            with contextlib.suppress(Exception):
                cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
