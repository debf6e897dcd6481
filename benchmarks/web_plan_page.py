"""The web plan page of a 200-entry plan (DESIGN 8: p95 <= 100 ms server time), against
the API's JSON reads of the same plan (state and history) in the same run.

Usage: python -m benchmarks.web_plan_page [--store sqlite|postgres] [--entries 200] [--reads 100]
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from datetime import date, timedelta

from fastapi.testclient import TestClient

from api.app import create_app
from api.auth import issue_token
from api.web.app import AccountsSource
from benchmarks.stores import benchmark_settings, report
from domain.context import EntryContext
from domain.plan import IntegrationPlan
from infrastructure.store import build_plans

TODAY = date(2026, 6, 1)
PASSWORD = "benchmark password"


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[18]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--entries", type=int, default=200)
    parser.add_argument("--reads", type=int, default=100)
    args = parser.parse_args()
    with benchmark_settings(args.store) as settings:
        plans = build_plans(settings, today=lambda: TODAY)
        ctx = EntryContext("cw-bench", "caseworker", "bench", TODAY)
        opened = TODAY - timedelta(days=400)
        plan_id = plans.open_plan(
            ctx, municipality="08317096", caseworker="cw-bench", opened_on=opened,
            profile={"birth_year": 1990, "gender": "male", "nationality": "AF",
                     "residence_status": "subsidiary_protection", "household_size": 1,
                     "languages": ["fa"], "arrived_on": opened - timedelta(days=100)},
            personal={"given_name": "Bench", "family_name": "Mark"},
        ).id  # fmt: skip
        for i in range(args.entries - 1):
            day = opened + timedelta(days=i % 390)
            if i % 4 == 0:
                plans.record(
                    plan_id, IntegrationPlan.agree_measure, ctx, field="work",
                    title=f"Maßnahme {i}", responsible="client", partner_kind=None,
                    due_on=TODAY + timedelta(days=30), goal_id=None, agreed_on=day,
                )  # fmt: skip
            else:
                plans.record(
                    plan_id, IntegrationPlan.hold_consultation, ctx, held_on=day,
                    duration_minutes=45, setting="office", interpreter_language=None,
                    topics=["work"], notes="note",
                )  # fmt: skip
        app = create_app(settings, plans)
        with TestClient(app) as client:
            AccountsSource(app.state.plans_source).get().add(
                "bench", PASSWORD, "caseworker", ["08317096"]
            )
            login = client.get("/login").text
            csrf = re.search(r'name="csrf_token" value="([^"]+)"', login)
            assert csrf is not None
            client.post(
                "/login", data={"username": "bench", "password": PASSWORD,
                                "csrf_token": csrf.group(1)},
            )  # fmt: skip
            token = issue_token(settings, sub="cw-bench", role="caseworker",
                                municipalities=["08317096"])  # fmt: skip
            headers = {"Authorization": f"Bearer {token}"}
            page, api = [], []
            for _ in range(args.reads):  # interleaved, so both see the same machine load
                started = time.perf_counter()
                answer = client.get(f"/plans/{plan_id}")
                page.append(time.perf_counter() - started)
                assert answer.status_code == 200
                assert "Bench Mark" in answer.text
                started = time.perf_counter()
                state = client.get(f"/v1/plans/{plan_id}", headers=headers)
                history = client.get(f"/v1/plans/{plan_id}/history", headers=headers)
                api.append(time.perf_counter() - started)
                assert state.status_code == history.status_code == 200
        plans.close()
    report(
        {
            "benchmark": "web_plan_page",
            "store": args.store,
            "entries": args.entries,
            "reads": args.reads,
            "api_state_and_history_p95_ms": round(p95(api) * 1000, 2),
            "plan_page_p50_ms": round(statistics.median(page) * 1000, 2),
            "plan_page_p95_ms": round(p95(page) * 1000, 2),
            "ratio_p95": round(p95(page) / p95(api), 2),
            "target_p95_ms_at_most": 100,
        }
    )


if __name__ == "__main__":
    main()
