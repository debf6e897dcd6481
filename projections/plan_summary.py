"""Plan summary: one row per plan for lists and filters (no personal values)."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Collection, Mapping
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, ClassVar
from uuid import UUID

from domain.plan import IntegrationPlan
from projections.base import PlanLoader, PlanRows, PlanRowsProjection, PlanRowsView
from projections.memory import MemoryPlanRowsView
from projections.people import NOBODY, SEARCH_TERMS, People, Person, Search

PLANS = "plans"
OPEN_MEASURES = "open_measures"


@dataclass(frozen=True)
class PlanSummary:
    plan_id: UUID
    file_number: str | None
    status: str
    municipality: str
    caseworker: str
    opened_on: date
    advice_period_ends_on: date
    closed_on: date | None
    closure_reason: str | None
    open_measures: int
    next_due_on: date | None
    last_consultation_on: date | None
    highest_level: str | None
    employed: bool
    housing_secured_on: date | None
    display_name: str | None = None  # sealed with the plan's key: open it to show it
    version: int = 0  # the plan's version the row was computed from
    # Open measures due before the day asked about (0 when no day was given).
    overdue_measures: int = 0
    score: int = 0  # a search's score: 0 best (exact), higher for looser matches


SUMMARY_COLUMNS = tuple(
    f.name for f in fields(PlanSummary) if f.name not in ("overdue_measures", "score")
)


@dataclass(frozen=True)
class PlanFilter:
    """What a list asks for. `scope` is the caller's municipalities (None: the whole county)."""

    scope: Collection[str] | None = None
    municipality: str | None = None
    caseworker: str | None = None
    status: str | None = None
    file_number: str | None = None
    search: Search | None = None  # by name and birth date, through the blind index
    overdue: bool = False
    as_of: date | None = None

    def __post_init__(self) -> None:
        if self.overdue and self.as_of is None:
            msg = "overdue plans are overdue as of a day: give as_of"
            raise ValueError(msg)

    def matches(self, row: Mapping[str, Any], overdue_measures: int) -> bool:
        return (
            (self.scope is None or row["municipality"] in self.scope)
            and (self.municipality is None or row["municipality"] == self.municipality)
            and (self.caseworker is None or row["caseworker"] == self.caseworker)
            and (self.status is None or row["status"] == self.status)
            and (self.file_number is None or row["file_number"] == self.file_number)
            and (not self.overdue or overdue_measures > 0)
        )


@dataclass(frozen=True)
class SummaryPage:
    items: list[PlanSummary]
    next_cursor: str | None


def encode_cursor(summary: PlanSummary, *, searching: bool = False) -> str:
    """Opaque to clients; the list is ordered by (opened_on, plan id), a search's results
    by (score, opened_on, plan id)."""
    tail = f"{summary.opened_on.isoformat()}_{summary.plan_id}"
    return f"{summary.score}~{tail}" if searching else tail


def decode_cursor(cursor: str) -> tuple[int | None, date, str]:
    """(score or None, opened_on, plan id); ValueError for a cursor not handed out here."""
    score, tilde, rest = cursor.partition("~")
    if not tilde:
        score, rest = "", cursor
    day, _, plan_id = rest.partition("_")
    return (int(score) if score else None), date.fromisoformat(day), str(UUID(plan_id))


def summary_rows(plan: IntegrationPlan, person: Person = NOBODY) -> PlanRows:
    state = plan.state
    # An erased plan accepts no entry ever again: nothing of it is due any more.
    open_measures = [
        m for m in state.measures.values() if m.status == "agreed" and not state.is_erased
    ]
    consultations = [c.held_on for c in state.consultations]
    row = {
        "plan_id": plan.id,
        "file_number": state.file_number,
        "status": state.status,
        "municipality": state.municipality,
        "caseworker": state.caseworker,
        "opened_on": state.opened_on,
        "advice_period_ends_on": state.advice_period_ends_on,
        "closed_on": state.closed_on,
        "closure_reason": state.closure_reason,
        "open_measures": len(open_measures),
        "next_due_on": min((m.due_on for m in open_measures), default=None),
        "last_consultation_on": max(consultations, default=None),
        "highest_level": state.highest_level_reached(),
        "employed": any(j.status == "active" for j in state.jobs.values()),
        "housing_secured_on": min((h.secured_on for h in state.housing), default=None),
        "display_name": person.display_name,
        "version": plan.version,
    }
    measures = [{"plan_id": plan.id, "measure_id": m.id, "due_on": m.due_on} for m in open_measures]
    terms = [{"plan_id": plan.id, "term": term} for term in person.terms]
    return {PLANS: [row], OPEN_MEASURES: measures, SEARCH_TERMS: terms}


class PlanSummaryView(PlanRowsView):
    name: ClassVar[str] = "plan_summary"

    @abstractmethod
    def list_plans(
        self, plan_filter: PlanFilter, *, limit: int = 50, cursor: str | None = None
    ) -> SummaryPage:
        """Plans matching the filter in (opened_on, id) order, one page after `cursor`."""

    @abstractmethod
    def get_summary(self, plan_id: UUID, as_of: date | None = None) -> PlanSummary | None:
        """One plan's summary, or None."""

    @abstractmethod
    def closed_before(self, day: date) -> list[UUID]:
        """Plans closed (and not reopened or erased) before `day`: due for erasure."""


class PlanSummaryProjection(PlanRowsProjection):
    name = "plan_summary"

    def __init__(
        self, view: PlanRowsView, load: PlanLoader | None = None, people: People | None = None
    ) -> None:
        super().__init__(view, load, people)

    def rows_of(self, plan: IntegrationPlan) -> PlanRows:
        return summary_rows(plan, self.person(plan))


def to_summary(row: Mapping[str, Any], overdue_measures: int, score: int = 0) -> PlanSummary:
    return PlanSummary(
        **{c: row[c] for c in SUMMARY_COLUMNS}, overdue_measures=overdue_measures, score=score
    )


class MemoryPlanSummaryView(MemoryPlanRowsView, PlanSummaryView):
    def _overdue(self, as_of: date | None) -> dict[UUID, int]:
        counts: dict[UUID, int] = {}
        if as_of is not None:
            for m in self.store.table(OPEN_MEASURES):
                if m["due_on"] < as_of:
                    counts[m["plan_id"]] = counts.get(m["plan_id"], 0) + 1
        return counts

    def list_plans(
        self, plan_filter: PlanFilter, *, limit: int = 50, cursor: str | None = None
    ) -> SummaryPage:
        overdue = self._overdue(plan_filter.as_of)
        scores = self._scores(plan_filter.search)
        items = sorted(
            (
                to_summary(row, overdue.get(row["plan_id"], 0), scores.get(row["plan_id"], 0))
                for row in self.store.table(PLANS)
                if plan_filter.matches(row, overdue.get(row["plan_id"], 0))
                and (plan_filter.search is None or row["plan_id"] in scores)
            ),
            key=lambda s: (s.score, s.opened_on, str(s.plan_id)),
        )
        if cursor:
            score, day, plan_id = decode_cursor(cursor)
            after = (score or 0, day, plan_id)
            items = [s for s in items if (s.score, s.opened_on, str(s.plan_id)) > after]
        page = items[:limit]
        more = len(items) > limit
        searching = plan_filter.search is not None
        return SummaryPage(
            page, encode_cursor(page[-1], searching=searching) if more and page else None
        )

    def _scores(self, search: Search | None) -> dict[UUID, int]:
        if search is None:
            return {}
        terms: dict[UUID, set[str]] = {}
        for row in self.store.table(SEARCH_TERMS):
            terms.setdefault(row["plan_id"], set()).add(row["term"])
        scores = {plan_id: search.score(held) for plan_id, held in terms.items()}
        return {plan_id: score for plan_id, score in scores.items() if score is not None}

    def closed_before(self, day: date) -> list[UUID]:
        return sorted(
            row["plan_id"]
            for row in self.store.table(PLANS)
            if row["status"] == "closed" and row["closed_on"] < day
        )

    def get_summary(self, plan_id: UUID, as_of: date | None = None) -> PlanSummary | None:
        overdue = self._overdue(as_of)
        for row in self.store.table(PLANS):
            if row["plan_id"] == plan_id:
                return to_summary(row, overdue.get(plan_id, 0))
        return None
