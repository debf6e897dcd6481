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
    # Open measures due before the day asked about (0 when no day was given).
    overdue_measures: int = 0


SUMMARY_COLUMNS = tuple(f.name for f in fields(PlanSummary) if f.name != "overdue_measures")


@dataclass(frozen=True)
class PlanFilter:
    """What a list asks for. `scope` is the caller's municipalities (None: the whole county)."""

    scope: Collection[str] | None = None
    municipality: str | None = None
    caseworker: str | None = None
    status: str | None = None
    file_number: str | None = None
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


def encode_cursor(summary: PlanSummary) -> str:
    """Opaque to clients; the list is ordered by (opened_on, plan id)."""
    return f"{summary.opened_on.isoformat()}_{summary.plan_id}"


def decode_cursor(cursor: str) -> tuple[date, str]:
    """Raises ValueError for a cursor this service did not hand out."""
    day, _, plan_id = cursor.partition("_")
    return date.fromisoformat(day), str(UUID(plan_id))


def summary_rows(plan: IntegrationPlan) -> PlanRows:
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
    }
    measures = [{"plan_id": plan.id, "measure_id": m.id, "due_on": m.due_on} for m in open_measures]
    return {PLANS: [row], OPEN_MEASURES: measures}


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

    def __init__(self, view: PlanRowsView, load: PlanLoader | None = None) -> None:
        super().__init__(view, load)

    def rows_of(self, plan: IntegrationPlan) -> PlanRows:
        return summary_rows(plan)


def to_summary(row: Mapping[str, Any], overdue_measures: int) -> PlanSummary:
    return PlanSummary(**{c: row[c] for c in SUMMARY_COLUMNS}, overdue_measures=overdue_measures)


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
        after = decode_cursor(cursor) if cursor else None
        items = sorted(
            (
                to_summary(row, overdue.get(row["plan_id"], 0))
                for row in self.store.table(PLANS)
                if plan_filter.matches(row, overdue.get(row["plan_id"], 0))
            ),
            key=lambda s: (s.opened_on, str(s.plan_id)),
        )
        if after is not None:
            items = [s for s in items if (s.opened_on, str(s.plan_id)) > after]
        page = items[:limit]
        more = len(items) > limit
        return SummaryPage(page, encode_cursor(page[-1]) if more and page else None)

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
