"""`iplan export PLAN`: the subject-access export (GDPR Art. 15), as JSON or German HTML."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated
from uuid import uuid4

import typer

from api.cli.session import err, fail, opened_plans, out, plan_id
from api.subject_access import as_html, as_json, subject_access
from application.errors import PlanNotFound
from infrastructure.settings import Settings

ENDPOINT = "iplan export"


def export(
    plan: Annotated[str, typer.Argument(help="The plan's id", metavar="PLAN")],
    format: Annotated[
        str, typer.Option(help="json, or html: a printable document in German")
    ] = "json",
    output: Annotated[Path | None, typer.Option(help="Write to this file (default: print)")] = None,
    actor: Annotated[str, typer.Option(help="The admin who discloses (recorded)")] = "cli-admin",
) -> None:
    """Everything stored about the person of a plan, decrypted; the read is recorded."""
    if format not in ("json", "html"):
        raise fail("--format is json or html", 2)
    wanted = plan_id(plan)
    with opened_plans(Settings()) as plans:
        try:
            document = subject_access(plans, wanted)
        except PlanNotFound as error:
            raise fail(str(error)) from None
        # Recorded before anything is written out; if it cannot be recorded, nothing is.
        ctx = plans.context(actor=actor, role="admin", correlation_id=f"cli-{uuid4()}")
        plans.record_personal_data_read(
            wanted, ctx, endpoint=ENDPOINT, version=document.plan.version
        )
    text = (
        as_html(document)
        if format == "html"
        else json.dumps(as_json(document), ensure_ascii=False, indent=2)
    )
    if output is None:
        out().print(text, markup=False, highlight=False, soft_wrap=True)
    else:
        output.write_text(text, encoding="utf-8")
        err().print(f"written to {output} (the read is recorded as {actor}, admin)")
