"""Where a plan belonged on a day, and the periods it was open (transfers split them)."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date

from domain import events as ev


class Residence:
    """Which municipality a plan belonged to on a given day (transfers may be backdated)."""

    def __init__(self, entries: list[ev.PlanEvent]) -> None:
        moves = sorted(
            (e.effective_on, e.originator_version, e.municipality)
            for e in entries
            if isinstance(e, ev.PlanOpened | ev.PlanTransferred)
        )
        self._days = [day for day, _, _ in moves]
        self._places = [place for _, _, place in moves]

    def on(self, day: date) -> str:
        return self._places[max(bisect_right(self._days, day) - 1, 0)]


def active_periods(
    entries: list[ev.PlanEvent], residence: Residence
) -> list[tuple[str, date, date | None]]:
    """(municipality, from, to) while the plan was open; transfers split a period."""
    periods: list[tuple[str, date, date | None]] = []
    start: date | None = None
    for e in sorted(entries, key=lambda e: (e.effective_on, e.originator_version)):
        day = e.effective_on
        if isinstance(e, ev.PlanOpened | ev.PlanReopened):
            start = day
        elif isinstance(e, ev.PlanTransferred) and start is not None:
            periods.append((residence.on(start), start, day))
            start = day
        elif isinstance(e, ev.PlanClosed | ev.PersonalDataErased) and start is not None:
            periods.append((residence.on(start), start, day))
            start = None
    if start is not None:
        periods.append((residence.on(start), start, None))
    return periods
