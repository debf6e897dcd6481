"""Ports for personal-data protection: the plans' keys and their tamper-evident histories."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol
from uuid import UUID

from eventsourcing.persistence import (
    AggregateRecorder,
    ApplicationRecorder,
    InfrastructureFactory,
    Mapper,
    Transcoder,
)

# What a chained history belongs to: a plan, or one access record (a read of personal
# data, domain/access.py), which is chained like a plan's entries so that a changed
# record is detected too.
PLAN = "plan"
ACCESS_RECORD = "access_record"


class KeysUnavailable(Exception):
    """The adapters cannot open a plan's key now (its master key was rotated elsewhere and
    this process lacks it): the store is not tampered with, the process must be updated."""


@dataclass(frozen=True)
class IntegrityReport:
    """Whether a plan's stored history is intact; if not, where it first breaks and how.

    `subject` says what `plan_id` names: a plan, or an access record (then it is the
    record's id); a history with no stored entry left at all counts as a plan's.
    """

    plan_id: UUID
    ok: bool
    checked: int
    first_bad_version: int | None = None
    problem: str | None = None
    subject: str = PLAN


@dataclass(frozen=True)
class KeyRotation:
    """What a master key rotation did: keys re-wrapped, the store's current master key (by
    id), and the master keys retired (wrapping no stored key any more)."""

    rewrapped: int
    current: str
    retired: list[str]


@dataclass(frozen=True)
class PendingErasure:
    """An erasure whose destroyed key may still sit in WAL archives or backups, wrapped by
    a master key that is not retired yet."""

    plan_id: UUID
    erased_at: datetime
    wrapping_key_id: str


@dataclass(frozen=True)
class KeyStatus:
    masters: dict[str, str]  # master key id -> current, previous or retired
    pending_erasures: list[PendingErasure]


class PlanKeys(Protocol):
    """Each plan's data key: destroying it makes the plan's personal values unreadable."""

    def destroy(self, plan_id: UUID) -> None: ...

    def refresh(self, plan_id: UUID) -> None:
        """Forgets the plan's cached key if another process destroyed it meanwhile, so that
        not even a read of the plan as it was before its erasure shows personal values."""
        ...

    def readable(self, plan_id: UUID) -> bool:
        """Whether the plan's personal values can be read: its key is not destroyed."""
        ...

    def rotate(self) -> KeyRotation:
        """Makes the configured master key the store's and re-wraps every data key under it."""
        ...

    def status(self) -> KeyStatus: ...


class PlanIntegrity(Protocol):
    """Checks stored histories against the chain recorded beside them."""

    def verify(self, plan_id: UUID) -> IntegrityReport | None:
        """The plan's report; None when nothing at all is stored for it."""
        ...

    def plan_ids(self) -> Iterable[UUID]:
        """Every plan with stored entries or chain links."""
        ...


class StoreAdapters(Protocol):
    """What the infrastructure plugs into the application while it is being constructed.

    `mapper` is asked first, then `recorder`, then `snapshot_recorder`; afterwards `keys`
    and `integrity` serve.
    """

    @property
    def keys(self) -> PlanKeys: ...

    @property
    def integrity(self) -> PlanIntegrity: ...

    def mapper(
        self, factory: InfrastructureFactory[Any], transcoder: Transcoder
    ) -> Mapper[UUID]: ...

    def recorder(self, factory: InfrastructureFactory[Any]) -> ApplicationRecorder: ...

    def snapshot_recorder(self, factory: InfrastructureFactory[Any]) -> AggregateRecorder: ...

    def anchor(self) -> int | None:
        """Writes a signed checkpoint of every history's head outside the database, if
        anything was recorded since the last; answers its number."""
        ...
