"""`iplan demo`: seeds a synthetic county (modelled on Ortenaukreis) into the configured store."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from api.cli.session import err, fail, opened_plans, out, where
from infrastructure.demo.seeding import AlreadySeeded, seed_demo_county
from infrastructure.read_models import ReadModels
from infrastructure.settings import Settings
from projections.plan_summary import PlanFilter


def demo(
    persons: Annotated[int, typer.Option(min=1, help="How many persons (plans) to seed")] = 2000,
    seed: Annotated[
        int, typer.Option(help="Random seed: the same seed makes the same county")
    ] = 2017,
    commands: Annotated[
        bool,
        typer.Option(
            "--commands",
            help="Record every entry through the application's commands, one transaction "
            "each (the bulk path, the default on SQLite and PostgreSQL, stores the same)",
        ),
    ] = False,
) -> None:
    """Seed synthetic plans on the configured store, then bring the read models up to date."""
    settings = Settings()
    with opened_plans(settings) as plans:
        columns = (
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
        )
        with Progress(*columns, console=err()) as progress:
            tasks: dict[str, TaskID] = {}

            def report(phase: str, done: int, total: int) -> None:
                if phase not in tasks:
                    tasks[phase] = progress.add_task(phase, total=total)
                progress.update(tasks[phase], completed=done, total=total)

            try:
                entries = seed_demo_county(
                    plans,
                    persons=persons,
                    seed=seed,
                    bulk=False if commands else None,
                    progress=report,
                )
            except AlreadySeeded as error:
                raise fail(f"{error}: use another --seed or an empty IPLAN_DATA_DIR") from None
            models = ReadModels(plans)
            projecting = progress.add_task("projecting", total=models.backlog())
            models.catch_up_together(progress=lambda n: progress.advance(projecting, n))
        first = models.summary.list_plans(PlanFilter(), limit=1).items
        out().print(f"Seeded [bold]{persons}[/bold] plans with [bold]{entries}[/bold] entries")
        out().print(f"  into {where(settings)} (seed {seed}); read models up to date.")
    if first:
        out().print(f"Replay the earliest: iplan replay {first[0].plan_id}")
    out().print("Next: iplan serve, then GET /v1/plans with a county-wide token:")
    out().print("  iplan token --role caseworker --sub cw-01 --municipality '*'")
