"""Several projections caught up in one pass over the log: a rebuild of all of them, or
a store just filled in bulk (`iplan demo`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import cast
from uuid import UUID

import structlog
from eventsourcing.persistence import Tracking

from application.plans import IntegrationPlans
from infrastructure.chained_recorders import ChainedRecorder
from infrastructure.projection_runner import ProjectionWorker, decode_without_personal
from projections.base import PlanFollower, PlanRowsProjection, Processed

log = structlog.get_logger("iplan.projections")


def catch_up_together(
    plans: IntegrationPlans,
    workers: Sequence[ProjectionWorker],
    batch_size: int = 500,
    progress: Callable[[int], None] | None = None,
    *,
    unserved: bool = False,
) -> None:
    """Catches up projections standing at the same position in one pass over the log.

    Each batch is read and decoded once, and the plans are followed once, for all of
    them; each projection still commits its own view with its own tracking record.
    Projections that drift apart (one failed) finish on their own.

    `unserved`: the views are a new generation nobody reads yet (a rebuild). A plan's rows
    are then computed once, in the batch of its last entry so far, not in every batch
    that touches it; until that batch the view may lack them, which no reader sees (an
    interrupted rebuild starts again from nothing).
    """
    loads = [
        w.projection.follower.load for w in workers if isinstance(w.projection, PlanRowsProjection)
    ]
    follower = PlanFollower(loads[0] if loads else None)
    last_versions: dict[UUID, int] | None = None
    if unserved and workers:
        recorder = cast(ChainedRecorder, plans.recorder)  # every store's recorder is chained
        since, upto = workers[0].position() or 0, recorder.max_notification_id() or 0
        last_versions = {p: v for p, v, _ in recorder.chain_heads(since, upto)}
    try:
        while True:
            afters = [w.position() for w in workers]
            if len({a or 0 for a in afters}) != 1:
                break
            start = (afters[0] or 0) + 1
            notifications = plans.recorder.select_notifications(start, batch_size)
            if not notifications:
                break
            batch = [
                Processed(decode_without_personal(plans.mapper, n), Tracking(plans.name, n.id))
                for n in notifications
            ]
            followed = follower.advance_batch(batch)
            if last_versions is not None:
                followed = {
                    plan_id: plan
                    for plan_id, plan in followed.items()
                    if plan.version >= last_versions.get(plan_id, 0)
                }
            for worker, after in zip(workers, afters, strict=True):
                worker.projection.process_batch(batch, followed, after=after)
            if progress is not None:
                progress(len(batch) * len(workers))
    except Exception:
        log.exception("projection_rebuild_together_failed")
    for worker in workers:
        worker.catch_up(progress=progress)
