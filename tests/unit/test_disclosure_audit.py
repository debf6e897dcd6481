"""An audit of the suppression pattern by linear programming (scipy.optimize.linprog).

For every suppressed cell, an intruder who knows every published figure of the same
metric and year (every period level, the municipalities and the county, the
breakdown and its total) and every relation between them can narrow the cell down to
an interval: its least and greatest value over all tables agreeing with what is
published. The protection asked of the pattern:
- every suppressed figure (persons and consultations, primary or secondary): its
  interval spans at least one unit, so it is never computed back to one value;
- a primarily suppressed cell (1 to 4 persons) of a table without breakdown: its
  persons' interval is wider than one unit (PROTECTION_RANGE), so the intruder
  cannot even tell two neighbouring values apart. With a breakdown the line
  heuristic does not reach this: combining the bounds of several lines (a category's
  month at most its quarter, the quarter's categories adding up to a published
  total) can leave two values; the README names this limit.

Relations, as they hold in the data: persons counted distinctly are exactly additive
over municipalities and categories (each person is in one of each here) but only
bounded over periods (a quarter counts at most the sum of its months, at least the
largest of them); things counted (consultations) are additive everywhere.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import pytest
from scipy import sparse
from scipy.optimize import linprog

from projections import disclosure
from projections.figure_tables import suppression, year_periods
from projections.periods import bounds, level_of

PROTECTION_RANGE = 1.0
MIN_PERSONS = 5
YEAR = 2026
GENDERS = ("female", "male", "diverse")


@dataclass(frozen=True)
class County:
    persons: dict[disclosure.CellId, int]
    consultations: dict[disclosure.CellId, float]
    municipalities: list[str]
    categories: list[str]


def synthetic_county(seed: int, places: int, people: int, by_gender: bool) -> County:
    """People of unequal municipalities, each active some months and consulted in some."""
    rng = random.Random(seed)
    municipalities = [f"083170{i:02d}" for i in range(places)]
    weights = [1.0 / (i + 1) for i in range(places)]
    members: dict[disclosure.CellId, set[int]] = defaultdict(set)
    consultations: dict[disclosure.CellId, float] = defaultdict(float)
    for person in range(people):
        place = rng.choices(municipalities, weights)[0]
        category = rng.choice(GENDERS) if by_gender else ""
        start = rng.randint(1, 12)
        months = range(start, min(12, start + rng.randint(0, 5)) + 1)
        for period in year_periods(YEAR):
            first, after = bounds(period)
            last = 12 if after.year > YEAR else after.month - 1
            inside = [m for m in months if first.month <= m <= last]
            if not inside:
                continue
            talks = sum(rng.random() < 0.5 for _ in inside) if level_of(period) == "month" else 0
            for where in (place, disclosure.COUNTY):
                for cat in {category, ""}:
                    members[(where, period, cat)].add(person)
                    consultations[(where, period, cat)] += talks
    # Consultations of larger periods are the sums of their months.
    for (where, period, cat), _ in list(members.items()):
        if level_of(period) != "month":
            first, after = bounds(period)
            consultations[(where, period, cat)] = sum(
                consultations.get((where, f"{YEAR}-{m:02d}", cat), 0.0)
                for m in range(first.month, (after.month if after.year == YEAR else 13))
            )
    persons = {cell: len(who) for cell, who in members.items()}
    categories = list(GENDERS) if by_gender else []
    return County(persons, dict(consultations), municipalities, categories)


def intervals(
    hidden: set[disclosure.CellId],
    figures: dict[disclosure.CellId, float],
    lines: list[disclosure.Line],
    exact: bool,
) -> dict[disclosure.CellId, tuple[float, float]]:
    """Each hidden cell's least and greatest value given the published ones."""
    order = sorted(hidden)
    index = {cell: i for i, cell in enumerate(order)}
    equal_rows, equal_rhs, upper_rows, upper_rhs = [], [], [], []

    def row(terms: list[tuple[disclosure.CellId, float]]) -> tuple[np.ndarray, float]:
        coefficients = np.zeros(len(order))
        constant = 0.0
        for cell, sign in terms:
            if cell in index:
                coefficients[index[cell]] += sign
            else:
                constant += sign * figures.get(cell, 0.0)
        return coefficients, -constant

    for line in lines:
        if not any(c in index for c in line.cells):
            continue
        additive = exact or level_of(line.whole[1]) == level_of(line.parts[0][1])
        terms = [(line.whole, 1.0), *((p, -1.0) for p in line.parts)]
        if additive:  # whole = sum of parts
            coefficients, rhs = row(terms)
            equal_rows.append(coefficients)
            equal_rhs.append(rhs)
            continue
        coefficients, rhs = row(terms)  # whole <= sum of parts
        upper_rows.append(coefficients)
        upper_rhs.append(rhs)
        for part in line.parts:  # each part <= whole
            coefficients, rhs = row([(part, 1.0), (line.whole, -1.0)])
            upper_rows.append(coefficients)
            upper_rhs.append(rhs)
    found: dict[disclosure.CellId, tuple[float, float]] = {}
    upper = sparse.csr_array(np.array(upper_rows)) if upper_rows else None
    equal = sparse.csr_array(np.array(equal_rows)) if equal_rows else None
    for cell, i in index.items():
        ends = []
        for sign in (1.0, -1.0):
            objective = np.zeros(len(order))
            objective[i] = sign
            result = linprog(
                objective,
                A_ub=upper if upper_rows else None,
                b_ub=np.array(upper_rhs) if upper_rows else None,
                A_eq=equal if equal_rows else None,
                b_eq=np.array(equal_rhs) if equal_rows else None,
                bounds=(0, None),
                method="highs",
            )
            assert result.status in (0, 3), result.message  # 3: unbounded above
            ends.append(sign * result.fun if result.status == 0 else float("inf"))
        found[cell] = (ends[0], ends[1])
    return found


@pytest.mark.parametrize(
    ("seed", "places", "people", "by_gender"),
    [(1, 4, 60, False), (2, 3, 70, True), (3, 12, 400, False), (4, 6, 250, True)],
    ids=["small", "small-by-gender", "medium", "medium-by-gender"],
)
def test_no_suppressed_cell_can_be_narrowed_to_one_unit(
    seed: int, places: int, people: int, by_gender: bool
) -> None:
    county = synthetic_county(seed, places, people, by_gender)
    periods = year_periods(YEAR)
    hidden = suppression(
        county.persons,
        county.consultations,
        county.municipalities,
        periods,
        county.categories,
        MIN_PERSONS,
    )
    primary = {c for c, n in county.persons.items() if disclosure.primary(n, MIN_PERSONS)}
    assert primary  # the county is small enough to need protection
    assert primary <= hidden
    lines = disclosure.lines_of(county.municipalities, periods, county.categories)
    # Persons, with the relations distinct counting really has.
    persons = {c: float(n) for c, n in county.persons.items()}
    for cell, (low, high) in intervals(hidden, persons, lines, exact=False).items():
        strict = cell in primary and not by_gender
        needed = PROTECTION_RANGE if strict else PROTECTION_RANGE - 1e-6
        assert high - low > needed, (cell, county.persons.get(cell, 0), low, high)
    # Consultations, additive across every line: never one value left, where there were
    # any (that a suppressed cell's persons had none can be inferred: a README limit).
    for cell, (low, high) in intervals(hidden, county.consultations, lines, exact=True).items():
        if county.consultations.get(cell, 0.0) > 0:
            assert high - low >= PROTECTION_RANGE - 1e-6, (cell, county.consultations[cell])
