"""Liveness, readiness and Prometheus metrics: open to anyone, no token needed."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST
from pydantic import BaseModel, Field

from api.deps import PlansSource, ReadModelsSource
from api.errors import problem_responses
from api.metrics import Metrics
from api.problems import ProjectionsFailed
from api.schemas.stats import ProjectionView
from infrastructure.availability import STORE_UNAVAILABLE, check_store
from infrastructure.projection_runner import FAILED

router = APIRouter(tags=["operations"])


class Health(BaseModel):
    status: str
    position: int | None = None


class Readiness(Health):
    projections: list[ProjectionView] | None = Field(
        None, description="Readiness: each read model's state (none until they are built)"
    )


@router.get("/healthz", response_model=Health, summary="Liveness: the process serves requests")
def healthz() -> Health:
    return Health(status="ok")


@router.get(
    "/readyz",
    response_model=Readiness,
    responses=problem_responses(503),
    summary="Readiness: the event store answers and no read model has failed",
)
def readyz(request: Request) -> Readiness:
    """503 `store_unavailable`, or 503 `projections_failed` listing the failed read models."""
    source: PlansSource = request.app.state.plans_source
    # Store errors propagate to the error table, which answers 503.
    position = check_store(source.get())
    read_models: ReadModelsSource = request.app.state.read_models_source
    models = read_models.built()
    statuses = [] if models is None else models.status()
    failed = [s for s in statuses if s.state == FAILED]
    if failed:
        raise ProjectionsFailed(
            f"read models failed: {', '.join(s.name for s in failed)}",
            [{"name": s.name, "version": s.version, "last_error": s.last_error} for s in failed],
        )
    return Readiness(
        status="ready",
        position=position,
        projections=[ProjectionView.of(s) for s in statuses] if models is not None else None,
    )


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
