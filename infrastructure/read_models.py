"""The four read models on the configured store: their views, workers, status and rebuilds.

`ReadModels` is what the API and CLI use: typed views to query (`summary`,
`worklist`, `audit_log`, `analytics`), `wait_for(position)` for read-your-writes,
`status()`, and `rebuild(name)`, which fills a new generation of the view beside the
serving one and switches over when it has caught up.
"""
# SQL here is built from table and column names of our own; every value is a parameter.

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, cast
from uuid import UUID

import structlog
from eventsourcing.postgres import PostgresApplicationRecorder
from eventsourcing.sqlite import SQLiteApplicationRecorder

from application.plans import IntegrationPlans
from domain.plan import IntegrationPlan
from infrastructure.heartbeats import Heartbeats
from infrastructure.projection_registry import VersionRegistry
from infrastructure.projection_runner import (
    REBUILDING,
    ProjectionStatus,
    ProjectionWorker,
    catch_up_together,
    listen_for_entries,
)
from infrastructure.sql_analytics import SqlAnalyticsView
from infrastructure.sql_audit_log import SqlAuditLogView
from infrastructure.sql_plan_views import SqlPlanSummaryView, SqlWorklistView
from infrastructure.sql_views import Database
from projections.analytics import AnalyticsProjection, AnalyticsView, MemoryAnalyticsView
from projections.audit_log import AuditLogProjection, AuditLogView, MemoryAuditLogView
from projections.base import BatchProjection, BatchView
from projections.plan_summary import (
    MemoryPlanSummaryView,
    PlanSummaryProjection,
    PlanSummaryView,
)
from projections.worklist import MemoryWorklistView, WorklistProjection, WorklistView

log = structlog.get_logger("iplan.projections")

PLAN_SUMMARY = "plan_summary"
WORKLIST = "worklist"
AUDIT_LOG = "audit_log"
ANALYTICS = "analytics"
NAMES = (PLAN_SUMMARY, WORKLIST, AUDIT_LOG, ANALYTICS)


@dataclass(frozen=True)
class ReadModelKind:
    projection: type[BatchProjection[Any]]
    memory_view: Callable[[int], BatchView]
    sql_view: Callable[[Database, int], BatchView]


KINDS: dict[str, ReadModelKind] = {
    PLAN_SUMMARY: ReadModelKind(PlanSummaryProjection, MemoryPlanSummaryView, SqlPlanSummaryView),
    WORKLIST: ReadModelKind(WorklistProjection, MemoryWorklistView, SqlWorklistView),
    AUDIT_LOG: ReadModelKind(AuditLogProjection, MemoryAuditLogView, SqlAuditLogView),
    ANALYTICS: ReadModelKind(AnalyticsProjection, MemoryAnalyticsView, SqlAnalyticsView),
}


def database_of(plans: IntegrationPlans) -> Database | None:
    recorder = plans.recorder
    if isinstance(recorder, PostgresApplicationRecorder | SQLiteApplicationRecorder):
        return Database(recorder.datastore)
    return None


class PendingDrop:
    """An old generation to drop after a grace period (by a timer), or at stop, whichever
    comes first, and only once: a stop waits for a timer already dropping it."""

    def __init__(self, drop: Callable[[], None], delay: float | None) -> None:
        self._drop = drop
        self._lock = threading.Lock()
        self._done = False
        self._timer = None if delay is None else threading.Timer(delay, self.now)
        if self._timer is not None:
            self._timer.daemon = True
            self._timer.start()

    def now(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        with self._lock:
            if not self._done:
                self._done = True
                self._drop()


class ReadModels:
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
        self.idle_poll = idle_poll
        self.retry_delay = retry_delay
        self.progress = threading.Condition()
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
            self._publish(self.workers[name])

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
                self.workers[n].wake()
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
                if version == current.version or name in self.rebuilds:
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

    def catch_up(self) -> None:
        """Processes everything recorded so far, in this thread (CLI, tests, benchmarks)."""
        for worker in self.workers.values():
            worker.catch_up()

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

    # -- rebuilding -------------------------------------------------------------------

    def rebuild(self, name: str, *, wait: bool = False, timeout: float | None = None) -> int:
        """Fills a new generation of the view beside the serving one; switches when caught up.

        Returns the new version. With `wait`, catches up in this thread and switches
        before returning; otherwise a background worker does it and `status()` shows it
        as `rebuilding`.
        """
        with self._lock:
            running = self.rebuilds.get(name)
        if running is not None:
            return running.version  # already under way
        fresh = self._new_generation(name)
        if wait:
            fresh.catch_up()
            self._switch(name, fresh)
        else:
            threading.Thread(
                target=self._rebuild_in_background, args=(name, fresh, timeout), daemon=True
            ).start()
        return fresh.version

    def rebuild_all(self) -> None:
        """Rebuilds every view side by side in one pass over the log, then switches each."""
        fresh = {name: self._new_generation(name) for name in list(self.workers)}
        catch_up_together(self.plans, list(fresh.values()), self.batch_size)
        for name, worker in fresh.items():
            self._switch(name, worker)

    def _new_generation(self, name: str) -> ProjectionWorker:
        with self._lock:
            if name in self.rebuilds:
                return self.rebuilds[name]
            current = self.workers[name].version
            fresh = self._worker(name, current + 1)
            fresh.projection.view.drop()  # leftovers of an interrupted rebuild
            if current > 1:  # a generation whose delayed drop never ran
                self._worker(name, current - 1).projection.view.drop()
            self.rebuilds[name] = fresh
        log.info("projection_rebuild_started", projection=name, version=fresh.version)
        return fresh

    def _rebuild_in_background(
        self, name: str, fresh: ProjectionWorker, timeout: float | None
    ) -> None:
        fresh.start(REBUILDING)
        deadline = None if timeout is None else time.monotonic() + timeout
        while deadline is None or time.monotonic() < deadline:
            status = fresh.status()
            if status.state == REBUILDING and status.lag_events == 0:
                fresh.stop()
                fresh.catch_up()
                self._switch(name, fresh)
                return
            time.sleep(0.05)
        fresh.stop()
        log.error("projection_rebuild_timed_out", projection=name, version=fresh.version)
        with self._lock:
            self.rebuilds.pop(name, None)

    def _switch(self, name: str, fresh: ProjectionWorker) -> None:
        with self._lock:
            old = self.workers[name]
            old.stop()
            fresh.catch_up()
            self.registry.set(name, fresh.version)
            self.workers[name] = fresh
            self.rebuilds.pop(name, None)
            self._publish(fresh)
            if self._started:
                fresh.start()
        # Other processes follow within `watch_interval`; until then they read the old
        # generation, so it is dropped only after a grace period.
        if self.drop_delay == 0:
            old.projection.view.drop()
        else:
            self._pending_drops.append(PendingDrop(old.projection.view.drop, self.drop_delay))
        log.info("projection_switched", projection=name, version=fresh.version)

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

    def _publish(self, worker: ProjectionWorker) -> None:
        view = worker.projection.view
        if isinstance(view, SqlAnalyticsView):
            view.publish()

    def _worker(self, name: str, version: int) -> ProjectionWorker:
        kind = KINDS[name]
        view = kind.memory_view(version) if self.db is None else kind.sql_view(self.db, version)
        projection = kind.projection(view, self._load)  # type: ignore[call-arg]
        return ProjectionWorker(
            self.plans,
            projection,
            batch_size=self.batch_size,
            idle_poll=self.idle_poll,
            retry_delay=self.retry_delay,
            on_progress=self.progress,
            heartbeat=self._beat,
        )

    def _load(self, plan_id: UUID, version: int) -> IntegrationPlan:
        plan: IntegrationPlan = self.plans.repository.get(plan_id, version=version)
        return plan


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
