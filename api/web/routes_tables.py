"""The analyst's report-ready tables (DESIGN 5a) on a page: municipalities side by side
with the county, the county's trend over the year's periods as a chart, downloads as
XLSX and German CSV. Everything comes from the API's /v1/stats/table handler."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from starlette.responses import Response

from api.charts import Bar, bar_chart
from api.deps import get_plans, get_settings
from api.routers import meeting, tables
from api.schemas.tables import TableAnswer, TableCellView
from api.web.pages import AnalystPage, Page
from api.web.reads import read_models
from infrastructure.read_models import ANALYTICS
from projections.figure_metrics import BREAKDOWNS, METRICS
from projections.periods import LEVELS

router = APIRouter(include_in_schema=False)
COUNTY = "*"


@dataclass(frozen=True)
class TableRow:
    municipality: str
    name: str
    category: str
    cells: list[TableCellView | None]


def answer(
    page: Page, metric: str, period: str, year: int | None, by: str,
    format: Literal["json", "csv-de", "xlsx"] = "json",
) -> TableAnswer | Response:  # fmt: skip
    year = year or get_plans(page.request).today().year
    read = read_models(page, ANALYTICS)
    settings = get_settings(page.request)
    return tables.stats_table(page.caller, read, settings, metric, period, year, by or None, format)


def rows_of(table: TableAnswer) -> tuple[list[str], list[TableRow]]:
    periods = sorted({c.period for c in table.cells})
    found: dict[tuple[str, str, str], dict[str, TableCellView]] = defaultdict(dict)
    for c in table.cells:
        found[(c.municipality, c.municipality_name, c.category)][c.period] = c
    rows = [
        TableRow(m, name, category, [cells.get(p) for p in periods])
        for (m, name, category), cells in found.items()
    ]
    rows.sort(key=lambda r: (r.municipality != COUNTY, r.name, r.category))
    return periods, rows


@router.get("/dashboard/tables")
def table_page(
    page: AnalystPage,
    metric: Annotated[str, Query(max_length=80)] = "plans_active",
    period: Annotated[str, Query(max_length=20)] = "quarter",
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
    by: Annotated[str, Query(max_length=40)] = "",
) -> Response:
    table = answer(page, metric, period, year, by)
    assert isinstance(table, TableAnswer)
    periods, rows = rows_of(table)
    label = "label_de" if page.language == "de" else "label_en"
    metrics = [(m.name, getattr(m, label)) for m in METRICS.values()]
    title = dict(metrics).get(metric, metric)
    county = next((r for r in rows if r.municipality == COUNTY and not r.category), None)
    bars = [
        Bar(p, c.value)
        for p, c in zip(periods, county.cells if county else [], strict=False)
        if c is not None and c.value is not None
    ]
    chart = bar_chart(bars, f"{title}, {table.year}") if bars else None
    return page.render(
        "tables.html", table=table, periods=periods, rows=rows, chart=chart, title=title,
        metrics=metrics, levels=LEVELS, breakdowns=BREAKDOWNS,
    )  # fmt: skip


@router.get("/dashboard/tables/download")
def table_download(
    page: AnalystPage,
    format: Annotated[Literal["csv-de", "xlsx"], Query()],
    metric: Annotated[str, Query(max_length=80)] = "plans_active",
    period: Annotated[str, Query(max_length=20)] = "quarter",
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
    by: Annotated[str, Query(max_length=40)] = "",
) -> Response:
    download = answer(page, metric, period, year, by, format)
    assert isinstance(download, Response)
    return page.answer(download)


@router.get("/dashboard/meeting")
def meeting_report(page: AnalystPage, period: Annotated[str, Query(max_length=20)]) -> Response:
    """The cooperation meeting's report (GET /v1/reports/meeting), opened in the browser."""
    read = read_models(page, ANALYTICS)
    report = meeting.meeting(page.caller, read, get_settings(page.request), period)
    return page.answer(report)
