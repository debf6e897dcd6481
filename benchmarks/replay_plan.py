"""State of a 1,000-entry plan at any version against a plain read of its rows (target <= 2x).

Usage: python -m benchmarks.replay_plan [--store sqlite|postgres] [--entries 1000] [--reads 200]

The reads go through one process, which keeps the plans its snapshots opened to
(application/opened_snapshots.py), as a process serving an auditor stepping through a
history does. The same reads through a second process that keeps none (each read opens its
snapshot: decrypts, parses and makes every item) are reported beside them, `cold_...`.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from benchmarks.bench_plans import TODAY, consult, open_plan
from benchmarks.stores import (
    benchmark_settings,
    placeholder,
    plain_connection,
    report,
)
from infrastructure.store import build_plans, events_table_name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--reads", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(1)
    with benchmark_settings(args.store) as settings:
        plans = build_plans(settings, today=lambda: TODAY)
        cold = build_plans(settings, today=lambda: TODAY)
        cold.opened_snapshots.budget_bytes = 0  # keeps none
        plan_id = open_plan(plans)
        for i in range(args.entries - 1):
            consult(plans, plan_id, i)
        versions = [rng.randint(1, args.entries) for _ in range(args.reads)]
        table, mark = events_table_name(settings), placeholder(settings)
        key = plan_id.hex if settings.store == "sqlite" else plan_id
        select = (
            f"SELECT * FROM {table} WHERE originator_id = {mark} "
            f"AND originator_version <= {mark} ORDER BY originator_version"
        )
        baseline, product, opening = [], [], []
        with plain_connection(settings) as conn:
            for version in versions:  # interleaved, so both see the same machine load
                started = time.perf_counter()
                rows = conn.execute(select, (key, version)).fetchall()
                baseline.append(time.perf_counter() - started)
                assert len(rows) == version
                started = time.perf_counter()
                state = plans.get_plan(plan_id, version=version)
                product.append(time.perf_counter() - started)
                assert state.version == version
                started = time.perf_counter()
                opened = cold.get_plan(plan_id, version=version)
                opening.append(time.perf_counter() - started)
                assert opened.state == state.state
        plans.close()
        cold.close()
    report(
        {
            "benchmark": "replay_plan",
            "store": args.store,
            "entries": args.entries,
            "reads": args.reads,
            "baseline_median_ms": round(statistics.median(baseline) * 1000, 3),
            "state_at_version_median_ms": round(statistics.median(product) * 1000, 3),
            "ratio": round(statistics.median(product) / statistics.median(baseline), 2),
            "cold_state_at_version_median_ms": round(statistics.median(opening) * 1000, 3),
            "cold_ratio": round(statistics.median(opening) / statistics.median(baseline), 2),
            "target_ratio_at_most": 2.0,
        }
    )


if __name__ == "__main__":
    main()
