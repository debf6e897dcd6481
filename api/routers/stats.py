"""The analysts' figures per municipality and month, and the state's period report as CSV.

Analysts and admins only: auditors check plans, not figures. Small cells (fewer than
5 persons) are suppressed, never shown as 0.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Response

from api.auth import Caller
from api.deps import AnalystCaller, Projected, SettingsDep, projected, scope_of
from api.errors import problem_responses
from api.problems import Forbidden, InvalidRequest
from api.routers.tables import XLSX, municipality_names
from api.schemas.common import Day, Municipality
from api.schemas.stats import FigureView, MonthlyStats
from api.table_exports import csv_de, state_report_sheet, xlsx
from infrastructure.read_models import ANALYTICS
from projections.analytics import METRICS, StatsQuery, month_of, report_rows

router = APIRouter(tags=["statistics"])

MAX_MONTHS = 120
MONTH = r"^\d{4}-(0[1-9]|1[0-2])$"
Read = Annotated[Projected, Depends(projected(ANALYTICS))]


def month(text: str) -> date:
    try:
        return date(int(text[:4]), int(text[5:7]), 1)
    except ValueError:  # year 0000
        raise InvalidRequest(f"{text} is not a month", code="invalid_field") from None


def stats_query(
    caller: Caller,
    first: date,
    last: date,
    municipality: str | None = None,
    metrics: list[str] | None = None,
) -> StatsQuery:
    """The query for the caller's municipalities; refuses periods and names that make no sense."""
    first, last = month_of(first), month_of(last)
    if first > last:
        raise InvalidRequest("the period's start lies after its end", code="invalid_period")
    if (last.year - first.year) * 12 + last.month - first.month >= MAX_MONTHS:
        raise InvalidRequest(f"a period spans at most {MAX_MONTHS} months", code="invalid_period")
    unknown = sorted(set(metrics or ()) - set(METRICS))
    if unknown:
        raise InvalidRequest(
            f"unknown metrics {', '.join(unknown)}; known: {', '.join(METRICS)}",
            code="invalid_metric",
        )
    scope = scope_of(caller)
    if municipality is not None:
        if not caller.covers(municipality):
            raise Forbidden(
                f"the token does not cover municipality {municipality}",
                code="municipality_out_of_scope",
            )
        scope = frozenset({municipality})
    return StatsQuery(first_month=first, last_month=last, scope=scope, metrics=metrics or None)


@router.get(
    "/v1/stats/monthly",
    response_model=MonthlyStats,
    responses=problem_responses(401, 403, 422, 503),
    summary="Figures per municipality and month (small cells suppressed)",
)
def monthly(
    caller: AnalystCaller,
    read: Read,
    first: Annotated[
        str,
        Query(
            alias="from", pattern=MONTH, description="First month, YYYY-MM", examples=["2026-01"]
        ),
    ],
    last: Annotated[
        str,
        Query(alias="to", pattern=MONTH, description="Last month, YYYY-MM", examples=["2026-03"]),
    ],
    municipality: Annotated[Municipality | None, Query()] = None,
    metric: Annotated[
        list[str] | None,
        Query(description=f"Only these metrics (repeatable): {', '.join(METRICS)}"),
    ] = None,
) -> MonthlyStats:
    """For analysts and admins (auditors check plans, not figures).

    Every figure of the months from `from` to `to` (inclusive) in the caller's
    municipalities. A figure counting fewer than 5 persons reads
    `{"suppressed": true, "value": null, "persons": null}`."""
    query = stats_query(caller, month(first), month(last), municipality, metric)
    figures = read.models.analytics.figures(query)
    return MonthlyStats(items=[FigureView.of(f) for f in figures], position=read.position)


@router.get(
    "/v1/reports/state-report",
    response_class=Response,
    responses={
        200: {
            "description": "One row per municipality, month, metric and dimension",
            "content": {
                "text/csv": {
                    "example": "municipality,month,metric,dimension,persons,value\r\n"
                    "08317096,2026-01,plans_opened,,7,7\r\n"
                    "08317057,2026-01,plans_opened,,suppressed,suppressed\r\n"
                }
            },
            "headers": {"X-Projection-Position": {"schema": {"type": "integer"}}},
        },
        **problem_responses(401, 403, 422, 503),
    },
    summary="The state's period report as CSV",
)
def state_report(
    caller: AnalystCaller,
    read: Read,
    settings: SettingsDep,
    first: Annotated[Day, Query(alias="from", description="First day (YYYY-MM-DD)")],
    last: Annotated[Day, Query(alias="to", description="Last day (YYYY-MM-DD)")],
    format: Annotated[
        Literal["csv", "csv-de", "xlsx"],
        Query(description="csv (for machines), csv-de (German Excel) or xlsx"),
    ] = "csv",
) -> Response:
    """Every month the period touches, in the caller's municipalities; small cells read
    `suppressed` in the persons and value columns (`.` in csv-de and xlsx)."""
    if first > last:
        raise InvalidRequest("from must not lie after to", code="invalid_period")
    figures = read.models.analytics.figures(stats_query(caller, first, last))
    name = f"state-report_{first.isoformat()}_{last.isoformat()}"
    headers = {"X-Projection-Position": str(read.position)}
    if format != "csv":
        sheet = state_report_sheet(figures, municipality_names(settings))
        body, media, suffix = (
            (csv_de(sheet), "text/csv; charset=utf-8", "csv")
            if format == "csv-de"
            else (xlsx([sheet]), XLSX, "xlsx")
        )
        headers["Content-Disposition"] = f'attachment; filename="{name}.{suffix}"'
        return Response(body, media_type=media, headers=headers)
    out = io.StringIO()
    csv.writer(out).writerows(report_rows(figures))
    headers["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
