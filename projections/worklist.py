"""Worklist: a caseworker's due and overdue items across their open plans."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, ClassVar
from uuid import UUID

from domain.plan import IntegrationPlan
from projections.base import PlanLoader, PlanRows, PlanRowsProjection, PlanRowsView
from projections.memory import MemoryPlanRowsView
from projections.people import NOBODY, People, Person

PLANS = "plans"
MEASURES = "measures"
NO_CONSULTATION_DAYS = 90
ADVICE_PERIOD_WARNING_DAYS = 60
DUE_SOON_DAYS = 14


@dataclass(frozen=True)
class WorkItem:
    """`kind`: measure_due, measure_overdue, no_consultation, advice_period_ending.

    `due_on` is the day the item falls due: the measure's due date, 90 days after the
    last contact, or the end of the advice period.
    """

    kind: str
    plan_id: UUID
    municipality: str
    caseworker: str
    due_on: date
    measure_id: UUID | None = None
    field: str | None = None
    file_number: str | None = None
    display_name: str | None = None  # sealed with the plan's key: open it to show it
    title: str | None = None  # the measure's title, sealed likewise
    version: int = 0  # the plan's version the item was computed from


@dataclass(frozen=True)
class WorkQuery:
    as_of: date
    caseworker: str | None = None
    scope: Collection[str] | None = None
    due_within_days: int = DUE_SOON_DAYS

    def wants(self, row: Mapping[str, Any]) -> bool:
        return (self.caseworker is None or row["caseworker"] == self.caseworker) and (
            self.scope is None or row["municipality"] in self.scope
        )

    @property
    def measures_due_by(self) -> date:
        return self.as_of + timedelta(days=self.due_within_days)

    @property
    def contact_before(self) -> date:
        """Plans last seen on or before this day have had no consultation for 90 days."""
        return self.as_of - timedelta(days=NO_CONSULTATION_DAYS)

    @property
    def period_ends_by(self) -> date:
        return self.as_of + timedelta(days=ADVICE_PERIOD_WARNING_DAYS)


def worklist_rows(
    plan: IntegrationPlan,
    person: Person = NOBODY,
    title: Callable[[IntegrationPlan, UUID], str | None] = lambda plan, measure_id: None,
) -> PlanRows:
    """The plan's rows; `title` gives a measure's title sealed with the plan's key."""
    state = plan.state
    if state.status != "open":
        return {PLANS: [], MEASURES: []}
    last_contact = max((c.held_on for c in state.consultations), default=state.opened_on)
    base = {
        "plan_id": plan.id,
        "municipality": state.municipality,
        "caseworker": state.caseworker,
        "file_number": state.file_number,
        "display_name": person.display_name,
        "version": plan.version,
    }
    plan_row = {
        **base,
        "last_contact_on": last_contact,
        "advice_period_ends_on": state.advice_period_ends_on,
    }
    measures = [
        {
            **base,
            "measure_id": m.id,
            "field": m.field,
            "due_on": m.due_on,
            "title": title(plan, m.id),
        }
        for m in state.measures.values()
        if m.status == "agreed"
    ]
    return {PLANS: [plan_row], MEASURES: measures}


def work_items(
    query: WorkQuery,
    plans: Iterable[Mapping[str, Any]],
    measures: Iterable[Mapping[str, Any]],
) -> list[WorkItem]:
    """Turns the selected rows into items, in due order (shared by every view)."""
    items: list[WorkItem] = []
    for m in measures:
        kind = "measure_overdue" if m["due_on"] < query.as_of else "measure_due"
        items.append(
            WorkItem(
                kind,
                m["plan_id"],
                m["municipality"],
                m["caseworker"],
                m["due_on"],
                m["measure_id"],
                m["field"],
                m["file_number"],
                m["display_name"],
                m["title"],
                m["version"],
            )
        )
    for p in plans:
        base = (p["plan_id"], p["municipality"], p["caseworker"])
        who = {k: p[k] for k in ("file_number", "display_name", "version")}
        if p["last_contact_on"] <= query.contact_before:
            due = p["last_contact_on"] + timedelta(days=NO_CONSULTATION_DAYS)
            items.append(WorkItem("no_consultation", *base, due, **who))
        if p["advice_period_ends_on"] <= query.period_ends_by:
            ends = p["advice_period_ends_on"]
            items.append(WorkItem("advice_period_ending", *base, ends, **who))
    items.sort(key=lambda i: (i.due_on, i.kind, str(i.plan_id), str(i.measure_id)))
    return items


class WorklistView(PlanRowsView):
    name: ClassVar[str] = "worklist"

    @abstractmethod
    def worklist(self, query: WorkQuery) -> list[WorkItem]:
        """Items due by the query's horizon for the caseworker and/or municipalities."""


class WorklistProjection(PlanRowsProjection):
    name = "worklist"

    def __init__(
        self, view: PlanRowsView, load: PlanLoader | None = None, people: People | None = None
    ) -> None:
        super().__init__(view, load, people)

    def rows_of(self, plan: IntegrationPlan) -> PlanRows:
        return worklist_rows(plan, self.person(plan), self.measure_title)


class MemoryWorklistView(MemoryPlanRowsView, WorklistView):
    def worklist(self, query: WorkQuery) -> list[WorkItem]:
        plans = [
            p
            for p in self.store.table(PLANS)
            if query.wants(p)
            and (
                p["last_contact_on"] <= query.contact_before
                or p["advice_period_ends_on"] <= query.period_ends_by
            )
        ]
        measures = [
            m
            for m in self.store.table(MEASURES)
            if query.wants(m) and m["due_on"] <= query.measures_due_by
        ]
        return work_items(query, plans, measures)
