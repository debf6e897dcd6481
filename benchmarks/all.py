"""Runs every benchmark on every store, one after another, and prints their JSON as one list.

Usage: python -m benchmarks.all [--stores sqlite,postgres] [--only NAME,...] [--repeat N]

Each benchmark runs in its own process (so that one's memory or threads do not weigh on the
next), with its own defaults; each measures against its baseline in the same run. Run it on
a quiet machine: the ratios hold under load, the absolute times do not. With `--repeat N`
each benchmark runs N times and its median run is reported, with its figure of every run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from typing import Any

# (module, extra arguments): one row of DESIGN section 8 each, on every store given.
BENCHMARKS: list[tuple[str, list[str]]] = [
    ("append", ["--writers", "1"]),
    ("append", ["--writers", "4"]),
    ("http_writes", []),
    ("replay_plan", []),
    ("plan_growth", []),
    ("plan_growth", ["--cold", "--entries", "600"]),
    ("rebuild", []),
    ("seed_demo", ["--persons", "2000", "20000", "--commands", "60"]),
    ("search", []),
    ("web_plan_page", []),
    ("figures", ["--plans", "10000"]),
]
# The figure whose median run a repeated benchmark reports (its target's row of DESIGN 8).
FIGURE = {
    "rebuild": "events_per_s",
    "search": "search_p95_ms",
    "web_plan_page": "plan_page_p95_ms",
    "figures": "cold_p95_ms",
}


def median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run whose figure is the median of the runs', with every run's figure beside it."""
    name = FIGURE.get(runs[0]["benchmark"], "ratio")
    if len(runs) == 1 or any(name not in run for run in runs):
        return runs[0]
    ordered = sorted(runs, key=lambda run: float(run[name]))
    return {**ordered[(len(ordered) - 1) // 2], f"{name}_of_runs": [run[name] for run in runs]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stores", default="sqlite,postgres")
    parser.add_argument("--only", default="")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    only = {name for name in args.only.split(",") if name}
    results = []
    for store in args.stores.split(","):
        for module, extra in BENCHMARKS:
            if only and module not in only:
                continue
            command = [sys.executable, "-m", f"benchmarks.{module}", "--store", store, *extra]
            runs = [run(command, extra) for _ in range(max(1, args.repeat))]
            failed = [r for r in runs if "failed" in r]
            results.append(failed[0] if failed else median_run(runs))
    print(json.dumps(results, indent=2))


def run(command: list[str], extra: list[str]) -> dict[str, Any]:
    print(f"running {' '.join(command[2:])}", file=sys.stderr, flush=True)
    started = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"benchmark": command[2].removeprefix("benchmarks."), "store": command[4],
                "args": extra, "failed": done.stderr.strip().splitlines()[-5:]}  # fmt: skip
    result: dict[str, Any] = json.loads(done.stdout)
    result["args"] = extra
    result["wall_s"] = round(time.monotonic() - started, 1)
    return result


if __name__ == "__main__":
    main()
