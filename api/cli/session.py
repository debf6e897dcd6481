"""What the commands share: the configured store, opened for one command and closed after it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from uuid import UUID

import typer
from rich.console import Console

from application.plans import IntegrationPlans
from infrastructure.crypto import KeyMaterialError
from infrastructure.logging import configure_logging
from infrastructure.settings import Settings
from infrastructure.store import build_plans


def out() -> Console:
    """The answer, on standard output; built per use so that COLUMNS is read when it runs."""
    return Console(highlight=False)


def err() -> Console:
    """Progress, notes and errors, on standard error."""
    return Console(stderr=True, highlight=False)


FAILURE = 1  # the command ran and found something wrong (integrity broken, no such plan)
USAGE = 2  # the command was asked for something it cannot do as asked


def fail(message: str, code: int = FAILURE) -> typer.Exit:
    """Prints `message` on standard error; raise the answer to end the command with `code`."""
    err().print(f"[red]error:[/red] {message}")
    return typer.Exit(code)


def where(settings: Settings) -> str:
    if settings.store == "sqlite":
        return f"SQLite in {settings.data_dir.resolve()}"
    if settings.store == "postgres":
        s = settings
        return f"PostgreSQL {s.postgres_host}:{s.postgres_port}/{s.postgres_dbname}"
    return "memory (kept only while this command runs)"


@contextmanager
def opened_plans(settings: Settings, *, durable: bool = True) -> Iterator[IntegrationPlans]:
    """The plans on the configured store; `durable` commands refuse the memory store."""
    if durable and settings.store == "memory":
        raise fail(
            "IPLAN_STORE=memory keeps nothing after this command: use sqlite or postgres", USAGE
        )
    configure_logging(settings)  # on standard error: standard output is the command's answer
    try:
        plans = build_plans(settings)
    except KeyMaterialError as error:
        raise fail(f"the master key does not fit this store: {error}") from None
    try:
        yield plans
    finally:
        plans.close()


def plan_id(value: str) -> UUID:
    """A PLAN argument: the plan's UUID."""
    try:
        return UUID(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a plan id (a UUID)") from None
