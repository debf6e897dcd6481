"""ASGI middleware: the request log and metrics (outermost), and the request-body limit."""

from __future__ import annotations

import re
import time
import traceback
import uuid
from typing import Any

import anyio
import structlog
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import problem
from api.metrics import Metrics
from domain.context import SYNTHETIC
from infrastructure.postgres_connections import CONNECTION_DEADLINE

REQUEST_ID = re.compile(r"^[A-Za-z0-9._:\-]{1,128}$")
UNMATCHED = "<unmatched>"

log = structlog.get_logger("iplan.api")


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return str(value.decode("latin-1"))
    return None


class RequestLogMiddleware:
    """One log line and one metric sample per request; a crash answers a bare 500 problem.

    Logs carry the route template (never the concrete path or body), so no personal
    value or plan id ends up in a label or a log line by accident.
    """

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        offered = _header(scope, b"x-request-id")
        # The demo's prefix marks synthetic entries (domain/context.py): no request has it.
        if offered is not None and (not REQUEST_ID.match(offered) or offered.startswith(SYNTHETIC)):
            offered = None
        request_id = offered or str(uuid.uuid4())
        state = scope.setdefault("state", {})
        state["correlation_id"] = request_id
        started = time.perf_counter()
        status = 500
        response_started = False

        async def send_with_id(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                response_started = True
                status = message["status"]
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode("latin-1")))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception as error:
            status = 500
            log.error(
                "request_failed",
                error=type(error).__name__,
                # Frames only, not the message: a message might quote a personal value.
                stack="".join(traceback.format_tb(error.__traceback__)),
                request_id=request_id,
            )
            if not response_started:
                response = problem(500, "internal_error", "an unexpected error occurred")
                await response(scope, receive, send_with_id)
        finally:
            seconds = time.perf_counter() - started
            route = getattr(scope.get("route"), "path", None) or (
                # Static routes outside the API routers (/docs, /openapi.json); anything
                # unmatched is one label, so that random paths cannot flood the metrics.
                scope["path"] if status not in (404, 405) else UNMATCHED
            )
            caller: Any = state.get("caller")
            self.metrics.observe(scope["method"], route, status, seconds)
            log.info(
                "request",
                method=scope["method"],
                path=route,
                status=status,
                duration_ms=round(seconds * 1000, 2),
                user=getattr(caller, "sub", None),
                role=getattr(caller, "role", None),
                request_id=request_id,
            )


# Probes and metrics are never shed: an orchestrator must see through the load.
UNLIMITED_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})


class ConcurrencyLimitMiddleware:
    """Past `limit` requests in flight, answers 503 with Retry-After at once (DESIGN 8a).

    A request that would only wait for a thread behind dozens of others is better told
    to come back: waiting, it holds a connection and makes every answer slow.
    """

    def __init__(self, app: ASGIApp, limit: int, connect_timeout: float) -> None:
        self.app = app
        self.limit = limit
        self.in_flight = 0
        self.connect_timeout = connect_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in UNLIMITED_PATHS:
            await self.app(scope, receive, send)
            return
        if self.in_flight >= self.limit:
            response = problem(
                503,
                "overloaded",
                "the service is busy; try again in a moment",
                headers={"Retry-After": "1"},
            )
            await response(scope, receive, send)
            return
        self.in_flight += 1  # one event loop: no lock needed
        # Time spent queueing for a thread counts against the wait for the database
        # (the request's thread inherits this context).
        token = CONNECTION_DEADLINE.set(time.monotonic() + self.connect_timeout)
        try:
            await self.app(scope, receive, send)
        finally:
            CONNECTION_DEADLINE.reset(token)
            self.in_flight -= 1


class BodyLimitMiddleware:
    """Refuses request bodies above the limit with 413, and bodies that take longer than
    `timeout` seconds to arrive with 408, before anything parses them."""

    def __init__(self, app: ASGIApp, max_bytes: int, timeout: float = 30.0) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.timeout = timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _header(scope, b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(scope, receive, send)
            return
        # Read the whole (small) body first, so that a chunked upload cannot exceed the limit.
        chunks: list[bytes] = []
        size = 0
        more = True
        try:
            with anyio.fail_after(self.timeout):
                while more:
                    message = await receive()
                    if message["type"] != "http.request":  # the client went away
                        await self.app(scope, _replay([message]), send)
                        return
                    chunk = message.get("body", b"")
                    size += len(chunk)
                    if size > self.max_bytes:
                        break
                    chunks.append(chunk)
                    more = message.get("more_body", False)
        except TimeoutError:
            response = problem(
                408, "request_timeout", f"the request body took longer than {self.timeout:g} s"
            )
            await response(scope, receive, send)
            return
        if size > self.max_bytes:
            await self._refuse(scope, receive, send)
            return
        body = b"".join(chunks)
        await self.app(
            scope,
            _replay([{"type": "http.request", "body": body, "more_body": False}], receive),
            send,
        )

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = problem(
            413, "payload_too_large", f"the request body exceeds {self.max_bytes} bytes"
        )
        await response(scope, receive, send)


def _replay(messages: list[Message], then: Receive | None = None) -> Receive:
    pending = list(messages)

    async def receive() -> Message:
        if pending:
            return pending.pop(0)
        if then is not None:
            return await then()
        return {"type": "http.disconnect"}

    return receive
