"""`iplan find TEXT`: plans by name (and birth date) through the blind index, as a table.

The same rules as `GET /v1/plans?q=`: the scope is a caseworker's (`--municipality`), or
the local account's named by `--as`; an auditor's or admin's account sees the names as a
read of personal data, recorded for each plan shown; an analyst's finds nothing.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import uuid4

import typer
from rich.table import Table

from api.cli.session import USAGE, fail, opened_plans, out
from infrastructure.accounts import accounts_of
from infrastructure.read_model_kinds import PLAN_SUMMARY
from infrastructure.read_models import ReadModels
from infrastructure.settings import Settings
from projections.plan_summary import PlanFilter

ENDPOINT = "iplan find"
LOGGED_READERS = ("auditor", "admin")


def find(
    text: Annotated[str, typer.Argument(help="Given and/or family name, as written or heard")],
    municipality: Annotated[
        list[str] | None,
        typer.Option(help="Search as a caseworker of this AGS (repeatable; * for the county)"),
    ] = None,
    as_: Annotated[
        str | None, typer.Option("--as", help="Search as this local account (iplan users)")
    ] = None,
    birth_date: Annotated[
        datetime | None, typer.Option(help="Only people born on this day", formats=["%Y-%m-%d"])
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=200, help="How many matches at most")] = 20,
) -> None:
    """A table of matching plans: file number, name, municipality, status; best matches first."""
    if (municipality is None) == (as_ is None):
        raise fail("give --municipality or --as (whose scope to search in)", USAGE)
    with opened_plans(Settings()) as plans:
        actor, role, places = "cli-caseworker", "caseworker", tuple(municipality or ())
        if as_ is not None:
            account = accounts_of(plans).find(as_)
            if account is None:
                raise fail(f"no local account {as_}", USAGE)
            actor, role, places = account.username, account.role, account.municipalities
        if role not in ("caseworker", *LOGGED_READERS):
            raise fail(f"a {role} never sees a plan or a name", USAGE)
        models = ReadModels(plans, names=[PLAN_SUMMARY])
        models.catch_up()  # every plan recorded so far
        people = models.people
        if people is None:
            raise fail("this store keeps no search index", USAGE)
        try:
            search = people.search(text, birth_date.date() if birth_date else None)
        except ValueError as error:
            raise fail(str(error), USAGE) from None
        scope = None if "*" in places else places
        page = models.summary.list_plans(PlanFilter(scope=scope, search=search), limit=limit)
        table = Table("file number", "name", "municipality", "status")
        ctx = plans.context(actor=actor, role=role, correlation_id=f"cli-{uuid4()}")
        for s in page.items:
            name = people.display_name(s.plan_id, s.display_name)
            if name is not None and role in LOGGED_READERS:
                # Recorded before it is shown; if it cannot be recorded, nothing is.
                plans.record_personal_data_read(
                    s.plan_id, ctx, endpoint=ENDPOINT, version=s.version
                )
            table.add_row(s.file_number or "", name or "", s.municipality, s.status)
    if not page.items:
        raise fail("no plan in scope matches")
    out().print(table)
