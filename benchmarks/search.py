"""Name search through the blind index against a plain list query, in the same run.

Seeds `--plans` plans with synthetic names, brings the plan summary up to date, then
times, as the service answers `GET /v1/plans?q=` (query terms computed, the page of 50
read with its score order, each display name opened): searches for a family name written
in assorted ways, and as the baseline the first page of the plain list (same scope).

Usage: python -m benchmarks.search [--store sqlite|postgres] [--plans 3000] [--queries 200]
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta

from benchmarks.stores import benchmark_settings, report
from domain.context import EntryContext
from infrastructure.read_models import ReadModels
from infrastructure.store import build_plans
from projections.plan_summary import PlanFilter

TODAY = date(2026, 6, 1)
COUNTY = ("08317096", "08317057", "08317005", "08317011")
GIVEN = ("Amal", "Omar", "Olena", "Ahmad", "Mariam", "Yusuf", "Iryna", "Karim", "Jürgen", "Anna")
FAMILY = (
    "Haddad", "Kovalenko", "Rahimi", "Al-Sayed", "Tesfaye", "Okafor", "Beridze", "Y\u0131lmaz",
    "Müller", "Meier", "Schmidt", "Şahin", "Hussein", "Mohammadi", "Ahmadi", "Popescu",
    "Nowak", "Kowalczyk", "Ivanova", "Shevchenko", "Bondarenko", "Osman", "Abdi", "Ali",
    "Hassan", "Karimi", "Hosseini", "Demir", "Kaya", "Çelik", "Öztürk", "Weiß", "Schäfer",
    "Krämer", "Bauer", "Jovanović", "Petrović", "Nikolić", "Gashi", "Berisha", "Krasniqi",
    "Mahmoud", "Saleh", "Ibrahim", "Yousef", "Nasser", "Khalil", "Aziz", "Rashid", "Tahir",
)  # fmt: skip
# How the names are looked for: as written, in capitals, loosely, by sound.
SPELLINGS: tuple[Callable[[str], str], ...] = (
    lambda name: name,
    str.upper,
    lambda name: name.replace("ü", "u").replace("ö", "o").replace("ä", "a").replace("ß", "ss"),
    lambda name: name.replace("ei", "ai").replace("y", "i"),
)


def percentile(times: list[float], share: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--plans", type=int, default=3000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(4)
    with benchmark_settings(args.store) as settings:
        plans = build_plans(settings, today=lambda: TODAY)
        ctx = EntryContext("cw-bench", "caseworker", "bench", TODAY)
        for i in range(args.plans):
            opened = TODAY - timedelta(days=rng.randint(1, 1200))
            plans.open_plan(
                ctx,
                municipality=COUNTY[i % len(COUNTY)],
                caseworker="cw-bench",
                opened_on=opened,
                profile={
                    "birth_year": 1990,
                    "gender": "female",
                    "nationality": "SY",
                    "residence_status": "recognised_refugee",
                    "household_size": 1,
                    "languages": ["ar"],
                    "arrived_on": opened - timedelta(days=100),
                },
                personal={
                    "given_name": rng.choice(GIVEN),
                    "family_name": rng.choice(FAMILY),
                    "birth_date": (
                        date(1960, 1, 1) + timedelta(days=rng.randint(0, 15000))
                    ).isoformat(),
                },
            )
        models = ReadModels(plans, drop_delay=0)
        models.catch_up()
        if models.db is not None and models.db.kind == "postgres":
            # Statistics for the planner, as autovacuum gathers them after a bulk load.
            with models.db.transaction(commit=True) as cursor:
                cursor.execute("ANALYZE")
        people = models.people
        assert people is not None
        scope = COUNTY[:2]
        gc.freeze()  # as the service does once it has started (api/app.py)

        def served(plan_filter: PlanFilter) -> int:
            page = models.summary.list_plans(plan_filter, limit=50)
            names = [people.display_name(s.plan_id, s.display_name) for s in page.items]
            return len(names)

        def timed(run: Callable[[], int]) -> tuple[float, int]:
            start = time.perf_counter()
            found = run()
            return (time.perf_counter() - start) * 1000, found

        searches, lists, found = [], [], []
        for _ in range(args.queries):  # interleaved, so that both see the same noise
            query = rng.choice(SPELLINGS)(rng.choice(FAMILY))

            def search(q: str = query) -> int:
                return served(PlanFilter(scope=scope, search=people.search(q, None)))

            elapsed, hits = timed(search)
            searches.append(elapsed)
            found.append(hits)
            lists.append(timed(lambda: served(PlanFilter(scope=scope)))[0])
        models.stop()
        plans.close()
    report(
        {
            "benchmark": "search",
            "store": args.store,
            "plans": args.plans,
            "queries": args.queries,
            "search_p50_ms": round(statistics.median(searches), 2),
            "search_p95_ms": round(percentile(searches, 0.95), 2),
            "list_p50_ms": round(statistics.median(lists), 2),
            "list_p95_ms": round(percentile(lists, 0.95), 2),
            "ratio_p50_search_to_list": round(
                statistics.median(searches) / statistics.median(lists), 2
            ),
            "ratio_p95_search_to_list": round(
                percentile(searches, 0.95) / percentile(lists, 0.95), 2
            ),
            "mean_results_on_first_page": round(statistics.fmean(found), 1),
        }
    )


if __name__ == "__main__":
    main()
