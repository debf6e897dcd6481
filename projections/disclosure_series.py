"""Suppression within one municipality's (and category's) periods of a year.

Overlapping periods give figures away that no single relation shows: a tertial less
the quarter inside it is a month. A suppressed period is computable from published
ones exactly when its month vector lies in the span of theirs; that is checked by
Gaussian elimination on 12-month vectors (cached per pattern, so cheap).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from functools import lru_cache

from projections.periods import LEVELS, SPAN, bounds, level_of, periods_of_year

# (place, period, category)
CellId = tuple[str, str, str]


def cost(
    cell: CellId, persons: Mapping[CellId, int], values: Mapping[CellId, float]
) -> tuple[bool, int, float, CellId]:
    """Which publishable cell to suppress first: one with persons and a value (an empty
    one protects nothing, as its least value is known), the fewest persons, the smallest
    value, then by key so that the pattern is deterministic."""
    n, value = persons.get(cell, 0), values.get(cell, 0.0)
    return (n == 0 or value <= 0, n, value, cell)


@lru_cache(maxsize=256)
def months_of(period: str) -> tuple[int, ...]:
    """The period as a 0/1 vector over the months of its year."""
    start = bounds(period)[0].month - 1
    return tuple(int(start <= m < start + SPAN[level_of(period)]) for m in range(12))


def months(period: str) -> list[int]:
    return [i for i, v in enumerate(months_of(period)) if v]


def _reduced(vectors: list[tuple[int, ...]]) -> list[list[float]]:
    """A row-echelon basis of the vectors' span (Gaussian elimination)."""
    basis: list[list[float]] = []
    pivots: list[int] = []
    for vector in vectors:
        row = _residual(basis, pivots, [float(v) for v in vector])
        pivot = next((i for i, v in enumerate(row) if abs(v) > 1e-9), None)
        if pivot is not None:
            basis.append([v / row[pivot] for v in row])
            pivots.append(pivot)
    return basis


def _residual(basis: list[list[float]], pivots: list[int], row: list[float]) -> list[float]:
    for base, pivot in zip(basis, pivots, strict=True):
        factor = row[pivot]
        if abs(factor) > 1e-9:
            row = [a - factor * b for a, b in zip(row, base, strict=True)]
    return row


@lru_cache(maxsize=8192)
def computable(periods: tuple[str, ...], hidden: frozenset[str]) -> frozenset[str]:
    """The hidden periods whose figure is a sum and difference of published ones (their
    month vector lies in the span of the published periods' month vectors)."""
    basis = _reduced([months_of(p) for p in periods if p not in hidden])
    pivots = [next(i for i, v in enumerate(b) if abs(v) > 1e-9) for b in basis]
    return frozenset(
        h
        for h in hidden
        if all(abs(v) < 1e-9 for v in _residual(basis, pivots, [float(x) for x in months_of(h)]))
    )


def series_protected(
    persons: Mapping[CellId, int],
    values: Mapping[CellId, float],
    suppressed: set[CellId],
    frozen: Collection[CellId],
) -> set[CellId]:
    """Within each municipality's and category's periods of the year: overlapping periods
    (a tertial less a quarter is a month) must not give a suppressed one away; while one
    is computable, the cheapest published period that ends this is suppressed too."""
    series: dict[tuple[str, str], set[str]] = {}
    for place, period, category in suppressed:
        series.setdefault((place, category), set()).add(period)
    for (place, category), hidden_periods in series.items():
        year = next(iter(hidden_periods))[:4]
        periods = tuple(sorted(p for level in LEVELS for p in periods_of_year(level, int(year))))
        hidden = frozenset(hidden_periods)
        while exposed_periods := computable(periods, hidden):
            target = min(exposed_periods)
            options = sorted(
                (p for p in periods if p not in hidden and (place, p, category) not in frozen),
                key=lambda p: cost((place, p, category), persons, values),
            )
            # One that ends it alone, else the cheapest overlapping it, and look again.
            overlapping = [p for p in options if any(months_of(p)[i] for i in months(target))]
            pick = next(
                (p for p in options if target not in computable(periods, hidden | {p})),
                overlapping[0] if overlapping else None,
            )
            if pick is None:
                break  # nothing published is left to hide (see the module's limits)
            hidden = hidden | {pick}
            suppressed.add((place, pick, category))
    return suppressed
