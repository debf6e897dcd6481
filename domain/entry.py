"""What every entry is (DESIGN section 3), and the @entry decorator that names and registers one.

Every entry carries its effective date (when it happened) beside the library's
`timestamp` (when it was recorded), the acting user, role, correlation id and
idempotency key, and its personal values apart in `personal`, so that they can be
encrypted and erased without reshaping the event. `personal` is None once the plan's
data was erased.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar, TypedDict, TypeVar, dataclass_transform
from uuid import UUID

from eventsourcing.domain import Aggregate
from eventsourcing.utils import register_topic

from domain.context import EntryContext

Personal = dict[str, Any] | None
E = TypeVar("E", bound="PlanEvent")

# Every kind of entry, in the order its module declared it; filled by @entry.
_CATALOGUE: list[type[PlanEvent]] = []


@dataclass_transform(frozen_default=True)
class FrozenEvent(Aggregate.Event):
    """Lets type checkers see what the library makes of every event class at run time: a
    frozen dataclass. So mypy checks each field name and type where an entry is made."""


class PlanEvent(FrozenEvent):
    """Base of every entry. `apply` hands the entry to the plan, which folds it into its state."""

    TOPIC: ClassVar[str]
    # What the plan-wide rules and the application need to know of each kind of entry:
    CHILD_ID: ClassVar[str | None] = None  # the field naming the item this entry creates
    ACCEPTED_WHEN_CLOSED: ClassVar[bool] = False
    ACCEPTED_AFTER_ADVICE_PERIOD: ClassVar[bool] = False
    ACCEPTED_WHEN_ERASED: ClassVar[bool] = False
    NOT_RETRACTABLE: ClassVar[str | None] = None  # why a retraction may not name it, if so

    effective_on: date
    actor: str
    role: str
    correlation_id: str
    # The client's Idempotency-Key and a digest of its request: recorded in the entry
    # itself, so that a repeated request is recognised atomically with the write.
    idempotency_key: str | None
    request_digest: str | None
    personal: Personal

    def apply(self, aggregate: Any) -> None:
        aggregate.take_entry(self)

    def without_personal(self) -> PlanEvent:
        """The same entry with its personal values destroyed (after erasure)."""
        return type(self)(**{**vars(self), "personal": None})

    def personal_value(self, key: str) -> Any:
        """A personal value, or None once the plan's personal data was erased."""
        return None if self.personal is None else self.personal.get(key)

    def child_id(self) -> UUID | None:
        """The id of the item this entry creates (a goal, a measure, ...), if it creates one."""
        if self.CHILD_ID is None:
            return None
        value: UUID = getattr(self, self.CHILD_ID)
        return value

    def dates_ahead(self) -> dict[str, date]:
        """Dates besides the effective date, which may lie ahead: due, target, start dates."""
        return {}

    def municipalities_named(self) -> tuple[str, ...]:
        """Municipality keys the entry names (checked against the county's list)."""
        return ()


def entry(cls: type[E]) -> type[E]:
    """Gives an entry class its stable topic `iplan:<ClassName>` and registers it.

    The topic is stored with every entry: it never depends on the module path, so moving
    the class never breaks stored history, and registering it here means any process that
    imports the class can read it back (`eventsourcing.utils.resolve_topic`).
    """
    cls.TOPIC = f"iplan:{cls.__name__}"
    register_topic(cls.TOPIC, cls)
    _CATALOGUE.append(cls)
    return cls


def entry_types() -> tuple[type[PlanEvent], ...]:
    """Every kind of entry whose module was imported (domain.plan imports them all)."""
    return tuple(_CATALOGUE)


class Envelope(TypedDict):
    """What every entry carries besides its own fields; `**envelope` passes it on, typed."""

    originator_id: UUID
    originator_version: int
    timestamp: datetime
    effective_on: date
    actor: str
    role: str
    correlation_id: str
    idempotency_key: str | None
    request_digest: str | None
    personal: Personal


def envelope(
    plan_id: UUID, version: int, ctx: EntryContext, effective_on: date, personal: Personal
) -> Envelope:
    """The envelope of the entry a command records as the plan's `version`."""
    return Envelope(
        originator_id=plan_id,
        originator_version=version,
        timestamp=ctx.recorded_at or PlanEvent.create_timestamp(),
        effective_on=effective_on,
        actor=ctx.actor,
        role=ctx.role,
        correlation_id=ctx.correlation_id,
        idempotency_key=ctx.idempotency_key,
        request_digest=ctx.request_digest,
        personal=personal,
    )
