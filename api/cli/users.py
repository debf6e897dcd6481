"""`iplan users add|list|remove|passwd`: the web interface's local accounts (embedded default)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from api.auth import caller_from
from api.cli.session import USAGE, fail, opened_plans, out
from api.problems import Unauthenticated
from infrastructure.accounts import AccountError, accounts_of
from infrastructure.settings import Settings

users = typer.Typer(help="Local accounts for the web interface.", no_args_is_help=True)

Password = Annotated[
    str,
    typer.Option(
        prompt=True,
        confirmation_prompt=True,
        hide_input=True,
        envvar="IPLAN_NEW_PASSWORD",
        help="At least 10 characters (asked for when not given; or IPLAN_NEW_PASSWORD)",
    ),
]


@users.command("add")
def add(
    username: Annotated[str, typer.Argument(help="The user name to log in with")],
    role: Annotated[str, typer.Option(help="caseworker, auditor, analyst or admin")],
    municipality: Annotated[
        list[str], typer.Option(help="An 8-digit AGS (repeatable), or * for the whole county")
    ],
    password: Password,
) -> None:
    """Add an account; its password is stored only as an Argon2id hash."""
    try:
        caller_from({"sub": username, "role": role, "municipalities": municipality})
    except Unauthenticated as error:
        raise fail(error.detail.replace("the token's", "the account's"), USAGE) from None
    with opened_plans(Settings()) as plans:
        try:
            accounts_of(plans).add(username, password, role, municipality)
        except AccountError as error:
            raise fail(str(error)) from None
    out().print(f"Added {username} ({role}, {', '.join(municipality)}).")


@users.command("list")
def list_users() -> None:
    """The accounts, with role and municipalities (never a password)."""
    with opened_plans(Settings()) as plans:
        accounts = accounts_of(plans).list()
    table = Table("user", "role", "municipalities")
    for account in accounts:
        table.add_row(account.username, account.role, ", ".join(account.municipalities))
    out().print(table)


@users.command("remove")
def remove(username: Annotated[str, typer.Argument(help="The account's user name")]) -> None:
    """Remove an account (sessions already open end at their idle timeout)."""
    with opened_plans(Settings()) as plans:
        try:
            accounts_of(plans).remove(username)
        except AccountError as error:
            raise fail(str(error)) from None
    out().print(f"Removed {username}.")


@users.command("passwd")
def passwd(
    username: Annotated[str, typer.Argument(help="The account's user name")], password: Password
) -> None:
    """Set a new password."""
    with opened_plans(Settings()) as plans:
        try:
            accounts_of(plans).set_password(username, password)
        except AccountError as error:
            raise fail(str(error)) from None
    out().print(f"Changed the password of {username}.")
