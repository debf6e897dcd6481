"""The chained recorders on PostgreSQL: entries, their chain links and the group write in one
round trip (infrastructure/chained_recorders.py has the protocol, memory and SQLite)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from eventsourcing.persistence import IntegrityError, StoredEvent
from eventsourcing.postgres import (
    PostgresAggregateRecorder,
    PostgresApplicationRecorder,
    PostgresDatastore,
)
from psycopg.sql import SQL, Identifier, Literal

from infrastructure.chained_recorders import History, Secret
from infrastructure.group_commit import GroupCommitter, Write, answer, flat
from infrastructure.integrity import CHAIN_TABLE, Chain, Link
from infrastructure.postgres_connections import unretried
from infrastructure.write_group_sql import WRITE_GROUP_FUNCTION


class ChainedPostgresRecorder(PostgresApplicationRecorder):
    def __init__(
        self,
        datastore: PostgresDatastore,
        *,
        events_table_name: str = "stored_events",
        chain_secret: Secret,
    ) -> None:
        if datastore.enable_db_functions:
            # The library's insert function bypasses the hooks that write the links.
            raise ValueError("POSTGRES_ENABLE_DB_FUNCTIONS would store entries without links")
        super().__init__(datastore, events_table_name=events_table_name)
        schema = Identifier(datastore.schema)
        self.chain_table = SQL("{}.{}").format(schema, Identifier(CHAIN_TABLE))
        self.events_table = SQL("{}.{}").format(schema, Identifier(events_table_name))
        self.sql_create_statements.append(
            SQL(
                "CREATE TABLE IF NOT EXISTS {} (plan_id uuid NOT NULL, version bigint NOT NULL, "
                "link bytea NOT NULL, PRIMARY KEY (plan_id, version))"
            ).format(self.chain_table)
        )
        # One round trip per group: a function that takes the table lock (keeping positions
        # in commit order, so readers never skip an entry), stores the writes none of whose
        # versions is taken (by the store, or by an earlier write of the group) with their
        # links, notifies, and answers the positions; its statement's transaction commits.
        self.write_group_function = SQL("{}.{}").format(schema, Identifier("iplan_write_group"))
        self.sql_create_statements.append(
            SQL(WRITE_GROUP_FUNCTION).format(
                function=self.write_group_function,
                events=self.events_table,
                chain=self.chain_table,
                lock_timeout=Literal(f"{datastore.lock_timeout}s"),
                channel=Literal(self.channel_name),
            )
        )
        # Rendered once: a composed statement is rendered again on every execution.
        self.write_group_statement = (
            SQL(
                "SELECT * FROM {}(%b::int[], %b::uuid[], %b::bigint[], %b::text[], %b::bytea[], "
                "%b::bytea[])"
            )
            .format(self.write_group_function)
            .as_string()
        )
        self.chain = Chain(chain_secret, self._select_link)
        self.committer = GroupCommitter(self._write_group)

    # One bounded attempt per call: the library would retry ten times (infrastructure/
    # postgres_connections.py), making a client wait minutes for its 503.
    select_events = unretried(PostgresApplicationRecorder.select_events)
    select_notifications = unretried(PostgresApplicationRecorder.select_notifications)
    max_notification_id = unretried(PostgresApplicationRecorder.max_notification_id)

    def insert_events(self, stored_events: Sequence[StoredEvent], **kwargs: Any) -> Any:
        if self.datastore.enable_db_functions:
            raise ValueError("POSTGRES_ENABLE_DB_FUNCTIONS would store entries without links")
        links = self.chain.links_for(stored_events)
        ids = self.committer.submit(stored_events, links)
        self.chain.remember(links)
        return ids

    def _write_group(self, group: list[Write]) -> None:
        """The group in one statement (its own transaction); see WRITE_GROUP_FUNCTION."""
        writers = [n for n, w in enumerate(group) for _ in w.events]
        links = {(p, v): link for w in group for p, v, link in w.links}
        with self.datastore.get_connection() as conn:
            rows = conn.execute(
                self.write_group_statement,
                (
                    writers,
                    flat(group, lambda e: e.originator_id),
                    flat(group, lambda e: e.originator_version),
                    flat(group, lambda e: e.topic),
                    flat(group, lambda e: e.state),
                    [links[k] for w in group for k in w.versions()],
                ),
                prepare=True,
            ).fetchall()
        ids = {(r["originator_id"], r["originator_version"]): r["notification_id"] for r in rows}
        stored = {r["writer"] for r in rows}
        winners = [w for n, w in enumerate(group) if n in stored]
        for n, write in enumerate(group):
            if n not in stored:
                write.error = IntegrityError(f"version conflict on {write.versions()[0][0]}")
        answer(winners, ids)

    def _select_link(self, plan_id: UUID, version: int) -> bytes | None:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(
                SQL("SELECT link FROM {} WHERE plan_id = %s AND version = %s").format(
                    self.chain_table
                ),
                (plan_id, version),
                prepare=True,
            )
            row = curs.fetchone()
        return None if row is None else bytes(row["link"])

    def select_history(self, plan_id: UUID) -> History:
        with self.datastore.get_connection() as conn, conn.transaction(force_rollback=True):
            curs = conn.cursor()
            # One snapshot for both reads, so a concurrent write cannot look like tampering.
            curs.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            curs.execute(
                SQL(
                    "SELECT originator_version, topic, state FROM {} "
                    "WHERE originator_id = %s ORDER BY originator_version"
                ).format(self.events_table),
                (plan_id,),
            )
            stored = [
                StoredEvent(plan_id, row["originator_version"], row["topic"], bytes(row["state"]))
                for row in curs.fetchall()
            ]
            curs.execute(
                SQL("SELECT version, link FROM {} WHERE plan_id = %s ORDER BY version").format(
                    self.chain_table
                ),
                (plan_id,),
            )
            links = [(int(row["version"]), bytes(row["link"])) for row in curs.fetchall()]
        return stored, links

    def plan_ids(self) -> list[UUID]:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(
                SQL("SELECT originator_id AS id FROM {} UNION SELECT plan_id FROM {}").format(
                    self.events_table, self.chain_table
                )
            )
            return sorted(row["id"] for row in curs.fetchall())

    def chain_heads(self, after: int, upto: int) -> list[Link]:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(
                SQL(
                    "SELECT h.originator_id AS plan_id, h.v AS version, c.link FROM "
                    "(SELECT originator_id, MAX(originator_version) AS v FROM {} "
                    "WHERE notification_id > %s AND notification_id <= %s "
                    "GROUP BY originator_id) h "
                    "JOIN {} c ON c.plan_id = h.originator_id AND c.version = h.v"
                ).format(self.events_table, self.chain_table),
                (after, upto),
            )
            return [
                (row["plan_id"], int(row["version"]), bytes(row["link"])) for row in curs.fetchall()
            ]


class SnapshotPostgresRecorder(PostgresAggregateRecorder):
    """The snapshots' recorder, with one bounded attempt per call like the events'."""

    insert_events = unretried(PostgresAggregateRecorder.insert_events)
    select_events = unretried(PostgresAggregateRecorder.select_events)
