"""The analysts' report-ready tables (DESIGN 5a): one metric and year at a period level,
with the county total and an optional breakdown; as JSON, German CSV or XLSX."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Response

from api.auth import Caller
from api.deps import AnalystCaller, Projected, SettingsDep, projected, scope_of
from api.errors import problem_responses
from api.problems import InvalidRequest
from api.schemas.tables import MetricList, MetricView, TableAnswer, TableCellView
from api.table_exports import COUNTY_NAME, csv_de, table_sheet, xlsx
from infrastructure.read_models import ANALYTICS
from infrastructure.reference_data import county_municipalities
from infrastructure.settings import Settings
from projections.figure_metrics import BREAKDOWNS, METRICS
from projections.figure_tables import TableCell, TableQuery
from projections.periods import LEVELS

router = APIRouter(tags=["statistics"])
Read = Annotated[Projected, Depends(projected(ANALYTICS))]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FIRST_YEAR, LAST_YEAR = 2000, 2100


@lru_cache(maxsize=8)
def _names(path: Path | None) -> dict[str, str]:
    settings = Settings(municipalities_file=path)
    return {m.ags: m.name for m in county_municipalities(settings)}


def municipality_names(settings: Settings) -> dict[str, str]:
    return _names(settings.municipalities_file)


def table_query(metric: str, period: str, year: int, by: str | None) -> TableQuery:
    """The query, or a 422 naming what is wrong in the analyst's words."""
    if metric not in METRICS:
        raise InvalidRequest(
            f"unknown metric {metric!r}; GET /v1/stats/metrics lists them", code="invalid_metric"
        )
    if period not in LEVELS:
        raise InvalidRequest(
            f"period must be one of {', '.join(LEVELS)}, not {period!r}", code="invalid_period"
        )
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidRequest(
            f"year must lie between {FIRST_YEAR} and {LAST_YEAR}", code="invalid_period"
        )
    if by not in (None, "", *BREAKDOWNS):
        raise InvalidRequest(
            f"by must be one of {', '.join(BREAKDOWNS)}, not {by!r}", code="invalid_breakdown"
        )
    return TableQuery(metric, period, year, by or "")


def read_table(
    caller: Caller, read: Projected, settings: Settings, query: TableQuery
) -> tuple[list[TableCell], dict[str, str]]:
    """The table's cells the caller may see: suppression decided on the whole county."""
    names = municipality_names(settings)
    cells = read.models.analytics.table(query, names, settings.min_cell_persons, read.position)
    scope = scope_of(caller)
    if scope is not None:
        cells = [c for c in cells if c.municipality == "*" or c.municipality in scope]
    return cells, names


@router.get(
    "/v1/stats/table",
    response_model=TableAnswer,
    responses={
        200: {"content": {"text/csv": {}, XLSX: {}}},
        **problem_responses(401, 403, 422, 503),
    },
    summary="A report-ready table: one metric, one year, by period, county total beside",
)
def stats_table(
    caller: AnalystCaller,
    read: Read,
    settings: SettingsDep,
    metric: Annotated[str, Query(description="A metric's name (GET /v1/stats/metrics)")],
    period: Annotated[str, Query(description=f"The period level: {', '.join(LEVELS)}")],
    year: Annotated[int, Query(description="The calendar year", examples=[2026])],
    by: Annotated[str | None, Query(description=f"One breakdown: {', '.join(BREAKDOWNS)}")] = None,
    format: Annotated[
        Literal["json", "csv-de", "xlsx"], Query(description="json, csv-de or xlsx")
    ] = "json",
) -> TableAnswer | Response:
    """For analysts and admins. Persons are counted once per period; a suppressed cell
    reads `{"persons": null, "value": null, "suppressed": true}`, never 0."""
    query = table_query(metric, period, year, by)
    cells, names = read_table(caller, read, settings, query)
    if format != "json":
        sheet = table_sheet(query, cells, names)
        body, media, suffix = (
            (csv_de(sheet), "text/csv; charset=utf-8", "csv")
            if format == "csv-de"
            else (xlsx([sheet]), XLSX, "xlsx")
        )
        name = f"{metric}_{period}_{year}{'_' + query.by if query.by else ''}.{suffix}"
        return Response(
            body,
            media_type=media,
            headers={
                "Content-Disposition": f'attachment; filename="{name}"',
                "X-Projection-Position": str(read.position),
            },
        )
    return TableAnswer(
        metric=metric,
        period=period,
        year=year,
        by=query.by or None,
        cells=[
            TableCellView(
                municipality=c.municipality,
                municipality_name=COUNTY_NAME
                if c.municipality == "*"
                else names.get(c.municipality, ""),
                period=c.period,
                category=c.category,
                persons=c.persons,
                value=c.value,
                suppressed=c.suppressed,
            )
            for c in cells
        ],
        position=read.position,
    )


@router.get(
    "/v1/stats/metrics",
    response_model=MetricList,
    responses=problem_responses(401, 403),
    summary="The metrics of the tables, with German and English labels",
)
def stats_metrics(caller: AnalystCaller) -> MetricList:
    return MetricList(
        items=[
            MetricView(
                name=m.name, label_de=m.label_de, label_en=m.label_en, unit=m.unit, kind=m.kind
            )
            for m in METRICS.values()
        ]
    )
