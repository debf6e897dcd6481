"""PostgreSQL connections that fail fast and heal at once (DESIGN 8a "Database unreachable").

The library's datastore waits for a pooled connection up to its timeout, but its
recorders retry a failed call ten times, each waiting that timeout again (about 50 s
before a request fails), and without pre-ping a request after a database restart
gets a dead pooled connection. Pre-pinging every checkout costs a round trip per
write. Here instead:

- one bounded wait: a connection attempt gives up after the connect timeout, and the
  recorders call the library's methods without its retry loop (see `unretried`);
- after an outage the next request connects at once (see `reconnect_timeout` below);
- dead connections are spotted without a round trip: an idle connection whose socket
  is readable has been closed or told to close by the server (a restart, a cut proxy).
  Only then is it pinged, and the whole pool is checked at once, so the next request
  after an outage gets a live connection instead of walking through the dead ones.
"""

from __future__ import annotations

import select
import time
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any, TypeVar

from eventsourcing.postgres import ConnectionPool, PostgresDatastore
from psycopg import Connection
from psycopg.rows import DictRow

F = TypeVar("F", bound=Callable[..., Any])

# When the request being served must have its connections by (time.monotonic()); set by
# the API for each request, unset in commands and workers. A request that queued for a
# thread while the database was away has spent its wait already: it fails at once
# instead of waiting the connect timeout a second time.
CONNECTION_DEADLINE: ContextVar[float | None] = ContextVar("connection_deadline", default=None)


class DeadlinePool(ConnectionPool[Connection[DictRow]]):
    """Waits for a connection no longer than the pool's timeout or the request's deadline."""

    def getconn(self, timeout: float | None = None) -> Connection[DictRow]:
        deadline = CONNECTION_DEADLINE.get()
        if deadline is not None:
            wait = self.timeout if timeout is None else timeout
            # A connection ready in the pool is still handed out past the deadline.
            timeout = max(min(wait, deadline - time.monotonic()), 0.01)
        return super().getconn(timeout)


def has_pending_input(conn: Connection[Any]) -> bool:
    """True when the server sent something to an idle connection: a close or a notice."""
    try:
        readable, _, _ = select.select([conn.fileno()], [], [], 0)
    except (OSError, ValueError):
        return True  # no usable socket: treat as dead
    return bool(readable)


def bound_waits(datastore: PostgresDatastore, connect_timeout: float) -> None:
    """Replaces the datastore's (not yet opened) pool by one that fails fast and heals.

    Keeps every other setting of the library's pool; call before the first query.
    """
    old = datastore.pool
    pool: DeadlinePool
    kwargs = old.kwargs if isinstance(old.kwargs, dict) else {}

    def check_alive(conn: Connection[DictRow]) -> None:
        if conn.closed or conn.broken:
            raise ConnectionError("the connection is closed")
        if has_pending_input(conn):
            try:
                ConnectionPool.check_connection(conn)
            except Exception:
                # One dead connection means the others died with it (a restart, an
                # outage): check them all now rather than one per request.
                pool.check()
                raise

    pool = DeadlinePool(
        connection_class=old.connection_class,
        # libpq's own limit on one connection attempt (whole seconds, at least 2).
        kwargs={**kwargs, "connect_timeout": max(2, round(connect_timeout))},
        min_size=old.min_size,
        max_size=old.max_size,
        open=False,
        configure=datastore.after_connect_func(),
        check=check_alive,
        timeout=connect_timeout,
        max_waiting=old.max_waiting,
        max_lifetime=old.max_lifetime,
        # A slot whose reconnection fails is given up after a second instead of retrying
        # with growing pauses: the next request then connects at once (the pool grows on
        # demand), so the first request after an outage succeeds instead of waiting for
        # a reconnection scheduled seconds later.
        reconnect_timeout=1.0,
        name="iplan",
        get_password_func=old.get_password_func,
    )
    datastore.pool = pool


def unretried(method: F) -> F:
    """The library's recorder method without its retry decorator (ten tries per call)."""
    unwrapped: F = getattr(method, "__wrapped__", method)
    return unwrapped
