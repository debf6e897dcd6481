"""Calendar periods of the analysts' tables: month, quarter, tertial, half and year.

A period is named by its key (`2026-01`, `2026-Q1`, `2026-T1`, `2026-H1`, `2026`);
every level of a year can be listed, and each key knows its first month, so that
figures can be kept per period as entries arrive and linked across levels.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache, lru_cache

LEVELS = ("month", "quarter", "tertial", "half", "year")
# Months per period at each level (a tertial is four months: the county's meetings).
SPAN = {"month": 1, "quarter": 3, "tertial": 4, "half": 6, "year": 12}
LETTER = {"quarter": "Q", "tertial": "T", "half": "H"}
KEY = re.compile(r"^(\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])|T([1-3])|H([12])))?$")
# An open-ended contribution: counts in every period whose first month lies after it.
OPEN = "open:"


def key_of(level: str, year: int, index: int) -> str:
    """The key of the `index`-th (1-based) period of `level` in `year`."""
    if level == "year":
        return f"{year:04d}"
    if level == "month":
        return f"{year:04d}-{index:02d}"
    return f"{year:04d}-{LETTER[level]}{index}"


def keys_of_day(day: date) -> tuple[str, ...]:
    """The five periods (one per level) a day lies in."""
    return _keys_of_month(day.year, day.month)


@cache
def _keys_of_month(year: int, month: int) -> tuple[str, ...]:
    return tuple(key_of(level, year, (month - 1) // SPAN[level] + 1) for level in LEVELS)


def periods_of_year(level: str, year: int) -> list[str]:
    return [key_of(level, year, i) for i in range(1, 12 // SPAN[level] + 1)]


@lru_cache(maxsize=4096)
def level_of(key: str) -> str:
    match = KEY.match(key)
    if match is None:
        raise ValueError(f"{key!r} is not a period")
    if match.group(2):
        return "month"
    for group, level in ((3, "quarter"), (4, "tertial"), (5, "half")):
        if match.group(group):
            return level
    return "year"


@lru_cache(maxsize=4096)
def bounds(key: str) -> tuple[date, date]:
    """(first month's first day, first day after the period)."""
    level = level_of(key)
    year = int(key[:4])
    if level == "year":
        first = 1
    elif level == "month":
        first = int(key[5:7])
    else:
        first = (int(key[6:]) - 1) * SPAN[level] + 1
    start = date(year, first, 1)
    after = first + SPAN[level]
    end = date(year + 1, 1, 1) if after > 12 else date(year, after, 1)
    return start, end


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


@lru_cache(maxsize=4096)
def parts_of(key: str) -> dict[str, tuple[str, ...]]:
    """The additive splits of a period into lower levels of the same year, by level."""
    level = level_of(key)
    start, end = bounds(key)
    splits: dict[str, tuple[str, ...]] = {}
    for lower in LEVELS[: LEVELS.index(level)]:
        if SPAN[level] % SPAN[lower]:
            continue  # a quarter is no sum of tertials
        inside = [
            p
            for p in periods_of_year(lower, start.year)
            if start <= bounds(p)[0] and bounds(p)[1] <= end
        ]
        splits[lower] = tuple(inside)
    return splits
