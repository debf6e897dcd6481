"""`iplan verify`: checks that plans' histories were not altered, removed or reordered."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from api.cli.session import FAILURE, USAGE, fail, opened_plans, out, plan_id
from application.errors import PlanNotFound
from application.protection import IntegrityReport
from infrastructure.settings import Settings


def verify(
    plan: Annotated[str | None, typer.Argument(help="The plan's id", metavar="PLAN")] = None,
    all_plans: Annotated[bool, typer.Option("--all", help="Verify every plan")] = False,
) -> None:
    """Verify the hash chain of one plan or of every plan; exit 1 if any is broken."""
    if (plan is None) == (not all_plans):
        raise fail("name a PLAN or give --all", USAGE)
    with opened_plans(Settings()) as plans:
        if plan is not None:
            try:
                reports = [plans.verify_integrity(plan_id(plan))]
            except PlanNotFound as error:
                raise fail(str(error)) from None
        else:
            reports = list(plans.verify_all())
    broken = [r for r in reports if not r.ok]
    if broken or plan is not None:
        out().print(report_table(broken or reports))
    if broken:
        out().print(f"[red]{len(broken)} of {len(reports)} plans fail the integrity check[/red]")
        raise typer.Exit(FAILURE)
    entries = sum(r.checked for r in reports)
    plans_word = "plan" if len(reports) == 1 else "plans"
    out().print(f"[green]ok:[/green] {len(reports)} {plans_word}, {entries} entries verified")


def report_table(reports: list[IntegrityReport]) -> Table:
    table = Table()
    for column in ("plan", "ok", "entries checked", "first bad version", "problem"):
        table.add_column(column, overflow="fold")
    for r in reports:
        table.add_row(
            str(r.plan_id),
            "[green]yes[/green]" if r.ok else "[red]NO[/red]",
            str(r.checked),
            "" if r.first_bad_version is None else str(r.first_bad_version),
            r.problem or "",
        )
    return table
