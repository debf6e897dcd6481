"""HTTP writes: 32 concurrent clients recording consultations through a live `iplan serve`,
against the same server's trivial JSON endpoint (`/healthz`) with the same clients
(DESIGN 8: >= 0.5x, p99 <= 100 ms).

On PostgreSQL the projections run as deployed: in an `iplan project` process beside the
server (on the same machine, so their work weighs on the measurement as it would there).

Usage: python -m benchmarks.http_writes [--store sqlite|postgres] [--clients 32] [--seconds 5]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from api.auth import issue_token
from benchmarks.stores import benchmark_settings, report
from infrastructure.settings import Settings
from tests.e2e.session import open_plan_body
from tests.live import IPLAN, ROOT, free_port, stop, wait_for_health

SECRET = "benchmark-secret-of-enough-length"


def consultation(n: int) -> bytes:
    return json.dumps(
        {
            "held_on": "2025-02-01",
            "duration_minutes": 30 + n % 60,
            "setting": "office",
            "interpreter_language": None,
            "topics": ["language"],
            "notes": "Kurs gesucht",
        }
    ).encode()


def load(
    port: int, clients: int, seconds: float, request: Callable[[int, int], tuple[str, str, bytes]]
) -> tuple[float, list[float], int]:
    """Answered requests per second (failures not counted), latencies, and failures of
    `clients` keep-alive connections."""
    latencies: list[list[float]] = [[] for _ in range(clients)]
    failures = [0] * clients
    stop_at = time.monotonic() + seconds

    def client(i: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        n = 0
        while time.monotonic() < stop_at:
            method, path, body = request(i, n)
            started = time.perf_counter()
            conn.request(method, path, body=body or None, headers=HEADERS)
            response = conn.getresponse()
            response.read()
            latencies[i].append(time.perf_counter() - started)
            failures[i] += response.status >= 300
            n += 1
        conn.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    flat = [x for per in latencies for x in per]
    return (len(flat) - sum(failures)) / seconds, flat, sum(failures)


HEADERS: dict[str, str] = {}


def p99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[98] if len(values) > 1 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    with benchmark_settings(args.store) as settings, tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "IPLAN_STORE": args.store, "IPLAN_JWT_SECRET": SECRET}
        env["IPLAN_DATA_DIR"] = str(settings.data_dir if args.store == "sqlite" else tmp)
        env["IPLAN_POSTGRES_DBNAME"] = settings.postgres_dbname
        port = free_port()
        log = Path(tmp) / "serve.log"
        with log.open("w") as out:
            server = subprocess.Popen(
                [str(IPLAN), "serve", "--port", str(port)],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        workers = None
        if args.store == "postgres":
            with (Path(tmp) / "project.log").open("w") as out:
                workers = subprocess.Popen(
                    [str(IPLAN), "project"], cwd=ROOT, env=env, stdout=out, stderr=out
                )
        try:
            wait_for_health(f"http://127.0.0.1:{port}", server, log)
            token = issue_token(
                Settings(jwt_secret=SECRET), sub="cw", role="caseworker", municipalities=["*"]
            )
            HEADERS.update({"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
            plans = []
            for _ in range(args.clients):
                conn = http.client.HTTPConnection("127.0.0.1", port)
                body = json.dumps(open_plan_body(opened_on="2025-01-15")).encode()
                conn.request("POST", "/v1/plans", body=body, headers=HEADERS)
                plans.append(json.loads(conn.getresponse().read())["id"])
            base_rate, base_lat, _ = load(
                port, args.clients, args.seconds, lambda i, n: ("GET", "/healthz", b"")
            )
            rate, lat, failures = load(
                port,
                args.clients,
                args.seconds,
                lambda i, n: ("POST", f"/v1/plans/{plans[i]}/consultations", consultation(n)),
            )
        finally:
            stop(server)
            if workers is not None:
                stop(workers)
    report(
        {
            "benchmark": "http_writes",
            "store": args.store,
            "clients": args.clients,
            "baseline_requests_per_s": round(base_rate),
            "writes_per_s": round(rate),
            "ratio": round(rate / base_rate, 3),
            "target_ratio_at_least": 0.5,
            "write_p50_ms": round(statistics.median(lat) * 1000, 1),
            "write_p99_ms": round(p99(lat) * 1000, 1),
            "target_p99_ms_at_most": 100,
            "baseline_p99_ms": round(p99(base_lat) * 1000, 1),
            "failed_writes": failures,
            "projections": "in process" if args.store == "sqlite" else "iplan project beside",
        }
    )


if __name__ == "__main__":
    main()
