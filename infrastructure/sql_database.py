"""One database holding the events and the views (SQLite or PostgreSQL): transactions,
SQL text written once for both, and values converted both ways."""
# SQL here is built from table and column names of our own; every value is a parameter.

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any, Literal
from uuid import UUID

from eventsourcing.postgres import PostgresDatastore
from eventsourcing.sqlite import SQLiteDatastore
from psycopg.rows import tuple_row

SQLITE_CHUNK = 500  # values per statement: SQLite limits the number of parameters
Kind = Literal["uuid", "text", "date", "int", "real", "bool", "ts"]
Columns = tuple[tuple[str, Kind], ...]

_SQLITE_TYPES: dict[str, str] = {
    "uuid": "TEXT",
    "text": "TEXT",
    "date": "TEXT",
    "int": "INTEGER",
    "real": "REAL",
    "bool": "INTEGER",
    "ts": "TEXT",
}
_POSTGRES_TYPES: dict[str, str] = {
    "uuid": "UUID",
    "text": "TEXT",
    "date": "DATE",
    "int": "BIGINT",
    "real": "DOUBLE PRECISION",
    "bool": "BOOLEAN",
    "ts": "TIMESTAMPTZ",
}


def utc_text(at: datetime) -> str:
    """SQLite compares timestamps as text: store and compare them all in UTC."""
    return (at.astimezone(UTC) if at.tzinfo is not None else at).isoformat()


TO_SQLITE: dict[str, Callable[[Any], Any]] = {
    "uuid": str,
    "date": date.isoformat,
    "ts": utc_text,
    "bool": int,
}


class Database:
    """One database holding events and views: transactions, SQL text, values both ways."""

    kind: Literal["sqlite", "postgres"]

    def __init__(self, datastore: SQLiteDatastore | PostgresDatastore) -> None:
        self.datastore = datastore
        self.kind = "sqlite" if isinstance(datastore, SQLiteDatastore) else "postgres"
        self.schema = datastore.schema if isinstance(datastore, PostgresDatastore) else ""
        # Called inside each view transaction just before it commits (tests inject crashes).
        self.before_commit: Callable[[], None] | None = None

    @contextlib.contextmanager
    def transaction(self, *, commit: bool) -> Iterator[Any]:
        with self.datastore.transaction(commit=commit) as cursor:
            if commit and self.kind == "postgres":
                # A view is rebuilt from the events, and its tracking commits with it:
                # losing the last commits in a server crash only means processing them
                # again, so do not wait for the flush (all-or-nothing still holds).
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
            yield cursor
            if commit and self.before_commit is not None:
                self.before_commit()

    def table(self, name: str, schema: str | None = None) -> str:
        """A table's name as written in SQL; `schema` only means something on PostgreSQL."""
        if self.kind == "sqlite":
            return f"{schema}_{name}" if schema else name
        return f'"{schema or self.schema}"."{name}"'

    def sql(self, statement: str) -> str:
        """Statements are written with %s placeholders; SQLite wants ?."""
        return statement.replace("%s", "?") if self.kind == "sqlite" else statement

    def type_of(self, kind: Kind) -> str:
        return (_SQLITE_TYPES if self.kind == "sqlite" else _POSTGRES_TYPES)[kind]

    def param(self, value: Any) -> Any:
        if self.kind == "postgres":
            return value
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, UUID):
            return str(value)
        if isinstance(value, datetime):
            return utc_text(value)
        if isinstance(value, date):
            return value.isoformat()
        return value

    def params(self, values: Sequence[Any]) -> tuple[Any, ...]:
        return tuple(self.param(v) for v in values)

    def value(self, kind: Kind, value: Any) -> Any:
        if value is None or self.kind == "postgres":
            return value
        if kind == "uuid":
            return UUID(value)
        if kind == "date":
            return date.fromisoformat(value)
        if kind == "ts":
            return datetime.fromisoformat(value)
        if kind == "bool":
            return bool(value)
        return value

    def stored(self, kinds: Sequence[Kind], rows: Sequence[Sequence[Any]]) -> list[Sequence[Any]]:
        """Rows of values (of these kinds, in order) as the store keeps them, as `param` makes
        one value (SQLite keeps UUIDs, dates and timestamps as text): the hot path of
        writing a view, so only the columns that need it are touched."""
        converted = [(i, TO_SQLITE[kind]) for i, kind in enumerate(kinds) if kind in TO_SQLITE]
        if self.kind == "postgres" or not converted:
            return list(rows)
        out: list[Sequence[Any]] = []
        for row in rows:
            values = list(row)
            for i, convert in converted:
                value = values[i]
                if value is not None:
                    values[i] = convert(value)
            out.append(values)
        return out

    def placeholders(self, count: int) -> str:
        return ", ".join(["%s"] * count)

    def execute(self, cursor: Any, statement: str, params: Sequence[Any] = ()) -> None:
        cursor.execute(self.sql(statement), self.params(params))

    def execute_in(
        self,
        cursor: Any,
        statement: str,
        values: Sequence[Any],
        *,
        fetch: bool = False,
        array: str = "",
    ) -> list[Any]:
        """Runs `statement`, its `{in}` a test of membership in `values` (one array parameter
        of type `array` on PostgreSQL, chunks of placeholders on SQLite, which limits their
        number); answers the selected rows if `fetch`."""
        if self.kind == "postgres":
            test = f"= ANY(%s::{array}[])" if array else "= ANY(%s)"
            cursor.execute(statement.replace("{in}", test), (list(values),))
            return list(cursor.fetchall()) if fetch else []
        rows: list[Any] = []
        for i in range(0, len(values), SQLITE_CHUNK):
            chunk = values[i : i + SQLITE_CHUNK]
            test = f"IN ({', '.join(['?'] * len(chunk))})"
            self.execute(cursor, statement.replace("{in}", test), chunk)
            if fetch:
                rows += cursor.fetchall()
        return rows

    def insert_rows(
        self, cursor: Any, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> None:
        """Many rows at once, values in the columns' order and already in the store's kinds:
        COPY on PostgreSQL (one round trip; executemany sends a row each)."""
        if not rows:
            return
        if self.kind == "postgres":
            with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for r in rows:
                    copy.write_row(r)
            return
        marks = ", ".join(["?"] * len(columns))
        statement = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"  # noqa: S608
        cursor.executemany(statement, rows)

    def tuples(self, statement: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        """Rows as plain tuples, unconverted (the fastest read: many small rows)."""
        with self.transaction(commit=False) as cursor:
            if self.kind == "postgres":
                cursor = cursor.connection.cursor(row_factory=tuple_row)
            self.execute(cursor, statement, params)
            return [tuple(r) for r in cursor.fetchall()]

    def select(
        self, statement: str, params: Sequence[Any], kinds: Mapping[str, Kind]
    ) -> list[dict[str, Any]]:
        """Rows as dicts, columns converted back to Python values by their kind."""
        with self.transaction(commit=False) as cursor:
            self.execute(cursor, statement, params)
            rows = [dict(r) for r in cursor.fetchall()]
        return [{k: self.value(kinds.get(k, "text"), v) for k, v in r.items()} for r in rows]
