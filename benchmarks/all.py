"""Runs every benchmark on every store, one after another, and prints their JSON as one list.

Usage: python -m benchmarks.all [--stores sqlite,postgres] [--only NAME,...]

Each benchmark runs in its own process (so that one's memory or threads do not weigh on the
next), with its own defaults; each measures against its baseline in the same run. Run it on
a quiet machine: the ratios hold under load, the absolute times do not.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

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
    ("web_plan_page", []),
    ("figures", ["--plans", "10000"]),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stores", default="sqlite,postgres")
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    only = {name for name in args.only.split(",") if name}
    results = []
    for store in args.stores.split(","):
        for module, extra in BENCHMARKS:
            if only and module not in only:
                continue
            command = [sys.executable, "-m", f"benchmarks.{module}", "--store", store, *extra]
            print(f"running {' '.join(command[2:])}", file=sys.stderr, flush=True)
            started = time.monotonic()
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                results.append({"benchmark": module, "store": store, "args": extra,
                                "failed": done.stderr.strip().splitlines()[-5:]})  # fmt: skip
                continue
            result = json.loads(done.stdout)
            result["args"] = extra
            result["wall_s"] = round(time.monotonic() - started, 1)
            results.append(result)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
