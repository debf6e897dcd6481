"""Builds the IntegrationPlans application on the configured event store."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.persistence import ApplicationRecorder
from eventsourcing.popo import POPOApplicationRecorder
from eventsourcing.postgres import PostgresApplicationRecorder
from eventsourcing.sqlite import SQLiteApplicationRecorder

from application.clock import today_in_germany
from application.plans import IntegrationPlans, PositionFinder
from infrastructure.crypto import (
    master_key_path,
    master_keys,
    new_key,
    read_key_file,
    write_key_file,
)
from infrastructure.protection import PersonalDataProtection
from infrastructure.settings import Settings


def build_plans(
    settings: Settings, *, today: Callable[[], date] = today_in_germany
) -> IntegrationPlans:
    if settings.store == "sqlite":
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    protection = PersonalDataProtection(
        master_keys(settings), connect_timeout=settings.postgres_connect_timeout
    )
    plans = IntegrationPlans(settings.eventsourcing_env(), today=today, adapters=protection)
    try:
        # Fails fast when the master key does not fit the database's keys.
        protection.integrity_key()
    except Exception:
        plans.close()
        raise
    plans.use_position_finder(position_finder(plans.recorder))
    return plans


def events_table_name(settings: Settings) -> str:
    """The library names the events table per store (SQLite) or per application (PostgreSQL)."""
    if settings.store == "sqlite":
        return "stored_events"
    return f"{IntegrationPlans.name.lower()}_events"


def rotate_master_key(settings: Settings) -> int:
    """`iplan keys rotate`: re-wraps every plan's data key under a new master key.

    With `IPLAN_MASTER_KEY` set, the new key is that one: put the new key there and the old
    one in `IPLAN_PREVIOUS_MASTER_KEYS`, rotate, then drop the old one. Without it (the
    embedded default), a new key is generated into the key file, kept there beside the old
    one until every data key is re-wrapped, then the old one is removed. No entry is
    rewritten. Answers how many data keys were re-wrapped.
    """
    key_file = None
    if settings.master_key is None and settings.store != "memory":
        key_file = master_key_path(settings)
        current = read_key_file(key_file)
        write_key_file(key_file, [new_key(), *current], replace=True)
    plans = build_plans(settings)
    try:
        count = plans.rewrap_keys()
    finally:
        plans.close()
    if key_file is not None:
        write_key_file(key_file, read_key_file(key_file)[:1], replace=True)
    return count


def position_finder(recorder: ApplicationRecorder) -> PositionFinder:
    """Finds an entry's global position, for answering a repeated idempotent request."""
    if isinstance(recorder, PostgresApplicationRecorder):
        pg = recorder

        def find_in_postgres(plan_id: UUID, version: int) -> int | None:
            statement = (
                f'SELECT notification_id FROM "{pg.datastore.schema}"."{pg.events_table_name}" '  # noqa: S608
                "WHERE originator_id = %s AND originator_version = %s"
            )
            with pg.datastore.transaction(commit=False) as cursor:
                cursor.execute(statement, (plan_id, version))
                row: Any = cursor.fetchone()
            return None if row is None else int(row["notification_id"])

        return find_in_postgres
    if isinstance(recorder, SQLiteApplicationRecorder):
        lite = recorder

        def find_in_sqlite(plan_id: UUID, version: int) -> int | None:
            statement = (
                f"SELECT rowid FROM {lite.events_table_name} "  # noqa: S608
                "WHERE originator_id = ? AND originator_version = ?"
            )
            with lite.datastore.transaction(commit=False) as cursor:
                cursor.execute(statement, (plan_id.hex, version))
                row = cursor.fetchone()
            return None if row is None else int(row[0])

        return find_in_sqlite
    assert isinstance(recorder, POPOApplicationRecorder)
    memory = recorder

    def find_in_memory(plan_id: UUID, version: int) -> int | None:
        index = memory._stored_events_index[str(plan_id)].get(version)
        return None if index is None else index + 1

    return find_in_memory
