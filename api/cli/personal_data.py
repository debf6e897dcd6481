"""`iplan erase` and `iplan keys rotate`: the admin's acts on personal data and its keys."""

from __future__ import annotations

from typing import Annotated
from uuid import uuid4

import typer
from rich.table import Table

from api.cli.session import err, fail, opened_plans, out, plan_id
from application.errors import PlanNotFound
from domain.errors import DomainError
from domain.plan import IntegrationPlan
from infrastructure.crypto import KeyMaterialError, master_key_path
from infrastructure.settings import Settings
from infrastructure.store import rotate_master_key

keys = typer.Typer(help="The master key that wraps every plan's data key.", no_args_is_help=True)


def erase(
    plan: Annotated[str, typer.Argument(help="The plan's id", metavar="PLAN")],
    legal_basis: Annotated[
        str, typer.Option(help="Why the data may be erased, e.g. 'Art. 17 DSGVO, request of …'")
    ],
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation")] = False,
    actor: Annotated[str, typer.Option(help="The admin who erases (recorded)")] = "cli-admin",
) -> None:
    """Erase a plan's personal data for good (an admin act, recorded in its history)."""
    wanted = plan_id(plan)
    if not legal_basis.strip():
        raise fail("--legal-basis must say why", 2)
    with opened_plans(Settings()) as plans:
        try:
            plans.get_plan(wanted)
        except PlanNotFound as error:
            raise fail(str(error)) from None
        if not yes:
            typer.confirm(
                f"Destroy the personal data of plan {wanted}? This cannot be undone",
                abort=True,
                err=True,
            )
        ctx = plans.context(actor=actor, role="admin", correlation_id=f"cli-{uuid4()}")
        try:
            recorded = plans.record(
                wanted,
                IntegrationPlan.erase_personal_data,
                ctx,
                legal_basis=legal_basis,
                on=ctx.today,
            )
        except DomainError as error:
            raise fail(f"{error.message} ({error.code})") from None
    out().print(
        f"Erased the personal data of plan {wanted}: PersonalDataErased is version "
        f"{recorded.version}, recorded by {actor} (admin); the plan's key is destroyed."
    )


@keys.command()
def rotate() -> None:
    """Re-wrap every plan's data key under the current master key; no entry is rewritten."""
    settings = Settings()
    if settings.store == "memory":
        raise fail("IPLAN_STORE=memory has no stored keys to rotate", 2)
    try:
        rotation = rotate_master_key(settings)
    except KeyMaterialError as error:
        raise fail(f"cannot rotate: {error}") from None
    out().print(
        f"Re-wrapped {rotation.rewrapped} stored keys under master key {rotation.current} "
        "(every plan's data key, the integrity chain's key and the search key)."
    )
    if rotation.retired:
        out().print(f"Retired master keys: {', '.join(rotation.retired)}.")
    err().print("[bold]Next:[/bold]")
    if settings.master_key is None:
        err().print(f"  - the new key is in {master_key_path(settings)}; the old one is removed;")
        err().print("  - back up that file again (separately from the database);")
        err().print("  - running services picked the new key up from the file: no restart.")
    else:
        err().print("  - remove the old key from IPLAN_PREVIOUS_MASTER_KEYS on every process;")
        err().print(
            "  - processes still without the new key answer 503 master_key_unavailable "
            "until restarted with it; every process must use the same IPLAN_MASTER_KEY;"
        )
        err().print(
            "  - retire the old key in the secret store (backups wrapped by it stay closed)."
        )


@keys.command()
def status() -> None:
    """The master keys by state, and erasures not yet final (their wrapping key not retired)."""
    with opened_plans(Settings()) as plans:
        report = plans.key_status()
    table = Table(title="master keys (by id; the keys themselves are never shown)")
    table.add_column("key id")
    table.add_column("state")
    for key, state in sorted(report.masters.items(), key=lambda kv: kv[1]):
        table.add_row(key, state)
    out().print(table)
    if not report.pending_erasures:
        out().print("Every erasure is final: no destroyed key is wrapped by a key not retired.")
        return
    pending = Table(title="erasures not yet final")
    for column in ("plan", "erased at", "wrapped by"):
        pending.add_column(column)
    for e in report.pending_erasures:
        pending.add_row(
            str(e.plan_id), e.erased_at.isoformat(timespec="seconds"), e.wrapping_key_id
        )
    out().print(pending)
    err().print(
        "Their keys may still sit in WAL archives and backups, wrapped by the keys named: "
        "rotate the master key (`iplan keys rotate`) and retire the old one to make them final."
    )
