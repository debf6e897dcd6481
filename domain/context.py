"""Who records an entry, in which request, what day it is for them, and what the county allows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

# The correlation ids of synthetic entries (`iplan demo`) start with this.
SYNTHETIC = "demo-"


@dataclass(frozen=True)
class EntryPolicy:
    """What a county configures about the entries it accepts (DESIGN 8a).

    The application holds one, built from the settings; the domain does no I/O. It is
    checked only when a command records an entry, never when history is replayed, so a
    changed setting never makes a stored plan unreadable.
    """

    # No effective date lies before this day (IPLAN_EARLIEST_DATE).
    earliest_date: date = date(2015, 1, 1)
    # The county's municipality keys; None accepts any well-formed key (unit tests, tools).
    municipalities: frozenset[str] | None = None
    # Due, target and start dates lie at most this many years after today.
    years_ahead: int = 10


@dataclass(frozen=True)
class EntryContext:
    """Metadata every entry carries, plus what the rules and the application need around it."""

    actor: str
    role: str
    correlation_id: str
    today: date
    idempotency_key: str | None = None
    request_digest: str | None = None
    # The plan version the client expects (If-Match); None writes on whatever is current.
    expected_version: int | None = None
    # The municipalities the actor may see; None: the whole county. A plan outside them
    # is answered as if it did not exist.
    scope: frozenset[str] | None = None
    policy: EntryPolicy = EntryPolicy()
    # When the entry is recorded; None: now (the library's clock). Only a synthetic
    # history sets it, the demo county replaying lives of the past, and its entries say
    # so: their correlation ids start with SYNTHETIC. Requests never carry it
    # (IntegrationPlans.context builds theirs).
    recorded_at: datetime | None = None

    def __post_init__(self) -> None:
        if self.recorded_at is not None and not self.correlation_id.startswith(SYNTHETIC):
            raise ValueError("only a synthetic entry may be recorded at a chosen time")

    def covers(self, municipality: str) -> bool:
        return self.scope is None or municipality in self.scope
