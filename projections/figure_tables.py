"""The analysts' tables: one metric, one year at one period level, with the county total,
optionally broken down; suppressed as projections/disclosure.py says.

The view hands over the cells of the metric and year (every level, the whole and
the breakdown asked for, and the open-ended keys of plans still open); this module
turns them into figures and decides what is published.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, get_args

from domain.vocabulary import Gender, ResidenceStatus
from projections import disclosure
from projections.figure_cells import CellKey, Totals
from projections.figure_metrics import (
    AGE_GROUPS,
    HOUSEHOLD_GROUPS,
    METRICS,
    OTHER,
    TOP_NATIONALITIES,
)
from projections.periods import LEVELS, OPEN, bounds, level_of, month_key, periods_of_year

COUNTY = disclosure.COUNTY
VOCABULARY: dict[str, tuple[str, ...]] = {
    "gender": get_args(Gender),
    "age_group": tuple(name for _, name in AGE_GROUPS),
    "residence_status": get_args(ResidenceStatus),
    "household_size": tuple(name for _, name in HOUSEHOLD_GROUPS),
    "nationality": (),
}


@dataclass(frozen=True)
class TableQuery:
    metric: str
    level: str
    year: int
    by: str = ""


@dataclass(frozen=True)
class TableCell:
    """One published figure; `persons` and `value` are None when suppressed."""

    municipality: str
    period: str
    category: str
    persons: int | None
    value: float | None
    suppressed: bool


def year_periods(year: int) -> list[str]:
    return [p for level in LEVELS for p in periods_of_year(level, year)]


def gathered(
    rows: Iterable[tuple[CellKey, Totals]], year: int, by: str
) -> dict[tuple[str, str, str, int], Totals]:
    """(place, period, category, days) -> totals for every period of the year, the open-ended
    keys of plans still open added to each period starting after them, the county's
    figures summed from its municipalities' and its own."""
    explicit: dict[tuple[str, str, str, int], Totals] = {}
    # Open-ended keys by (place, category, days), then by the month they count after.
    still_open: dict[tuple[str, str, int], dict[str, Totals]] = {}
    for (place, period, _metric, dim, category, days), totals in rows:
        if dim not in ("", by):
            continue
        category = category if dim else ""
        # The county: its municipalities and its own cell (figure_cells.vectors).
        for where in (place, COUNTY) if place != COUNTY else (COUNTY,):
            if period.startswith(OPEN):
                since = still_open.setdefault((where, category, days), {})
                add_to(since, period[len(OPEN) :], totals)
            else:
                add_to(explicit, (where, period, category, days), totals)
    periods_from: dict[str, list[str]] = defaultdict(list)  # first month -> periods
    for period in year_periods(year):
        periods_from[month_key(bounds(period)[0])].append(period)
    for (place, category, days), by_month in still_open.items():
        # A running sum over the months: what counts in periods starting at each first month.
        months = sorted(by_month)
        running = [0.0] * len(next(iter(by_month.values())))
        i = 0
        for first in sorted(periods_from):
            while i < len(months) and months[i] < first:
                running = [a + b for a, b in zip(running, by_month[months[i]], strict=True)]
                i += 1
            if any(running):
                for period in periods_from[first]:
                    add_to(explicit, (place, period, category, days), running)
    return explicit


def add_to(into: dict[Any, Totals], key: Any, totals: Totals) -> None:
    current = into.get(key)
    if current is None:
        into[key] = list(totals)
    else:
        for i, v in enumerate(totals):
            current[i] += v


def regrouped(
    cells: dict[tuple[str, str, str, int], Totals], by: str
) -> tuple[dict[tuple[str, str, str, int], Totals], list[str]]:
    """Nationalities beyond the ten largest (county persons over the year) as `other`;
    the breakdown's categories: its vocabulary and whatever was seen."""
    if not by:
        return cells, []
    seen = {c for (_, _, c, _) in cells if c}
    if by != "nationality":
        vocabulary = VOCABULARY[by]
        return cells, [*vocabulary, *sorted(seen - set(vocabulary))]
    size: dict[str, float] = defaultdict(float)
    for (place, period, category, _), totals in cells.items():
        if place == COUNTY and len(period) == 4 and category:
            size[category] += totals[0]
    top = sorted(seen, key=lambda c: (-size.get(c, 0.0), c))[:TOP_NATIONALITIES]
    out: dict[tuple[str, str, str, int], Totals] = {}
    for (place, period, category, days), totals in cells.items():
        name = category if not category or category in top else OTHER
        add_to(out, (place, period, name, days), totals)
    return out, [*sorted(top), *([OTHER] if seen - set(top) else [])]


def at_period_ends(
    cells: dict[tuple[str, str, str, int], Totals], year: int
) -> dict[tuple[str, str, str, int], Totals]:
    """Every period's cells as those of the month it ends with (a state on its last day)."""
    ending = {p: month_key(bounds(p)[1] - timedelta(days=1)) for p in year_periods(year)}
    months: dict[str, list[tuple[tuple[str, str, str, int], Totals]]] = defaultdict(list)
    for key, totals in cells.items():
        if level_of(key[1]) == "month":
            months[key[1]].append((key, totals))
    return {
        (place, period, category, days): list(totals)
        for period, month in ending.items()
        for (place, _, category, days), totals in months[month]
    }


def median(histogram: dict[int, float]) -> float:
    ordered = sorted(histogram.items())
    n = sum(count for _, count in ordered)
    middle = [(n - 1) // 2, n // 2]
    found: list[float] = []
    seen = 0.0
    for days, count in ordered:
        while middle and middle[0] < seen + count:
            found.append(float(days))
            middle.pop(0)
        seen += count
    return sum(found) / len(found)


def figures_of_year(
    query: TableQuery,
    rows: Iterable[tuple[CellKey, Totals]],
    places: Collection[str],
    min_persons: int,
) -> list[TableCell]:
    """Every cell of the metric's year at every level, suppression decided on all of them."""
    metric = METRICS[query.metric]
    cells, categories = regrouped(gathered(rows, query.year, query.by), query.by)
    if metric.at_period_end:
        cells = at_period_ends(cells, query.year)
    municipalities = sorted({*places, *(p for p, _, _, _ in cells if p != COUNTY)})
    periods = year_periods(query.year)
    cats = ["", *categories]
    ids = [(pl, pe, c) for pe in periods for pl in (COUNTY, *municipalities) for c in cats]
    persons: dict[disclosure.CellId, int] = {}
    values: dict[disclosure.CellId, float] = {}
    hidden: set[disclosure.CellId] = set()
    if metric.kind == "median":
        histograms: dict[disclosure.CellId, dict[int, float]] = defaultdict(dict)
        for (pl, pe, c, days), totals in cells.items():
            histograms[(pl, pe, c)][days] = totals[0]
        for cell, histogram in histograms.items():
            persons[cell] = round(sum(histogram.values()))
            values[cell] = median(histogram)
        hidden = {c for c in ids if persons.get(c, 0) < min_persons}
    elif metric.kind == "share":
        for (pl, pe, c, _), (n, whole, part, with_part, rest) in cells.items():
            persons[(pl, pe, c)] = round(n)
            values[(pl, pe, c)] = round(100.0 * part / whole, 1) if whole else 0.0
            if disclosure.share_suppressed(round(n), round(with_part), round(rest), min_persons):
                hidden.add((pl, pe, c))
        hidden |= {c for c in ids if persons.get(c, 0) < min_persons}
    else:
        for (pl, pe, c, _), totals in cells.items():
            persons[(pl, pe, c)] = round(totals[0])
            values[(pl, pe, c)] = totals[1]
        add_up = metric.kind == "count" and metric.additive
        hidden = suppression(
            persons,
            values,
            municipalities,
            periods,
            categories,
            min_persons,
            add_up,
            metric.additive,
        )
    return [
        TableCell(pl, pe, c, None, None, True)
        if (pl, pe, c) in hidden
        else TableCell(pl, pe, c, persons.get((pl, pe, c), 0), values.get((pl, pe, c), 0.0), False)
        for (pl, pe, c) in ids
    ]


def suppression(
    persons: dict[disclosure.CellId, int],
    values: dict[disclosure.CellId, float],
    municipalities: list[str],
    periods: list[str],
    categories: list[str],
    min_persons: int,
    periods_add_up: bool = False,
    values_add_up: bool = True,
) -> set[disclosure.CellId]:
    """Primary, then secondary suppression: first the table without breakdown, whose
    pattern the breakdown's totals then keep, so every table shows the same totals.

    `periods_add_up`: persons of a longer period are the sum of its parts' (plans
    opened), not only bounded by it (persons counted distinctly); `values_add_up`: the
    values of a longer period are the sum of its parts' (all but persons in care)."""

    def exact(line: disclosure.Line) -> bool:
        return periods_add_up or line.whole[1] == line.parts[0][1]

    primary = {c for c, n in persons.items() if disclosure.primary(n, min_persons)}
    whole = {c for c in primary if c[2] == ""}
    lines = disclosure.lines_of(municipalities, periods, ())
    whole = disclosure.widened(
        persons, values, lines, whole, min_persons, exact, periods_add_up=values_add_up
    )
    if not categories:
        return whole
    frozen = {(pl, pe, "") for pe in periods for pl in (COUNTY, *municipalities)}
    lines = [
        line
        for line in disclosure.lines_of(municipalities, periods, categories)
        if line.whole[2] != "" or any(part[2] for part in line.parts)
    ]
    hidden = whole | {c for c in primary if c[2] != ""}
    return disclosure.widened(
        persons, values, lines, hidden, min_persons, exact, frozen, values_add_up
    )
