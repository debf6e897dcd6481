"""The county's register of file numbers on SQLite and PostgreSQL (application/file_numbers.py).

`file_number_counters` holds the last number given per year, `file_numbers` the number of
each plan. One statement moves a year's counter (`INSERT … ON CONFLICT DO UPDATE …
RETURNING`: atomic on both stores, the row lock on PostgreSQL and the single writer on
SQLite serialise concurrent openings), and the plan's number is stored in the same
transaction under two unique constraints (per plan, per number): a number is never given
twice, whatever runs concurrently.
"""
# SQL here is built from table names of our own; every value is a parameter.
# ruff: noqa: S608

from __future__ import annotations

from typing import Any
from uuid import UUID

from application.file_numbers import FileNumbers, format_file_number
from infrastructure.sql_database import Database

COUNTERS = "file_number_counters"
NUMBERS = "file_numbers"
UPGRADES = "store_upgrades"
UPGRADE = "file_numbers"  # this upgrade's name in store_upgrades


class SqlFileNumbers(FileNumbers):
    def __init__(self, db: Database, events_table: str) -> None:
        self.db = db
        self.counters = db.table(COUNTERS)
        self.numbers = db.table(NUMBERS)
        self.events = db.table(events_table)
        self.upgrades = db.table(UPGRADES)

    def create_tables(self) -> None:
        uuid, boolean = self.db.type_of("uuid"), self.db.type_of("bool")
        with self.db.transaction(commit=True) as cursor:
            if self.db.kind == "postgres":
                # Concurrent CREATE … IF NOT EXISTS can still collide on PostgreSQL.
                self.db.execute(cursor, "SELECT pg_advisory_xact_lock(4851734)")
            self.db.execute(
                cursor,
                f"CREATE TABLE IF NOT EXISTS {self.counters} "
                "(year INTEGER PRIMARY KEY, last_number BIGINT NOT NULL)",
            )
            self.db.execute(
                cursor,
                f"CREATE TABLE IF NOT EXISTS {self.numbers} (plan_id {uuid} PRIMARY KEY, "
                f"file_number TEXT NOT NULL UNIQUE, confirmed {boolean} NOT NULL)",
            )
            self.db.execute(
                cursor, f"CREATE TABLE IF NOT EXISTS {self.upgrades} (name TEXT PRIMARY KEY)"
            )

    def _plan(self, plan_id: UUID) -> Any:
        # Stored as the events table stores originator ids, so the two can be joined.
        return plan_id.hex if self.db.kind == "sqlite" else plan_id

    def reserve(self, plan_id: UUID, year: int, *, confirmed: bool = True) -> str:
        with self.db.transaction(commit=True) as cursor:
            return self._reserve(cursor, plan_id, year, confirmed)

    def reserve_many(self, plans: list[tuple[UUID, int]]) -> dict[UUID, str]:
        with self.db.transaction(commit=True) as cursor:
            return {p: self._reserve(cursor, p, year, True) for p, year in plans}

    def _reserve(self, cursor: Any, plan_id: UUID, year: int, confirmed: bool) -> str:
        # A write first, so that SQLite takes its write lock at once (a read first
        # would have to upgrade its lock, and fail instead of waiting).
        self.db.execute(
            cursor,
            f"UPDATE {self.numbers} SET confirmed = (confirmed OR %s) WHERE plan_id = %s "
            "RETURNING file_number",
            (confirmed, self._plan(plan_id)),
        )
        row = cursor.fetchone()
        if row is not None:
            return str(row["file_number"])
        self.db.execute(
            cursor,
            f"INSERT INTO {self.counters} AS c (year, last_number) VALUES (%s, 1) "
            "ON CONFLICT (year) DO UPDATE SET last_number = c.last_number + 1 "
            "RETURNING last_number",
            (year,),
        )
        number = format_file_number(year, int(cursor.fetchone()["last_number"]))
        # A concurrent retry of the same opening may have stored the plan's number
        # meanwhile: then that one holds, and this number stays unused (a gap).
        self.db.execute(
            cursor,
            f"INSERT INTO {self.numbers} (plan_id, file_number, confirmed) "
            "VALUES (%s, %s, %s) ON CONFLICT (plan_id) DO NOTHING",
            (self._plan(plan_id), number, confirmed),
        )
        return self._given(cursor, plan_id) or number

    def _given(self, cursor: Any, plan_id: UUID) -> str | None:
        self.db.execute(
            cursor,
            f"SELECT file_number FROM {self.numbers} WHERE plan_id = %s",
            (self._plan(plan_id),),
        )
        row = cursor.fetchone()
        return None if row is None else str(row["file_number"])

    def confirm(self, plan_id: UUID) -> None:
        with self.db.transaction(commit=True) as cursor:
            self.db.execute(
                cursor,
                f"UPDATE {self.numbers} SET confirmed = %s WHERE plan_id = %s",
                (True, self._plan(plan_id)),
            )

    def upgraded(self) -> bool:
        rows = self.db.select(f"SELECT 1 FROM {self.upgrades} WHERE name = %s", (UPGRADE,), {})
        return bool(rows)

    def mark_upgraded(self) -> None:
        with self.db.transaction(commit=True) as cursor:
            self.db.execute(
                cursor,
                f"INSERT INTO {self.upgrades} (name) VALUES (%s) ON CONFLICT (name) DO NOTHING",
                (UPGRADE,),
            )

    def unnumbered(self) -> list[UUID]:
        rows = self.db.select(
            f"SELECT e.originator_id AS plan_id FROM {self.events} e "
            "WHERE e.originator_version = 1 AND e.topic = %s AND NOT EXISTS "
            f"(SELECT 1 FROM {self.numbers} n WHERE n.plan_id = e.originator_id "
            "AND n.confirmed = %s) ORDER BY e.originator_id",
            ("iplan:PlanOpened", True),
            {},
        )
        return [UUID(str(r["plan_id"])) for r in rows]
