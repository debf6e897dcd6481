"""Audit log: every entry across plans by actor, role, plan and time (no personal values).

Rows have a `kind`: `entry` for a plan's recorded entries, `read` for a read of a plan's
personal data by an auditor or admin (`PersonalDataRead`, domain/access.py). Both are
events in the same log, so both are keyed by their global position (`seq`). A `read`
row's `version` is the plan version that was read, its `type` the endpoint's route
template (e.g. "GET /v1/plans/{id}/history"), and it has no effective date.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, ClassVar
from uuid import UUID

from eventsourcing.persistence import Tracking

from domain.access import PersonalDataRead
from domain.entries.lifecycle import EntryRetracted
from domain.entry import PlanEvent
from domain.plan import IntegrationPlan
from projections.base import (
    UNCHECKED,
    After,
    BatchProjection,
    BatchView,
    Processed,
    canonical,
)
from projections.memory import MemoryTracking

ENTRY = "entry"
READ = "read"


@dataclass(frozen=True)
class AuditRecord:
    kind: str
    seq: int  # the event's global position (of the entry, or of the read's record)
    plan_id: UUID
    version: int | None
    type: str
    actor: str
    role: str
    correlation_id: str
    recorded_at: datetime
    effective_on: date | None
    retracted_by: int | None = None


@dataclass(frozen=True)
class Retraction:
    plan_id: UUID
    version: int
    by_version: int


@dataclass(frozen=True)
class AuditQuery:
    actor: str | None = None
    plan_id: UUID | None = None
    recorded_from: datetime | None = None  # inclusive
    recorded_to: datetime | None = None  # exclusive
    kind: str | None = None

    def matches(self, r: AuditRecord) -> bool:
        return (
            (self.actor is None or r.actor == self.actor)
            and (self.plan_id is None or r.plan_id == self.plan_id)
            and (self.recorded_from is None or r.recorded_at >= self.recorded_from)
            and (self.recorded_to is None or r.recorded_at < self.recorded_to)
            and (self.kind is None or r.kind == self.kind)
        )


@dataclass(frozen=True)
class AuditPage:
    items: list[AuditRecord]
    next_cursor: str | None


def order_key(r: AuditRecord) -> tuple[str, str, int]:
    return (r.recorded_at.isoformat(), r.kind, r.seq)


def encode_cursor(r: AuditRecord) -> str:
    return f"{r.recorded_at.isoformat()}|{r.kind}|{r.seq}"


def decode_cursor(cursor: str) -> tuple[datetime, str, int]:
    """Raises ValueError for a cursor this service did not hand out."""
    at, kind, seq = cursor.split("|")
    return datetime.fromisoformat(at), kind, int(seq)


def audit_record(entry: PlanEvent, position: int) -> AuditRecord:
    return AuditRecord(
        kind=ENTRY,
        seq=position,
        plan_id=entry.originator_id,
        version=entry.originator_version,
        type=type(entry).__name__,
        actor=entry.actor,
        role=entry.role,
        correlation_id=entry.correlation_id,
        recorded_at=entry.timestamp,
        effective_on=entry.effective_on,
    )


def read_record(read: PersonalDataRead, position: int) -> AuditRecord:
    return AuditRecord(
        kind=READ,
        seq=position,
        plan_id=read.plan_id,
        version=read.plan_version,
        type=read.endpoint,
        actor=read.actor,
        role=read.role,
        correlation_id=read.correlation_id,
        recorded_at=read.timestamp,
        effective_on=None,
    )


class AuditLogView(BatchView):
    name: ClassVar[str] = "audit_log"

    @abstractmethod
    def record(
        self,
        records: Sequence[AuditRecord],
        retractions: Sequence[Retraction],
        tracking: Tracking,
        *,
        after: After = UNCHECKED,
    ) -> None:
        """Appends records, marks retracted entries and records tracking, atomically."""

    @abstractmethod
    def entries(
        self, query: AuditQuery, *, limit: int = 100, cursor: str | None = None
    ) -> AuditPage:
        """Matching records by time of recording, one page after `cursor`."""


class AuditLogProjection(BatchProjection[AuditLogView]):
    name = "audit_log"

    def __init__(self, view: AuditLogView, load: Any = None) -> None:
        super().__init__(view)

    def process_batch(
        self,
        batch: Sequence[Processed],
        followed: Mapping[UUID, IntegrationPlan] | None = None,
        *,
        after: After = UNCHECKED,
    ) -> None:
        if not batch:
            return
        records: list[AuditRecord] = []
        retractions: list[Retraction] = []
        for item in batch:
            entry = item.entry
            if isinstance(entry, PersonalDataRead):
                records.append(read_record(entry, item.tracking.notification_id))
            if not isinstance(entry, PlanEvent):
                continue
            records.append(audit_record(entry, item.tracking.notification_id))
            if isinstance(entry, EntryRetracted):
                retractions.append(
                    Retraction(entry.originator_id, entry.version, entry.originator_version)
                )
        self.view.record(records, retractions, batch[-1].tracking, after=after)


class MemoryAuditLogView(AuditLogView):
    def __init__(self, version: int = 1) -> None:
        self.version = version
        self.tracking = MemoryTracking()
        self._records: dict[tuple[str, int], AuditRecord] = {}
        self._by_entry: dict[tuple[UUID, int], tuple[str, int]] = {}

    def record(
        self,
        records: Sequence[AuditRecord],
        retractions: Sequence[Retraction],
        tracking: Tracking,
        *,
        after: After = UNCHECKED,
    ) -> None:
        key = self.tracking_name(tracking.application_name)
        with self.tracking.lock:
            self.tracking.check(key, tracking, after)
            for r in records:
                self._records[(r.kind, r.seq)] = r
                if r.kind == ENTRY and r.version is not None:
                    self._by_entry[(r.plan_id, r.version)] = (r.kind, r.seq)
            for t in retractions:
                found = self._by_entry.get((t.plan_id, t.version))
                if found is not None:
                    self._records[found] = replace(self._records[found], retracted_by=t.by_version)
            self.tracking.record(key, tracking)

    def insert_tracking(self, tracking: Tracking) -> None:
        self.record((), (), tracking)

    def max_tracking_id(self, application_name: str) -> int | None:
        return self.tracking.position(self.tracking_name(application_name))

    def drop(self) -> None:
        with self.tracking.lock:
            self._records.clear()
            self._by_entry.clear()
            self.tracking.clear()

    def dump(self) -> dict[str, list[dict[str, Any]]]:
        with self.tracking.lock:
            return {"records": canonical(vars(r) for r in self._records.values())}

    def entries(
        self, query: AuditQuery, *, limit: int = 100, cursor: str | None = None
    ) -> AuditPage:
        with self.tracking.lock:
            items = sorted((r for r in self._records.values() if query.matches(r)), key=order_key)
        if cursor is not None:
            at, kind, seq = decode_cursor(cursor)
            after = (at.isoformat(), kind, seq)
            items = [r for r in items if order_key(r) > after]
        page = items[:limit]
        more = len(items) > limit
        return AuditPage(page, encode_cursor(page[-1]) if more and page else None)
