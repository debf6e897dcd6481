"""`iplan report state`: the state's period report as CSV, small cells suppressed."""

from __future__ import annotations

import csv
import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from api.cli.session import USAGE, err, fail, opened_plans
from infrastructure.read_model_kinds import ANALYTICS
from infrastructure.read_models import ReadModels
from infrastructure.settings import Settings
from projections.analytics import StatsQuery, month_of, report_rows

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
