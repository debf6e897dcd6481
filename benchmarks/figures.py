"""The analysts' tables at scale: query latency, and the analytics read model's rebuild rate.

Usage: python -m benchmarks.figures [--store sqlite|postgres] [--plans 100000]
       [--persons 300] [--queries 40]

(1) Table query (DESIGN 8: 100k plans, one metric, 12 months x all municipalities and
the county total, p95 <= 50 ms). Seeding 100k plans through the application takes
hours, so the plans' contributions are generated directly (the demo's shape: unequal
municipalities, profiles, open and closed plans, consultations, jobs) and fed through
the view's own batch path, which takes old contributions out and puts new ones into
the cells exactly as live processing does. Timed: the table read cold (computed from
the cells, suppression included, no cache) and warm (the view's cache at a position),
against a plain SELECT of the same cells in the same run.
(2) Rebuild: the demo county (--persons) seeded through the application, then the
analytics read model rebuilt alone, against a plain read of the same event rows.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import time
from datetime import date, timedelta
from typing import Any
from uuid import UUID

from eventsourcing.persistence import Tracking

from benchmarks.stores import benchmark_settings, plain_connection, report
from infrastructure.demo.seeding import seed_demo_county
from infrastructure.logging import configure_logging
from infrastructure.read_model_kinds import ANALYTICS
from infrastructure.read_models import ReadModels
from infrastructure.reference_data import ortenaukreis_municipalities
from infrastructure.sql_analytics import SqlAnalyticsView
from infrastructure.sql_database import Database
from infrastructure.store import build_plans, events_table_name
from projections.contributions import Collector, active_in, over_ranges
from projections.figure_cells import CONTRIBUTIONS, encode
from projections.figure_tables import TableQuery

GENDERS = ("female", "male", "male", "female", "diverse")
AGES = ("0-17", "18-26", "27-44", "27-44", "45-64", "65+")
NATIONS = ("SY", "UA", "AF", "TR", "IQ", "ER", "NG", "IR", "SO", "GE", "RU", "PK", "GN")
STATUSES = ("asylum_seeker", "recognised_refugee", "subsidiary_protection", "toleration")


class Fixed:
    """A residence that never changes (transfers are rare; they only add keys)."""

    def __init__(self, place: str) -> None:
        self.place = place

    def on(self, day: date) -> str:
        return self.place


def synthetic_rows(rng: random.Random, places: list[str], weights: list[int]) -> dict[str, Any]:
    place = rng.choices(places, weights)[0]
    opened = date(2023, 1, 1) + timedelta(days=rng.randrange(3 * 365 + 150))
    closed = opened + timedelta(days=rng.randrange(90, 1100)) if rng.random() < 0.6 else None
    collector = Collector(Fixed(place))  # type: ignore[arg-type]
    collector.add(opened, "plans_opened")
    end = closed or date(2026, 6, 1)
    for _ in range(rng.randrange(2, 14)):
        day = opened + timedelta(days=rng.randrange(max((end - opened).days, 1)))
        collector.add(day, "consultations")
        collector.add(day, "consultation_minutes", float(rng.choice((30, 45, 60))))
    if rng.random() < 0.4:
        job = opened + timedelta(days=rng.randrange(60, 700))
        collector.add(job, "job_placements")
        collector.add(
            job, "days_to_first_job", float((job - opened).days), days=(job - opened).days
        )
    if closed is not None:
        collector.add(closed, "plans_closed")
    for where in (place, "*"):
        over_ranges(collector, where, [(opened, closed)], "plans_active", lambda s: s, active_in)
    categories = [
        rng.choice(GENDERS),
        rng.choice(AGES),
        rng.choice(NATIONS),
        rng.choice(STATUSES),
        rng.choice(("1", "2", "3-4", "5+")),
    ]
    return encode(categories, collector.out)


def load_cells(view: SqlAnalyticsView, plans: int, batch: int) -> float:
    """Feeds `plans` synthetic plans through the view's batch path as a rebuild does (cells
    summed once at the end); answers plans per second."""
    rng = random.Random(2017)
    municipalities = ortenaukreis_municipalities()
    places = [m.ags for m in municipalities]
    weights = [m.population for m in municipalities]
    started = time.perf_counter()
    view.defer_cells()
    for first in range(0, plans, batch):
        rows = {}
        for i in range(first, min(first + batch, plans)):
            plan_id = UUID(int=i + 1)
            rows[plan_id] = {
                CONTRIBUTIONS: [{"plan_id": plan_id, **synthetic_rows(rng, places, weights)}]
            }
        view.replace_plans(rows, Tracking("IntegrationPlans", first + batch))
    view.derive_cells()
    return plans / (time.perf_counter() - started)


def p(values: list[float], q: float) -> float:
    return round(sorted(values)[min(len(values) - 1, int(q * len(values)))] * 1000, 2)


def query_latency(settings: Any, plans: int, queries: int) -> dict[str, Any]:
    app = build_plans(settings)
    db = Database(app.recorder.datastore)  # type: ignore[attr-defined]
    view = SqlAnalyticsView(db, version=1)
    load_rate = load_cells(view, plans, batch=1000)
    gc.freeze()  # as the service does once it has started (api/app.py)
    names = {m.ags: m.name for m in ortenaukreis_municipalities()}
    query = TableQuery("plans_active", "month", 2025)
    cells = len(view.table(query, names, 5))
    view.table(query, names, 5, position=1)  # the warm reads find it computed
    cold, warm, plain = [], [], []
    for _ in range(queries):
        started = time.perf_counter()
        view.figure_rows("plans_active", 2025, "")
        plain.append(time.perf_counter() - started)
        started = time.perf_counter()
        view.table(query, names, 5)
        cold.append(time.perf_counter() - started)
        started = time.perf_counter()
        view.table(query, names, 5, position=1)
        warm.append(time.perf_counter() - started)
    by = TableQuery("plans_active", "month", 2025, "nationality")
    nationality = []
    for _ in range(max(3, queries // 10)):
        started = time.perf_counter()
        view.table(by, names, 5)
        nationality.append(time.perf_counter() - started)
    rows = view.tables.select("SELECT COUNT(*) AS n FROM {cells}")[0]["n"]
    app.close()
    return {
        "plans": plans,
        "cell_rows": int(rows),
        "table_cells": cells,
        "load_plans_per_s": round(load_rate),
        "plain_select_p50_ms": p(plain, 0.5),
        "cold_p50_ms": p(cold, 0.5),
        "cold_p95_ms": p(cold, 0.95),
        "warm_p95_ms": p(warm, 0.95),
        "cold_ratio_to_plain_select": round(statistics.median(cold) / statistics.median(plain), 1),
        "by_nationality_cold_p50_ms": p(nationality, 0.5),
        "target_p95_ms_at_most": 50,
    }


def rebuild_rate(settings: Any, persons: int) -> dict[str, Any]:
    plans = build_plans(settings)
    seed_demo_county(plans, persons=persons)
    events = plans.recorder.max_notification_id() or 0
    order = "rowid" if settings.store == "sqlite" else "notification_id"
    with plain_connection(settings) as conn:
        started = time.perf_counter()
        conn.execute(f"SELECT * FROM {events_table_name(settings)} ORDER BY {order}").fetchall()
        baseline_s = time.perf_counter() - started
    models = ReadModels(plans, names=[ANALYTICS], drop_delay=0)
    models.catch_up()
    started = time.perf_counter()
    models.rebuild(ANALYTICS, wait=True)
    rebuild_s = time.perf_counter() - started
    models.stop()
    plans.close()
    return {
        "events": events,
        "plain_read_s": round(baseline_s, 3),
        "analytics_rebuild_s": round(rebuild_s, 3),
        "rebuild_ratio_to_plain_read": round(rebuild_s / baseline_s, 1),
        "rebuild_events_per_s": round(events / rebuild_s),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--plans", type=int, default=100_000)
    parser.add_argument("--persons", type=int, default=300)
    parser.add_argument("--queries", type=int, default=40)
    args = parser.parse_args()
    result: dict[str, Any] = {"benchmark": "figures", "store": args.store}
    with benchmark_settings(args.store) as settings:
        configure_logging(settings)  # logs to standard error: standard output is the JSON
        result.update(query_latency(settings, args.plans, args.queries))
    with benchmark_settings(args.store) as settings:
        result.update(rebuild_rate(settings, args.persons))
    report(result)


if __name__ == "__main__":
    main()
