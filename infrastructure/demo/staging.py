"""A sorting table on disk for a bulk load: rows go in plan by plan, and come out in the
order of their recorded times, a chunk at a time, so memory stays bounded at any size."""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from uuid import UUID

from eventsourcing.persistence import StoredEvent

from infrastructure.integrity import Link

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
Row = tuple[StoredEvent, Link]


def microseconds(at: datetime) -> int:
    return (at - EPOCH) // timedelta(microseconds=1)


class Staging:
    def __init__(self) -> None:
        self._directory = tempfile.TemporaryDirectory(prefix="iplan-demo-")
        self._db = sqlite3.connect(Path(self._directory.name) / "staging.sqlite")
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("PRAGMA synchronous = OFF")
        self._db.execute(
            "CREATE TABLE rows (at INTEGER, person INTEGER, plan BLOB, version INTEGER, "
            "topic TEXT, state BLOB, link BLOB)"
        )
        self.count = 0

    def __enter__(self) -> Staging:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._db.close()
        self._directory.cleanup()

    def add(self, person: int, rows: list[tuple[datetime, StoredEvent, Link]]) -> None:
        """One plan's entries with their recorded times and chain links."""
        self._db.executemany(
            "INSERT INTO rows VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (microseconds(at), person, link[0].bytes, link[1], e.topic, e.state, link[2])
                for at, e, link in rows
            ],
        )
        self.count += len(rows)

    def in_recorded_order(self, chunk: int) -> Iterator[list[Row]]:
        """The rows by recorded time (ties: by person, then version), `chunk` at a time."""
        self._db.commit()
        cursor = self._db.execute(
            "SELECT plan, version, topic, state, link FROM rows ORDER BY at, person, version"
        )
        while batch := cursor.fetchmany(chunk):
            rows = []
            for plan, version, topic, state, link in batch:
                plan_id = UUID(bytes=plan)
                rows.append((StoredEvent(plan_id, version, topic, state), (plan_id, version, link)))
            yield rows
