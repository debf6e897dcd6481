"""`iplan retention run`: erases the personal data of plans closed longer ago than allowed."""

from __future__ import annotations

from typing import Annotated

import typer

from api.cli.session import USAGE, fail, opened_plans, out
from infrastructure.read_models import ReadModels
from infrastructure.retention import RETENTION_ACTOR, erase_expired
from infrastructure.settings import Settings

retention = typer.Typer(help="Erasure after the retention period.", no_args_is_help=True)


@retention.command()
def run(
    years: Annotated[
        int | None,
        typer.Option(min=1, help="Retention period in years (default: IPLAN_RETENTION_YEARS)"),
    ] = None,
) -> None:
    """Erase the personal data of every plan closed longer ago than the retention period."""
    settings = Settings()
    period = years or settings.retention_years
    if period is None:
        raise fail("give --years or set IPLAN_RETENTION_YEARS", USAGE)
    with opened_plans(settings) as plans:
        models = ReadModels(plans)
        models.catch_up()  # the list of closed plans must know every closure
        erased = erase_expired(plans, models, period)
    out().print(
        f"Erased the personal data of {len(erased)} plans closed more than {period} years "
        f"ago (recorded as {RETENTION_ACTOR})."
    )
    for plan_id in erased:
        out().print(f"  {plan_id}")
