"""The plans' data keys, wrapped by the master key, in a `plan_keys` table beside the events."""

from __future__ import annotations

import contextlib
import time
from threading import Lock
from typing import Any, Protocol
from uuid import UUID

from eventsourcing.persistence import OperationalError
from eventsourcing.postgres import PostgresDatastore
from eventsourcing.sqlite import SQLiteDatastore
from psycopg.sql import SQL, Identifier

from infrastructure.crypto import MasterKeys, new_key

KEY_TABLE = "plan_keys"
# The store's own integrity key lives in the same table under an id no plan ever has.
INTEGRITY_KEY_ID = UUID(int=0)

WrappedKey = tuple[str, bytes]


class KeyTable(Protocol):
    """Rows of (plan id, id of the wrapping master key, wrapped data key)."""

    def select(self, plan_id: UUID) -> WrappedKey | None: ...

    def insert_if_absent(self, plan_id: UUID, wrapped: WrappedKey) -> bool:
        """Stores the key unless the plan has one; answers whether it stored it."""
        ...

    def replace(self, plan_id: UUID, old: WrappedKey, new: WrappedKey) -> None: ...

    def delete(self, plan_id: UUID) -> None: ...

    def select_all(self) -> list[tuple[UUID, WrappedKey]]: ...


class MemoryKeyTable:
    def __init__(self) -> None:
        self._rows: dict[UUID, WrappedKey] = {}
        self._lock = Lock()

    def select(self, plan_id: UUID) -> WrappedKey | None:
        return self._rows.get(plan_id)

    def insert_if_absent(self, plan_id: UUID, wrapped: WrappedKey) -> bool:
        with self._lock:
            return self._rows.setdefault(plan_id, wrapped) is wrapped

    def replace(self, plan_id: UUID, old: WrappedKey, new: WrappedKey) -> None:
        with self._lock:
            if self._rows.get(plan_id) == old:
                self._rows[plan_id] = new

    def delete(self, plan_id: UUID) -> None:
        with self._lock:
            self._rows.pop(plan_id, None)

    def select_all(self) -> list[tuple[UUID, WrappedKey]]:
        return list(self._rows.items())


class SQLiteKeyTable:
    def __init__(self, datastore: SQLiteDatastore) -> None:
        self.datastore = datastore

    def create_table(self) -> None:
        with self.datastore.transaction(commit=True) as c:
            c.execute(
                f"CREATE TABLE IF NOT EXISTS {KEY_TABLE} (plan_id TEXT PRIMARY KEY, "
                "key_id TEXT NOT NULL, wrapped BLOB NOT NULL) WITHOUT ROWID"
            )

    def select(self, plan_id: UUID) -> WrappedKey | None:
        with self.datastore.transaction(commit=False) as c:
            c.execute(f"SELECT key_id, wrapped FROM {KEY_TABLE} WHERE plan_id = ?", (plan_id.hex,))  # noqa: S608
            row = c.fetchone()
        return None if row is None else (str(row[0]), bytes(row[1]))

    def insert_if_absent(self, plan_id: UUID, wrapped: WrappedKey) -> bool:
        with self.datastore.transaction(commit=True) as c:
            c.execute(
                f"INSERT OR IGNORE INTO {KEY_TABLE} VALUES (?, ?, ?)",  # noqa: S608
                (plan_id.hex, *wrapped),
            )
            c.execute("SELECT changes()")
            return bool(c.fetchone()[0])

    def replace(self, plan_id: UUID, old: WrappedKey, new: WrappedKey) -> None:
        with self.datastore.transaction(commit=True) as c:
            c.execute(
                f"UPDATE {KEY_TABLE} SET key_id = ?, wrapped = ? "  # noqa: S608
                "WHERE plan_id = ? AND key_id = ? AND wrapped = ?",
                (*new, plan_id.hex, *old),
            )

    def delete(self, plan_id: UUID) -> None:
        # secure_delete zeroes the freed bytes, and the checkpoint moves that page from the
        # write-ahead log into the file and truncates the log, so that no copy of the
        # wrapped key lingers in either file (best effort: open readers may delay it).
        with self.datastore.get_connection(commit=True) as conn:
            cursor = conn.cursor()
            cursor.execute("PRAGMA secure_delete = ON")
            cursor.execute("BEGIN")
            try:
                cursor.execute(f"DELETE FROM {KEY_TABLE} WHERE plan_id = ?", (plan_id.hex,))  # noqa: S608
            except BaseException:
                conn.rollback()
                raise
            conn.commit()
            with contextlib.suppress(Exception):
                cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def select_all(self) -> list[tuple[UUID, WrappedKey]]:
        with self.datastore.transaction(commit=False) as c:
            c.execute(f"SELECT plan_id, key_id, wrapped FROM {KEY_TABLE}")  # noqa: S608
            rows: list[Any] = c.fetchall()
        return [(UUID(row[0]), (str(row[1]), bytes(row[2]))) for row in rows]


class PostgresKeyTable:
    def __init__(self, datastore: PostgresDatastore) -> None:
        self.datastore = datastore
        self.table = SQL("{}.{}").format(Identifier(datastore.schema), Identifier(KEY_TABLE))

    def create_table(self) -> None:
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(
                SQL(
                    "CREATE TABLE IF NOT EXISTS {} (plan_id uuid PRIMARY KEY, "
                    "key_id text NOT NULL, wrapped bytea NOT NULL)"
                ).format(self.table)
            )

    def select(self, plan_id: UUID) -> WrappedKey | None:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(
                SQL("SELECT key_id, wrapped FROM {} WHERE plan_id = %s").format(self.table),
                (plan_id,),
                prepare=True,
            )
            row = curs.fetchone()
        return None if row is None else (str(row["key_id"]), bytes(row["wrapped"]))

    def insert_if_absent(self, plan_id: UUID, wrapped: WrappedKey) -> bool:
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(
                SQL("INSERT INTO {} VALUES (%s, %s, %s) ON CONFLICT DO NOTHING").format(self.table),
                (plan_id, *wrapped),
            )
            return curs.rowcount == 1

    def replace(self, plan_id: UUID, old: WrappedKey, new: WrappedKey) -> None:
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(
                SQL(
                    "UPDATE {} SET key_id = %s, wrapped = %s "
                    "WHERE plan_id = %s AND key_id = %s AND wrapped = %s"
                ).format(self.table),
                (*new, plan_id, *old),
            )

    def delete(self, plan_id: UUID) -> None:
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(SQL("DELETE FROM {} WHERE plan_id = %s").format(self.table), (plan_id,))

    def select_all(self) -> list[tuple[UUID, WrappedKey]]:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(SQL("SELECT plan_id, key_id, wrapped FROM {}").format(self.table))
            rows = curs.fetchall()
        return [(row["plan_id"], (str(row["key_id"]), bytes(row["wrapped"]))) for row in rows]


class KeyRing:
    """Data keys by plan, unwrapped on first use and kept in a small cache.

    A plan's key is made with its first entry and destroyed on erasure; a missing key
    means erased, and is remembered too, so that reading an erased plan costs no look-ups.
    Cached keys expire after `cache_seconds`, which bounds how long another process can
    still open a plan erased here.
    """

    def __init__(
        self,
        table: KeyTable,
        masters: MasterKeys,
        cache_size: int = 1024,
        cache_seconds: float = 30.0,
    ) -> None:
        self.table = table
        self.masters = masters
        self.cache_size = cache_size
        self.cache_seconds = cache_seconds
        self._cache: dict[UUID, tuple[float, bytes | None]] = {}
        self._lock = Lock()

    def data_key(self, plan_id: UUID, *, create: bool = False) -> bytes | None:
        """The plan's data key; None once erased. `create` makes one if there is none."""
        # Read without the lock: every entry read passes here.
        cached = self._cache.get(plan_id)
        if (
            cached is not None
            and cached[0] > time.monotonic()
            and (cached[1] is not None or not create)
        ):
            return cached[1]
        if create:
            # A new plan's first entry: one round trip stores its key; a concurrent
            # writer's key, stored first, wins and is read back.
            key = new_key()
            if self.table.insert_if_absent(plan_id, self.masters.wrap(plan_id, key)):
                self._remember(plan_id, key)
                return key
        row = self.table.select(plan_id)
        if row is None and create:
            raise OperationalError(f"the data key of {plan_id} could not be stored")
        stored = None if row is None else self.masters.unwrap(plan_id, *row)
        self._remember(plan_id, stored)
        return stored

    def destroy(self, plan_id: UUID) -> None:
        self.table.delete(plan_id)
        self._remember(plan_id, None)

    def rewrap_all(self) -> int:
        """Re-wraps every key not under the current master key; answers how many it did."""
        count = 0
        for plan_id, row in self.table.select_all():
            if row[0] == self.masters.current_id:
                continue
            data_key = self.masters.unwrap(plan_id, *row)
            self.table.replace(plan_id, row, self.masters.wrap(plan_id, data_key))
            count += 1
        return count

    def _remember(self, plan_id: UUID, key: bytes | None) -> None:
        with self._lock:
            self._cache.pop(plan_id, None)
            self._cache[plan_id] = (time.monotonic() + self.cache_seconds, key)
            while len(self._cache) > self.cache_size:
                del self._cache[next(iter(self._cache))]  # the longest cached goes first
