"""`iplan serve` and `iplan token`: the HTTP API on the configured store, and tokens for it."""

from __future__ import annotations

from typing import Annotated

import typer

from api.auth import issue_token
from api.cli.session import USAGE, err, fail, where
from api.problems import Unauthenticated
from infrastructure.settings import Settings


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on")] = 8000,
) -> None:
    """Serve HTTP API v1 (embedded default: SQLite in ./var or IPLAN_DATA_DIR)."""
    # The web stack only when serving: other commands start fast.
    from api.app import create_app
    from api.server import serve as run_server

    settings = Settings()
    api = create_app(settings)
    err().print(f"[bold]iplan[/bold] on http://{host}:{port} ({where(settings)})")
    err().print(f"  API docs:  http://{host}:{port}/docs")
    err().print(
        "  a token:   iplan token --role caseworker --sub cw1 --municipality 08317096"
        " (same IPLAN_DATA_DIR)"
    )
    run_server(api, settings, host, port)


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
        raise fail(f"cannot issue this token: {error}", USAGE) from None
    typer.echo(value)
