"""The admins' view of the read models: position, lag and state; side-by-side rebuilds."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from api.deps import AdminCaller, ReadModelsDep
from api.errors import problem_responses
from api.problems import NotFound
from api.schemas.stats import Projections, ProjectionView, RebuildStarted
from infrastructure.read_model_kinds import NAMES

router = APIRouter(prefix="/v1/admin/projections", tags=["admin"])


@router.get(
    "",
    response_model=Projections,
    responses=problem_responses(401, 403, 503),
    summary="Each read model's position, head, lag and state",
)
def projections(caller: AdminCaller, models: ReadModelsDep) -> Projections:
    """A generation being rebuilt is listed beside the one serving (state `rebuilding`)."""
    return Projections(items=[ProjectionView.of(s) for s in models.status()])


@router.post(
    "/{name}/rebuild",
    status_code=202,
    response_model=RebuildStarted,
    responses=problem_responses(401, 403, 404, 503),
    summary="Rebuild a read model beside the serving one; it switches over when caught up",
)
def rebuild(
    caller: AdminCaller,
    models: ReadModelsDep,
    name: Annotated[str, Path(description=f"One of {', '.join(NAMES)}")],
) -> RebuildStarted:
    """The serving generation answers until the new one has caught up. Asking again while
    a rebuild runs answers the version under way."""
    if name not in models.workers:
        raise NotFound(
            f"no read model {name}; known: {', '.join(models.workers)}",
            code="projection_not_found",
        )
    return RebuildStarted(name=name, version=models.rebuild(name))
