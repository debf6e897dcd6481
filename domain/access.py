"""Reads of personal data by auditors and admins, recorded as events (DESIGN section 6).

Each read is a small aggregate of its own (an `AccessRecord` with a fresh id), so that
recording a read never races a write to the plan, and the record lands in the same
event store, in the same order, as the plan's entries: the audit log projection sees
reads and entries interleaved as they happened, and a rebuild keeps them. It names who
read which plan at which version, through which endpoint, in which request; it holds
no personal value.
"""

from __future__ import annotations

from typing import Any, ClassVar
from uuid import UUID, uuid4

from eventsourcing.domain import Aggregate

from domain.context import EntryContext


class AccessEvent(Aggregate.Event):
    """Base of the access records' events."""

    TOPIC: ClassVar[str] = "iplan:AccessEvent"


class PersonalDataRead(AccessEvent, Aggregate.Created):
    """An auditor or admin was shown a plan's personal data."""

    TOPIC: ClassVar[str] = "iplan:PersonalDataRead"
    plan_id: UUID
    plan_version: int
    endpoint: str  # the route template, e.g. "GET /v1/plans/{id}/history"
    actor: str
    role: str
    correlation_id: str


class AccessRecord(Aggregate):
    """One read of one plan's personal data; it never changes after it was recorded."""

    TOPIC = "iplan:AccessRecord"
    Event = AccessEvent
    Created = PersonalDataRead

    def __init__(
        self,
        plan_id: UUID,
        plan_version: int,
        endpoint: str,
        actor: str,
        role: str,
        correlation_id: str,
    ) -> None:
        self.plan_id = plan_id
        self.plan_version = plan_version
        self.endpoint = endpoint
        self.actor = actor
        self.role = role
        self.correlation_id = correlation_id

    @classmethod
    def record(
        cls, *, plan_id: UUID, plan_version: int, endpoint: str, ctx: EntryContext
    ) -> AccessRecord:
        details: dict[str, Any] = {
            "plan_id": plan_id,
            "plan_version": plan_version,
            "endpoint": endpoint,
            "actor": ctx.actor,
            "role": ctx.role,
            "correlation_id": ctx.correlation_id,
        }
        return cls._create(PersonalDataRead, id=uuid4(), **details)
