"""Whether the event store can be reached, and which errors mean it cannot."""

from __future__ import annotations

import psycopg
import psycopg_pool
from eventsourcing.persistence import PersistenceError

from application.plans import IntegrationPlans
from infrastructure.readiness import StoreUnreachable

# Errors that say the store is down or overloaded, not that the request was wrong.
STORE_UNAVAILABLE: tuple[type[Exception], ...] = (
    PersistenceError,
    psycopg.OperationalError,
    psycopg.InterfaceError,
    psycopg_pool.PoolTimeout,
    TimeoutError,
    StoreUnreachable,
)


def check_store(plans: IntegrationPlans) -> int | None:
    """A cheap read through the recorder; raises one of STORE_UNAVAILABLE when it fails."""
    return plans.recorder.max_notification_id()
