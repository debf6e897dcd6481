"""Command append through IntegrationPlans, one entry per command, N writers on distinct
plans, against plain single-row INSERTs (autocommit) with the same concurrency (DESIGN 8:
>= 1.0x with 4 writers, >= 0.5x with 1, on PostgreSQL).

Usage: python -m benchmarks.append [--store postgres|sqlite] [--writers 4] [--seconds 5]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import threading
import time
from collections.abc import Callable

from benchmarks.bench_plans import TODAY, consult, open_plan
from benchmarks.stores import benchmark_settings, placeholder, plain_connection, report
from infrastructure.settings import Settings
from infrastructure.store import build_plans


def run_threads(writers: int, seconds: float, work: Callable[[int], Callable[[], None]]) -> int:
    """Runs `work(i)()` in a loop on each of `writers` threads; answers the calls done."""
    counts = [0] * writers
    stop = threading.Event()
    steps = [work(i) for i in range(writers)]

    def loop(i: int) -> None:
        while not stop.is_set():
            steps[i]()
            counts[i] += 1

    threads = [threading.Thread(target=loop, args=(i,)) for i in range(writers)]
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join()
    return sum(counts)


def plain_inserts(settings: Settings, writers: int, seconds: float) -> float:
    """Single-row INSERTs of a row like an entry's, one connection per writer, autocommit."""
    mark = placeholder(settings)
    payload = os.urandom(600)
    connections = contextlib.ExitStack()
    with plain_connection(settings) as setup:
        setup.execute(
            "CREATE TABLE baseline (id TEXT, n INTEGER, topic TEXT, state BYTEA, "
            "PRIMARY KEY (id, n))".replace("BYTEA", "BYTEA" if mark == "%s" else "BLOB")
        )
        if mark == "?":
            setup.commit()

    def work(i: int) -> Callable[[], None]:
        conn = connections.enter_context(plain_connection(settings))
        n = iter(range(10**9))

        def insert() -> None:
            conn.execute(
                f"INSERT INTO baseline VALUES ({mark}, {mark}, {mark}, {mark})",
                (f"w{i}", next(n), "iplan:ConsultationHeld", payload),
            )
            if mark == "?":
                conn.commit()

        return insert

    with connections:
        done = run_threads(writers, seconds, work)
    return done / seconds


def commands(settings: Settings, writers: int, seconds: float) -> float:
    plans = build_plans(settings, today=lambda: TODAY)

    def work(i: int) -> Callable[[], None]:
        plan_id = open_plan(plans, f"Writer {i}")
        day = iter(range(10**9))
        return lambda: consult(plans, plan_id, next(day))

    try:
        return run_threads(writers, seconds, work) / seconds
    finally:
        plans.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", choices=("sqlite", "postgres"), default="postgres")
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    with benchmark_settings(args.store) as settings:
        baseline = plain_inserts(settings, args.writers, args.seconds)
        product = commands(settings, args.writers, args.seconds)
    target = 1.0 if args.writers > 1 else 0.5
    report(
        {
            "benchmark": "append",
            "store": args.store,
            "writers": args.writers,
            "baseline_inserts_per_s": round(baseline),
            "commands_per_s": round(product),
            "ratio": round(product / baseline, 3),
            "target_ratio_at_least": target,
        }
    )


if __name__ == "__main__":
    main()
