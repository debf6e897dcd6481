"""Which read models there are, and how one generation of each is built on the store.

Each has a projection, an in-memory view (memory store) and an SQL view (SQLite and
PostgreSQL); `new_worker` builds the worker that feeds one generation of one of them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from eventsourcing.postgres import PostgresApplicationRecorder
from eventsourcing.sqlite import SQLiteApplicationRecorder

from application.plans import IntegrationPlans
from domain.plan import IntegrationPlan
from infrastructure.projection_runner import ProjectionStatus, ProjectionWorker
from infrastructure.sql_analytics import SqlAnalyticsView
from infrastructure.sql_audit_log import SqlAuditLogView
from infrastructure.sql_database import Database
from infrastructure.sql_plan_views import SqlPlanSummaryView, SqlWorklistView
from projections.analytics import AnalyticsProjection, MemoryAnalyticsView
from projections.audit_log import AuditLogProjection, MemoryAuditLogView
from projections.base import BatchProjection, BatchView
from projections.people import People
from projections.plan_summary import MemoryPlanSummaryView, PlanSummaryProjection
from projections.worklist import MemoryWorklistView, WorklistProjection

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
    names_people: bool = False  # holds sealed names or index terms: built with People


KINDS: dict[str, ReadModelKind] = {
    PLAN_SUMMARY: ReadModelKind(
        PlanSummaryProjection, MemoryPlanSummaryView, SqlPlanSummaryView, names_people=True
    ),
    WORKLIST: ReadModelKind(
        WorklistProjection, MemoryWorklistView, SqlWorklistView, names_people=True
    ),
    AUDIT_LOG: ReadModelKind(AuditLogProjection, MemoryAuditLogView, SqlAuditLogView),
    ANALYTICS: ReadModelKind(AnalyticsProjection, MemoryAnalyticsView, SqlAnalyticsView),
}


def database_of(plans: IntegrationPlans) -> Database | None:
    recorder = plans.recorder
    if isinstance(recorder, PostgresApplicationRecorder | SQLiteApplicationRecorder):
        return Database(recorder.datastore)
    return None


@dataclass(frozen=True)
class WorkerSettings:
    """How every worker of one ReadModels batches, polls, retries and reports."""

    batch_size: int
    idle_poll: tuple[float, float]
    retry_delay: tuple[float, float]
    progress: threading.Condition
    heartbeat: Callable[[ProjectionStatus], None] | None = None
    people: People | None = None


def new_worker(
    plans: IntegrationPlans, db: Database | None, name: str, version: int, how: WorkerSettings
) -> ProjectionWorker:
    """The worker feeding generation `version` of the read model `name`."""
    kind = KINDS[name]
    view = kind.memory_view(version) if db is None else kind.sql_view(db, version)

    def load(plan_id: UUID, at_version: int) -> IntegrationPlan:
        # With its entries: a projection follows the plan through corrections.
        return plans.with_history(plan_id, at_version)

    projection: BatchProjection[Any]
    if kind.names_people:
        projection = kind.projection(view, load, how.people)  # type: ignore[call-arg]
    else:
        projection = kind.projection(view, load)  # type: ignore[call-arg]
    return ProjectionWorker(
        plans,
        projection,
        batch_size=how.batch_size,
        idle_poll=how.idle_poll,
        retry_delay=how.retry_delay,
        on_progress=how.progress,
        heartbeat=how.heartbeat,
    )


def publish(worker: ProjectionWorker) -> None:
    """Points the analysts' schema at the worker's generation (analytics only)."""
    view = worker.projection.view
    if isinstance(view, SqlAnalyticsView):
        view.publish()
