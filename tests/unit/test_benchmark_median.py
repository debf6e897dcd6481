"""`make bench` with repeats reports each benchmark's median run."""

from __future__ import annotations

from benchmarks.all import median_run


def test_the_median_run_by_the_benchmarks_figure_is_reported_with_every_runs_figure() -> None:
    runs = [
        {"benchmark": "append", "ratio": 0.9, "commands_per_s": 1},
        {"benchmark": "append", "ratio": 1.2, "commands_per_s": 2},
        {"benchmark": "append", "ratio": 1.0, "commands_per_s": 3},
    ]
    assert median_run(runs) == {
        "benchmark": "append",
        "ratio": 1.0,
        "commands_per_s": 3,
        "ratio_of_runs": [0.9, 1.2, 1.0],
    }
    rebuilds = [
        {"benchmark": "rebuild", "ratio": r, "events_per_s": e} for r, e in ((9, 5), (1, 7))
    ]
    assert median_run(rebuilds)["events_per_s"] == 5  # its target's figure, not the ratio
    assert median_run(rebuilds)["events_per_s_of_runs"] == [5, 7]


def test_a_single_run_or_one_without_the_figure_is_reported_as_it_is() -> None:
    once = [{"benchmark": "append", "ratio": 0.9}]
    assert median_run(once) == once[0]
    seeds = [{"benchmark": "seed_demo", "sizes": [1]}, {"benchmark": "seed_demo", "sizes": [2]}]
    assert median_run(seeds) == seeds[0]
