"""A supervised worker that follows the application's log for one projection.

It reads notifications in batches (fast catch-up and rebuilds), applies each batch
with its tracking record in one transaction, polls with a short backoff when idle
(SQLite has no subscription; PostgreSQL is polled the same way, its table lock keeps
positions in commit order), and survives errors: a failing batch is logged, shown
in the status, rolled back and retried with backoff, so a lost connection or a
database restart resumes processing without restarting the process.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast
from uuid import UUID

import structlog
from eventsourcing.persistence import (
    Mapper,
    OperationalError,
    StoredEvent,
    Tracking,
)
from eventsourcing.postgres import PostgresDatastore
from psycopg.sql import SQL, Identifier

from application.plans import IntegrationPlans
from domain.entry import PlanEvent
from infrastructure.heartbeats import HEARTBEAT_SECONDS
from projections.base import BatchAlreadyApplied, BatchProjection, Processed

log = structlog.get_logger("iplan.projections")

RUNNING = "running"
FAILED = "failed"
REBUILDING = "rebuilding"
STOPPED = "stopped"


def decode_without_personal(mapper: Mapper[UUID], stored: StoredEvent) -> Any:
    """The entry as the library decodes it, its personal part left sealed and dropped.

    Projections never use personal values: not opening them keeps them out of the
    projections' memory altogether, and saves the decryption on every rebuild.
    """
    entry = Mapper.to_domain_event(mapper, stored)
    state = vars(entry)
    if "personal" in state:
        state["personal"] = None
    return entry


@dataclass(frozen=True)
class ProjectionStatus:
    name: str
    version: int
    state: str
    position: int | None
    head: int | None
    lag_events: int
    lag_seconds: float
    last_error: str | None


# How long a caught-up worker lets new entries gather before its next batch: at least
# LINGER_SECONDS, LINGER_PER_BATCH times as long as its last batch took, at most
# LINGER_MAX_SECONDS; a reader waiting for a position cuts it short.
LINGER_SECONDS = 0.1
LINGER_PER_BATCH = 3.0
LINGER_MAX_SECONDS = 1.0


class ProjectionWorker:
    """Runs one projection (one view generation) against the plans' notification log."""

    def __init__(
        self,
        plans: IntegrationPlans,
        projection: BatchProjection[Any],
        *,
        batch_size: int = 500,
        idle_poll: tuple[float, float] = (0.05, 0.2),
        retry_delay: tuple[float, float] = (0.2, 5.0),
        on_progress: threading.Condition | None = None,
        heartbeat: Callable[[ProjectionStatus], None] | None = None,
        linger: float = LINGER_SECONDS,
    ) -> None:
        self.plans = plans
        self.linger = linger
        self._batch_seconds = 0.0
        self.heartbeat = heartbeat
        self._last_beat = 0.0
        self.projection = projection
        self.batch_size = batch_size
        self.idle_poll = idle_poll
        self.retry_delay = retry_delay
        self.state = STOPPED
        self._running_state = RUNNING
        self.last_error: str | None = None
        self._progress = on_progress or threading.Condition()
        self._stopping = threading.Event()
        self._wake = threading.Event()
        self._hurry = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()  # one batch at a time, loop or catch_up

    @property
    def name(self) -> str:
        return self.projection.name

    @property
    def version(self) -> int:
        return int(self.projection.view.version)

    def position(self) -> int | None:
        position: int | None = self.projection.view.max_tracking_id(self.plans.name)
        return position

    def run_batch(self) -> int:
        """Applies the next batch of notifications; returns how many there were."""
        with self._lock:
            after = self.position()
            notifications = self.plans.recorder.select_notifications(
                (after or 0) + 1, self.batch_size
            )
            if not notifications:
                return 0
            batch = [
                Processed(
                    decode_without_personal(self.plans.mapper, n), Tracking(self.plans.name, n.id)
                )
                for n in notifications
            ]
            try:
                self.projection.process_batch(batch, after=after)
            except BatchAlreadyApplied:
                # Another worker applied them first (e.g. `iplan demo` catching up beside a
                # running service): go on from where it got to.
                log.info("projection_batch_applied_elsewhere", projection=self.name)
                self.projection.reset()
                return len(batch)
            except BaseException:
                # The transaction rolled back; what the projection holds in memory may be ahead.
                self.projection.reset()
                raise
            if self.state == FAILED:
                log.info("projection_recovered", projection=self.name, version=self.version)
                self.state = self._running_state
                self.last_error = None
        with self._progress:
            self._progress.notify_all()
        return len(batch)

    def catch_up(self, attempts: int = 6, progress: Callable[[int], None] | None = None) -> int:
        """Processes until the head seen now is reached (synchronously); returns the count
        (and tells `progress` each batch's).

        A batch the store turns away for the moment (a lock held by another process, a
        dropped connection) is tried again, as the running loop would, before giving up.
        """
        total = 0
        failures = 0
        while True:
            try:
                count = self.run_batch()
            except OperationalError:
                failures += 1
                if failures >= attempts:
                    raise
                time.sleep(self.retry_delay[0] * 2**failures)
                continue
            if not count:
                return total
            total += count
            failures = 0
            if progress is not None:
                progress(count)

    def start(self, state: str = RUNNING) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stopping.clear()
        self.state = self._running_state = state
        self._thread = threading.Thread(
            target=self._loop, name=f"projection-{self.name}-v{self.version}", daemon=True
        )
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stopping.set()
        self.hurry()
        if self._thread is not None:
            self._thread.join(timeout)
        self._thread = None
        self.state = STOPPED

    def wake(self) -> None:
        """Asks an idle worker to look for new notifications now."""
        self._wake.set()

    def hurry(self) -> None:
        """Asks the worker for its next batch now, without letting entries gather (a reader
        waits for a position)."""
        self._hurry.set()
        self._wake.set()

    def _linger(self, seconds: float) -> None:
        self._hurry.wait(min(seconds, LINGER_MAX_SECONDS))
        self._hurry.clear()

    def _loop(self) -> None:
        idle = self.idle_poll[0]
        retry = self.retry_delay[0]
        while not self._stopping.is_set():
            self._beat()
            try:
                started = time.monotonic()
                count = self.run_batch()
                self._batch_seconds = time.monotonic() - started
            except Exception as error:
                self.state = FAILED
                self.last_error = f"{type(error).__name__}: {error}"
                log.exception(
                    "projection_failed",
                    projection=self.name,
                    version=self.version,
                    position=self._safe_position(),
                    retry_in_s=retry,
                )
                self._stopping.wait(retry)
                retry = min(retry * 2, self.retry_delay[1])
                continue
            retry = self.retry_delay[0]
            if count:
                idle = self.idle_poll[0]
                if count < self.batch_size:
                    # Caught up: let the next entries gather for a moment, so that a stream
                    # of writes makes few, larger transactions, not one per entry (they
                    # compete with the writes for the store's lock and the process's
                    # time). The busier the batches, the longer: a worker takes at most
                    # about 1 / (1 + LINGER_PER_BATCH) of the time, however heavy the load.
                    self._linger(max(self.linger, LINGER_PER_BATCH * self._batch_seconds))
                continue
            if self._wake.wait(idle):
                self._linger(self.linger)
            self._wake.clear()
            idle = min(idle * 2, self.idle_poll[1])

    def _beat(self) -> None:
        """Tells the store this worker runs (readiness reads it), every HEARTBEAT_SECONDS."""
        if self.heartbeat is None or time.monotonic() - self._last_beat < HEARTBEAT_SECONDS:
            return
        self._last_beat = time.monotonic()
        try:
            self.heartbeat(self.status())
        except Exception as error:  # the store is away: readiness will say so
            log.debug("projection_heartbeat_failed", projection=self.name, error=str(error))

    def _safe_position(self) -> int | None:
        try:
            return self.position()
        except Exception:
            return None

    def status(self) -> ProjectionStatus:
        head = self.plans.recorder.max_notification_id()
        position = self._safe_position()
        lag_events = max((head or 0) - (position or 0), 0)
        lag_seconds = 0.0
        if lag_events:
            waiting = self.plans.recorder.select_notifications((position or 0) + 1, 1)
            if waiting:
                entry = cast(PlanEvent, decode_without_personal(self.plans.mapper, waiting[0]))
                recorded = entry.timestamp
                lag_seconds = max((datetime.now(UTC) - recorded).total_seconds(), 0.0)
        return ProjectionStatus(
            name=self.name,
            version=self.version,
            state=self.state,
            position=position,
            head=head,
            lag_events=lag_events,
            lag_seconds=lag_seconds,
            last_error=self.last_error,
        )


def listen_for_entries(
    datastore: PostgresDatastore, channel: str, wake: Callable[[], None], stopping: threading.Event
) -> None:
    """Wakes the workers as soon as PostgreSQL announces a new entry (the library NOTIFYs).

    Polling stays as the fallback; a lost connection is logged and listened to again.
    """
    while not stopping.is_set():
        try:
            with datastore.get_connection() as conn:
                conn.execute(SQL("LISTEN {0}").format(Identifier(channel)))
                while not stopping.is_set():
                    for _ in conn.notifies(timeout=0.5, stop_after=1):
                        wake()
                conn.execute("UNLISTEN *")
        except Exception:
            log.warning("projection_listen_lost", exc_info=True)
            stopping.wait(1.0)
