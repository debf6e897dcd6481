"""`iplan report state|table|meeting`: the state's period report, the analysts' tables and
the cooperation meeting's report, small cells suppressed."""

from __future__ import annotations

import csv
import io
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from api.cli.session import USAGE, err, fail, opened_plans
from api.meeting_report import meeting_report, tertial
from api.problems import InvalidRequest
from api.routers.tables import municipality_names, table_query
from api.table_exports import csv_de, table_sheet, xlsx
from infrastructure.read_model_kinds import ANALYTICS
from infrastructure.read_models import ReadModels
from infrastructure.settings import Settings
from projections.analytics import StatsQuery, month_of, report_rows
from projections.figure_metrics import BREAKDOWNS
from projections.figure_tables import TableCell, TableQuery

report = typer.Typer(help="Reports for the state and the county.", no_args_is_help=True)

DAY = ["%Y-%m-%d", "%Y-%m"]


@report.command()
def state(
    from_: Annotated[
        datetime, typer.Option("--from", help="First month (YYYY-MM or a day in it)", formats=DAY)
    ],
    to: Annotated[
        datetime, typer.Option("--to", help="Last month, inclusive (YYYY-MM or a day)", formats=DAY)
    ],
    output: Annotated[
        Path | None, typer.Option(help="Write the CSV here instead of standard output")
    ] = None,
) -> None:
    """The state report as CSV: figures per municipality and month, small cells "suppressed"."""
    first, last = month_of(from_.date()), month_of(to.date())
    if first > last:
        raise fail("--from lies after --to", USAGE)
    with opened_plans(Settings()) as plans:
        models = ReadModels(plans, names=[ANALYTICS])
        models.catch_up()  # the figures include every entry recorded so far
        figures = models.analytics.figures(StatsQuery(first_month=first, last_month=last))
    rows = list(report_rows(figures))
    if output is None:
        csv.writer(sys.stdout, lineterminator="\n").writerows(rows)
    else:
        with output.open("w", newline="", encoding="utf-8") as file:
            csv.writer(file).writerows(rows)
        err().print(f"wrote {len(rows) - 1} figures to {output}")


@report.command()
def table(
    metric: Annotated[str, typer.Option(help="A metric's name, e.g. plans_active")],
    period: Annotated[str, typer.Option(help="month, quarter, tertial, half or year")],
    year: Annotated[int, typer.Option(help="The calendar year")],
    by: Annotated[str | None, typer.Option(help=f"One breakdown: {', '.join(BREAKDOWNS)}")] = None,
    format: Annotated[
        str, typer.Option("--format", help="csv-de (German Excel), xlsx or csv")
    ] = "csv-de",
    output: Annotated[Path | None, typer.Option(help="Write the file here")] = None,
) -> None:
    """An analysts' table (DESIGN 5a): one metric, one year by period, the county total
    beside the municipalities; suppressed figures read `.` (csv-de, xlsx) or are empty."""
    if format not in ("csv-de", "xlsx", "csv"):
        raise fail("--format must be csv-de, xlsx or csv", USAGE)
    if format == "xlsx" and output is None:
        raise fail("xlsx needs --output", USAGE)
    try:
        query = table_query(metric, period, year, by)
    except InvalidRequest as refused:
        raise fail(refused.detail, USAGE) from None
    settings = Settings()
    with opened_plans(settings) as plans:
        models = ReadModels(plans, names=[ANALYTICS])
        models.catch_up()
        names = municipality_names(settings)
        cells = models.analytics.table(query, names, settings.min_cell_persons)
    sheet = table_sheet(query, cells, names)
    if format == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(("municipality", "period", "category", "persons", "value", "suppressed"))
        writer.writerows(
            (c.municipality, c.period, c.category, c.persons, c.value, c.suppressed) for c in cells
        )
        body = out.getvalue().encode()
    else:
        body = csv_de(sheet) if format == "csv-de" else xlsx([sheet])
    if output is None:
        sys.stdout.buffer.write(body)
        return
    output.write_bytes(body)
    err().print(f"wrote {len(cells)} cells to {output}")


@report.command()
def meeting(
    period: Annotated[str, typer.Option(help="The tertial, e.g. 2026-T1")],
    output: Annotated[Path | None, typer.Option(help="Write the HTML here")] = None,
) -> None:
    """The cooperation meeting's report (DESIGN 5a) as one printable German HTML file:
    municipalities beside the county, three tertials' trend, outcome shares."""
    try:
        tertial(period)
    except InvalidRequest as refused:
        raise fail(refused.detail, USAGE) from None
    settings = Settings()
    with opened_plans(settings) as plans:
        models = ReadModels(plans, names=[ANALYTICS])
        models.catch_up()
        names = municipality_names(settings)

        def table_of(query: TableQuery) -> list[TableCell]:
            return models.analytics.table(query, names, settings.min_cell_persons)

        html = meeting_report(period, table_of, names, datetime.now(UTC))
    if output is None:
        sys.stdout.write(html)
        return
    output.write_text(html, encoding="utf-8")
    err().print(f"wrote the meeting report for {period} to {output}")
