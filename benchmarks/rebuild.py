"""A full rebuild of all four projections against a plain read of the same event rows.

Usage: python -m benchmarks.rebuild [--store sqlite|postgres] [--persons 800] [--batch 500]

Reports events per second (target: 1M events in <= 60 s, about 17k/s) and how much the
process's peak memory grew during the rebuild (target <= 500 MB).

Seeds plans through the application (the demo county's realistic lives, ~25 entries
each), then times (a) a plain SELECT of every stored event with sqlite3/psycopg and
(b) rebuilding all projections side by side into new tables and switching over.
"""

from __future__ import annotations

import argparse
import resource
import time

from benchmarks.stores import benchmark_settings, plain_connection, report
from infrastructure.demo.seeding import seed_demo_county
from infrastructure.logging import configure_logging
from infrastructure.read_models import ReadModels
from infrastructure.store import build_plans, events_table_name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--persons", type=int, default=800)
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args()
    with benchmark_settings(args.store) as settings:
        configure_logging(settings)  # logs to standard error: standard output is the JSON
        plans = build_plans(settings)
        seed_demo_county(plans, persons=args.persons)
        events = plans.recorder.max_notification_id() or 0
        models = ReadModels(plans, batch_size=args.batch, drop_delay=0)

        order = "rowid" if settings.store == "sqlite" else "notification_id"
        with plain_connection(settings) as conn:
            started = time.perf_counter()
            rows = conn.execute(
                f"SELECT * FROM {events_table_name(settings)} ORDER BY {order}"
            ).fetchall()
            baseline_s = time.perf_counter() - started
        assert len(rows) == events

        peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        models.rebuild_all()
        rebuild_s = time.perf_counter() - started
        peak_growth_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before
        assert all(s.lag_events == 0 for s in models.status())
        plans.close()
    report(
        {
            "benchmark": "rebuild",
            "store": args.store,
            "events": events,
            "baseline_s": round(baseline_s, 3),
            "rebuild_s": round(rebuild_s, 3),
            "ratio": round(rebuild_s / baseline_s, 1),
            "events_per_s": round(events / rebuild_s),
            "target_events_per_s_at_least": 17000,
            "peak_memory_growth_mb": round(peak_growth_kb / 1024, 1),
        }
    )


if __name__ == "__main__":
    main()
