"""The `iplan` command: serve the API on the embedded default, issue tokens for it."""

from __future__ import annotations

from typing import Annotated

import typer
import uvicorn
from rich.console import Console

from api.app import create_app
from api.auth import issue_token
from api.problems import Unauthenticated
from infrastructure.settings import Settings

app = typer.Typer(help="Integration plans, event-sourced.", no_args_is_help=True)
err = Console(stderr=True)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on")] = 8000,
) -> None:
    """Serve HTTP API v1 (embedded default: SQLite in ./var or IPLAN_DATA_DIR)."""
    settings = Settings()
    api = create_app(settings)
    where = (
        f"SQLite in {settings.data_dir.resolve()}"
        if settings.store == "sqlite"
        else f"store {settings.store}"
    )
    err.print(f"[bold]iplan[/bold] on http://{host}:{port} ({where})")
    err.print(f"  API docs:  http://{host}:{port}/docs")
    err.print(
        "  a token:   iplan token --role caseworker --sub cw1 --municipality 08317096"
        " (same IPLAN_DATA_DIR)"
    )
    # One worker: the library is synchronous and its thread pool is sized in create_app.
    uvicorn.run(api, host=host, port=port, workers=1, log_level="warning")


@app.command()
def token(
    role: Annotated[str, typer.Option(help="caseworker, auditor, analyst or admin")],
    sub: Annotated[str, typer.Option(help="The user's id")],
    municipality: Annotated[
        list[str], typer.Option(help="An 8-digit AGS (repeatable), or * for the whole county")
    ],
    hours: Annotated[float, typer.Option(help="Hours until the token expires")] = 12,
) -> None:
    """Print a token for the embedded default, signed with the data directory's secret."""
    try:
        value = issue_token(
            Settings(), sub=sub, role=role, municipalities=municipality, hours=hours
        )
    except (Unauthenticated, ValueError) as error:
        err.print(f"[red]cannot issue this token:[/red] {error}")
        raise typer.Exit(2) from None
    typer.echo(value)


def main() -> None:
    app()
