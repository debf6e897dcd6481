"""The `iplan` command line: serve the API, seed a demo, replay, verify, erase, run projections."""

from __future__ import annotations

import typer

from api.cli.demo import demo
from api.cli.export import export
from api.cli.find import find
from api.cli.integrity import anchor, verify
from api.cli.personal_data import erase, keys
from api.cli.projections import project, projections
from api.cli.replay import replay
from api.cli.report import report
from api.cli.retention import retention
from api.cli.service import serve, token
from api.cli.session import FAILURE, err
from api.cli.users import users

app = typer.Typer(
    help="Integration plans, event-sourced. Every command reads IPLAN_* settings "
    "(embedded default: SQLite in ./var).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
for command in (serve, token, demo, replay, verify, anchor, erase, export, project, find):
    app.command()(command)
app.add_typer(projections, name="projections")
app.add_typer(report, name="report")
app.add_typer(keys, name="keys")
app.add_typer(retention, name="retention")
app.add_typer(users, name="users")


def main() -> None:
    try:
        app()
    except Exception as error:
        # An operator gets one line, not a traceback; the cause is named for a bug report.
        err().print(f"[red]error:[/red] {type(error).__name__}: {error}")
        raise SystemExit(FAILURE) from None
