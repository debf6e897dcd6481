"""The README's curl tour, run line for line with bash against a live `iplan serve`."""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer

from api.cli import app as cli
from infrastructure.settings import Settings
from tests.live import Server, live_server

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
TOUR_MARKER = "<!-- tour -->"

# Every curl of the tour goes through this function: it answers as curl would and also
# logs the status and body, one line each, so the test can check every answer in order.
RECORDING_CURL = r"""
set -euo pipefail
shopt -s inherit_errexit
curl() {
  local body status
  body=$(mktemp)
  status=$(command curl -sS -o "$body" -w '%{http_code}' "$@")
  { printf '%s\t' "$status"; tr -d '\n' < "$body"; printf '\n'; } >> "$TOUR_LOG"
  cat "$body"
  rm -f "$body"
}
"""


def tour_script() -> str:
    text = README.read_text(encoding="utf-8")
    assert text.count(TOUR_MARKER) == 1, "the README marks exactly one tour block"
    after = text.split(TOUR_MARKER, 1)[1]
    match = re.match(r"\s*```sh\n(.*?)\n```", after, re.DOTALL)
    assert match, "the tour marker is followed by a ```sh block"
    return match.group(1)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    with live_server(tmp_path) as running:
        yield running


def run_tour(server: Server, tmp_path: Path) -> tuple[str, list[tuple[int, Any]]]:
    script = tour_script().replace("localhost:8000", f"127.0.0.1:{server.port}")
    calls = tmp_path / "calls.log"
    env = {
        **os.environ,
        "IPLAN_STORE": "sqlite",
        "IPLAN_DATA_DIR": str(server.data_dir),
        "TOUR_LOG": str(calls),
    }
    done = subprocess.run(
        ["bash", "-c", RECORDING_CURL + script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, (done.stdout, done.stderr, server.log.read_text())
    answers = []
    for line in calls.read_text().splitlines():
        status, body = line.split("\t", 1)
        answers.append((int(status), json.loads(body)))
    return done.stdout, answers


def test_the_readme_tour_answers_as_it_says(server: Server, tmp_path: Path) -> None:
    stdout, answers = run_tour(server, tmp_path)
    statuses = [status for status, _ in answers]
    assert statuses == [201, 201, 201, 200, 200, 200, 200], answers

    opened, consultation, measure, now, history, then, stats = (b for _, b in answers)
    plan = opened["id"]
    assert f"plan {plan}" in stdout
    assert (opened["version"], consultation["version"], measure["version"]) == (1, 2, 3)
    assert measure["measure_id"]

    assert now["version"] == 3
    assert len(now["consultations"]) == 1
    assert [m["status"] for m in now["measures"]] == ["agreed"]
    assert [e["type"] for e in history["entries"]] == [
        "PlanOpened",
        "ConsultationHeld",
        "MeasureAgreed",
    ]
    assert {(e["actor"], e["role"]) for e in history["entries"]} == {("cw-anna", "caseworker")}
    assert then["version"] == 1
    assert then["consultations"] == []
    assert then["measures"] == []

    assert stats["position"] >= measure["position"]
    assert stats["items"], "the analyst sees figures for the months of the tour"
    assert all(f["suppressed"] and f["value"] is None for f in stats["items"])
    assert {f["municipality"] for f in stats["items"]} == {"08317096"}


def test_the_configuration_table_names_every_setting() -> None:
    text = README.read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `(IPLAN_[A-Z_]+)`", text, re.MULTILINE))
    settings = {f"IPLAN_{name.upper()}" for name in Settings.model_fields}
    assert documented == settings


def command_paths(app: typer.Typer, prefix: str = "iplan") -> Iterator[str]:
    for command in app.registered_commands:
        assert command.callback is not None
        name = command.name or command.callback.__name__.replace("_", "-")
        yield f"{prefix} {name}"
    for group in app.registered_groups:
        assert group.typer_instance is not None
        yield from command_paths(group.typer_instance, f"{prefix} {group.name}")


def test_the_command_table_names_every_command() -> None:
    text = README.read_text(encoding="utf-8")
    table = text.split("## The command line", 1)[1].split("\n## ", 1)[0]
    paths = list(command_paths(cli))
    assert len(paths) >= 11
    missing = [p for p in paths if f"| `{p}" not in table]
    assert missing == []
