"""Disclosure control of the analysts' tables: primary and secondary cell suppression.

Primary: a cell counting 1 to MIN persons - 1 is suppressed (an empty cell reveals
nobody and is shown as 0). A share is suppressed when its denominator counts fewer
than MIN persons or its numerator or complement counts 1 to MIN - 1 persons.

Secondary (counts and sums): the cells of one metric and year are linked by additive
relations, each a *line* of a whole and its parts: the municipalities and the county
total; a breakdown's categories and their total; the months, quarters, tertials and
halves making up a larger period of the same year. A line with exactly one
suppressed cell gives it away by subtraction, and where the whole is published, the
suppressed parts' sum is known: below MIN persons it bounds each of them too
tightly. So, until nothing
changes: in every such line the publishable cell with the fewest persons (then the
smallest value, then its key, so the pattern is deterministic) is suppressed too;
cells with nobody in them only when the line has no other. This is the line
("singleton") protection heuristic known from τ-ARGUS' modular method, without its
linear programs: fast, but not optimal (it may suppress more than needed) and not
proven safe against every combination of relations; tests/unit/test_disclosure_audit.py
checks the patterns with linear programming.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from projections.periods import LEVELS, level_of, parts_of

# (place, period, category)
CellId = tuple[str, str, str]
COUNTY = "*"
TOTAL = ""


@dataclass(frozen=True)
class Line:
    whole: CellId
    parts: tuple[CellId, ...]

    @property
    def cells(self) -> tuple[CellId, ...]:
        return (self.whole, *self.parts)


def primary(persons: int, min_persons: int) -> bool:
    return 0 < persons < min_persons


def share_suppressed(persons: int, part_persons: int, rest_persons: int, min_persons: int) -> bool:
    return (
        persons < min_persons
        or primary(part_persons, min_persons)
        or primary(rest_persons, min_persons)
    )


def lines_of(
    places: Collection[str], periods: Collection[str], categories: Collection[str]
) -> list[Line]:
    """Every additive relation between the cells of one metric and year.

    `places` are the municipalities (the county total `*` is added), `periods` every
    period of the year at every level, `categories` the breakdown's (empty: none).
    """
    lines: list[Line] = []
    cats = [TOTAL, *categories]
    municipalities = sorted(p for p in places if p != COUNTY)
    for period in periods:
        for cat in cats:
            parts = tuple((m, period, cat) for m in municipalities)
            lines.append(Line((COUNTY, period, cat), parts))
    every_place = [COUNTY, *municipalities]
    if categories:
        for place in every_place:
            for period in periods:
                parts = tuple((place, period, c) for c in categories)
                lines.append(Line((place, period, TOTAL), parts))
    wholes = [p for p in periods if level_of(p) != LEVELS[0]]
    for place in every_place:
        for cat in cats:
            for period in wholes:
                for split in parts_of(period).values():
                    parts = tuple((place, q, cat) for q in split)
                    lines.append(Line((place, period, cat), parts))
    return lines


def exposed(
    line: Line, suppressed: Collection[CellId], persons: Mapping[CellId, int], min_persons: int
) -> bool:
    """A line gives a suppressed cell away: it is the only one, or the whole is published
    and the suppressed parts (whose sum is then known) add up to fewer than MIN persons."""
    hidden = [c for c in line.parts if c in suppressed]
    whole_hidden = line.whole in suppressed
    if len(hidden) + whole_hidden == 1:
        return True
    return (
        not whole_hidden
        and len(hidden) > 0
        and sum(persons.get(c, 0) for c in hidden) < min_persons
    )


def secondary(
    persons: Mapping[CellId, int],
    values: Mapping[CellId, float],
    lines: Iterable[Line],
    suppressed: set[CellId],
    min_persons: int,
    frozen: Collection[CellId] = (),
) -> set[CellId]:
    """Grows `suppressed` to a fixed point of the line rule; `frozen` cells keep their state
    (a breakdown's totals, whose pattern the table without breakdown already fixed)."""
    lines = list(lines)
    touching: dict[CellId, list[int]] = {}
    for i, line in enumerate(lines):
        for cell in line.cells:
            touching.setdefault(cell, []).append(i)
    pending = sorted({i for cell in suppressed for i in touching.get(cell, ())})
    queued = set(pending)
    while pending:
        i = pending.pop()
        queued.discard(i)
        line = lines[i]
        if not exposed(line, suppressed, persons, min_persons):
            continue
        open_cells = [c for c in line.cells if c not in suppressed and c not in frozen]
        if not open_cells:
            continue  # nothing left to hide here (see the module's limits)
        pick = min(
            open_cells,
            key=lambda c: (persons.get(c, 0) == 0, persons.get(c, 0), values.get(c, 0.0), c),
        )
        suppressed.add(pick)
        for j in touching.get(pick, ()):
            if j not in queued:
                queued.add(j)
                pending.append(j)
        if i not in queued:
            queued.add(i)
            pending.append(i)
    return suppressed
