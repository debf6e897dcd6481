"""What a write answers (`Recorded`), and the first answer to a request repeated with the
same Idempotency-Key, which records nothing new."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, cast
from uuid import NAMESPACE_URL, UUID, uuid5

from application.errors import IdempotencyKeyReused
from domain.context import EntryContext
from domain.entry import PlanEvent
from domain.plan import IntegrationPlan

# Plan ids for idempotent opening are derived from the actor and the key.
IDEMPOTENT_OPEN_NAMESPACE = uuid5(NAMESPACE_URL, "urn:iplan:idempotent-open")

PositionFinder = Callable[[UUID, int], int | None]
# The store's entries of a plan between two versions (EventStore.get's gt and lte).
EntriesBetween = Callable[[UUID, int, int], Iterable[Any]]


@dataclass(frozen=True)
class Recorded:
    """What a write answers: the plan, its new version, the event's global position."""

    id: UUID
    version: int
    position: int | None
    child_id: UUID | None = None
    child_field: str | None = None  # the name the answer gives child_id, e.g. "goal_id"
    repeated: bool = False

    @classmethod
    def of(cls, entry: PlanEvent, position: int | None, *, repeated: bool = False) -> Recorded:
        """The answer for a recorded entry; it names the item the entry created, if any."""
        return cls(
            entry.originator_id,
            entry.originator_version,
            position,
            entry.child_id(),
            entry.CHILD_ID,
            repeated,
        )


def idempotent_plan_id(ctx: EntryContext) -> UUID:
    """The id a plan opened with this request's Idempotency-Key has, however often sent."""
    return uuid5(IDEMPOTENT_OPEN_NAMESPACE, f"{ctx.actor}\n{ctx.idempotency_key}")


def repeated_answer(
    plan: IntegrationPlan,
    ctx: EntryContext,
    entries_between: EntriesBetween,
    find_position: PositionFinder | None,
) -> Recorded | None:
    """The first answer to a request with the same Idempotency-Key, if there was one."""
    if ctx.idempotency_key is None:
        return None
    prior = plan.recorded_request(ctx.actor, ctx.idempotency_key)
    if prior is None:
        return None
    digest, version = prior
    if digest != ctx.request_digest:
        raise IdempotencyKeyReused("this Idempotency-Key was used before with a different request")
    entry = cast(PlanEvent, next(iter(entries_between(plan.id, version - 1, version))))
    position = find_position(plan.id, version) if find_position else None
    return Recorded.of(entry, position, repeated=True)
