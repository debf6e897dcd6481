"""What a county's operator sees when the database goes away, the service is overloaded, or
clients are slow: a live `iplan serve`, its database behind a proxy this test cuts."""

from __future__ import annotations

import json
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from api.auth import issue_token
from infrastructure.settings import Settings
from tests.e2e.session import open_plan_body
from tests.live import Server, TcpProxy, live_server
from tests.postgres import temporary_database

CONNECT_TIMEOUT_S = 2


@dataclass(frozen=True)
class Answer:
    status: int
    body: dict[str, Any]
    headers: dict[str, str]
    seconds: float


def call(
    url: str,
    token: str | None = None,
    body: dict[str, Any] | None = None,
    timeout: float = 30,
    headers: dict[str, str] | None = None,
) -> Answer:
    headers = {"Content-Type": "application/json", **(headers or {})}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers=headers)
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, raw, got = response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        status, raw, got = error.code, error.read(), dict(error.headers)
    seconds = time.monotonic() - started
    lowered = {name.lower(): value for name, value in got.items()}
    return Answer(status, json.loads(raw) if raw else {}, lowered, seconds)


@dataclass(frozen=True)
class Service:
    server: Server
    proxy: TcpProxy
    token: str

    def url(self, path: str) -> str:
        return f"{self.server.url}{path}"


@pytest.fixture
def service(tmp_path: Path) -> Iterator[Service]:
    """A live service on PostgreSQL reached through a proxy; 4 request threads."""
    with temporary_database() as dbname, TcpProxy(5432) as proxy:
        env = {
            "IPLAN_STORE": "postgres",
            "IPLAN_POSTGRES_PORT": str(proxy.port),
            "IPLAN_POSTGRES_DBNAME": dbname,
            "IPLAN_POSTGRES_CONNECT_TIMEOUT": str(CONNECT_TIMEOUT_S),
            "IPLAN_POSTGRES_POOL_SIZE": "4",
            "IPLAN_POSTGRES_MAX_OVERFLOW": "2",
            "IPLAN_REQUEST_THREADS": "4",
            "IPLAN_MAX_CONCURRENT_REQUESTS": "8",
            "IPLAN_MASTER_KEY": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
            "IPLAN_JWT_SECRET": "outage-test-secret-of-enough-length",
        }
        settings = Settings(jwt_secret="outage-test-secret-of-enough-length", data_dir=tmp_path)
        token = issue_token(settings, sub="cw-1", role="caseworker", municipalities=["*"])
        with live_server(tmp_path, env) as server:
            yield Service(server, proxy, token)


def opened_plan(service: Service) -> str:
    answer = call(service.url("/v1/plans"), service.token, open_plan_body(opened_on="2025-01-15"))
    assert answer.status == 201, answer
    return str(answer.body["id"])


@pytest.mark.postgres
@pytest.mark.parametrize("how", ["refuse", "blackhole"])
def test_a_cut_database_answers_503_within_the_connect_timeout_and_heals(
    service: Service, how: str
) -> None:
    plan = opened_plan(service)
    service.proxy.cut(how)

    read = call(service.url(f"/v1/plans/{plan}"), service.token)
    write = call(service.url("/v1/plans"), service.token, open_plan_body(opened_on="2025-01-15"))
    for answer in (read, write):
        assert answer.status == 503, answer
        assert answer.body["code"] == "store_unavailable"
        assert answer.headers["retry-after"]
        assert answer.seconds <= CONNECT_TIMEOUT_S + 1, answer.seconds
    health = call(service.url("/healthz"))
    assert health.status == 200
    assert health.seconds < 0.1
    ready = call(service.url("/readyz"))
    assert ready.status == 503
    assert ready.seconds <= 2.0

    service.proxy.restore()
    # The very next request succeeds: no restart, no warm-up.
    again = call(service.url(f"/v1/plans/{plan}"), service.token)
    assert again.status == 200, again
    assert (
        call(service.url(f"/v1/plans/{plan}/consultations"), service.token, CONSULTATION).status
        == 201
    )


CONSULTATION = {
    "held_on": "2025-02-01",
    "duration_minutes": 45,
    "setting": "office",
    "interpreter_language": None,
    "topics": ["language"],
    "notes": "Kurs gesucht",
}


@pytest.mark.postgres
def test_probes_answer_and_excess_requests_are_shed_while_every_thread_waits(
    service: Service,
) -> None:
    plan = opened_plan(service)
    service.proxy.cut("blackhole")  # every request now waits for its connect timeout
    with ThreadPoolExecutor(max_workers=16) as pool:
        waiting = [
            pool.submit(call, service.url(f"/v1/plans/{plan}"), service.token) for _ in range(16)
        ]
        time.sleep(0.5)  # all four threads taken, four more queued, the rest shed
        health = call(service.url("/healthz"))
        ready = call(service.url("/readyz"))
        answers = [f.result() for f in waiting]
    assert health.status == 200
    assert health.seconds < 0.1, health
    assert ready.status == 503
    assert ready.seconds <= 2.0, ready
    shed = [a for a in answers if a.body.get("code") == "overloaded"]
    assert len(shed) == 8, [a.body.get("code") for a in answers]
    assert all(a.status == 503 and a.headers["retry-after"] and a.seconds < 0.5 for a in shed)
    waited = [a for a in answers if a not in shed]
    assert all(a.body["code"] == "store_unavailable" for a in waited)
    service.proxy.restore()


def test_slow_headers_and_bodies_cannot_hold_connections(tmp_path: Path) -> None:
    env = {"IPLAN_HEADER_TIMEOUT_SECONDS": "1", "IPLAN_BODY_TIMEOUT_SECONDS": "1"}
    with live_server(tmp_path, env) as server:
        slow_headers = [socket.create_connection(("127.0.0.1", server.port)) for _ in range(50)]
        for conn in slow_headers:
            conn.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")  # and never the blank line
        slow_body = socket.create_connection(("127.0.0.1", server.port))
        slow_body.sendall(
            b"POST /v1/plans HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b'Content-Length: 100\r\n\r\n{"municipality"'
        )
        started = time.monotonic()
        for conn in slow_headers:
            conn.settimeout(5)
            assert conn.recv(1024) == b"", "the server closes a connection whose headers stall"
            conn.close()
        slow_body.settimeout(5)
        reply = b""
        while b"request_timeout" not in reply and (chunk := slow_body.recv(4096)):
            reply += chunk
        slow_body.close()
        assert time.monotonic() - started < 4
        assert reply.startswith(b"HTTP/1.1 408"), reply
        assert b"request_timeout" in reply
