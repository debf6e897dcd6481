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
from datetime import date, timedelta
from uuid import UUID

from benchmarks.stores import benchmark_settings, report
from domain.context import EntryContext
from domain.plan import IntegrationPlan
from infrastructure.store import build_plans

TODAY = date(2026, 6, 1)
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
        ctx = EntryContext("cw-bench", "caseworker", "bench", TODAY)
        opened = TODAY - timedelta(days=900)

        def open_plan() -> UUID:
            return plans.open_plan(
                ctx,
                municipality="08317096",
                caseworker="cw-bench",
                opened_on=opened,
                profile={
                    "birth_year": 1990,
                    "gender": "female",
                    "nationality": "SY",
                    "residence_status": "recognised_refugee",
                    "household_size": 2,
                    "languages": ["ar"],
                    "arrived_on": opened - timedelta(days=30),
                },
                personal={"given_name": "Growth", "family_name": "Bench"},
            ).id

        def consult(plan_id: UUID, day: int) -> float:
            if args.cold:
                plans.current.forget(plan_id)
            started = time.perf_counter()
            plans.record(
                plan_id,
                IntegrationPlan.hold_consultation,
                ctx,
                held_on=opened + timedelta(days=day % 899),
                duration_minutes=30,
                setting="office",
                interpreter_language=None,
                topics=["work"],
                notes="note",
            )
            return time.perf_counter() - started

        growing = open_plan()
        young: list[float] = []
        grown: dict[int, list[float]] = {}
        for i in range(args.entries // WINDOW * WINDOW - 1):
            fresh = open_plan()  # a young plan: opened, then one command
            young.append(consult(fresh, i))
            # grouped by the plan's length at the end of each window of WINDOW commands
            grown.setdefault((i + 1) // WINDOW * WINDOW + WINDOW, []).append(consult(growing, i))
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
