"""`iplan verify`: checks that plans' histories were not altered, removed or reordered."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from api.cli.session import FAILURE, USAGE, fail, opened_plans, out, plan_id
from application.errors import PlanNotFound
from application.protection import IntegrityReport
from infrastructure.anchors import AnchorError, public_key_text
from infrastructure.settings import Settings
from infrastructure.store import anchor_book


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


def anchor(
    public_key: Annotated[
        bool, typer.Option("--public-key", help="Print the checkpoints' public key for auditors")
    ] = False,
) -> None:
    """Write a signed checkpoint of every plan's chain head outside the database, now."""
    settings = Settings()
    book = anchor_book(settings)
    if book is None:
        raise fail("IPLAN_STORE=memory keeps nothing to anchor", USAGE)
    if public_key:
        try:
            out().print(public_key_text(book.public_key()))
        except AnchorError as error:
            raise fail(str(error)) from None
        return
    with opened_plans(settings) as plans:
        try:
            seq = plans.anchor()
        except AnchorError as error:
            raise fail(str(error)) from None
    if seq is None:
        out().print(f"Nothing recorded since the last checkpoint in {book.directory}.")
    else:
        out().print(f"Checkpoint {seq} written to {book.directory}.")


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
