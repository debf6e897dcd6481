"""Dependencies the routers declare: settings, the plans application, the read models,
the caller and their role."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated

import structlog
from fastapi import Depends, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.auth import WHOLE_COUNTY, Caller, TokenVerifier
from api.problems import Forbidden, InvalidRequest, Unauthenticated, Unavailable
from application.plans import IntegrationPlans
from infrastructure.read_models import ReadModels
from infrastructure.settings import Settings
from infrastructure.store import build_plans, entry_policy

log = structlog.get_logger("iplan.api")


class PlansSource:
    """Builds the plans application on first use, so the API starts while the store is down."""

    def __init__(self, settings: Settings, plans: IntegrationPlans | None = None) -> None:
        self._settings = settings
        self._plans = plans
        self.owned = plans is None
        self._lock = threading.Lock()
        # Reference data is read now, so a broken municipalities file stops the start.
        self._policy = entry_policy(settings) if plans is None else None

    def built(self) -> IntegrationPlans | None:
        """The application if it is built (never blocks)."""
        return self._plans

    def get(self) -> IntegrationPlans:
        if self._plans is None:
            with self._lock:
                if self._plans is None:
                    self._plans = build_plans(self._settings, policy=self._policy)
        return self._plans

    def close(self) -> None:
        if self.owned and self._plans is not None:
            self._plans.close()
            self._plans = None


class ReadModelsSource:
    """The app's read models, built on first use like the plans application.

    In process (the default) `start()` runs them in the background, retrying while the
    store is down, so the API starts at once and lists fill as the workers catch up.
    Otherwise `iplan project` workers run them and this process only reads, following
    their switch-overs to rebuilt generations at most every `SYNC_INTERVAL` seconds.
    """

    SYNC_INTERVAL = 2.0

    def __init__(self, settings: Settings, plans: PlansSource) -> None:
        self._settings = settings
        self._plans = plans
        self._models: ReadModels | None = None
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._starter: threading.Thread | None = None
        self._synced_at = 0.0

    @property
    def in_process(self) -> bool:
        return self._settings.runs_projections

    def get(self) -> ReadModels:
        if self._models is None:
            with self._lock:
                if self._models is None:
                    self._models = ReadModels(self._plans.get())
        models = self._models
        if not self.in_process and time.monotonic() - self._synced_at > self.SYNC_INTERVAL:
            self._synced_at = time.monotonic()
            models.sync()
        return models

    def built(self) -> ReadModels | None:
        """The read models if they were built already (health checks must not build them)."""
        return self._models

    def start(self) -> None:
        """Starts the in-process workers in the background; they catch up from their position."""
        if not self.in_process or self._starter is not None:
            return
        self._stopping.clear()
        self._starter = threading.Thread(target=self._run, name="read-models-start", daemon=True)
        self._starter.start()

    def _run(self) -> None:
        delay = 0.5
        while not self._stopping.is_set():
            try:
                models = self.get()
                with self._lock:
                    if not self._stopping.is_set():
                        models.start()
                log.info("read_models_started", projections=list(models.workers))
                return
            except Exception as error:
                log.warning("read_models_not_started", error=type(error).__name__, retry_in_s=delay)
                self._stopping.wait(delay)
                delay = min(delay * 2, 30.0)

    def close(self) -> None:
        self._stopping.set()
        if self._starter is not None:
            self._starter.join(10)
            self._starter = None
        with self._lock:
            if self._models is not None:
                self._models.stop()
                self._models = None


def get_settings(request: Request) -> Settings:
    """The settings the app was created with (built once, by whoever called create_app)."""
    settings: Settings = request.app.state.settings
    return settings


def get_plans(request: Request) -> IntegrationPlans:
    source: PlansSource = request.app.state.plans_source
    return source.get()


# Dependencies that never block are `async`: FastAPI runs them in the event loop, where a
# plain `def` would cost a hop to a worker thread each (a write's five dependencies took
# a sixth of the server's time so). Whatever may block still runs in a worker thread.


async def current_settings(request: Request) -> Settings:
    return get_settings(request)


async def current_plans(request: Request) -> IntegrationPlans:
    """The plans application; built in a worker thread on first use."""
    source: PlansSource = request.app.state.plans_source
    plans = source.built()
    return plans if plans is not None else await run_in_threadpool(source.get)


def get_read_models(request: Request) -> ReadModels:
    source: ReadModelsSource = request.app.state.read_models_source
    return source.get()


def scope_of(caller: Caller) -> frozenset[str] | None:
    """The municipalities a read model query is limited to; None for the whole county."""
    return None if WHOLE_COUNTY in caller.municipalities else caller.municipalities


MinPosition = Annotated[
    int | None,
    Query(
        ge=0,
        le=2**63 - 1,
        description="Wait (a few seconds at most, then 503 projection_lagging) until the "
        "read model has processed this global position, e.g. a write's `position`.",
        examples=[1021],
    ),
]


@dataclass(frozen=True)
class Projected:
    """The read models, caught up with `min_position`; `position` is what the answer reflects."""

    models: ReadModels
    position: int


def projected(*names: str) -> Callable[..., Projected]:
    """A dependency that waits until the named read models reached `min_position`.

    The position reported (body and `X-Projection-Position`) is the lowest of theirs,
    taken before the query: the answer reflects at least every entry up to it.
    """

    def wait(
        request: Request,
        response: Response,
        settings: Annotated[Settings, Depends(current_settings)],
        models: Annotated[ReadModels, Depends(get_read_models)],
        min_position: MinPosition = None,
    ) -> Projected:
        # A position beyond the head was never handed out: waiting for it would only time out.
        head = None if min_position is None else models.plans.recorder.max_notification_id()
        if min_position is not None and min_position > (head or 0):
            raise InvalidRequest(
                f"min_position {min_position} lies beyond the last recorded entry",
                code="invalid_min_position",
            )
        try:
            models.wait_for(min_position, timeout=settings.projection_wait_seconds, names=names)
        except TimeoutError:
            raise Unavailable(
                f"the read models have not reached position {min_position} yet; retry shortly",
                code="projection_lagging",
            ) from None
        position = min(models.position(name) or 0 for name in names)
        response.headers["X-Projection-Position"] = str(position)
        return Projected(models, position)

    return wait


def correlation_id(request: Request) -> str:
    """The request's X-Request-ID (or the one generated for it by the logging middleware)."""
    value = getattr(request.state, "correlation_id", None)
    return value if isinstance(value, str) else str(uuid.uuid4())


async def request_correlation_id(request: Request) -> str:
    return correlation_id(request)


bearer = HTTPBearer(auto_error=False, description="A JWT from `iplan token` or the county's IdP")


async def get_caller(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Caller:
    if credentials is None:
        raise Unauthenticated("an Authorization: Bearer token is required", code="token_missing")
    verifier: TokenVerifier = request.app.state.token_verifier
    token = credentials.credentials
    # Keys fetched from the identity provider may mean a network call: not in the loop.
    caller = (
        verifier.verify(token)
        if verifier.local
        else await run_in_threadpool(verifier.verify, token)
    )
    # For the request log: who asked (never what they sent).
    request.state.caller = caller
    return caller


def requires(*roles: str) -> Callable[[Caller], Awaitable[Caller]]:
    """A dependency admitting callers in one of `roles`; anyone else gets 403."""

    async def check(caller: Annotated[Caller, Depends(get_caller)]) -> Caller:
        if caller.role not in roles:
            raise Forbidden(
                f"the role {caller.role} may not do this; it needs {' or '.join(roles)}"
            )
        return caller

    return check


SettingsDep = Annotated[Settings, Depends(current_settings)]
PlansDep = Annotated[IntegrationPlans, Depends(current_plans)]
CorrelationId = Annotated[str, Depends(request_correlation_id)]
CaseworkerCaller = Annotated[Caller, Depends(requires("caseworker"))]
PlanReaderCaller = Annotated[Caller, Depends(requires("caseworker", "auditor", "admin"))]
AdminCaller = Annotated[Caller, Depends(requires("admin"))]
AuditorCaller = Annotated[Caller, Depends(requires("auditor", "admin"))]
AnalystCaller = Annotated[Caller, Depends(requires("analyst", "admin"))]
WorklistCaller = Annotated[Caller, Depends(requires("caseworker", "admin"))]
ReadModelsDep = Annotated[ReadModels, Depends(get_read_models)]
