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

from application.answers import PositionFinder
from application.clock import today_in_germany
from application.file_number_upgrade import number_old_plans
from application.plans import IntegrationPlans
from application.protection import KeyRotation
from domain.context import EntryPolicy
from infrastructure.anchors import AnchorBook
from infrastructure.crypto import (
    key_id,
    master_key_path,
    master_keys,
    new_key,
    read_key_file,
    write_key_file,
)
from infrastructure.file_number_register import SqlFileNumbers
from infrastructure.owner_only_file import owner_only_database
from infrastructure.protection import PersonalDataProtection
from infrastructure.reference_data import county_municipalities
from infrastructure.settings import Settings
from infrastructure.sql_database import Database


def build_plans(
    settings: Settings,
    *,
    today: Callable[[], date] = today_in_germany,
    policy: EntryPolicy | None = None,
) -> IntegrationPlans:
    """The plans application; `policy` defaults to the one the settings configure."""
    if settings.store == "sqlite":
        owner_only_database(settings.sqlite_path)
    policy = policy or entry_policy(settings)  # read before anything opens
    protection = PersonalDataProtection(
        master_keys(settings),
        connect_timeout=settings.postgres_connect_timeout,
        anchors=anchor_book(settings),
    )
    plans = IntegrationPlans(
        settings.eventsourcing_env(), today=today, adapters=protection, policy=policy
    )
    try:
        # Fails fast when the master key does not fit the database, or the chain's key is
        # missing or changed (never silently made anew).
        protection.integrity_key()
        protection.check_integrity_key()
    except Exception:
        plans.close()
        raise
    plans.use_position_finder(position_finder(plans.recorder))
    register = file_number_register(plans, settings)
    if register is not None:
        plans.use_file_numbers(register)
        number_old_plans(plans)  # the first process after an upgrade gives the numbers
    return plans


def file_number_register(plans: IntegrationPlans, settings: Settings) -> SqlFileNumbers | None:
    recorder = plans.recorder
    if not isinstance(recorder, PostgresApplicationRecorder | SQLiteApplicationRecorder):
        return None  # the memory store: the application's own register
    register = SqlFileNumbers(Database(recorder.datastore), events_table_name(settings))
    register.create_tables()
    return register


def entry_policy(settings: Settings) -> EntryPolicy:
    """What the county accepts (DESIGN 8a): its municipalities and the earliest date.

    Raises ReferenceDataError for a configured municipalities file that cannot be used.
    """
    return EntryPolicy(
        earliest_date=settings.earliest_date,
        municipalities=frozenset(m.ags for m in county_municipalities(settings)),
    )


def anchor_book(settings: Settings) -> AnchorBook | None:
    """The anchor checkpoints beside a durable store (the memory store keeps nothing)."""
    if settings.store == "memory":
        return None
    return AnchorBook(settings.anchor_path, settings.anchor_key_path, settings.anchor_public_key)


def events_table_name(settings: Settings) -> str:
    """The library names the events table per store (SQLite) or per application (PostgreSQL)."""
    if settings.store == "sqlite":
        return "stored_events"
    return f"{IntegrationPlans.name.lower()}_events"


def rotate_master_key(settings: Settings) -> KeyRotation:
    """`iplan keys rotate`: makes the configured master key the store's and re-wraps every
    data key under it, without rewriting an entry; safe while services run (the protocol
    in infrastructure/key_tables.py). Retires the master keys that wrap nothing any more.

    With `IPLAN_MASTER_KEY` set, the new key is that one (the old one in
    `IPLAN_PREVIOUS_MASTER_KEYS` on every process until the rotation is done). Without it
    (the embedded default), a new key is generated into the key file first, where running
    services find it when the store starts naming it; retired keys leave the file after.
    """
    key_file = None
    if settings.master_key is None and settings.store != "memory":
        key_file = master_key_path(settings)
        write_key_file(key_file, [new_key(), *read_key_file(key_file)], replace=True)
    plans = build_plans(settings)
    try:
        rotation = plans.rotate_keys()
    finally:
        plans.close()
    if key_file is not None:
        kept = [k for k in read_key_file(key_file) if key_id(k) not in rotation.retired]
        write_key_file(key_file, kept, replace=True)
    return rotation


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
