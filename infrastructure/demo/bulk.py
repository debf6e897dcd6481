"""The bulk path of `iplan demo`: the same entries, chain links, keys and snapshots that
recording the steps one by one stores (seeding.record_in_order), made plan by plan in
memory and written in the county's recorded order a chunk at a time.

Each life is rehearsed on its plan in memory with the very commands and contexts the
command path runs (runner.rehearse); its entries are sealed by the application's mapper
and chained by the recorder's chain; a plan's history does not depend on how the county's
lives interleave, so the plans can be made one after another and sorted on disk
(staging.py) by recorded time, then written a chunk per transaction (bulk_writers.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from itertools import islice
from typing import cast
from uuid import UUID

from eventsourcing.domain import Snapshot

from application.plans import IntegrationPlans
from domain.entries.lifecycle import PersonalDataErased
from domain.plan import IntegrationPlan
from infrastructure.chained_postgres import ChainedPostgresRecorder
from infrastructure.chained_recorders import ChainedSQLiteRecorder
from infrastructure.demo.bulk_writers import write_chunk
from infrastructure.demo.runner import Progress, rehearse
from infrastructure.demo.staging import Staging
from infrastructure.demo.steps import Life
from infrastructure.encrypting_mapper import PersonalDataMapper

KEY_BATCH = 250  # plans whose keys are stored in one transaction
WRITE_CHUNK = 5000  # entries per transaction


def can_load_in_bulk(plans: IntegrationPlans) -> bool:
    return isinstance(plans.recorder, ChainedSQLiteRecorder | ChainedPostgresRecorder)


def load_in_bulk(
    plans: IntegrationPlans,
    tell: Callable[[], Iterator[Life]],
    persons: int,
    progress: Progress | None = None,
) -> int:
    """Stores the lives' entries as the command path would; answers how many. `tell`
    tells the same lives each time it is called: once to number the plans, once to
    rehearse them."""
    recorder = plans.recorder
    assert isinstance(recorder, ChainedSQLiteRecorder | ChainedPostgresRecorder)
    mapper = cast(PersonalDataMapper, plans.mapper)
    every = plans.snapshot_every.get(IntegrationPlan, 0)
    numbers = file_numbers(plans, tell(), persons, progress)
    snapshots: list[Snapshot] = []
    erased = []
    told = 0
    with Staging() as staging:
        for batch in batches(tell(), KEY_BATCH):
            mapper.keys.store_new_keys([life.plan_id for life in batch])
            for life in batch:
                plan, taken = rehearse(life, plans.policy, numbers[life.plan_id], every)
                snapshots.extend(taken)
                events = plan.collect_events()
                stored = [mapper.to_stored_event(e) for e in events]
                links = recorder.chain.links_for(stored)
                rows = zip(events, stored, links, strict=True)
                staging.add(life.number, [(e.timestamp, s, link) for e, s, link in rows])
                if any(isinstance(e, PersonalDataErased) for e in events):
                    erased.append(life.plan_id)
            told += len(batch)
            if progress:
                progress("telling lives", told, persons)
        written = 0
        for chunk in staging.in_recorded_order(WRITE_CHUNK):
            write_chunk(recorder, chunk)
            written += len(chunk)
            if progress:
                progress("storing entries", written, staging.count)
    if snapshots and plans.snapshots is not None:
        plans.snapshots.put(snapshots)
    for plan_id in erased:  # as saving an erasure does, once it is stored
        mapper.keys.destroy(plan_id)
    return written


def file_numbers(
    plans: IntegrationPlans, lives: Iterator[Life], persons: int, progress: Progress | None
) -> dict[UUID, str]:
    """Each plan's file number from the register, handed out in the order the openings
    are recorded, as the command path has them handed out (one transaction for all)."""
    openings = []
    for life in lives:
        opening = life.steps[0]  # the plan's first entry
        assert opening.command is None
        opened_on = cast(date, opening.details["opened_on"])
        openings.append((opening.recorded_at, life.number, life.plan_id, opened_on.year))
        if progress and (len(openings) % 500 == 0 or len(openings) == persons):
            progress("numbering plans", len(openings), persons)
    openings.sort()
    return plans.file_numbers.reserve_many([(plan_id, year) for _, _, plan_id, year in openings])


def batches(lives: Iterable[Life], size: int) -> Iterator[list[Life]]:
    iterator = iter(lives)
    while batch := list(islice(iterator, size)):
        yield batch
