"""Append latency as a plan grows: commands on a long plan against commands on a young one
(target: flat, a ratio near 1).

Each round records one consultation on a young plan (the baseline, a few entries) and one
on a plan that grows with every round, interleaved so both see the same machine load; the
latency in the last window is compared with the young plan's. With `--cold` the running
process's cache of current plans is emptied before each command, so that every command
loads its plan as after a write by another process (from the latest snapshot and the
entries since); without it, commands run as in a service that keeps its plans.

Usage: python -m benchmarks.plan_growth [--store sqlite|postgres] [--entries 1000]
"""

from __future__ import annotations

import argparse
import statistics
import time
from uuid import UUID

from benchmarks.bench_plans import TODAY, consult, open_plan
from benchmarks.stores import benchmark_settings, report
from domain.plan import IntegrationPlan
from infrastructure.store import build_plans

WINDOW = 100


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--snapshot-every", type=int, default=None)
    parser.add_argument("--cold", action="store_true")
    args = parser.parse_args()
    with benchmark_settings(args.store) as settings:
        plans = build_plans(settings, today=lambda: TODAY)
        if args.snapshot_every:
            type(plans).snapshot_every = {IntegrationPlan: args.snapshot_every}

        def timed_consult(plan_id: UUID, day: int) -> float:
            if args.cold:
                plans.current.forget(plan_id)
            started = time.perf_counter()
            consult(plans, plan_id, day)
            return time.perf_counter() - started

        growing = open_plan(plans)
        young: list[float] = []
        grown: dict[int, list[float]] = {}
        for i in range(args.entries // WINDOW * WINDOW - 1):
            fresh = open_plan(plans)  # a young plan: opened, then one command
            young.append(timed_consult(fresh, i))
            # grouped by the plan's length at the end of each window of WINDOW commands
            grown.setdefault((i + 1) // WINDOW * WINDOW + WINDOW, []).append(
                timed_consult(growing, i)
            )
        plans.close()
    baseline = statistics.median(young[-WINDOW:])
    by_length = {v: round(statistics.median(t) * 1000, 3) for v, t in sorted(grown.items())}
    last = max(by_length)
    report(
        {
            "benchmark": "plan_growth",
            "store": args.store,
            "entries": args.entries,
            "young_plan_median_ms": round(baseline * 1000, 3),
            "cold": args.cold,
            "snapshot_every": plans.snapshot_every[IntegrationPlan],
            "median_ms_by_plan_length": by_length,
            "ratio": round(by_length[last] / 1000 / baseline, 2),
            "target": "flat: ratio near 1 at every length",
        }
    )


if __name__ == "__main__":
    main()
