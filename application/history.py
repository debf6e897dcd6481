"""A plan's history for auditors: every entry with its metadata and what retracted it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from application.errors import VersionNotFound
from domain.entries.lifecycle import EntryRetracted
from domain.entry import PlanEvent

_ENVELOPE = frozenset(
    {
        "originator_id",
        "originator_version",
        "timestamp",
        "originator_topic",
        "effective_on",
        "actor",
        "role",
        "correlation_id",
        "idempotency_key",
        "request_digest",
        "personal",
    }
)


@dataclass(frozen=True)
class HistoryEntry:
    version: int
    type: str
    effective_on: date
    recorded_at: datetime
    actor: str
    role: str
    correlation_id: str
    data: dict[str, Any]
    personal: dict[str, Any] | None
    retracted_by: int | None


def entry_data(entry: PlanEvent) -> dict[str, Any]:
    """The entry's own fields, without the envelope every entry shares."""
    return {k: v for k, v in vars(entry).items() if k not in _ENVELOPE}


def build_history(entries: Iterable[PlanEvent]) -> list[HistoryEntry]:
    entries = list(entries)
    retracted_by = {
        e.version: e.originator_version for e in entries if isinstance(e, EntryRetracted)
    }
    return [
        HistoryEntry(
            version=e.originator_version,
            type=type(e).__name__,
            effective_on=e.effective_on,
            recorded_at=e.timestamp,
            actor=e.actor,
            role=e.role,
            correlation_id=e.correlation_id,
            data=entry_data(e),
            personal=e.personal,
            retracted_by=retracted_by.get(e.originator_version),
        )
        for e in entries
    ]


def version_as_of(entries: Iterable[PlanEvent], as_of: datetime) -> int:
    """The version a plan had at a point in time: its last entry recorded by then."""
    version = None
    for entry in entries:
        if entry.timestamp > as_of:
            break
        version = entry.originator_version
    if version is None:
        raise VersionNotFound(f"the plan had no entries by {as_of.isoformat()}")
    return version
