"""Seeds the synthetic county: each person's life told in turn, then recorded in the order
of its recorded times, interleaved across plans as a county's log is."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from typing import Any, cast

from application.plans import IntegrationPlans
from domain.context import EntryContext
from infrastructure.demo.bulk import can_load_in_bulk, load_in_bulk
from infrastructure.demo.county import build_county, persons_per_municipality
from infrastructure.demo.life import tell_life
from infrastructure.demo.runner import LifeRun, Outcome, Progress
from infrastructure.demo.steps import Life, Step, recorded_order


class AlreadySeeded(ValueError):
    """The store holds plans of this seed already: the same seed makes the same plans."""


def county_lives(
    persons: int, seed: int, today: date, now: datetime | None = None
) -> Iterator[Life]:
    """The county's persons' lives, deterministic for a seed (and today and now)."""
    rng = random.Random(seed)  # noqa: S311 -- synthetic data, reproducible by seed
    county = build_county(rng)
    now = now or datetime.now(UTC)
    for number, municipality in enumerate(persons_per_municipality(county, persons)):
        yield tell_life(rng, county, municipality, number, today, now)


def record_in_order(
    plans: IntegrationPlans, lives: list[Life], progress: Progress | None = None
) -> int:
    """Records every life's steps through the application, one command each (the write
    path of the API), in the county's recorded order; answers how many were recorded."""
    runs = {life.number: LifeRun(life, plans.policy) for life in lives}
    order = sorted(
        ((recorded_order(life, step), life, step) for life in lives for step in life.steps),
        key=lambda item: item[0],
    )

    def record(life: Life) -> Callable[[Step, EntryContext, dict[str, Any]], Outcome]:
        def through_commands(step: Step, ctx: EntryContext, details: dict[str, Any]) -> Outcome:
            if step.command is None:
                opened = plans.open_plan(ctx, plan_id=life.plan_id, **details)
                return None, opened.version
            command = cast(Any, step.command)
            recorded = plans.record(life.plan_id, command, ctx, **details)
            return recorded.child_id, recorded.version

        return through_commands

    recorders = {life.number: record(life) for life in lives}
    entries = 0
    for done, (_, life, step) in enumerate(order, start=1):
        entries += runs[life.number].run(step, recorders[life.number])
        if progress and (done % 500 == 0 or done == len(order)):
            progress("recording entries", done, len(order))
    return entries


def seed_demo_county(
    plans: IntegrationPlans,
    *,
    persons: int = 2000,
    seed: int = 2017,
    now: datetime | None = None,
    bulk: bool | None = None,
    progress: Progress | None = None,
) -> int:
    """Seeds `persons` plans; answers the number of entries recorded.

    Through the application's commands, one at a time (`bulk=False`), or by the bulk path,
    which stores the same (bulk.py): the default on SQLite and PostgreSQL, where a command
    commits (and flushes to disk) on its own, and a county takes minutes that way.
    """
    today, now = plans.today(), now or datetime.now(UTC)
    lives = county_lives(persons, seed, today, now)
    first = next(lives, None)
    if first is None:
        return 0
    refuse_a_second_time(plans, first, seed)
    if bulk if bulk is not None else can_load_in_bulk(plans):
        return load_in_bulk(
            plans, lambda: county_lives(persons, seed, today, now), persons, progress
        )
    told = [first]
    for life in lives:
        told.append(life)
        if progress and (len(told) % 100 == 0 or len(told) == persons):
            progress("telling lives", len(told), persons)
    return record_in_order(plans, told, progress)


def refuse_a_second_time(plans: IntegrationPlans, first: Life, seed: int) -> None:
    if plans.recorder.select_events(first.plan_id, limit=1):
        raise AlreadySeeded(f"plans of seed {seed} are already in this store")
