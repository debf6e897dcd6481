"""`iplan find`: plans by name as a table, in a caseworker's or an account's scope."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app as cli
from infrastructure.read_models import ReadModels
from infrastructure.settings import Settings
from infrastructure.store import build_plans
from projections.audit_log import READ, AuditQuery
from tests.builders import KEHL, OFFENBURG, ctx, open_details, personal
from tests.e2e.test_cli import Store

FILE_NUMBER = r"20[0-9]{2}-[0-9]{5}"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """Amira Haddad's plan in Offenburg; in Kehl, an Omar Haddad, who sounds like her."""
    data_dir = tmp_path / "data"
    plans = build_plans(Settings(store="sqlite", data_dir=data_dir))
    try:
        amira = plans.open_plan(ctx(), **open_details()).id
        omar = personal(given_name="Omar", birth_date="1990-01-01")
        plans.open_plan(ctx(), **open_details(municipality=KEHL, personal=omar))
    finally:
        plans.close()
    return Store(data_dir, amira)


def add_account(store: Store, name: str, role: str) -> None:
    env = {
        "IPLAN_STORE": "sqlite",
        "IPLAN_DATA_DIR": str(store.data_dir),
        "IPLAN_NEW_PASSWORD": "a long enough password",
    }
    args = ["users", "add", name, "--role", role, "--municipality", "*"]
    added = CliRunner().invoke(cli, args, env=env)
    assert added.exit_code == 0, added.output


def reads_of(store: Store) -> list[str]:
    plans = build_plans(store.settings())
    try:
        models = ReadModels(plans, drop_delay=0)
        models.catch_up()
        page = models.audit_log.entries(AuditQuery(kind=READ, plan_id=store.amira))
        return [f"{r.actor} {r.type}" for r in page.items]
    finally:
        plans.close()


def test_find_shows_file_number_name_place_and_status_in_scope(store: Store) -> None:
    found = store.run("find", "amira HADAD", "--municipality", OFFENBURG)
    assert found.exit_code == 0, found.output
    line = next(row for row in found.stdout.splitlines() if "Amira Haddad" in row)
    assert OFFENBURG in line
    assert "open" in line
    assert re.search(FILE_NUMBER, line)
    elsewhere = store.run(
        "find", "Amira Haddad", "--birth-date", "1991-04-02", "--municipality", KEHL
    )
    assert elsewhere.exit_code == 1
    assert "Amira" not in elsewhere.stdout
    assert reads_of(store) == []  # a caseworker's search is not a logged read


def test_find_as_an_account_logs_an_auditors_read_and_refuses_an_analyst(
    store: Store,
) -> None:
    add_account(store, "aud", "auditor")
    add_account(store, "ana", "analyst")
    found = store.run("find", "Amira Haddad", "--birth-date", "1991-04-02", "--as", "aud")
    assert found.exit_code == 0, found.output
    assert "Amira Haddad" in found.stdout
    assert reads_of(store) == ["aud iplan find"]
    refused = store.run("find", "Haddad", "--as", "ana")
    assert refused.exit_code == 2
    assert "Haddad" not in refused.stdout
    assert store.run("find", "Haddad").exit_code == 2  # whose scope?
    assert store.run("find", "---", "--municipality", "*").exit_code == 2
