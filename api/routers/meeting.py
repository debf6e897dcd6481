"""The cooperation-meeting report over HTTP: one tertial as a printable German HTML page."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse

from api.deps import AnalystCaller, Projected, SettingsDep, projected, scope_of
from api.errors import problem_responses
from api.meeting_report import meeting_report
from api.routers.tables import municipality_names
from infrastructure.read_models import ANALYTICS
from projections.figure_tables import TableCell, TableQuery

router = APIRouter(tags=["statistics"])
Read = Annotated[Projected, Depends(projected(ANALYTICS))]


@router.get(
    "/v1/reports/meeting",
    response_class=HTMLResponse,
    responses={
        200: {
            "description": "A self-contained HTML document (inline CSS and SVG charts)",
            "content": {"text/html": {}},
            "headers": {"X-Projection-Position": {"schema": {"type": "integer"}}},
        },
        **problem_responses(401, 403, 422, 503),
    },
    summary="The report for the county's cooperation meeting: one tertial, printable, German",
)
def meeting(
    caller: AnalystCaller,
    read: Read,
    settings: SettingsDep,
    period: Annotated[
        str,
        Query(max_length=20, description="The tertial, e.g. 2026-T1", examples=["2026-T1"]),
    ],
) -> HTMLResponse:
    """For analysts and admins. Each municipality beside the county for the tertial, the
    trend over the last three tertials, the outcome shares and medians, each chart with its table;
    the figures are those of GET /v1/stats/table, suppressed ones read `.`."""
    names = municipality_names(settings)

    def table_of(query: TableQuery) -> list[TableCell]:
        return read.models.analytics.table(query, names, settings.min_cell_persons, read.position)

    html = meeting_report(period, table_of, names, datetime.now(UTC), scope_of(caller))
    # Checked by meeting_report: a tertial's key, ASCII only, fit for a header.
    return HTMLResponse(
        html,
        headers={
            "Content-Disposition": f'inline; filename="kooperationstreffen_{period}.html"',
            "X-Projection-Position": str(read.position),
        },
    )
