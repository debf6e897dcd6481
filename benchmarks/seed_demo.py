"""`iplan demo` seeding rate against a plain INSERT of the same stored rows, in the same run.

For each size, seeds a new store by the bulk path (the default of `iplan demo`), then
inserts the very rows it stored (entries and chain links) into plain tables of the same
shape, a chunk per transaction, and reports both rates and their ratio, with the peak
memory growth, in one JSON object for all sizes. `--commands N` also times N persons
through the command path (one transaction per entry, as the API writes) beside the bulk
path, for its gain.

Usage: python -m benchmarks.seed_demo [--store sqlite|postgres] [--persons 2000 20000]
"""

from __future__ import annotations

import argparse
import resource
import time
from typing import Any

from benchmarks.stores import benchmark_settings, placeholder, plain_connection, report
from infrastructure.demo.seeding import seed_demo_county
from infrastructure.integrity import CHAIN_TABLE
from infrastructure.logging import configure_logging
from infrastructure.settings import Settings
from infrastructure.store import build_plans, events_table_name

CHUNK = 5000


def seed(settings: Settings, persons: int, *, bulk: bool) -> dict[str, Any]:
    plans = build_plans(settings)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    wall, cpu = time.perf_counter(), time.process_time()
    entries = seed_demo_county(plans, persons=persons, bulk=bulk)
    seed_s, cpu_s = time.perf_counter() - wall, time.process_time() - cpu
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak
    plans.close()
    return {
        "entries": entries,
        "seed_s": round(seed_s, 2),
        "seed_cpu_s": round(cpu_s, 2),
        "entries_per_s": round(entries / seed_s),
        "peak_memory_growth_mb": round(grown / 1024, 1),
    }


def plain_insert(settings: Settings) -> float:
    """Inserts the stored entries and links again, plainly, into tables of the same shape
    (same keys), a chunk per transaction; answers the seconds spent inserting."""
    events = events_table_name(settings)
    order, key = ("rowid", "TEXT") if settings.store == "sqlite" else ("notification_id", "uuid")
    blob = "BLOB" if settings.store == "sqlite" else "bytea"
    mark = placeholder(settings)
    spent = 0.0
    with plain_connection(settings) as conn:
        conn.execute(
            f"CREATE TABLE base_events (originator_id {key}, originator_version bigint, "
            f"topic text, state {blob}, PRIMARY KEY (originator_id, originator_version))"
        )
        conn.execute(
            f"CREATE TABLE base_chain (plan_id {key}, version bigint, link {blob}, "
            "PRIMARY KEY (plan_id, version))"
        )
        after = 0
        while True:
            rows = conn.execute(
                f"SELECT e.{order}, e.originator_id, e.originator_version, e.topic, e.state, "
                f"c.link FROM {events} e JOIN {CHAIN_TABLE} c ON c.plan_id = e.originator_id "
                f"AND c.version = e.originator_version WHERE e.{order} > {mark} "
                f"ORDER BY e.{order} LIMIT {CHUNK}",
                (after,),
            ).fetchall()
            if not rows:
                return spent
            after = rows[-1][0]
            started = time.perf_counter()
            insert_chunk(conn, settings, rows)
            spent += time.perf_counter() - started


def insert_chunk(conn: Any, settings: Settings, rows: list[Any]) -> None:
    mark = placeholder(settings)
    events = [r[1:5] for r in rows]
    links = [(r[1], r[2], r[5]) for r in rows]
    insert_event = f"INSERT INTO base_events VALUES ({mark}, {mark}, {mark}, {mark})"
    insert_link = f"INSERT INTO base_chain VALUES ({mark}, {mark}, {mark})"
    if settings.store == "sqlite":
        with conn:
            conn.executemany(insert_event, events)
            conn.executemany(insert_link, links)
        return
    with conn.transaction(), conn.cursor() as cursor:
        cursor.executemany(insert_event, events)
        cursor.executemany(insert_link, links)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--persons", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--commands", type=int, default=0, help="persons through commands")
    args = parser.parse_args()
    result: dict[str, Any] = {"benchmark": "seed_demo", "store": args.store, "sizes": []}
    if args.commands:
        with benchmark_settings(args.store) as settings:
            configure_logging(settings)
            by_commands = seed(settings, args.commands, bulk=False)
        by_bulk = seed_other(args.store, args.commands)
        result["commands"] = {
            "persons": args.commands,
            "through_commands": by_commands,
            "bulk": by_bulk,
            "ratio_bulk_to_commands_rate": round(
                by_bulk["entries_per_s"] / by_commands["entries_per_s"], 1
            ),
        }
    for persons in args.persons:
        with benchmark_settings(args.store) as settings:
            configure_logging(settings)  # logs to standard error: standard output is JSON
            seeded = seed(settings, persons, bulk=True)
            baseline_s = plain_insert(settings)
        baseline_rate = seeded["entries"] / baseline_s
        result["sizes"].append(
            {
                "persons": persons,
                **seeded,
                "baseline_plain_insert_s": round(baseline_s, 2),
                "baseline_entries_per_s": round(baseline_rate),
                "ratio_seed_to_plain_insert_rate": round(
                    seeded["entries_per_s"] / baseline_rate, 3
                ),
            }
        )
    report(result)


def seed_other(store: str, persons: int) -> dict[str, Any]:
    with benchmark_settings(store) as settings:
        return seed(settings, persons, bulk=True)


if __name__ == "__main__":
    main()
