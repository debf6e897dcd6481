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
from collections.abc import Iterable
from typing import cast

import structlog
from eventsourcing.postgres import PostgresApplicationRecorder

from application.plans import IntegrationPlans
from infrastructure.projection_registry import GraceDrops, VersionRegistry
from infrastructure.projection_runner import (
    REBUILDING,
    ProjectionStatus,
    ProjectionWorker,
    catch_up_together,
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
from projections.analytics import AnalyticsView
from projections.audit_log import AuditLogView
from projections.base import BatchView
from projections.plan_summary import PlanSummaryView
from projections.worklist import WorklistView

# ANALYTICS is imported from here by api/routers/stats.py, written before the catalogue moved.
__all__ = ["ANALYTICS", "ReadModels", "run_projections"]

log = structlog.get_logger("iplan.projections")


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
        drop_delay: float = 5.0,
        watch_interval: float = 2.0,
    ) -> None:
        self.plans = plans
        self.db = database_of(plans)
        self.registry = VersionRegistry(self.db)
        self.batch_size = batch_size
        self.progress = threading.Condition()
        self._how = WorkerSettings(batch_size, idle_poll, retry_delay, self.progress)
        self._lock = threading.RLock()
        self.workers: dict[str, ProjectionWorker] = {}
        self.rebuilds: dict[str, ProjectionWorker] = {}
        self._started = False
        self._stopping = threading.Event()
        self._watcher: threading.Thread | None = None
        self._listener: threading.Thread | None = None
        self._old_generations = GraceDrops(drop_delay)
        self.watch_interval = watch_interval
        for name in names:
            self.workers[name] = self._worker(name, self.registry.get(name))
            publish(self.workers[name])

    @property
    def drop_delay(self) -> float:
        """Seconds a replaced generation is kept for other processes before it is dropped."""
        return self._old_generations.delay

    @drop_delay.setter
    def drop_delay(self, seconds: float) -> None:
        self._old_generations.delay = seconds

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
            self._started = False
            for worker in [*self.rebuilds.values(), *self.workers.values()]:
                worker.stop()
        for thread in (self._watcher, self._listener):
            if thread is not None:
                thread.join(5)
        self._watcher = self._listener = None
        self._old_generations.drop_now()

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
        with self._lock:  # a rebuild thread may switch over meanwhile
            workers = [*self.workers.values(), *self.rebuilds.values()]
        return [w.status() for w in workers]

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
            publish(fresh)
            if self._started:
                fresh.start()
        self._old_generations.schedule(old.projection.view.drop)
        log.info("projection_switched", projection=name, version=fresh.version)

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
