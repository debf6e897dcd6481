"""Liveness, readiness and Prometheus metrics: open to anyone, no token needed.

Liveness and readiness run on the event loop, never in the request threads: a probe
must answer while every request thread is busy (DESIGN 8a). Readiness asks the store
on a connection of its own (infrastructure/readiness.py), within PROBE_DEADLINE_S.
"""

from __future__ import annotations

import anyio
import anyio.to_thread
from fastapi import APIRouter, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST
from pydantic import BaseModel, Field

from api.deps import ReadModelsSource
from api.errors import problem_responses
from api.metrics import Metrics
from api.problems import ReadModelsNotReady, StoreUnavailable
from infrastructure.availability import STORE_UNAVAILABLE
from infrastructure.heartbeats import Heartbeat
from infrastructure.read_models import NAMES
from infrastructure.readiness import ProjectionReadiness, Readiness, StoreProbe, judge

router = APIRouter(tags=["operations"])
PROBE_DEADLINE_S = 1.5


class Health(BaseModel):
    status: str
    position: int | None = None


class ProjectionReadinessView(BaseModel):
    name: str
    version: int
    ready: bool
    state: str = Field(description="running, rebuilding, failed, or absent (no worker reports)")
    position: int | None
    lag_events: int | None
    lag_seconds: float | None
    problem: str | None


class ReadinessView(Health):
    projections: list[ProjectionReadinessView] = Field(
        description="Each read model's serving generation, as its workers last reported"
    )


@router.get("/healthz", response_model=Health, summary="Liveness: the process serves requests")
async def healthz() -> Health:
    return Health(status="ok")


@router.get(
    "/readyz",
    response_model=ReadinessView,
    responses=problem_responses(503),
    summary="Readiness: the store answers and every read model runs and keeps up",
)
async def readyz(request: Request) -> ReadinessView:
    """503 `store_unavailable`, or 503 `read_models_not_ready` naming each read model that
    has no live worker, whose workers failed, or that lags more than
    `IPLAN_READY_MAX_LAG_SECONDS` (its workers may run in this process or in `iplan project`)."""
    probe: StoreProbe | None = request.app.state.store_probe
    try:
        with anyio.fail_after(PROBE_DEADLINE_S):
            readiness = await anyio.to_thread.run_sync(
                lambda: _readiness(request, probe),
                abandon_on_cancel=True,
                limiter=_probe_threads(request),
            )
    except TimeoutError:
        raise StoreUnavailable(f"the store did not answer within {PROBE_DEADLINE_S} s") from None
    views = [ProjectionReadinessView(**vars(p)) for p in readiness.projections]
    if not readiness.ready:
        raise ReadModelsNotReady(
            f"read models not ready: {'; '.join(readiness.problems)}",
            [
                {"name": p.name, "version": p.version, "problem": p.problem}
                for p in views
                if not p.ready
            ],
        )
    return ReadinessView(status="ready", position=readiness.head, projections=views)


def _probe_threads(request: Request) -> anyio.CapacityLimiter:
    """Threads of the probes' own, so that busy request threads cannot delay them."""
    limiter: anyio.CapacityLimiter | None = getattr(request.app.state, "probe_threads", None)
    if limiter is None:
        limiter = request.app.state.probe_threads = anyio.CapacityLimiter(2)
    return limiter


def _readiness(request: Request, probe: StoreProbe | None) -> Readiness:
    if probe is not None:
        return probe.readiness(NAMES)
    # The memory store (tests): nothing to probe; its workers can only run here.
    source: ReadModelsSource = request.app.state.read_models_source
    models = source.built()
    statuses = [] if models is None else models.status()
    beats = [
        Heartbeat(s.name, s.version, "here", s.state, s.position or 0, s.lag_events, 0.0, 0.0)
        for s in statuses
    ]
    versions = {s.name: s.version for s in statuses}
    projections: list[ProjectionReadiness] = judge(NAMES, versions, beats, float("inf"))
    head = models.plans.recorder.max_notification_id() if models is not None else None
    return Readiness(head, projections)


@router.get("/metrics", include_in_schema=False)
def metrics(request: Request) -> Response:
    registry: Metrics = request.app.state.metrics
    read_models: ReadModelsSource = request.app.state.read_models_source
    models = read_models.built()
    if models is not None:
        try:
            registry.observe_projections(models.status())
        except STORE_UNAVAILABLE:
            registry.observe_projections(())  # lag unknown while the store is down
    return Response(registry.exposition(), media_type=CONTENT_TYPE_LATEST)
