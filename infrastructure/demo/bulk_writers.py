"""How the bulk path writes a chunk of entries in recorded order, with their chain links:
in one transaction, as the stores' group write does, but a chunk per statement (SQLite's
executemany, PostgreSQL's COPY) rather than a row or an array at a time. An entry whose
version is taken fails the whole chunk (the seed was there already)."""

from __future__ import annotations

from collections.abc import Sequence

from eventsourcing.persistence import IntegrityError, StoredEvent
from psycopg import errors as pg_errors
from psycopg.sql import SQL, Identifier

from infrastructure.chained_postgres import ChainedPostgresRecorder
from infrastructure.chained_recorders import ChainedSQLiteRecorder
from infrastructure.integrity import CHAIN_TABLE, Link

Chunk = Sequence[tuple[StoredEvent, Link]]


def write_chunk(recorder: ChainedSQLiteRecorder | ChainedPostgresRecorder, chunk: Chunk) -> None:
    if isinstance(recorder, ChainedSQLiteRecorder):
        write_sqlite(recorder, chunk)
    else:
        write_postgres(recorder, chunk)
    recorder.chain.remember([link for _, link in chunk])


def write_sqlite(recorder: ChainedSQLiteRecorder, chunk: Chunk) -> None:
    events = recorder.events_table_name
    with recorder.datastore.transaction(commit=True) as c:
        c.executemany(
            f"INSERT INTO {events} VALUES (?, ?, ?, ?)",  # noqa: S608 -- our own table name
            [(_hex(e), e.originator_version, e.topic, e.state) for e, _ in chunk],
        )
        c.executemany(
            f"INSERT INTO {CHAIN_TABLE} VALUES (?, ?, ?)",  # noqa: S608
            [(plan_id.hex, version, link) for _, (plan_id, version, link) in chunk],
        )


def write_postgres(recorder: ChainedPostgresRecorder, chunk: Chunk) -> None:
    """Under the events table's lock, as every write: readers never skip an entry."""
    timeout = f"{recorder.datastore.lock_timeout}s"
    try:
        with recorder.datastore.get_connection() as conn, conn.transaction():
            conn.execute("SELECT set_config('lock_timeout', %s, true)", (timeout,))
            conn.execute(SQL("LOCK TABLE {} IN EXCLUSIVE MODE").format(recorder.events_table))
            columns = "(originator_id, originator_version, topic, state)"
            with conn.cursor().copy(
                SQL("COPY {} " + columns + " FROM STDIN").format(recorder.events_table)
            ) as copy:
                for e, _ in chunk:
                    copy.write_row((e.originator_id, e.originator_version, e.topic, e.state))
            with conn.cursor().copy(
                SQL("COPY {} (plan_id, version, link) FROM STDIN").format(recorder.chain_table)
            ) as copy:
                for _, link in chunk:
                    copy.write_row(link)
            conn.execute(SQL("NOTIFY {}").format(Identifier(recorder.channel_name)))
    except pg_errors.UniqueViolation as error:
        raise IntegrityError(str(error)) from None


def _hex(stored: StoredEvent) -> str:
    plan_id = stored.originator_id
    return plan_id.hex if hasattr(plan_id, "hex") else str(plan_id).replace("-", "")
