"""The four read models on the configured store: their views, workers, status and rebuilds.

`ReadModels` is what the API and CLI use: typed views to query (`summary`,
`worklist`, `audit_log`, `analytics`), `wait_for(position)` for read-your-writes,
`status()`, and `rebuild(name)`, which fills a new generation of the view beside the
serving one and switches over when it has caught up. Which read models there are, and
how each is built, is in read_model_kinds.py.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from typing import cast

import structlog
from eventsourcing.postgres import PostgresApplicationRecorder

from application.plans import IntegrationPlans
from infrastructure.catch_up_together import catch_up_together
from infrastructure.heartbeats import Heartbeats
from infrastructure.projection_registry import PendingDrop, VersionRegistry
from infrastructure.projection_runner import (
    ProjectionStatus,
    ProjectionWorker,
    listen_for_entries,
)
from infrastructure.read_model_kinds import (
    ANALYTICS,
    AUDIT_LOG,
    NAMES,
    PLAN_SUMMARY,
    WORKLIST,
    WorkerSettings,
    database_of,
    new_worker,
    publish,
)
from infrastructure.read_model_rebuilds import REBUILD_BATCH_SIZE, Rebuilds
from infrastructure.sealed_people import SealedPeople
from projections.analytics import AnalyticsView
from projections.audit_log import AuditLogView
from projections.base import BatchView
from projections.plan_summary import PlanSummaryView
from projections.worklist import WorklistView

# Still imported from here by callers written before the catalogue moved to read_model_kinds.
__all__ = ["ANALYTICS", "NAMES", "ReadModels", "run_projections"]

log = structlog.get_logger("iplan.projections")


class ReadModels(Rebuilds):
    """All read models of one application, their workers and their generations."""

    def __init__(
        self,
        plans: IntegrationPlans,
        *,
        batch_size: int = 500,
        idle_poll: tuple[float, float] = (0.05, 0.2),
        retry_delay: tuple[float, float] = (0.2, 5.0),
        names: Iterable[str] = NAMES,
        drop_delay: float | None = 5.0,
        watch_interval: float = 2.0,
    ) -> None:
        self.plans = plans
        self.db = database_of(plans)
        self.registry = VersionRegistry(self.db)
        self.heartbeats = Heartbeats(self.db) if self.db is not None else None
        self.batch_size = batch_size
        self.progress = threading.Condition()
        self.people = SealedPeople.of(plans)
        self._how = WorkerSettings(
            batch_size, idle_poll, retry_delay, self.progress, self._beat, self.people
        )
        self._lock = threading.RLock()
        self.workers: dict[str, ProjectionWorker] = {}
        self.rebuilds: dict[str, ProjectionWorker] = {}
        self._started = False
        self._stopping = threading.Event()
        self._watcher: threading.Thread | None = None
        self._listener: threading.Thread | None = None
        self.drop_delay = drop_delay
        self._pending_drops: list[PendingDrop] = []
        self.watch_interval = watch_interval
        for name in names:
            self.workers[name] = self._worker(name, self.registry.get(name))
            publish(self.workers[name])

    # -- queries ----------------------------------------------------------------------

    def view(self, name: str) -> BatchView:
        return cast(BatchView, self.workers[name].projection.view)

    @property
    def summary(self) -> PlanSummaryView:
        return cast(PlanSummaryView, self.view(PLAN_SUMMARY))

    @property
    def worklist(self) -> WorklistView:
        return cast(WorklistView, self.view(WORKLIST))

    @property
    def audit_log(self) -> AuditLogView:
        return cast(AuditLogView, self.view(AUDIT_LOG))

    @property
    def analytics(self) -> AnalyticsView:
        return cast(AnalyticsView, self.view(ANALYTICS))

    def position(self, name: str) -> int | None:
        return self.workers[name].position()

    def wait_for(
        self, position: int | None, timeout: float = 5.0, names: Iterable[str] | None = None
    ) -> None:
        """Blocks until the named (default: all) views have processed `position`.

        Raises TimeoutError when they have not within `timeout` seconds.
        """
        if position is None:
            return
        wanted = list(names or self.workers)
        deadline = time.monotonic() + timeout
        while True:
            behind = [n for n in wanted if (self.position(n) or 0) < position]
            if not behind:
                return
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                msg = f"projections {', '.join(behind)} have not reached position {position}"
                raise TimeoutError(msg)
            for n in behind:
                self.workers[n].hurry()
            # Woken by in-process workers; the timeout covers workers in other processes.
            with self.progress:
                self.progress.wait(min(remaining, 0.1))

    # -- running ----------------------------------------------------------------------

    def start(self) -> None:
        with self._lock:
            self._started = True
            self._stopping.clear()
            for worker in self.workers.values():
                worker.start()
            if self.db is not None and self._watcher is None:
                self._watcher = threading.Thread(
                    target=self._watch, name="projection-versions", daemon=True
                )
                self._watcher.start()
            recorder = self.plans.recorder
            if isinstance(recorder, PostgresApplicationRecorder) and self._listener is None:
                self._listener = threading.Thread(
                    target=listen_for_entries,
                    args=(recorder.datastore, recorder.channel_name, self.wake, self._stopping),
                    name="projection-listen",
                    daemon=True,
                )
                self._listener.start()

    def stop(self) -> None:
        self._stopping.set()
        with self._lock:
            was_started, self._started = self._started, False
            for worker in [*self.rebuilds.values(), *self.workers.values()]:
                worker.stop()
        for thread in (self._watcher, self._listener):
            if thread is not None:
                thread.join(5)
        if was_started:
            self._forget_heartbeats()
        self._watcher = self._listener = None
        # Old generations waiting out their grace period are dropped now, while the
        # store is still open, rather than by a timer after it was closed.
        pending, self._pending_drops = self._pending_drops, []
        for drop in pending:
            drop.now()

    def sync(self) -> None:
        """Follows a switch-over made by another process (the registry names the generation)."""
        for name in list(self.workers):
            version = self.registry.get(name)
            with self._lock:
                current = self.workers[name]
                # Generations only move forward: a registry read from before a switch made
                # here meanwhile must not take it back.
                if version <= current.version or name in self.rebuilds:
                    continue
                current.stop()
                fresh = self._worker(name, version)
                self.workers[name] = fresh
                if self._started:
                    fresh.start()
            log.info("projection_generation_followed", projection=name, version=version)

    def _watch(self) -> None:
        while not self._stopping.wait(self.watch_interval):
            try:
                self.sync()
            except Exception:
                log.exception("projection_versions_unreadable")

    def catch_up(self, progress: Callable[[int], None] | None = None) -> None:
        """Processes everything recorded so far, in this thread (CLI, tests, benchmarks);
        `progress` hears of each batch processed, out of `backlog()`."""
        for worker in self.workers.values():
            worker.catch_up(progress=progress)

    def catch_up_together(self, progress: Callable[[int], None] | None = None) -> None:
        """As `catch_up`, in one pass over the log for every view standing at the same
        position (as a rebuild does): for a store just filled in bulk (`iplan demo`)."""
        batch = max(self.batch_size, REBUILD_BATCH_SIZE)
        catch_up_together(self.plans, list(self.workers.values()), batch, progress)

    def backlog(self) -> int:
        """How many entries the projections have yet to process, all together."""
        return sum(worker.status().lag_events for worker in self.workers.values())

    def wake(self) -> None:
        for worker in self.workers.values():
            worker.wake()

    def status(self) -> list[ProjectionStatus]:
        """Serving generations first, then rebuilds under way (safe while they switch)."""
        with self._lock:
            workers = [*self.workers.values(), *self.rebuilds.values()]
        return [w.status() for w in workers]

    def rebuilding(self) -> set[str]:
        with self._lock:
            return set(self.rebuilds)

    def _beat(self, status: ProjectionStatus) -> None:
        if self.heartbeats is not None:
            self.heartbeats.beat(
                name=status.name,
                version=status.version,
                state=status.state,
                position=status.position or 0,
                lag_events=status.lag_events,
                lag_seconds=status.lag_seconds,
            )

    def _forget_heartbeats(self) -> None:
        """A clean stop says so at once, rather than leaving readiness to wait them out."""
        if self.heartbeats is None:
            return
        for worker in self.workers.values():
            try:
                self.heartbeats.forget(worker.name, worker.version)
            except Exception:
                log.warning("projection_heartbeat_not_forgotten", projection=worker.name)

    def _worker(self, name: str, version: int) -> ProjectionWorker:
        return new_worker(self.plans, self.db, name, version, self._how)


def run_projections(
    plans: IntegrationPlans, stop: threading.Event, names: Iterable[str] = NAMES
) -> None:
    """`iplan project`: runs the named projections in this process until `stop` is set."""
    models = ReadModels(plans, names=names)
    models.start()
    log.info("projections_running", projections=list(models.workers))
    try:
        stop.wait()
    finally:
        models.stop()
