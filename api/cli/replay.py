"""`iplan replay`: a plan's history as a timeline, and its state now, at a version or a time."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime
from typing import Annotated, Any
from uuid import UUID, uuid4

import typer
from rich.table import Table

from api.cli.session import USAGE, fail, opened_plans, out, plan_id
from application.errors import PlanNotFound, VersionNotFound
from application.history import HistoryEntry
from domain.plan import IntegrationPlan
from infrastructure.settings import Settings

ENDPOINT = "iplan replay --show-personal"

READERS_OF_PERSONAL_DATA = ("auditor", "admin")


def shown(value: Any) -> str:
    """A value as one short piece of text: ids shortened, lists joined."""
    if isinstance(value, UUID):
        return str(value)[:8]
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ",".join(shown(v) for v in value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}={shown(v)}" for k, v in value.items()) + "}"
    return str(value)


def key_data(data: dict[str, Any]) -> str:
    return ", ".join(f"{k}={shown(v)}" for k, v in data.items() if v not in (None, [], {}))


def timeline(entries: list[HistoryEntry], upto: int, show_personal: bool) -> Table:
    table = Table(title="History", title_justify="left")
    for column in ("v", "effective", "recorded (UTC)", "actor / role", "entry", "key data"):
        table.add_column(column, overflow="fold")
    for entry in entries:
        if entry.version > upto:
            break
        retracted = entry.retracted_by is not None and entry.retracted_by <= upto
        data = key_data(entry.data)
        if show_personal and entry.personal:
            data += f"\n[magenta]personal: {key_data(entry.personal)}[/magenta]"
        kind = entry.type + (f"\n[red]retracted by {entry.retracted_by}[/red]" if retracted else "")
        table.add_row(
            str(entry.version),
            entry.effective_on.isoformat(),
            entry.recorded_at.strftime("%Y-%m-%d %H:%M:%S"),
            f"{entry.actor} / {entry.role}",
            kind,
            data,
            style="dim" if retracted else None,
        )
    return table


def statuses(items: dict[Any, Any] | list[Any]) -> str:
    values = items.values() if isinstance(items, dict) else items
    counted = Counter(getattr(item, "status", "recorded") for item in values)
    return ", ".join(f"{n} {status}" for status, n in sorted(counted.items())) or "none"


def summary(plan: IntegrationPlan, show_personal: bool) -> Table:
    state = plan.state
    table = Table(title=f"State at version {plan.version}", title_justify="left", show_header=False)
    table.add_column("what", style="bold")
    table.add_column("value", overflow="fold")
    rows = [
        ("status", state.status + (f" ({state.closure_reason})" if state.closure_reason else "")),
        ("municipality", state.municipality),
        ("caseworker", state.caseworker),
        ("opened on", state.opened_on.isoformat()),
        ("advice period ends", state.advice_period_ends_on.isoformat()),
        ("profile", key_data(state.profile)),
        ("consultations", str(len(state.consultations))),
        ("goals", statuses(state.goals)),
        ("measures", statuses(state.measures)),
        ("referrals", str(len(state.referrals))),
        ("courses", statuses(state.courses)),
        ("highest CEFR level", state.highest_level_reached() or "none"),
        ("jobs", statuses(state.jobs)),
        ("housing secured", str(len(state.housing))),
    ]
    if show_personal:
        personal = "erased" if state.personal is None else key_data(state.personal)
        rows.append(("personal", personal))
    for what, value in rows:
        table.add_row(what, value)
    return table


def replay(
    plan: Annotated[str, typer.Argument(help="The plan's id", metavar="PLAN")],
    version: Annotated[int | None, typer.Option(help="Show the plan as of this version")] = None,
    as_of: Annotated[
        datetime | None,
        typer.Option(
            metavar="TIME",
            help="Show the plan as recorded at this time (ISO 8601, UTC unless an offset is given)",
            formats=["%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"],
        ),
    ] = None,
    show_personal: Annotated[
        bool,
        typer.Option(
            "--show-personal", help="Show personal values: an auditor's or admin's read, recorded"
        ),
    ] = False,
    actor: Annotated[
        str, typer.Option(help="Who reads (recorded with --show-personal)")
    ] = "cli-admin",
    role: Annotated[str, typer.Option(help="auditor or admin (for --show-personal)")] = "admin",
) -> None:
    """Replay a plan: every entry with its metadata, then the state it adds up to."""
    if version is not None and as_of is not None:
        raise fail("give --version or --as-of, not both", USAGE)
    if show_personal and role not in READERS_OF_PERSONAL_DATA:
        raise fail("only an auditor or an admin reads personal values (--role)", USAGE)
    wanted = plan_id(plan)
    if as_of is not None and as_of.tzinfo is None:
        as_of = as_of.replace(tzinfo=UTC)
    with opened_plans(Settings()) as plans:
        try:
            state = plans.get_plan(wanted, version=version, as_of=as_of)
            entries = plans.history(wanted)
        except (PlanNotFound, VersionNotFound) as error:
            raise fail(str(error)) from None
        if show_personal:
            # Recorded before anything is shown; if it cannot be recorded, nothing is.
            ctx = plans.context(actor=actor, role=role, correlation_id=f"cli-{uuid4()}")
            plans.record_personal_data_read(wanted, ctx, endpoint=ENDPOINT, version=state.version)
            out().print(
                f"[yellow]Personal values shown: a read by {actor} ({role}), recorded in the "
                "audit log (GET /v1/audit-log, kind read).[/yellow]"
            )
    out().print(f"Plan [bold]{wanted}[/bold], {len(entries)} entries recorded")
    out().print(timeline(entries, state.version, show_personal))
    out().print(summary(state, show_personal))
