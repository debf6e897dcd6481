"""`iplan demo` seeding time against a plain INSERT of the same stored rows, in the same run.

Usage: python -m benchmarks.seed_demo [--store sqlite|postgres] [--persons 2000]
"""

from __future__ import annotations

import argparse
import time

from benchmarks.stores import (
    benchmark_settings,
    placeholder,
    plain_connection,
    report,
)
from infrastructure.demo.seeding import seed_demo_county
from infrastructure.store import build_plans, events_table_name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--persons", type=int, default=2000)
    args = parser.parse_args()
    with benchmark_settings(args.store) as settings:
        plans = build_plans(settings)
        started = time.perf_counter()
        entries = seed_demo_county(plans, persons=args.persons)
        seed_s = time.perf_counter() - started
        plans.close()
        table = events_table_name(settings)
        with plain_connection(settings) as conn:
            rows = conn.execute(
                f"SELECT originator_id, originator_version, topic, state FROM {table}"
            ).fetchall()
            conn.execute(f"CREATE TABLE baseline AS SELECT * FROM {table} WHERE 1=0")
            mark = placeholder(settings)
            insert = f"INSERT INTO baseline (originator_id, originator_version, topic, state) VALUES ({mark}, {mark}, {mark}, {mark})"  # noqa: E501
            started = time.perf_counter()
            for i in range(0, len(rows), 50 * 30):  # batches about the seeder's size
                if args.store == "sqlite":
                    with conn:
                        conn.executemany(insert, rows[i : i + 1500])
                else:
                    with conn.transaction(), conn.cursor() as cursor:
                        cursor.executemany(insert, rows[i : i + 1500])
            baseline_s = time.perf_counter() - started
    report(
        {
            "benchmark": "seed_demo",
            "store": args.store,
            "persons": args.persons,
            "entries": entries,
            "seed_s": round(seed_s, 3),
            "baseline_plain_insert_s": round(baseline_s, 3),
            "entries_per_s": round(entries / seed_s),
            "ratio_seed_to_baseline_time": round(seed_s / baseline_s, 2),
        }
    )


if __name__ == "__main__":
    main()
