"""A synthetic life as steps: what happened on which day, by whom, and when it was recorded.

A step names one of the plan's commands and its details; a detail may refer to what an
earlier step of the same life recorded (the goal a measure serves, the course it ends),
resolved when the step is run. Recorded times follow the effective dates with the short
delay of a caseworker's day, and never go back within a plan.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID

from application.clock import BERLIN


@dataclass(frozen=True)
class Ref:
    """What step `step` of the same life recorded: the item it made, or (`version`) its
    version, as a retraction names it."""

    step: int
    version: bool = False


@dataclass
class Step:
    index: int  # in the order the life was told: an item is made before it is referred to
    on: date
    command: Callable[..., object] | None  # None: the opening
    details: dict[str, object]
    actor: str
    role: str = "caseworker"
    recorded_at: datetime = datetime.min


@dataclass
class Life:
    """One person's plan: its id, where it is kept, and its steps in recorded order."""

    number: int  # the person's place in the county: breaks ties between equal times
    plan_id: UUID
    steps: list[Step] = field(default_factory=list)

    def add(
        self,
        on: date,
        command: Callable[..., object] | None,
        actor: str,
        role: str = "caseworker",
        /,
        **details: object,
    ) -> Ref:
        self.steps.append(Step(len(self.steps), on, command, details, actor, role))
        return Ref(len(self.steps) - 1)


def schedule(life: Life, rng: random.Random, now: datetime) -> None:
    """Orders the steps by effective date (as told on the same day) and gives each a
    recorded time: in office hours that day or a few days later, what happened on one day
    mostly written up in one sitting; never before the plan's previous entry, never after
    `now` (but by the microseconds that keep the order)."""
    life.steps.sort(key=lambda s: (s.on, s.index))
    previous: Step | None = None
    for step in life.steps:
        if previous is not None and previous.on == step.on and rng.random() < 0.8:
            at = previous.recorded_at + timedelta(seconds=rng.randint(20, 300))
        else:
            at = office_time(step.on, rng) + recording_delay(rng)
        at = min(at, now)
        if previous is not None:
            last = previous.recorded_at
            at = min(
                max(at, last + timedelta(seconds=20)), max(now, last + timedelta(microseconds=1))
            )
        step.recorded_at = at
        previous = step


def office_time(day: date, rng: random.Random) -> datetime:
    minute = rng.randint(8 * 60, 16 * 60)
    local = datetime.combine(day, time(minute // 60, minute % 60), BERLIN)
    return local.astimezone(UTC)


def recording_delay(rng: random.Random) -> timedelta:
    """Most entries are written up the same day; some on the next days, a few a week on."""
    roll = rng.random()
    if roll < 0.65:
        return timedelta(minutes=rng.randint(0, 150))
    if roll < 0.92:
        return timedelta(days=rng.randint(1, 3), minutes=rng.randint(0, 120))
    return timedelta(days=rng.randint(4, 12), minutes=rng.randint(0, 120))


def recorded_order(life: Life, step: Step) -> tuple[datetime, int, int]:
    """The key that interleaves the county's lives into one log."""
    return (step.recorded_at, life.number, step.index)
