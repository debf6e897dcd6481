"""`iplan project` and `iplan projections …`: run, watch and rebuild the read models."""

from __future__ import annotations

import signal
import threading
import time
from types import FrameType
from typing import Annotated

import structlog
import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from api.cli.session import USAGE, err, fail, opened_plans, out, where
from infrastructure.availability import STORE_UNAVAILABLE
from infrastructure.read_model_kinds import NAMES
from infrastructure.read_models import ReadModels, run_projections
from infrastructure.settings import Settings

log = structlog.get_logger("iplan.projections")
projections = typer.Typer(help="The read models: status and rebuilds.", no_args_is_help=True)


def checked(names: list[str]) -> list[str]:
    unknown = [n for n in names if n not in NAMES]
    if unknown:
        raise fail(f"no projection {', '.join(unknown)}; there are {', '.join(NAMES)}", USAGE)
    return names


def project(
    names: Annotated[
        list[str] | None,
        typer.Argument(help=f"Projections to run (default all: {', '.join(NAMES)})"),
    ] = None,
) -> None:
    """Run projection workers in this process until Ctrl-C or SIGTERM.

    Run them in one place: here (with IPLAN_PROJECTIONS_IN_PROCESS=false for the API
    processes) or in the API process, not both.
    """
    wanted = checked(names or list(NAMES))
    settings = Settings()
    stop = threading.Event()

    def stop_on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, stop_on_signal)
    signal.signal(signal.SIGINT, stop_on_signal)
    err().print(f"running {', '.join(wanted)} on {where(settings)}; Ctrl-C stops")
    delay = 0.5
    while not stop.is_set():
        # Started while the database is away (or losing it while starting), a worker
        # waits for it instead of exiting: its supervisor need not restart it.
        try:
            with opened_plans(settings) as plans:
                run_projections(plans, stop, wanted)
        except STORE_UNAVAILABLE as error:
            log.warning(
                "store_unavailable_waiting",
                error=type(error).__name__,
                detail=str(error)[:200],
                retry_in_s=delay,
            )
            stop.wait(delay)
            delay = min(delay * 2, 30.0)
    err().print("stopped")


@projections.command()
def status() -> None:
    """Each projection's generation, position, head and lag (as stored; no worker runs here)."""
    with opened_plans(Settings()) as plans:
        statuses = ReadModels(plans).status()
    table = Table()
    for column in ("name", "version", "position", "head", "lag (events)", "lag (s)"):
        table.add_column(column, justify="left" if column == "name" else "right")
    for s in statuses:
        table.add_row(
            s.name,
            f"v{s.version}",
            str(s.position or 0),
            str(s.head or 0),
            str(s.lag_events),
            f"{s.lag_seconds:.1f}",
        )
    out().print(table)


@projections.command()
def rebuild(
    name: Annotated[str | None, typer.Argument(help=f"One of {', '.join(NAMES)}")] = None,
    all_projections: Annotated[bool, typer.Option("--all", help="Rebuild all four")] = False,
    grace: Annotated[
        float,
        typer.Option(min=0, help="Seconds running services get to switch before old tables go"),
    ] = 5.0,
) -> None:
    """Fill a new generation beside the serving one, switch over when caught up, drop the old."""
    if (name is None) == (not all_projections):
        raise fail("name a projection or give --all", USAGE)
    names = checked([name] if name else list(NAMES))
    with opened_plans(Settings()) as plans:
        # Old generations are dropped by `stop()` below, after the grace period.
        models = ReadModels(plans, drop_delay=None)
        failure: list[BaseException] = []

        def run() -> None:
            try:
                if name is None:
                    models.rebuild_all()
                else:
                    models.rebuild(name, wait=True)
            except BaseException as error:
                failure.append(error)

        worker = threading.Thread(target=run, name="rebuild", daemon=True)
        worker.start()
        columns = (
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
        )
        with Progress(*columns, console=err()) as progress:
            task = progress.add_task(f"rebuilding {', '.join(names)}", total=None)
            while worker.is_alive():
                rebuilding = models.rebuilding()
                under_way = [s for s in models.status() if s.name in rebuilding]
                heads = [s.head or 0 for s in under_way]
                if under_way:
                    done = min(s.position or 0 for s in under_way)
                    progress.update(task, total=max(heads), completed=done)
                worker.join(0.1)
            progress.update(task, total=1, completed=1)
        if failure:
            raise fail(f"rebuild failed: {failure[0]}")
        for s in models.status():
            if s.name in names:
                out().print(f"{s.name}: now v{s.version} at position {s.position or 0}")
        if grace > 0:
            err().print(f"dropping the old generations in {grace:g} s (running services follow)")
            time.sleep(grace)
        # Drops what still waits for its grace period now, in this thread, before the
        # store closes (a timer dropping it while the store closed used to hang here).
        models.stop()
