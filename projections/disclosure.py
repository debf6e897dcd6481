"""Disclosure control of the analysts' tables: primary and secondary cell suppression.

Primary: a cell counting 1 to MIN persons - 1 is suppressed (an empty cell reveals
nobody and is shown as 0). A share is suppressed when its denominator counts fewer
than MIN persons or its numerator or complement counts 1 to MIN - 1 persons.

Secondary (counts and sums): the cells of one metric and year are linked by additive
relations, each a *line* of a whole and its parts: the municipalities and the county
total; a breakdown's categories and their total; the months, quarters, tertials and
halves making up a larger period of the same year. Until nothing changes:
- line rule: a line with exactly one suppressed cell gives it away by subtraction;
  where the whole is published, the suppressed parts' sum is known, and must reach
  MIN persons and leave each part more than PROTECTION_RANGE of room, also given
  what other published figures show of it (a published month bounds its quarter's
  persons from below, a published quarter its months' from above). Otherwise the
  publishable cell with persons and a value, the fewest persons, the smallest value,
  then the first key (deterministic) is suppressed too;
- a suppressed period's empty sub-periods are suppressed where persons are counted
  distinctly (published zeros would say in which months its persons were);
- no suppressed period may be computable from the published periods of its series
  (overlapping levels: a tertial less a quarter is a month; disclosure_series.py).
This is the line ("singleton") protection heuristic of τ-ARGUS' modular method
without its linear programs: fast and deterministic, not optimal (it may suppress
more than needed) and not proven safe against every combination of relations;
tests/unit/test_disclosure_audit.py audits the patterns by linear programming and
the README names what it found.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass

from projections.disclosure_series import CellId, cost, series_protected
from projections.periods import LEVELS, level_of, parts_of

COUNTY = "*"
TOTAL = ""
# An intruder who can narrow a suppressed figure to an interval no wider than this knows it.
PROTECTION_RANGE = 1.0
__all__ = ["CellId", "Line", "lines_of", "primary", "secondary", "share_suppressed", "widened"]


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
    line: Line,
    suppressed: Collection[CellId],
    persons: Mapping[CellId, int],
    values: Mapping[CellId, float],
    min_persons: int,
    floor: Callable[[CellId], float],
    ceiling: Callable[[CellId], float],
) -> bool:
    """A line gives a suppressed cell away: it is the only one, or the whole is published
    and the suppressed parts (whose sum is then known) add up to fewer than MIN persons
    or to a value within PROTECTION_RANGE, or that sum with what other published figures
    show of each part (`floor`, `ceiling`: a published month bounds its quarter from
    below, a published quarter its months from above) pins a part to within it."""
    hidden = [c for c in line.parts if c in suppressed]
    whole_hidden = line.whole in suppressed
    if len(hidden) + whole_hidden == 1:
        return True
    if whole_hidden or not hidden:
        return False
    known = sum(persons.get(c, 0) for c in hidden)
    if known < min_persons or sum(values.get(c, 0.0) for c in hidden) <= PROTECTION_RANGE:
        return True
    floors = [floor(c) for c in hidden]
    ceilings = [ceiling(c) for c in hidden]
    all_floors, all_ceilings = sum(floors), sum(ceilings)
    for low, high in zip(floors, ceilings, strict=True):
        least = max(low, known - (all_ceilings - high))
        most = min(high, known - (all_floors - low))
        if most - least <= PROTECTION_RANGE:
            return True
    return False


class Relations:
    """The lines, and for each cell the lines it is in (built once per table)."""

    def __init__(self, lines: Iterable[Line]) -> None:
        self.lines = list(lines)
        self.touching: dict[CellId, list[int]] = {}
        self.as_whole: dict[CellId, list[Line]] = {}
        self.as_part: dict[CellId, list[Line]] = {}
        for i, line in enumerate(self.lines):
            self.as_whole.setdefault(line.whole, []).append(line)
            for part in line.parts:
                self.as_part.setdefault(part, []).append(line)
            for cell in line.cells:
                self.touching.setdefault(cell, []).append(i)


def secondary(
    persons: Mapping[CellId, int],
    values: Mapping[CellId, float],
    relations: Relations,
    suppressed: set[CellId],
    min_persons: int,
    frozen: Collection[CellId] = (),
    exact: Callable[[Line], bool] = lambda line: True,
) -> set[CellId]:
    """Grows `suppressed` to a fixed point of the line rule; `frozen` cells keep their state
    (a breakdown's totals, whose pattern the table without breakdown already fixed)."""
    lines, touching = relations.lines, relations.touching
    as_whole, as_part = relations.as_whole, relations.as_part

    def floor(cell: CellId) -> float:
        """What the published parts of a suppressed cell show of it at least."""
        least = 0.0
        for line in as_whole.get(cell, ()):
            shown = [persons.get(p, 0) for p in line.parts if p not in suppressed]
            least = max(least, sum(shown) if exact(line) else max(shown, default=0))
        return least

    def ceiling(cell: CellId) -> float:
        """What a published whole shows of a suppressed part at most (persons counted
        distinctly: a month has no more than its quarter)."""
        return min(
            (
                float(persons.get(line.whole, 0))
                for line in as_part.get(cell, ())
                if not exact(line) and line.whole not in suppressed
            ),
            default=math.inf,
        )

    pending = sorted({i for cell in suppressed for i in touching.get(cell, ())})
    queued = set(pending)
    while pending:
        i = pending.pop()
        queued.discard(i)
        line = lines[i]
        if not exposed(line, suppressed, persons, values, min_persons, floor, ceiling):
            continue
        open_cells = [c for c in line.cells if c not in suppressed and c not in frozen]
        if not open_cells:
            continue  # nothing left to hide here (see the module's limits)
        pick = min(open_cells, key=lambda c: cost(c, persons, values))
        suppressed.add(pick)
        for j in touching.get(pick, ()):
            if j not in queued:
                queued.add(j)
                pending.append(j)
        if i not in queued:
            queued.add(i)
            pending.append(i)
    return suppressed


def widened(
    persons: Mapping[CellId, int],
    values: Mapping[CellId, float],
    lines: list[Line],
    suppressed: set[CellId],
    min_persons: int,
    exact: Callable[[Line], bool],
    frozen: Collection[CellId] = (),
    periods_add_up: bool = True,
) -> set[CellId]:
    """The line rule, the empty parts of suppressed wholes, and (where figures add up over
    time) no suppressed period left computable from the published periods of its series;
    again until nothing changes."""
    relations = Relations(lines)
    frozen = frozenset(frozen)  # looked up for every cell of every exposed line
    while True:
        before = len(suppressed)
        suppressed = secondary(persons, values, relations, suppressed, min_persons, frozen, exact)
        suppressed = empty_parts_hidden(
            persons, values, relations, suppressed, min_persons, frozen, exact
        )
        if periods_add_up:
            suppressed = series_protected(persons, values, suppressed, frozen)
        if len(suppressed) == before:
            return suppressed


def empty_parts_hidden(
    persons: Mapping[CellId, int],
    values: Mapping[CellId, float],
    relations: Relations,
    suppressed: set[CellId],
    min_persons: int,
    frozen: Collection[CellId],
    exact: Callable[[Line], bool],
) -> set[CellId]:
    """Where a whole only bounds its parts (persons of a quarter and its months), a
    suppressed whole's empty parts are suppressed too: published zeros would tell in
    which months its persons were, and each part is a lower bound of the whole."""
    while True:
        more = {
            p
            for line in relations.lines
            if line.whole in suppressed and not exact(line)
            for p in line.parts
            if p not in suppressed and p not in frozen and persons.get(p, 0) == 0
        }
        if not more:
            return suppressed
        suppressed |= more
        suppressed = secondary(persons, values, relations, suppressed, min_persons, frozen, exact)
