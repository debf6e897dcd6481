"""Local accounts of the embedded default: user name, Argon2id hash, role, municipalities.

Kept in the store's own database (SQLite or PostgreSQL), or in memory for the memory store.
Passwords are never stored: only Argon2id hashes (argon2-cffi's defaults, RFC 9106).
"""
# SQL here is built from table names of our own; every value is a parameter.
# ruff: noqa: S608

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Protocol

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from application.plans import IntegrationPlans
from infrastructure.read_model_kinds import database_of
from infrastructure.sql_database import Database

TABLE = "web_accounts"
USER_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,99}")
MIN_PASSWORD_LENGTH = 10
_hasher = PasswordHasher()
# Verifying against this when the user does not exist takes as long as a real check.
_DUMMY_HASH = _hasher.hash("not a password of anyone")


class AccountError(ValueError):
    """An account that cannot be made or changed as asked (the message says why)."""


@dataclass(frozen=True)
class Account:
    username: str
    role: str
    municipalities: tuple[str, ...]


class AccountRows(Protocol):
    def get(self, username: str) -> tuple[Account, str] | None: ...
    def put(self, account: Account, password_hash: str, *, new: bool) -> bool: ...
    def delete(self, username: str) -> bool: ...
    def all(self) -> list[Account]: ...


class MemoryAccountRows:
    def __init__(self) -> None:
        self._rows: dict[str, tuple[Account, str]] = {}

    def get(self, username: str) -> tuple[Account, str] | None:
        return self._rows.get(username)

    def put(self, account: Account, password_hash: str, *, new: bool) -> bool:
        if new == (account.username in self._rows):
            return False
        self._rows[account.username] = (account, password_hash)
        return True

    def delete(self, username: str) -> bool:
        return self._rows.pop(username, None) is not None

    def all(self) -> list[Account]:
        return sorted((a for a, _ in self._rows.values()), key=lambda a: a.username)


class SqlAccountRows:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.table = db.table(TABLE)
        with db.datastore.transaction(commit=True) as cursor:
            db.execute(
                cursor,
                f"CREATE TABLE IF NOT EXISTS {self.table} (username TEXT PRIMARY KEY, "
                "password_hash TEXT NOT NULL, role TEXT NOT NULL, municipalities TEXT NOT NULL)",
            )

    def _account(self, row: dict[str, Any]) -> Account:
        places = tuple(p for p in row["municipalities"].split(",") if p)
        return Account(row["username"], row["role"], places)

    def get(self, username: str) -> tuple[Account, str] | None:
        rows = self.db.select(f"SELECT * FROM {self.table} WHERE username = %s", [username], {})
        return None if not rows else (self._account(rows[0]), rows[0]["password_hash"])

    def put(self, account: Account, password_hash: str, *, new: bool) -> bool:
        values = [password_hash, account.role, ",".join(account.municipalities), account.username]
        with self.db.datastore.transaction(commit=True) as cursor:
            if new:
                self.db.execute(
                    cursor,
                    f"INSERT INTO {self.table} (password_hash, role, municipalities, username) "
                    "VALUES (%s, %s, %s, %s) ON CONFLICT (username) DO NOTHING RETURNING username",
                    values,
                )
            else:
                self.db.execute(
                    cursor,
                    f"UPDATE {self.table} SET password_hash = %s, role = %s, "
                    "municipalities = %s WHERE username = %s RETURNING username",
                    values,
                )
            return len(cursor.fetchall()) == 1

    def delete(self, username: str) -> bool:
        with self.db.datastore.transaction(commit=True) as cursor:
            self.db.execute(
                cursor,
                f"DELETE FROM {self.table} WHERE username = %s RETURNING username",
                [username],
            )
            return len(cursor.fetchall()) == 1

    def all(self) -> list[Account]:
        rows = self.db.select(f"SELECT * FROM {self.table} ORDER BY username", [], {})
        return [self._account(r) for r in rows]


class Accounts:
    """Adds, checks, lists and removes local accounts; the rules for names and passwords."""

    def __init__(self, rows: AccountRows) -> None:
        self._rows = rows

    def add(self, username: str, password: str, role: str, municipalities: list[str]) -> Account:
        account = Account(_valid_name(username), role, tuple(municipalities))
        if not self._rows.put(account, _hash(password), new=True):
            raise AccountError(f"an account {username} exists already")
        return account

    def set_password(self, username: str, password: str) -> None:
        found = self._rows.get(username)
        if found is None or not self._rows.put(found[0], _hash(password), new=False):
            raise AccountError(f"no account {username}")

    def remove(self, username: str) -> None:
        if not self._rows.delete(username):
            raise AccountError(f"no account {username}")

    def list(self) -> list[Account]:
        return self._rows.all()

    def find(self, username: str) -> Account | None:
        found = self._rows.get(username)
        return None if found is None else found[0]

    def authenticate(self, username: str, password: str) -> Account | None:
        """The account if the password is right; None otherwise (same time either way)."""
        found = self._rows.get(username)
        try:
            _hasher.verify(found[1] if found else _DUMMY_HASH, password)
        except (VerificationError, InvalidHashError):
            return None
        return found[0] if found else None


def _valid_name(username: str) -> str:
    if not USER_NAME.fullmatch(username):
        raise AccountError(
            "a user name has 1 to 100 letters, digits or . _ @ - and starts with a letter or digit"
        )
    return username


def _hash(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"a password has at least {MIN_PASSWORD_LENGTH} characters")
    return _hasher.hash(password)


def accounts_of(plans: IntegrationPlans) -> Accounts:
    """The accounts kept beside the plans' store."""
    db = database_of(plans)
    return Accounts(MemoryAccountRows() if db is None else SqlAccountRows(db))
