"""`iplan keys rotate` beside running services while caseworkers open plans: no plan ever
becomes unreadable, and a service left without the new key says so with a 503."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.auth import issue_token
from infrastructure.crypto import encode_key, new_key
from infrastructure.settings import Settings
from tests.e2e.session import open_plan_body
from tests.e2e.test_cli_operations import iplan
from tests.e2e.test_outages import Answer, call
from tests.live import Server, live_server
from tests.postgres import temporary_database

SECRET = "rotation-test-secret-of-enough-length"
TOKEN = issue_token(
    Settings(jwt_secret=SECRET), sub="cw-1", role="caseworker", municipalities=["*"]
)
ADMIN = issue_token(Settings(jwt_secret=SECRET), sub="ad-1", role="admin", municipalities=["*"])


class Caseworker(threading.Thread):
    """Opens plans one after another until told to stop; keeps every answer."""

    def __init__(self, server: Server) -> None:
        super().__init__(daemon=True)
        self.server = server
        self.answers: list[Answer] = []
        self.stopping = threading.Event()

    def run(self) -> None:
        n = 0
        while not self.stopping.is_set():
            n += 1
            body = open_plan_body(opened_on="2025-01-15")
            body["personal"]["given_name"] = f"Rotated-{n}"
            self.answers.append(call(f"{self.server.url}/v1/plans", TOKEN, body))

    def opened(self) -> dict[str, str]:
        assert all(a.status in (201, 503) for a in self.answers), [
            (a.status, a.body) for a in self.answers if a.status not in (201, 503)
        ]
        return {
            str(a.body["id"]): f"Rotated-{n}"
            for n, a in enumerate(self.answers, start=1)
            if a.status == 201
        }


def all_readable(server: Server, plans: dict[str, str]) -> None:
    for plan, name in plans.items():
        read = call(f"{server.url}/v1/plans/{plan}", TOKEN)
        assert read.status == 200, (plan, read.body)
        assert read.body["personal"]["given_name"] == name


def rotating_while_opening(server: Server, env: dict[str, str]) -> dict[str, str]:
    caseworker = Caseworker(server)
    caseworker.start()
    time.sleep(1.0)
    rotated = iplan(env, "keys", "rotate")
    time.sleep(1.0)
    caseworker.stopping.set()
    caseworker.join(30)
    assert rotated.returncode == 0, rotated.stderr
    assert "Retired master keys" in rotated.stdout
    opened = caseworker.opened()
    assert len(opened) >= 5
    return opened


def test_rotating_the_embedded_key_file_beside_a_running_service(tmp_path: Path) -> None:
    env = {
        "IPLAN_STORE": "sqlite",
        "IPLAN_DATA_DIR": str(tmp_path / "data"),
        "IPLAN_JWT_SECRET": SECRET,
    }
    with live_server(tmp_path, env) as server:
        opened = rotating_while_opening(server, env)
        all_readable(server, opened)  # the running service followed the key file
    assert len((tmp_path / "data" / "master.key").read_text().split()) == 1
    with live_server(tmp_path, env) as restarted:  # with the new key only
        all_readable(restarted, opened)
    again = iplan(env, "keys", "rotate")
    assert again.returncode == 0, again.stderr


@pytest.fixture
def database() -> Iterator[str]:
    with temporary_database() as name:
        yield name


@pytest.mark.postgres
def test_rotating_a_configured_key_beside_running_services(tmp_path: Path, database: str) -> None:
    old, new = encode_key(new_key()), encode_key(new_key())
    base = {
        "IPLAN_STORE": "postgres",
        "IPLAN_POSTGRES_DBNAME": database,
        "IPLAN_DATA_DIR": str(tmp_path / "data"),
        "IPLAN_JWT_SECRET": SECRET,
    }
    first = {**base, "IPLAN_MASTER_KEY": old}
    both = {**base, "IPLAN_MASTER_KEY": new, "IPLAN_PREVIOUS_MASTER_KEYS": old}
    with live_server(tmp_path / "a", first) as stale:
        before = call(f"{stale.url}/v1/plans", TOKEN, open_plan_body(opened_on="2025-01-15"))
        assert before.status == 201
        # The operator gives every process both keys, then rotates.
        with live_server(tmp_path / "b", both) as updated:
            opened = rotating_while_opening(updated, both)
            all_readable(updated, opened)
        # A process never given the new key cannot wrap or unwrap under it: a clear 503.
        refused = call(f"{stale.url}/v1/plans", TOKEN, open_plan_body(opened_on="2025-01-15"))
        assert refused.status == 503
        assert refused.body["code"] == "master_key_unavailable"
        unreadable = call(f"{stale.url}/v1/plans/{next(iter(opened))}", TOKEN)
        assert unreadable.status == 503
        assert unreadable.body["code"] == "master_key_unavailable"
    with live_server(tmp_path / "c", {**base, "IPLAN_MASTER_KEY": new}) as restarted:
        all_readable(restarted, opened)
