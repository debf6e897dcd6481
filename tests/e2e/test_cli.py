"""The `iplan` command line as an operator uses it, on a SQLite data directory of its own."""

from __future__ import annotations

import csv
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from uuid import UUID

import jwt
import pytest
from typer.testing import CliRunner, Result

from api.cli import app as cli
from domain.plan import IntegrationPlan
from infrastructure.read_model_kinds import NAMES
from infrastructure.read_models import ReadModels
from infrastructure.settings import Settings
from infrastructure.store import build_plans
from tests.builders import ctx, open_details

PERSONS = 12


@dataclass(frozen=True)
class Store:
    """A data directory with the demo county and one plan of Amira's with a retraction."""

    data_dir: Path
    amira: UUID

    def run(self, *args: str, input: str | None = None) -> Result:
        env = {"IPLAN_STORE": "sqlite", "IPLAN_DATA_DIR": str(self.data_dir), "COLUMNS": "240"}
        return CliRunner().invoke(cli, list(args), env=env, input=input)

    def settings(self) -> Settings:
        return Settings(store="sqlite", data_dir=self.data_dir)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Store:
    data_dir = tmp_path_factory.mktemp("seeded")
    demo = Store(data_dir, UUID(int=0)).run("demo", "--persons", str(PERSONS), "--seed", "7")
    assert demo.exit_code == 0, demo.output
    assert f"Seeded {PERSONS} plans" in demo.stdout
    plans = build_plans(Settings(store="sqlite", data_dir=data_dir))
    try:
        amira = plans.open_plan(ctx(), **open_details()).id
        plans.record(
            amira,
            IntegrationPlan.hold_consultation,
            ctx(),
            held_on=date(2025, 2, 1),
            duration_minutes=45,
            setting="office",
            interpreter_language="ar",
            topics=["language"],
            notes="Amira wants a B1 course",
        )
        plans.record(
            amira,
            IntegrationPlan.retract,
            ctx(),
            version=2,
            reason="wrong plan",
            on=date(2025, 2, 2),
        )
    finally:
        plans.close()
    return Store(data_dir, amira)


@pytest.fixture
def store(seeded: Store, tmp_path: Path) -> Store:
    """A copy of the seeded store that a test may change."""
    copy = tmp_path / "data"
    shutil.copytree(seeded.data_dir, copy)
    return Store(copy, seeded.amira)


def test_every_command_explains_itself() -> None:
    for command in (
        ["serve"],
        ["token"],
        ["demo"],
        ["replay"],
        ["verify"],
        ["erase"],
        ["project"],
        ["projections", "status"],
        ["projections", "rebuild"],
        ["report", "state"],
        ["keys", "rotate"],
    ):
        result = CliRunner().invoke(cli, [*command, "--help"], env={"COLUMNS": "240"})
        assert result.exit_code == 0, (command, result.output)
        assert re.search(r"Usage: \S+ " + " ".join(command) + " ", result.stdout), result.stdout


def test_demo_refuses_to_seed_the_same_county_twice(store: Store) -> None:
    again = store.run("demo", "--persons", "3", "--seed", "7")
    assert again.exit_code == 1
    assert "already in this store" in again.stderr


def test_replay_shows_the_timeline_and_the_state_without_personal_values(seeded: Store) -> None:
    result = seeded.run("replay", str(seeded.amira))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "PlanOpened" in out
    assert "ConsultationHeld" in out
    assert "EntryRetracted" in out
    assert "retracted by 3" in out
    assert "cw-anna / caseworker" in out
    assert "State at version 3" in out
    assert "Amira" not in out
    assert "B1 course" not in out


def test_replay_as_of_a_time_shows_the_plan_as_then_recorded(seeded: Store) -> None:
    result = seeded.run("replay", str(seeded.amira), "--as-of", "2999-01-01")
    assert result.exit_code == 0, result.output
    assert "State at version 3" in result.stdout


def test_replay_as_of_a_version_shows_what_was_known_then(seeded: Store) -> None:
    result = seeded.run("replay", str(seeded.amira), "--version", "2")
    assert result.exit_code == 0, result.output
    assert "State at version 2" in result.stdout
    assert "EntryRetracted" not in result.stdout
    assert "retracted by" not in result.stdout  # not yet, at version 2
    assert re.search(r"consultations\s*│\s*1", result.stdout)


def test_replay_shows_personal_values_only_when_asked_and_records_the_read(
    store: Store,
) -> None:
    shown = store.run("replay", str(store.amira), "--show-personal", "--actor", "aud-1")
    assert shown.exit_code == 0, shown.output
    assert "Amira" in shown.stdout
    assert "B1 course" in shown.stdout
    assert "a read by aud-1 (admin), recorded" in shown.stdout
    caseworker = store.run("replay", str(store.amira), "--show-personal", "--role", "caseworker")
    assert caseworker.exit_code == 2
    assert "Amira" not in caseworker.stdout
    with sqlite3.connect(store.settings().sqlite_path) as db:
        reads = db.execute(
            "SELECT state FROM stored_events WHERE topic = 'iplan:PersonalDataRead'"
        ).fetchall()
    assert len(reads) == 1
    assert b"aud-1" in reads[0][0]
    assert store.amira.hex in reads[0][0].decode() or str(store.amira) in reads[0][0].decode()


def test_replay_answers_a_missing_plan_or_version_clearly(seeded: Store) -> None:
    missing = seeded.run("replay", "00000000-0000-4000-8000-000000000000")
    assert missing.exit_code == 1
    assert "no plan 00000000-0000-4000-8000-000000000000" in missing.stderr
    no_version = seeded.run("replay", str(seeded.amira), "--version", "99")
    assert no_version.exit_code == 1
    assert "no version 99" in no_version.stderr
    assert seeded.run("replay", "not-a-plan").exit_code == 2
    before = seeded.run("replay", str(seeded.amira), "--as-of", "2000-01-01T00:00:00+00:00")
    assert before.exit_code == 1
    assert "no entries by 2000-01-01" in before.stderr
    both = seeded.run("replay", str(seeded.amira), "--version", "1", "--as-of", "2026-01-01")
    assert both.exit_code == 2


def test_verify_passes_intact_plans_and_fails_a_changed_entry(store: Store) -> None:
    ok = store.run("verify", "--all")
    assert ok.exit_code == 0, ok.output
    assert f"{PERSONS + 1} plans" in ok.stdout
    with sqlite3.connect(store.settings().sqlite_path) as db:
        changed = db.execute(
            "UPDATE stored_events SET state = CAST(REPLACE(CAST(state AS TEXT), "
            "'\"duration_minutes\":45', '\"duration_minutes\":90') AS BLOB) "
            "WHERE originator_id = ? AND originator_version = 2",
            (store.amira.hex,),
        ).rowcount
    assert changed == 1
    broken = store.run("verify", "--all")
    assert broken.exit_code == 1
    assert f"1 of {PERSONS + 1} plans fail" in broken.stdout
    one = store.run("verify", str(store.amira))
    assert one.exit_code == 1
    assert "changed" in one.stdout


def test_verify_needs_a_plan_or_all_and_names_a_missing_plan(seeded: Store) -> None:
    assert seeded.run("verify").exit_code == 2
    missing = seeded.run("verify", "00000000-0000-4000-8000-000000000000")
    assert missing.exit_code == 1
    assert "no plan" in missing.stderr


def test_erase_is_confirmed_recorded_as_the_admin_and_leaves_a_verifiable_plan(
    store: Store,
) -> None:
    declined = store.run("erase", str(store.amira), "--legal-basis", "Art. 17 DSGVO", input="n\n")
    assert declined.exit_code == 1
    erased = store.run("erase", str(store.amira), "--legal-basis", "Art. 17 DSGVO", "--yes")
    assert erased.exit_code == 0, erased.output
    assert "version 4" in erased.stdout

    plans = build_plans(store.settings())
    try:
        last = plans.history(store.amira)[-1]
        assert (last.type, last.actor, last.role) == ("PersonalDataErased", "cli-admin", "admin")
        assert last.data["legal_basis"] == "Art. 17 DSGVO"
    finally:
        plans.close()
    replay = store.run("replay", str(store.amira), "--show-personal")
    assert "Amira" not in replay.stdout
    assert re.search(r"personal\s*│\s*erased", replay.stdout)
    assert store.run("verify", str(store.amira)).exit_code == 0
    again = store.run("erase", str(store.amira), "--legal-basis", "again", "--yes")
    assert again.exit_code == 1
    assert "plan_erased" in again.stderr


def test_erase_of_a_missing_plan_fails_before_asking(seeded: Store) -> None:
    missing = seeded.run(
        "erase", "00000000-0000-4000-8000-000000000000", "--legal-basis", "x", "--yes"
    )
    assert missing.exit_code == 1
    assert "no plan" in missing.stderr


def test_projections_status_and_rebuild(store: Store) -> None:
    status = store.run("projections", "status")
    assert status.exit_code == 0, status.output
    for name in NAMES:
        assert re.search(rf"{name}\s*│\s*v1\s*│", status.stdout), status.stdout
    one = store.run("projections", "rebuild", "worklist", "--grace", "0")
    assert one.exit_code == 0, one.output
    assert "worklist: now v2" in one.stdout
    every = store.run("projections", "rebuild", "--all", "--grace", "0")
    assert every.exit_code == 0, every.output
    assert "worklist: now v3" in every.stdout
    assert "analytics: now v2" in every.stdout
    plans = build_plans(store.settings())
    try:
        models = ReadModels(plans)
        statuses = {s.name: s for s in models.status()}
        assert statuses["worklist"].version == 3
        assert all(s.lag_events == 0 for s in statuses.values())
        with sqlite3.connect(store.settings().sqlite_path) as db:
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
        assert not any(t.startswith(("worklist_v1_", "worklist_v2_")) for t in tables)
    finally:
        plans.close()
    assert store.run("projections", "rebuild").exit_code == 2
    assert store.run("projections", "rebuild", "nonsense").exit_code == 2


def test_report_state_writes_csv_with_small_cells_suppressed(seeded: Store, tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    result = seeded.run(
        "report", "state", "--from", "2024-01", "--to", "2025-12", "--output", str(target)
    )
    assert result.exit_code == 0, result.output
    with target.open(newline="") as file:
        rows = list(csv.reader(file))
    assert rows[0] == ["municipality", "month", "metric", "dimension", "persons", "value"]
    assert len(rows) > 1
    persons = [row[4] for row in rows[1:]]
    assert "suppressed" in persons  # a dozen persons spread over a county: small cells
    assert all(p == "suppressed" or int(p) >= 5 for p in persons)
    assert all((row[4] == "suppressed") == (row[5] == "suppressed") for row in rows[1:])
    on_stdout = seeded.run("report", "state", "--from", "2024-01", "--to", "2025-12")
    assert on_stdout.exit_code == 0
    assert list(csv.reader(on_stdout.stdout.splitlines())) == rows
    backwards = seeded.run("report", "state", "--from", "2025-12", "--to", "2025-01")
    assert backwards.exit_code == 2


def test_keys_rotate_rewraps_every_data_key_and_the_plans_still_open(store: Store) -> None:
    key_file = store.data_dir / "master.key"
    before = key_file.read_bytes()
    rotated = store.run("keys", "rotate")
    assert rotated.exit_code == 0, rotated.output
    # every plan's key (the demo's and Amira's), the chain's key and the search index's key
    assert f"Re-wrapped {PERSONS + 3} stored keys" in rotated.stdout
    assert "running services picked the new key up" in rotated.stderr
    assert key_file.read_bytes() != before
    replay = store.run("replay", str(store.amira), "--show-personal")
    assert replay.exit_code == 0, replay.output
    assert "Amira" in replay.stdout


def test_token_prints_a_signed_token_and_refuses_an_unknown_role(store: Store) -> None:
    issued = store.run("token", "--role", "analyst", "--sub", "an-1", "--municipality", "*")
    assert issued.exit_code == 0, issued.output
    secret = (store.data_dir / "jwt-secret").read_text().strip()
    claims = jwt.decode(issued.stdout.strip(), secret, algorithms=["HS256"])
    assert (claims["sub"], claims["role"]) == ("an-1", "analyst")
    refused = store.run("token", "--role", "boss", "--sub", "x", "--municipality", "*")
    assert refused.exit_code == 2


@pytest.fixture
def worker(store: Store) -> Iterator[subprocess.Popen[str]]:
    env = {**os.environ, "IPLAN_STORE": "sqlite", "IPLAN_DATA_DIR": str(store.data_dir)}
    iplan = Path(sys.executable).parent / "iplan"
    process = subprocess.Popen(
        [str(iplan), "project", "plan_summary", "audit_log"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    yield process
    if process.poll() is None:
        process.kill()
        process.wait()


def test_project_runs_the_named_workers_until_sigterm(
    store: Store, worker: subprocess.Popen[str]
) -> None:
    plans = build_plans(store.settings())
    try:
        position = plans.open_plan(ctx(), **open_details()).position
        models = ReadModels(plans)
        models.wait_for(position, timeout=20, names=["plan_summary", "audit_log"])
        assert (models.position("worklist") or 0) < (position or 0)  # not asked for
    finally:
        plans.close()
    worker.send_signal(signal.SIGTERM)
    _, stderr = worker.communicate(timeout=15)
    assert worker.returncode == 0, stderr
    assert "stopped" in stderr


def test_project_refuses_an_unknown_projection(seeded: Store) -> None:
    result = seeded.run("project", "plan_summary", "nonsense")
    assert result.exit_code == 2
    assert "no projection nonsense" in result.stderr


def test_commands_refuse_the_memory_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["verify", "--all"], env={"IPLAN_STORE": "memory", "IPLAN_DATA_DIR": str(tmp_path)}
    )
    assert result.exit_code == 2
    assert "keeps nothing" in result.stderr
