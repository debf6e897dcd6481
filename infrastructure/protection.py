"""Plugs personal-data protection into the application: sealing mapper, keys, chained recorder."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from eventsourcing.persistence import (
    AggregateRecorder,
    ApplicationRecorder,
    InfrastructureFactory,
    Mapper,
    Transcoder,
)
from eventsourcing.popo import POPOFactory
from eventsourcing.postgres import PostgresFactory
from eventsourcing.sqlite import SQLiteFactory

from infrastructure.chained_recorders import (
    ChainedPOPORecorder,
    ChainedPostgresRecorder,
    ChainedSQLiteRecorder,
    RecorderIntegrity,
    SnapshotPostgresRecorder,
)
from infrastructure.crypto import KeyMaterialError, MasterKeys
from infrastructure.encrypting_mapper import PersonalDataMapper
from infrastructure.keystore import (
    INTEGRITY_KEY_ID,
    KeyRing,
    KeyTable,
    MemoryKeyTable,
    PostgresKeyTable,
    SQLiteKeyTable,
)
from infrastructure.postgres_connections import bound_waits


class PersonalDataProtection:
    """The application's StoreAdapters: one per application, used while it is constructed."""

    def __init__(self, masters: MasterKeys, *, connect_timeout: float = 5.0) -> None:
        self.masters = masters
        self.connect_timeout = connect_timeout
        self._keys: KeyRing | None = None
        self._integrity: RecorderIntegrity | None = None
        self._integrity_key: bytes | None = None

    @property
    def keys(self) -> KeyRing:
        if self._keys is None:
            raise RuntimeError("the mapper was not constructed yet")
        return self._keys

    @property
    def integrity(self) -> RecorderIntegrity:
        if self._integrity is None:
            raise RuntimeError("the recorder was not constructed yet")
        return self._integrity

    def mapper(self, factory: InfrastructureFactory[Any], transcoder: Transcoder) -> Mapper[UUID]:
        if isinstance(factory, PostgresFactory):
            # Asked first, before anything touches the database.
            bound_waits(factory.datastore, self.connect_timeout)
        self._keys = KeyRing(_key_table(factory), self.masters)
        return PersonalDataMapper(
            transcoder,
            factory.compressor(),
            factory.cipher(),
            keys=self._keys,
            secret=self.integrity_key,
        )

    def recorder(self, factory: InfrastructureFactory[Any]) -> ApplicationRecorder:
        recorder: ChainedPOPORecorder | ChainedSQLiteRecorder | ChainedPostgresRecorder
        if isinstance(factory, POPOFactory):
            recorder = ChainedPOPORecorder(chain_secret=self.integrity_key)
        elif isinstance(factory, SQLiteFactory):
            recorder = ChainedSQLiteRecorder(factory.datastore, chain_secret=self.integrity_key)
            if factory.env_create_table():
                recorder.create_table()
        elif isinstance(factory, PostgresFactory):
            recorder = ChainedPostgresRecorder(
                factory.datastore,
                events_table_name=f"{factory.env.name.lower() or 'stored'}_events",
                chain_secret=self.integrity_key,
            )
            if factory.env_create_table():
                recorder.create_table()
        else:
            raise TypeError(f"no chained recorder for {type(factory).__name__}")
        self._integrity = RecorderIntegrity(recorder)
        return recorder

    def snapshot_recorder(self, factory: InfrastructureFactory[Any]) -> AggregateRecorder:
        if not isinstance(factory, PostgresFactory):
            return factory.aggregate_recorder(purpose="snapshots")
        recorder = SnapshotPostgresRecorder(
            factory.datastore,
            events_table_name=f"{factory.env.name.lower() or 'stored'}_snapshots",
        )
        if factory.env_create_table():
            recorder.create_table()
        return recorder

    def integrity_key(self) -> bytes:
        """The chain's HMAC key: made once, wrapped by the master key like a plan's key.

        Loading it at start-up also checks that the master key fits the database.
        """
        if self._integrity_key is None:
            key = self.keys.data_key(INTEGRITY_KEY_ID, create=True)
            if key is None:
                raise KeyMaterialError("the store's integrity key is missing")
            self._integrity_key = key
        return self._integrity_key


def _key_table(factory: InfrastructureFactory[Any]) -> KeyTable:
    if isinstance(factory, SQLiteFactory):
        sqlite_table = SQLiteKeyTable(factory.datastore)
        sqlite_table.create_table()
        return sqlite_table
    if isinstance(factory, PostgresFactory):
        postgres_table = PostgresKeyTable(factory.datastore)
        postgres_table.create_table()
        return postgres_table
    return MemoryKeyTable()
