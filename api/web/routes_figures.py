"""The analyst's dashboard over the API's figures: a metric per municipality and month as
a table and a chart, and downloads (XLSX of the table, the state report as CSV)."""

from __future__ import annotations

import io
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from openpyxl import Workbook
from starlette.responses import Response

from api.charts import Bar, bar_chart
from api.deps import get_plans, get_settings
from api.routers import stats
from api.schemas.stats import FigureView
from api.web.i18n import N_
from api.web.pages import AnalystPage, Page
from api.web.reads import read_models
from infrastructure.read_models import ANALYTICS
from projections.analytics import METRICS

router = APIRouter(include_in_schema=False)
MONTH = r"^\d{4}-(0[1-9]|1[0-2])$"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
METRIC_NAMES = {
    "plans_opened": N_("Plans opened"),
    "plans_closed": N_("Plans closed"),
    "consultations": N_("Consultations held"),
    "consultation_minutes": N_("Minutes of consultation"),
    "goals_agreed": N_("Goals agreed"),
    "goals_achieved": N_("Goals achieved"),
    "measures_agreed": N_("Measures agreed"),
    "measures_completed": N_("Measures completed"),
    "courses_enrolled": N_("Course enrolments"),
    "courses_completed": N_("Courses completed"),
    "job_placements": N_("Jobs taken up"),
    "housing_secured": N_("Own homes found"),
    "plans_active": N_("Active plans"),
    "days_to_first_course_completion": N_("Days to the first course completed (median)"),
    "days_to_first_job": N_("Days to the first job (median)"),
    "days_to_own_housing": N_("Days to an own home (median)"),
}
Month = Annotated[str | None, Query(pattern=MONTH)]
Metric = Annotated[str, Query(max_length=60)]


@dataclass(frozen=True)
class Row:
    municipality: str
    dimension: str
    cells: list[FigureView | None]


def period(page: Page, first: str | None, last: str | None) -> tuple[str, str]:
    """The asked months, by default the last twelve up to this one."""
    today = get_plans(page.request).today()
    year_ago = date(today.year - 1, today.month, 1)
    return first or year_ago.strftime("%Y-%m"), last or today.strftime("%Y-%m")


def figures(page: Page, first: str, last: str, metric: str) -> list[FigureView]:
    read = read_models(page, ANALYTICS)
    answer = stats.monthly(page.caller, read, first, last, None, [metric])
    return answer.items


def table(items: list[FigureView]) -> tuple[list[str], list[Row]]:
    months = sorted({f.month for f in items})
    cells: dict[tuple[str, str], dict[str, FigureView]] = defaultdict(dict)
    for f in items:
        cells[(f.municipality, f.dimension)][f.month] = f
    rows = [Row(m, d, [found.get(month) for month in months]) for (m, d), found in cells.items()]
    return months, sorted(rows, key=lambda r: (r.municipality, r.dimension))


@router.get("/dashboard")
def dashboard(
    page: AnalystPage,
    first: Annotated[str | None, Query(alias="from", pattern=MONTH)] = None,
    last: Annotated[str | None, Query(alias="to", pattern=MONTH)] = None,
    metric: Metric = "plans_active",
) -> Response:
    first, last = period(page, first, last)
    items = figures(page, first, last, metric)
    months, rows = table(items)
    place = page.request.app.state.web_templates.globals["place"]
    latest = [
        Bar(place(r.municipality) + (f" {r.dimension}" if r.dimension else ""), c.value)
        for r in rows
        if (c := r.cells[-1] if r.cells else None) is not None and c.value is not None
    ]
    title = page.gettext(METRIC_NAMES.get(metric, metric))
    chart = bar_chart(latest, f"{title}, {months[-1] if months else last}") if latest else None
    return page.render(
        "dashboard.html", metric=metric, metrics=[(m, METRIC_NAMES.get(m, m)) for m in METRICS],
        first=first, last=last, months=months, rows=rows, chart=chart, metric_name=title,
    )  # fmt: skip


@router.get("/dashboard/figures.xlsx")
def figures_xlsx(
    page: AnalystPage,
    first: Annotated[str | None, Query(alias="from", pattern=MONTH)] = None,
    last: Annotated[str | None, Query(alias="to", pattern=MONTH)] = None,
    metric: Metric = "plans_active",
) -> Response:
    first, last = period(page, first, last)
    months, rows = table(figures(page, first, last, metric))
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = metric[:31]
    sheet.append([page.gettext("Municipality"), page.gettext("Dimension"), *months])
    suppressed = page.gettext("suppressed")
    for r in rows:
        values = ["" if c is None else suppressed if c.suppressed else c.value for c in r.cells]
        sheet.append([r.municipality, r.dimension, *values])
    out = io.BytesIO()
    book.save(out)
    name = f"figures_{metric}_{first}_{last}.xlsx"
    return page.answer(
        Response(
            out.getvalue(), media_type=XLSX,
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )
    )  # fmt: skip


@router.get("/dashboard/state-report.csv")
def state_report(
    page: AnalystPage,
    first: Annotated[str | None, Query(alias="from", pattern=MONTH)] = None,
    last: Annotated[str | None, Query(alias="to", pattern=MONTH)] = None,
) -> Response:
    first, last = period(page, first, last)
    start = date.fromisoformat(f"{first}-01")
    end = date.fromisoformat(f"{last}-01")
    read, settings = read_models(page, ANALYTICS), get_settings(page.request)
    return page.answer(stats.state_report(page.caller, read, settings, start, end, "csv-de"))
