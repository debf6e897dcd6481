"""The library's application recorders, extended to write each entry's chain link with it.

Links are computed before the writing transaction (a committed link never changes) and
inserted inside it, so an entry is never stored without its link. On PostgreSQL the links
are inserted after the entries, under the library's table lock, pipelined with the commit.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any, Protocol
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from eventsourcing.popo import POPOApplicationRecorder
from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteDatastore

from infrastructure.group_commit import GroupCommitter, Write, accepted, answer, losers_rows
from infrastructure.integrity import CHAIN_TABLE, Chain, Link

Secret = Callable[[], bytes]
History = tuple[list[StoredEvent], list[tuple[int, bytes]]]


class ChainedRecorder(Protocol):
    chain: Chain

    def select_history(self, plan_id: UUID) -> History:
        """The plan's stored entries and recorded links, read consistently."""
        ...

    def plan_ids(self) -> list[UUID]: ...

    def chain_heads(self, after: int, upto: int) -> list[Link]:
        """Each history's last entry recorded at positions (after, upto], with its link."""
        ...

    def max_notification_id(self) -> int | None: ...


class ChainedPOPORecorder(POPOApplicationRecorder):
    def __init__(self, *, chain_secret: Secret) -> None:
        super().__init__()
        self.links: dict[UUID, dict[int, bytes]] = defaultdict(dict)
        self.chain = Chain(chain_secret, self._select_link)

    def insert_events(self, stored_events: Sequence[StoredEvent], **kwargs: Any) -> Any:
        links = self.chain.links_for(stored_events)
        ids = super().insert_events(stored_events, plan_chain=links, **kwargs)
        self.chain.remember(links)
        return ids

    def _update_table(
        self,
        stored_events: Sequence[StoredEvent],
        *,
        plan_chain: Sequence[Link] = (),
        **kwargs: Any,
    ) -> Sequence[int] | None:
        ids = super()._update_table(stored_events, **kwargs)
        for plan_id, version, link in plan_chain:
            self.links[plan_id][version] = link
        return ids

    def _select_link(self, plan_id: UUID, version: int) -> bytes | None:
        with self._database_lock:
            return self.links.get(plan_id, {}).get(version)

    def select_history(self, plan_id: UUID) -> History:
        with self._database_lock:
            return list(self.select_events(plan_id)), sorted(self.links.get(plan_id, {}).items())

    def plan_ids(self) -> list[UUID]:
        with self._database_lock:
            ids = {UUID(i) for i, index in self._stored_events_index.items() if index}
            return sorted(ids | {i for i, links in self.links.items() if links})

    def chain_heads(self, after: int, upto: int) -> list[Link]:
        with self._database_lock:
            last: dict[UUID, int] = {}
            for stored in self._stored_events[after:upto]:  # notification id = index + 1
                plan_id = UUID(str(stored.originator_id))
                last[plan_id] = max(last.get(plan_id, 0), stored.originator_version)
            return [
                (plan_id, version, self.links[plan_id][version])
                for plan_id, version in last.items()
                if version in self.links.get(plan_id, {})
            ]


class ChainedSQLiteRecorder(SQLiteApplicationRecorder):
    _last_id: tuple[str, UUID | str] = ("", "")  # convert_originator_id's last answer

    def __init__(
        self,
        datastore: SQLiteDatastore,
        events_table_name: str = "stored_events",
        *,
        chain_secret: Secret,
    ) -> None:
        super().__init__(datastore, events_table_name)
        self.chain = Chain(chain_secret, self._select_link)
        self.committer = GroupCommitter(self._write_group)

    def construct_create_table_statements(self) -> list[str]:
        return [
            *super().construct_create_table_statements(),
            f"CREATE TABLE IF NOT EXISTS {CHAIN_TABLE} (plan_id TEXT, version INTEGER, "
            "link BLOB NOT NULL, PRIMARY KEY (plan_id, version)) WITHOUT ROWID",
        ]

    def insert_events(self, stored_events: Sequence[StoredEvent], **kwargs: Any) -> Any:
        links = self.chain.links_for(stored_events)
        ids = self.committer.submit(stored_events, links)
        self.chain.remember(links)
        return ids

    def convert_originator_id(self, originator_id: str) -> UUID | str:
        """The stored id's UUID, parsed once for rows of the same plan in a row (a plan's
        entries are read together, and a log filled plan by plan is read so too)."""
        last = self._last_id
        if last[0] != originator_id:
            last = self._last_id = (originator_id, super().convert_originator_id(originator_id))
        return last[1]

    def _write_group(self, group: list[Write]) -> None:
        """One transaction (one fsync) for the group; the first insert takes the write lock."""
        ids: dict[tuple[UUID, int], int] = {}
        refused: set[tuple[UUID, int]] = set()
        with self.datastore.transaction(commit=True) as c:
            for write in group:
                for stored, key in zip(write.events, write.versions(), strict=True):
                    c.execute(
                        f"INSERT OR IGNORE INTO {self.events_table_name} VALUES (?, ?, ?, ?)",  # noqa: S608
                        (key[0].hex, key[1], stored.topic, stored.state),
                    )
                    c.execute("SELECT changes(), last_insert_rowid()")
                    changed, rowid = c.fetchone()
                    if changed:
                        ids.setdefault(key, int(rowid))
                    else:
                        refused.add(key)
            winners = accepted(group, refused)
            for rowid in losers_rows(group, winners, ids):
                c.execute(f"DELETE FROM {self.events_table_name} WHERE rowid = ?", (rowid,))  # noqa: S608
            c.executemany(
                f"INSERT INTO {CHAIN_TABLE} VALUES (?, ?, ?)",  # noqa: S608
                [(p.hex, v, link) for w in winners for p, v, link in w.links],
            )
        answer(winners, ids)

    def _select_link(self, plan_id: UUID, version: int) -> bytes | None:
        with self.datastore.transaction(commit=False) as c:
            c.execute(
                f"SELECT link FROM {CHAIN_TABLE} WHERE plan_id = ? AND version = ?",  # noqa: S608
                (plan_id.hex, version),
            )
            row = c.fetchone()
        return None if row is None else bytes(row[0])

    def select_history(self, plan_id: UUID) -> History:
        with self.datastore.transaction(commit=False) as c:
            c.execute(
                f"SELECT originator_version, topic, state FROM {self.events_table_name} "  # noqa: S608
                "WHERE originator_id = ? ORDER BY originator_version",
                (plan_id.hex,),
            )
            stored = [StoredEvent(plan_id, row[0], row[1], bytes(row[2])) for row in c.fetchall()]
            c.execute(
                f"SELECT version, link FROM {CHAIN_TABLE} WHERE plan_id = ? ORDER BY version",  # noqa: S608
                (plan_id.hex,),
            )
            links = [(int(row[0]), bytes(row[1])) for row in c.fetchall()]
        return stored, links

    def plan_ids(self) -> list[UUID]:
        with self.datastore.transaction(commit=False) as c:
            c.execute(
                f"SELECT originator_id FROM {self.events_table_name} "  # noqa: S608
                f"UNION SELECT plan_id FROM {CHAIN_TABLE}"
            )
            return sorted(UUID(row[0]) for row in c.fetchall())

    def chain_heads(self, after: int, upto: int) -> list[Link]:
        with self.datastore.transaction(commit=False) as c:
            c.execute(
                "SELECT h.originator_id, h.v, c.link FROM (SELECT originator_id, "  # noqa: S608
                f"MAX(originator_version) AS v FROM {self.events_table_name} "
                "WHERE rowid > ? AND rowid <= ? GROUP BY originator_id) h "
                f"JOIN {CHAIN_TABLE} c ON c.plan_id = h.originator_id AND c.version = h.v",
                (after, upto),
            )
            return [(UUID(r[0]), int(r[1]), bytes(r[2])) for r in c.fetchall()]
