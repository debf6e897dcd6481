"""Analytics: per municipality and month, non-personal figures with small cells suppressed.

Each plan contributes facts (one per counted thing, at the municipality the plan
belonged to on that day and in that day's month) and active periods. Both are
replaced whole on every entry of the plan, so retractions and transfers stay right.
"""

from __future__ import annotations

import statistics
from abc import abstractmethod
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, ClassVar

from domain import events as ev
from domain.plan import IntegrationPlan
from projections.base import PlanLoader, PlanRows, PlanRowsProjection, PlanRowsView
from projections.contributions import categories, first_days, plan_contributions
from projections.figure_cells import CONTRIBUTIONS, encode
from projections.figure_view import FigureTables, MemoryFigureCells
from projections.residence import Residence, active_periods

FACTS = "facts"
PERIODS = "periods"
MIN_PERSONS = 5
ALL = "*"

SUM_METRICS = (
    "plans_opened",
    "plans_closed",
    "consultations",
    "consultation_minutes",
    "goals_agreed",
    "goals_achieved",
    "measures_agreed",
    "measures_completed",
    "courses_enrolled",
    "courses_completed",
    "job_placements",
    "housing_secured",
)
MEDIAN_METRICS = (
    "days_to_first_course_completion",
    "days_to_first_job",
    "days_to_own_housing",
)
ACTIVE = "plans_active"
METRICS = (*SUM_METRICS, ACTIVE, *MEDIAN_METRICS)


def month_of(day: date) -> date:
    return day.replace(day=1)


def next_month(month: date) -> date:
    return (month + timedelta(days=32)).replace(day=1)


def months(first: date, last: date) -> Iterator[date]:
    month = month_of(first)
    while month <= last:
        yield month
        month = next_month(month)


def analytics_rows(plan: IntegrationPlan) -> PlanRows:
    state = plan.state
    residence = Residence(plan.history())
    facts: list[dict[str, Any]] = []

    def add(day: date, metric: str, dimension: str = "", value: float = 1.0) -> None:
        facts.append(
            {
                "plan_id": plan.id,
                "municipality": residence.on(day),
                "month": month_of(day),
                "metric": metric,
                "dimension": dimension,
                "value": float(value),
            }
        )

    add(state.opened_on, "plans_opened")
    for e in plan.history():
        if isinstance(e, ev.PlanClosed):
            add(e.effective_on, "plans_closed", e.reason)
    for c in state.consultations:
        add(c.held_on, "consultations")
        add(c.held_on, "consultation_minutes", value=c.duration_minutes)
    for g in state.goals.values():
        add(g.set_on, "goals_agreed", g.field)
        if g.status == "achieved" and g.outcome_on is not None:
            add(g.outcome_on, "goals_achieved", g.field)
    for m in state.measures.values():
        add(m.agreed_on, "measures_agreed", m.field)
        if m.status == "completed" and m.closed_on is not None:
            add(m.closed_on, "measures_completed", m.field)
    completions: list[date] = []
    for course in state.courses.values():
        add(course.enrolled_on, "courses_enrolled", f"{course.kind}/{course.target_level or '-'}")
        if course.status == "completed" and course.ended_on is not None:
            level = course.level_reached or "-"
            add(course.ended_on, "courses_completed", f"{course.kind}/{level}")
            completions.append(course.ended_on)
    for job in state.jobs.values():
        add(job.placed_on, "job_placements", f"{job.kind}/{job.sector}")
    for housing in state.housing:
        add(housing.secured_on, "housing_secured", housing.kind)
    for metric, day in first_days(state, completions).items():
        if day is not None:
            add(day, metric, value=(day - state.opened_on).days)
    periods = [
        {"plan_id": plan.id, "municipality": place, "starts_on": start, "ends_on": end}
        for place, start, end in active_periods(plan.history(), residence)
    ]
    figures = {"plan_id": plan.id, **encode(categories(state), plan_contributions(plan))}
    return {FACTS: facts, PERIODS: periods, CONTRIBUTIONS: [figures]}


@dataclass(frozen=True)
class StatsQuery:
    """Months are inclusive; `by_municipality=False` gives county-wide totals (`*`)."""

    first_month: date
    last_month: date
    scope: Collection[str] | None = None
    metrics: Collection[str] | None = None
    by_municipality: bool = True

    def wants(self, metric: str) -> bool:
        return self.metrics is None or metric in self.metrics

    def place(self, municipality: str) -> str:
        return municipality if self.by_municipality else ALL


@dataclass(frozen=True)
class Cell:
    """An unsuppressed aggregate, as the storage computes it; never leaves the query layer."""

    municipality: str
    month: date
    metric: str
    dimension: str
    persons: int
    value: float


@dataclass(frozen=True)
class Figure:
    """An analyst-facing figure: `value` and `persons` are None when suppressed."""

    municipality: str
    month: date
    metric: str
    dimension: str
    persons: int | None
    value: float | None
    suppressed: bool


def suppress(cell: Cell) -> Figure:
    """Small cells: a figure counting fewer than MIN_PERSONS persons is not shown."""
    if cell.persons < MIN_PERSONS:
        return Figure(cell.municipality, cell.month, cell.metric, cell.dimension, None, None, True)
    return Figure(
        cell.municipality,
        cell.month,
        cell.metric,
        cell.dimension,
        cell.persons,
        cell.value,
        False,
    )


def median_cells(query: StatsQuery, values: list[tuple[str, date, str, Any, float]]) -> list[Cell]:
    """Medians from (municipality, month, metric, plan, value) rows: one value per plan."""
    groups: dict[tuple[str, date, str], list[float]] = defaultdict(list)
    for municipality, month, metric, _plan, value in values:
        groups[(query.place(municipality), month, metric)].append(value)
    return [
        Cell(m, month, metric, "", len(vs), float(statistics.median(vs)))
        for (m, month, metric), vs in groups.items()
    ]


REPORT_HEADER = ("municipality", "month", "metric", "dimension", "persons", "value")
SUPPRESSED = "suppressed"


def report_rows(figures: Iterable[Figure]) -> Iterator[tuple[str, ...]]:
    """The figures as text rows under REPORT_HEADER (the state report's CSV body).

    A suppressed figure reads `suppressed` in both columns, never 0.
    """
    yield REPORT_HEADER
    for f in figures:
        value = f.value
        shown = f"{value:g}" if value is not None else SUPPRESSED
        persons = str(f.persons) if f.persons is not None else SUPPRESSED
        yield (f.municipality, f.month.strftime("%Y-%m"), f.metric, f.dimension, persons, shown)


class AnalyticsView(PlanRowsView, FigureTables):
    name: ClassVar[str] = "analytics"

    def figures(self, query: StatsQuery) -> list[Figure]:
        """Every wanted figure in the months asked for, small cells suppressed."""
        cells = list(self.sum_cells(query))
        if query.wants(ACTIVE):
            cells += self.active_cells(query)
        wanted = [m for m in MEDIAN_METRICS if query.wants(m)]
        if wanted:
            cells += median_cells(query, self.median_values(query, wanted))
        cells.sort(key=lambda c: (c.month, c.municipality, METRICS.index(c.metric), c.dimension))
        return [suppress(c) for c in cells]

    @abstractmethod
    def sum_cells(self, query: StatsQuery) -> list[Cell]:
        """Sums and distinct plans of SUM_METRICS per municipality, month, metric, dimension."""

    @abstractmethod
    def active_cells(self, query: StatsQuery) -> list[Cell]:
        """Distinct plans open at some time in each month, per municipality."""

    @abstractmethod
    def median_values(
        self, query: StatsQuery, metrics: list[str]
    ) -> list[tuple[str, date, str, Any, float]]:
        """(municipality, month, metric, plan, value) of the median metrics."""


class AnalyticsProjection(PlanRowsProjection):
    name = "analytics"

    def __init__(self, view: PlanRowsView, load: PlanLoader | None = None) -> None:
        super().__init__(view, load)

    def rows_of(self, plan: IntegrationPlan) -> PlanRows:
        return analytics_rows(plan)


class MemoryAnalyticsView(MemoryFigureCells, AnalyticsView):
    def _facts(self, query: StatsQuery, metrics: Collection[str]) -> Iterator[dict[str, Any]]:
        for f in self.store.table(FACTS):
            if (
                f["metric"] in metrics
                and query.wants(f["metric"])
                and query.first_month <= f["month"] <= query.last_month
                and (query.scope is None or f["municipality"] in query.scope)
            ):
                yield f

    def sum_cells(self, query: StatsQuery) -> list[Cell]:
        groups: dict[tuple[str, date, str, str], tuple[set[Any], float]] = {}
        for f in self._facts(query, SUM_METRICS):
            key = (query.place(f["municipality"]), f["month"], f["metric"], f["dimension"])
            plans, total = groups.get(key, (set(), 0.0))
            plans.add(f["plan_id"])
            groups[key] = (plans, total + f["value"])
        return [Cell(*key, len(plans), total) for key, (plans, total) in groups.items()]

    def active_cells(self, query: StatsQuery) -> list[Cell]:
        groups: dict[tuple[str, date], set[Any]] = defaultdict(set)
        for p in self.store.table(PERIODS):
            if query.scope is not None and p["municipality"] not in query.scope:
                continue
            last = p["ends_on"] or query.last_month
            for month in months(
                max(p["starts_on"], query.first_month), min(last, query.last_month)
            ):
                groups[(query.place(p["municipality"]), month)].add(p["plan_id"])
        return [
            Cell(m, month, ACTIVE, "", len(ps), float(len(ps))) for (m, month), ps in groups.items()
        ]

    def median_values(
        self, query: StatsQuery, metrics: list[str]
    ) -> list[tuple[str, date, str, Any, float]]:
        return [
            (f["municipality"], f["month"], f["metric"], f["plan_id"], f["value"])
            for f in self._facts(query, metrics)
        ]
