"""What one plan contributes to the analysts' cells, computed from its state alone.

A contribution is keyed by (municipality or `*`, period, metric, days) and carries
(value, part): the plan counts once as a person in that cell, `value` is what it adds
(things counted, minutes, 1 for a person), `part` the share's numerator (a goal
achieved among goals closed). `days` is -1 except for medians, whose cells keep a
histogram of days. Every period level gets its own key, so persons are counted
distinctly over a quarter or a year, never summed from months. A plan still open
counts in every later period through one `open:<month>` key instead of one key per
future period.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta

from domain import events as ev
from domain.plan import IntegrationPlan, PlanLists
from domain.vocabulary import add_years, cefr_rank
from projections.figure_metrics import (
    AGE_GROUPS,
    HOUSEHOLD_GROUPS,
    METRICS,
    UNKNOWN,
    grouped,
)
from projections.periods import OPEN, bounds, keys_of_day, month_key
from projections.residence import Residence, active_periods

ALL = "*"
NO_DAYS = -1
Key = tuple[str, str, str, int]
Contributions = dict[Key, list[float]]
Range = tuple[date, date | None]
B1 = cefr_rank("B1")
CONTACT_DAYS = 90


def categories(state: PlanLists) -> list[str]:
    """The plan's category in each breakdown (figure_metrics.BREAKDOWNS order)."""
    profile = state.profile
    birth_year = profile.get("birth_year")
    age = state.opened_on.year - birth_year if isinstance(birth_year, int) else None
    household = profile.get("household_size")
    return [
        str(profile.get("gender") or UNKNOWN),
        grouped(age, AGE_GROUPS),
        str(profile.get("nationality") or UNKNOWN),
        str(profile.get("residence_status") or UNKNOWN),
        grouped(household if isinstance(household, int) else None, HOUSEHOLD_GROUPS),
    ]


def months_between(first: date, last: date) -> Iterator[date]:
    month = first.replace(day=1)
    while month <= last:
        yield month
        month = (month + timedelta(days=32)).replace(day=1)


class Collector:
    def __init__(self, residence: Residence) -> None:
        self.residence = residence
        self.out: Contributions = {}

    def add(
        self, day: date, metric: str, value: float = 1.0, part: float = 0.0, days: int = NO_DAYS
    ) -> None:
        """Adds to the cells of the day's periods, at the municipality of that day and `*`."""
        place = self.residence.on(day)
        for period in keys_of_day(day):
            for where in (place, ALL):
                cell = self.out.setdefault((where, period, metric, days), [0.0, 0.0])
                cell[0] += value
                cell[1] += part

    def set(self, where: str, period: str, metric: str, value: float, part: float) -> None:
        self.out[(where, period, metric, NO_DAYS)] = [value, part]


def over_ranges(
    collector: Collector,
    where: str,
    ranges: list[Range],
    metric: str,
    horizon: Callable[[date], date],
    figure: Callable[[str, list[Range]], tuple[float, float] | None],
) -> None:
    """A state over the plan's open ranges at one place: every period up to the open
    range's horizon explicitly (only months for a state on the period's last day), the
    periods after it through one open key."""
    keys: set[str] = set()
    open_from: date | None = None
    months_only = METRICS[metric].at_period_end
    for start, end in ranges:
        last = end if end is not None else horizon(start)
        if end is None:
            open_from = last
        for month in months_between(start, last):
            keys.update((month_key(month),) if months_only else keys_of_day(month))
    for period in sorted(keys):
        if open_from is not None and bounds(period)[0] > open_from.replace(day=1):
            continue  # counted by the open key
        shown = figure(period, ranges)
        if shown is not None:
            collector.set(where, period, metric, *shown)
    if open_from is not None:
        collector.set(where, OPEN + month_key(open_from), metric, 1.0, 0.0)


def active_in(period: str, ranges: list[Range]) -> tuple[float, float] | None:
    first, after = bounds(period)
    for start, end in ranges:
        if start < after and (end is None or end >= first):
            return (1.0, 0.0)
    return None


def contact_figure(
    consulted: list[date],
) -> Callable[[str, list[Range]], tuple[float, float] | None]:
    def figure(period: str, ranges: list[Range]) -> tuple[float, float] | None:
        last_day = bounds(period)[1] - timedelta(days=1)
        if not any(s <= last_day and (e is None or e > last_day) for s, e in ranges):
            return None
        since = last_day - timedelta(days=CONTACT_DAYS)
        return (1.0, 1.0 if any(since < d <= last_day for d in consulted) else 0.0)

    return figure


def open_states(collector: Collector, entries: list[ev.PlanEvent], state: PlanLists) -> None:
    """Persons with an open plan, and open plans with a recent consultation, per period."""
    periods = active_periods(entries, collector.residence)
    consulted = sorted(c.held_on for c in state.consultations)
    places: dict[str, list[Range]] = {ALL: []}
    for place, start, end in periods:
        places.setdefault(place, []).append((start, end))
        places[ALL].append((start, end))
    last_contact = consulted[-1] + timedelta(days=CONTACT_DAYS) if consulted else date.min
    for where, ranges in places.items():
        over_ranges(collector, where, ranges, "plans_active", lambda s: s, active_in)
        over_ranges(
            collector,
            where,
            ranges,
            "contact_90_share",
            lambda s: max(s, last_contact),
            contact_figure(consulted),
        )


def outcome_shares(collector: Collector, state: PlanLists) -> None:
    for g in state.goals.values():
        if g.status in ("achieved", "abandoned") and g.outcome_on is not None:
            collector.add(g.outcome_on, "goals_achieved_share", 1.0, float(g.status == "achieved"))
    for m in state.measures.values():
        if m.status in ("completed", "cancelled") and m.closed_on is not None:
            done = float(m.status == "completed")
            collector.add(m.closed_on, "measures_completed_share", 1.0, done)
    for course in state.courses.values():
        if course.status == "completed" and course.ended_on is not None:
            level = course.level_reached
            good = level is not None and cefr_rank(level) >= B1
            collector.add(course.ended_on, "courses_b1_share", 1.0, float(good))
    first_job = min((j.placed_on for j in state.jobs.values()), default=None)
    first_home = min((h.secured_on for h in state.housing), default=None)
    for years in (1, 2):
        mark = add_years(state.opened_on, years)
        for metric, first in (("job", first_job), ("housing", first_home)):
            reached = float(first is not None and first <= mark)
            collector.add(mark, f"{metric}_within_{12 * years}_share", 1.0, reached)


def first_days(state: PlanLists, completions: list[date]) -> dict[str, date | None]:
    """The day of each "days to" outcome: first course completion, first job, own housing."""
    return {
        "days_to_first_course_completion": min(completions, default=None),
        "days_to_first_job": min((j.placed_on for j in state.jobs.values()), default=None),
        "days_to_own_housing": min((h.secured_on for h in state.housing), default=None),
    }


def plan_contributions(plan: IntegrationPlan) -> Contributions:
    state = plan.state
    collector = Collector(Residence(plan.history()))
    add = collector.add
    add(state.opened_on, "plans_opened")
    for e in plan.history():
        if isinstance(e, ev.PlanClosed):
            add(e.effective_on, "plans_closed")
    for c in state.consultations:
        add(c.held_on, "consultations")
        add(c.held_on, "consultation_minutes", float(c.duration_minutes))
    for g in state.goals.values():
        add(g.set_on, "goals_agreed")
        if g.status == "achieved" and g.outcome_on is not None:
            add(g.outcome_on, "goals_achieved")
    for m in state.measures.values():
        add(m.agreed_on, "measures_agreed")
        if m.status == "completed" and m.closed_on is not None:
            add(m.closed_on, "measures_completed")
    completions: list[date] = []
    for course in state.courses.values():
        add(course.enrolled_on, "courses_enrolled")
        if course.status == "completed" and course.ended_on is not None:
            add(course.ended_on, "courses_completed")
            completions.append(course.ended_on)
    for job in state.jobs.values():
        add(job.placed_on, "job_placements")
    for housing in state.housing:
        add(housing.secured_on, "housing_secured")
    for metric, day in first_days(state, completions).items():
        if day is not None:
            days = (day - state.opened_on).days
            add(day, metric, float(days), days=days)
    outcome_shares(collector, state)
    open_states(collector, plan.history(), state)
    return collector.out
