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

from infrastructure.anchors import AnchorBook, AnchorError, key_check
from infrastructure.chained_postgres import ChainedPostgresRecorder, SnapshotPostgresRecorder
from infrastructure.chained_recorders import (
    ChainedPOPORecorder,
    ChainedSQLiteRecorder,
)
from infrastructure.crypto import KeyMaterialError, MasterKeys
from infrastructure.encrypting_mapper import PersonalDataMapper
from infrastructure.fast_json import FastJSONTranscoder
from infrastructure.integrity import GENESIS
from infrastructure.key_tables import KeyTable, SQLiteKeyTable
from infrastructure.keystore import INTEGRITY_KEY_ID, KeyRing
from infrastructure.memory_key_table import MemoryKeyTable
from infrastructure.plan_integrity import RecorderIntegrity
from infrastructure.postgres_connections import bound_waits
from infrastructure.postgres_key_table import PostgresKeyTable


class IntegrityKeyMissing(KeyMaterialError):
    """The chain's key is gone from a store that holds entries."""


class IntegrityKeyChanged(KeyMaterialError):
    """The chain's key is not the one the stored entries were chained with."""


class PersonalDataProtection:
    """The application's StoreAdapters: one per application, used while it is constructed."""

    def __init__(
        self,
        masters: MasterKeys,
        *,
        connect_timeout: float = 5.0,
        anchors: AnchorBook | None = None,
    ) -> None:
        self.masters = masters
        self.connect_timeout = connect_timeout
        self.anchors = anchors
        self._keys: KeyRing | None = None
        self._integrity: RecorderIntegrity | None = None
        self._recorder: ChainedPOPORecorder | ChainedSQLiteRecorder | ChainedPostgresRecorder
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
            FastJSONTranscoder.like(transcoder),
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
        self._integrity = RecorderIntegrity(recorder, self.keys, self.anchors)
        self._recorder = recorder
        return recorder

    def snapshot_recorder(self, factory: InfrastructureFactory[Any]) -> AggregateRecorder:
        recorder: AggregateRecorder
        if isinstance(factory, PostgresFactory):
            recorder = SnapshotPostgresRecorder(
                factory.datastore,
                events_table_name=f"{factory.env.name.lower() or 'stored'}_snapshots",
            )
            if factory.env_create_table():
                recorder.create_table()
        else:
            recorder = factory.aggregate_recorder(purpose="snapshots")
        self.integrity.snapshots = recorder  # a snapshot beyond the last entry is a finding
        return recorder

    def integrity_key(self) -> bytes:
        """The chain's HMAC key: made with the store's first entry, wrapped by the master key
        like a plan's key, never made again (DESIGN 6a: a new key would make every plan
        fail its check, and hide why).

        Loading it at start-up also checks that the master key fits the database.
        """
        if self._integrity_key is None:
            stored = self.keys.table.select(INTEGRITY_KEY_ID) is not None
            if not stored and self._recorder.max_notification_id() is not None:
                raise IntegrityKeyMissing(
                    "the store's integrity key is missing from plan_keys although entries "
                    "are stored: restore it from a backup (a new key would make every plan "
                    "fail its integrity check)"
                )
            key = self.keys.data_key(INTEGRITY_KEY_ID, create=not stored)
            if key is None:
                raise IntegrityKeyMissing("the store's integrity key was destroyed")
            self._integrity_key = key
        return self._integrity_key

    def anchor(self) -> int | None:
        if self.anchors is None:
            return None
        return self.anchors.write(self._recorder, self.integrity_key())

    def check_integrity_key(self) -> None:
        """Refuses a changed integrity key: the anchor checkpoints name the key they were
        written with, and the first links of the first histories in the log must be what
        this key computes (one changed entry alone does not stop the service; `iplan
        verify` finds it). Checkpoints that cannot be trusted do not stop it either: every
        integrity report then fails and says why."""
        if self.anchors is not None:
            try:
                anchored = self.anchors.read()
            except AnchorError:
                anchored = None
            if anchored is not None and anchored.key_check != key_check(self.integrity_key()):
                raise IntegrityKeyChanged(
                    "the store's integrity key is not the one the anchor checkpoints were "
                    "written with: refusing to start"
                )
        recorder = self._recorder
        firsts = [n for n in recorder.select_notifications(1, 50) if n.originator_version == 1]
        for first in firsts[:3]:
            plan_id = first.originator_id
            stored, links = recorder.select_history(
                plan_id if isinstance(plan_id, UUID) else UUID(str(plan_id))
            )
            recorded = dict(links).get(1)
            if stored and recorded and recorder.chain.fits(GENESIS, stored[0], recorded):
                return
        if firsts:
            raise IntegrityKeyChanged(
                "the store's integrity key does not fit the chain of the entries stored with "
                "it (was plan_keys restored from another store?): refusing to start"
            )


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
