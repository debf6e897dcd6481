"""An application whose store seals personal values and chains its entries (section 6).

The infrastructure supplies the adapters (see application/protection.py); this class
plugs them in while the library constructs the application, and answers the operator's
questions: is a plan's history intact, re-wrap the keys under a new master key.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar, cast
from uuid import UUID

from eventsourcing.application import Application, ProcessingEvent
from eventsourcing.domain import BaseAggregate, DomainEventProtocol, MutableOrImmutableAggregate
from eventsourcing.persistence import ApplicationRecorder, EventStore, Mapper, Recording

from application.errors import PlanNotFound
from application.protection import (
    PLAN,
    IntegrityReport,
    KeyRotation,
    KeyStatus,
    StoreAdapters,
)
from domain.entries.lifecycle import (
    EntryRetracted,
    PersonalDataErased,
    PlanOpened,
    PlanTransferred,
)


class ProtectedApplication(Application[UUID]):
    def __init__(
        self, env: dict[str, str] | None = None, *, adapters: StoreAdapters | None = None
    ) -> None:
        # Set before the library constructs the mapper and recorder, which it asks for.
        self._adapters = adapters
        super().__init__(env)

    def construct_mapper(self) -> Mapper[UUID]:
        if self._adapters is None:
            if self.env.get("PERSISTENCE_MODULE", "eventsourcing.popo") != "eventsourcing.popo":
                # Without the adapters, personal values would be stored in plain text.
                raise TypeError("a persistent store needs the adapters: use build_plans()")
            return super().construct_mapper()
        return self._adapters.mapper(self.factory, self.construct_transcoder())

    def construct_recorder(self) -> ApplicationRecorder:
        if self._adapters is None:
            return super().construct_recorder()
        return self._adapters.recorder(self.factory)

    def construct_snapshot_store(self) -> EventStore[UUID]:
        if self._adapters is None:
            return super().construct_snapshot_store()
        recorder = self._adapters.snapshot_recorder(self.factory)
        return self.factory.event_store(mapper=self.mapper, recorder=recorder)

    # Every so many entries a plan is snapshotted, from the plan in memory that was just
    # saved (the library would read it back from the store for that): 0 for never.
    snapshot_every: ClassVar[dict[type[Any], int]] = {}

    def save(
        self,
        *objs: MutableOrImmutableAggregate[UUID] | DomainEventProtocol[UUID] | None,
        **kwargs: Any,
    ) -> list[Recording[UUID]]:
        """Saves, then destroys the key of every plan whose erasure was just recorded,
        whichever way it came (a command, a batch import, the demo county), and takes the
        snapshots due."""
        # What the library's save does, without its run-time protocol checks, which cost
        # more than the rest of a command in Python 3.11 (typing's isinstance on protocols).
        processing = ProcessingEvent[UUID]()
        for obj in objs:
            if isinstance(obj, BaseAggregate):
                processing.events.extend(obj.collect_events())
                processing.aggregates[obj.id] = obj
            elif obj is not None:
                processing.events.append(cast(DomainEventProtocol[UUID], obj))
        processing.saved_kwargs.update(kwargs)
        recordings = self._record(processing)
        self._notify(recordings)
        saved = {recording.domain_event.originator_id for recording in recordings}
        for recording in recordings:
            if isinstance(recording.domain_event, PersonalDataErased):
                self._destroy_key(recording.domain_event.originator_id)
        self._snapshot_saved([o for o in objs if getattr(o, "id", None) in saved], recordings)
        return recordings

    def _snapshot_saved(self, aggregates: list[Any], recordings: list[Recording[UUID]]) -> None:
        if self.snapshots is None:
            return
        first_saved: dict[UUID, int] = {}
        for recording in recordings:
            event = recording.domain_event
            first_saved.setdefault(event.originator_id, event.originator_version)
        for aggregate in aggregates:
            every = self.snapshot_every.get(type(aggregate), 0)
            first = first_saved[aggregate.id]
            # A multiple of `every` among the versions just saved: snapshot the plan now.
            if every and aggregate.version // every > (first - 1) // every:
                self.snapshots.put([type(aggregate).Snapshot.take(aggregate)])

    @property
    def adapters(self) -> StoreAdapters | None:
        """The store's protection (keys, integrity), None for an unprotected memory store."""
        return self._adapters

    def verify_integrity(self, plan_id: UUID) -> IntegrityReport:
        """Checks the plan's stored entries against the hash chain recorded with them."""
        report = self._protection().integrity.verify(plan_id)
        if report is None or report.subject != PLAN:
            raise PlanNotFound(f"no plan {plan_id}")
        return report

    def stored_municipality(self, plan_id: UUID) -> str | None:
        """Where the plan's stored entries place it, read without opening anything personal
        and skipping what does not decode, so that a plan broken by tampering can still be
        placed in a caller's scope (its integrity report is what an auditor asks for)."""
        place: str | None = None
        retracted: set[int] = set()
        entries = []
        for stored in self.recorder.select_events(plan_id):
            try:
                entries.append(Mapper.to_domain_event(self.mapper, stored))
            except Exception:  # noqa: S112 -- tampered bytes: place the plan by the rest
                continue
        retracted = {e.version for e in entries if isinstance(e, EntryRetracted)}
        for entry in entries:
            if (
                isinstance(entry, PlanOpened | PlanTransferred)
                and entry.originator_version not in retracted
            ):
                place = entry.municipality
        return place

    def verify_all(self) -> Iterator[IntegrityReport]:
        """Every chained history's report, one by one (`iplan verify --all`): each plan's,
        and each access record's with `subject` "access_record"."""
        integrity = self._protection().integrity
        for plan_id in integrity.plan_ids():
            report = integrity.verify(plan_id)
            if report is not None:
                yield report

    def anchor(self) -> int | None:
        """A signed checkpoint of every history's head, outside the database (`iplan anchor`)."""
        return self._protection().anchor()

    def key_status(self) -> KeyStatus:
        """The master keys by state, and erasures not final until their wrapping key retires."""
        return self._protection().keys.status()

    def rotate_keys(self) -> KeyRotation:
        """Re-wraps every plan's data key under the configured master key (key rotation)."""
        return self._protection().keys.rotate()

    def _protection(self) -> StoreAdapters:
        if self._adapters is None:
            raise RuntimeError("built without personal-data protection: use build_plans()")
        return self._adapters

    def _refresh_key(self, plan_id: UUID) -> None:
        if self._adapters is not None:
            self._adapters.keys.refresh(plan_id)

    def _readable(self, plan_id: UUID) -> bool:
        """Whether the plan's personal values can be read: its key not destroyed (erased)."""
        return self._adapters is None or self._adapters.keys.readable(plan_id)

    def _destroy_key(self, plan_id: UUID) -> None:
        if self._adapters is not None:
            self._adapters.keys.destroy(plan_id)
