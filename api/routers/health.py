"""Liveness, readiness and Prometheus metrics: open to anyone, no token needed."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST
from pydantic import BaseModel

from api.deps import PlansSource
from api.errors import problem_responses
from infrastructure.availability import check_store

router = APIRouter(tags=["operations"])


class Health(BaseModel):
    status: str
    position: int | None = None


@router.get("/healthz", response_model=Health, summary="Liveness: the process serves requests")
def healthz() -> Health:
    return Health(status="ok")


@router.get(
    "/readyz",
    response_model=Health,
    responses=problem_responses(503),
    summary="Readiness: the event store answers",
)
def readyz(request: Request) -> Health:
    source: PlansSource = request.app.state.plans_source
    # Store errors propagate to the error table, which answers 503.
    position = check_store(source.get())
    return Health(status="ready", position=position)


@router.get("/metrics", include_in_schema=False)
def metrics(request: Request) -> Response:
    return Response(request.app.state.metrics.exposition(), media_type=CONTENT_TYPE_LATEST)
