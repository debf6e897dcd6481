"""The analytics projection's aggregated cells: kept up to date as plans change.

A cell is keyed by (municipality or `*`, period, metric, breakdown, category, days)
and holds persons, value, part, persons with a part, persons with a rest. A county
figure is the sum of its municipalities' cells and the county's own cell, which holds
only the difference (persons who moved between municipalities count once). When a
plan changes, what it contributed before is taken out and what it contributes now
is put in, for the whole and each breakdown, so a query reads only the cells it
shows, however many plans there are.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

import orjson

from projections.contributions import ALL, Contributions, Key
from projections.figure_metrics import BREAKDOWNS

CONTRIBUTIONS = "contributions"
CellKey = tuple[str, str, str, str, str, int]
# persons, value, part, persons with a part, persons with a rest
Totals = list[float]
WIDTH = 5


def encode(categories: list[str], contributions: Contributions) -> dict[str, str]:
    cells = sorted([*key, *values] for key, values in contributions.items())
    return {"categories": json.dumps(categories), "cells": orjson.dumps(cells).decode()}


def decode(row: Mapping[str, Any]) -> tuple[list[str], Contributions]:
    categories: list[str] = json.loads(row["categories"])
    contributions: Contributions = {}
    for where, period, metric, days, value, part in orjson.loads(row["cells"]):
        contributions[(where, period, metric, int(days))] = [float(value), float(part)]
    return categories, contributions


Vector = tuple[float, float, float, float, float]


def _vector(value: float, part: float) -> Vector:
    return (1.0, value, part, float(part > 0), float(value - part > 0))


def vectors(contributions: Contributions) -> dict[Key, Vector]:
    """What each of the plan's keys adds to its cells. The county's cells (`*`) hold only
    what the county's figure differs by from the sum of its municipalities': nothing for a
    plan that stayed in one municipality (its county keys equal its municipal ones), and for
    a plan that moved, the person counted once less for each further municipality."""
    out: dict[Key, Vector] = {}
    places: set[str] = set()
    for key, (value, part) in contributions.items():
        if key[0] != ALL:
            out[key] = _vector(value, part)
            places.add(key[0])
    if len(places) < 2:
        return out
    for (where, period, metric, days), (value, part) in contributions.items():
        if where != ALL:
            continue
        correction = list(_vector(value, part))
        for place in places:
            local = out.get((place, period, metric, days))
            if local is not None:
                for i in range(WIDTH):
                    correction[i] -= local[i]
        if any(correction):
            out[(where, period, metric, days)] = tuple(correction)  # type: ignore[assignment]
    return out


def _expand(
    into: dict[CellKey, Totals],
    categories: list[str],
    items: Iterable[tuple[Key, Vector]],
    sign: float,
) -> None:
    dims = (("", ""), *zip(BREAKDOWNS, categories, strict=True))
    for (where, period, metric, days), vector in items:
        a, b, c, d, e = (sign * v for v in vector)
        for by, category in dims:
            key = (where, period, metric, by, category, days)
            totals = into.get(key)
            if totals is None:
                into[key] = [a, b, c, d, e]
            else:  # unrolled: the hot loop of a rebuild
                totals[0] += a
                totals[1] += b
                totals[2] += c
                totals[3] += d
                totals[4] += e


def delta(
    old: tuple[list[str], Contributions] | None,
    new: tuple[list[str], Contributions] | None,
    into: dict[CellKey, Totals],
) -> None:
    """Adds to `into` what the cells change by when a plan's contributions go from old to new."""
    before = vectors(old[1]) if old is not None else {}
    after = vectors(new[1]) if new is not None else {}
    if old is not None and new is not None and old[0] == new[0]:
        # The same categories: only the keys whose vectors changed.
        _expand(into, old[0], [(k, v) for k, v in before.items() if after.get(k) != v], -1.0)
        _expand(into, new[0], [(k, v) for k, v in after.items() if before.get(k) != v], 1.0)
        return
    if old is not None:
        _expand(into, old[0], before.items(), -1.0)
    if new is not None:
        _expand(into, new[0], after.items(), 1.0)


def vector_rows(row: Mapping[str, Any]) -> list[tuple[Any, ...]]:
    """A contributions row's vectors, one tuple per key: (municipality, period, metric,
    days, the plan's category in each breakdown, the five totals). A store sums these
    itself, per breakdown, into the cells `summed` would give."""
    categories, contributions = decode(row)
    return [(*key, *categories, *vector) for key, vector in vectors(contributions).items()]


def summed(contribution_rows: Iterable[Mapping[str, Any]]) -> dict[CellKey, Totals]:
    """The cells of all these plans' contributions rows, summed at once (a view filled from
    the whole log derives its cells so); cells nobody is in are left out, as `merged` does."""
    cells: dict[CellKey, Totals] = {}
    for row in contribution_rows:
        delta(None, decode(row), cells)
    return {key: totals for key, totals in cells.items() if round(totals[0]) != 0}


def merged(
    current: Mapping[CellKey, Totals], changes: Mapping[CellKey, Totals]
) -> tuple[dict[CellKey, Totals], list[CellKey]]:
    """The changed cells' new totals, and the cells left with nobody in them (to delete)."""
    kept: dict[CellKey, Totals] = {}
    emptied: list[CellKey] = []
    for key, change in changes.items():
        totals = [a + b for a, b in zip(current.get(key, [0.0] * WIDTH), change, strict=True)]
        if round(totals[0]) == 0:
            emptied.append(key)
        else:
            kept[key] = totals
    return kept, emptied


SEPARATOR = "\x1f"


def cell_name(key: CellKey) -> str:
    """The cell's key as one text, its parts joined by SEPARATOR (found by it when a plan
    changes)."""
    where, period, metric, by, category, days = key
    s = SEPARATOR
    return f"{where}{s}{period}{s}{metric}{s}{by}{s}{category}{s}{days}"


def cell_values(key: CellKey, totals: Totals) -> tuple[Any, ...]:
    """The cell as a row's values, in the order of COLUMNS."""
    where, period, metric, by, category, days = key
    persons, value, part, part_persons, rest_persons = totals
    return (
        cell_name(key),
        where,
        period,
        metric,
        by,
        category,
        days,
        round(persons),
        value,
        part,
        round(part_persons),
        round(rest_persons),
    )


COLUMNS = (
    "cell",
    "municipality",
    "period",
    "metric",
    "by_dim",
    "category",
    "days",
    "persons",
    "value",
    "part",
    "part_persons",
    "rest_persons",
)


def cell_row(key: CellKey, totals: Totals) -> dict[str, Any]:
    return dict(zip(COLUMNS, cell_values(key, totals), strict=True))


def key_of_row(row: Mapping[str, Any]) -> CellKey:
    return (
        row["municipality"],
        row["period"],
        row["metric"],
        row["by_dim"],
        row["category"],
        int(row["days"]),
    )


def totals_of_row(row: Mapping[str, Any]) -> Totals:
    return [
        float(row["persons"]),
        float(row["value"]),
        float(row["part"]),
        float(row["part_persons"]),
        float(row["rest_persons"]),
    ]
