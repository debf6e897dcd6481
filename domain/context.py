"""Who records an entry, in which request, and what day it is for them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class EntryContext:
    """Metadata every entry carries, plus today's date for the effective-date rules."""

    actor: str
    role: str
    correlation_id: str
    today: date
    idempotency_key: str | None = None
    request_digest: str | None = None
