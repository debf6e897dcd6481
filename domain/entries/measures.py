"""Measures agreed with the person: who does what by when, completed, cancelled or moved."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from uuid import UUID

from domain import errors
from domain.entries.goals import open_goal
from domain.entry import PlanEvent, entry
from domain.rules import check_entry, existing, not_before, one_of, text
from domain.state import Part, PlanState, fold_entry
from domain.vocabulary import FIELDS_OF_ACTION, PARTNER_KINDS, RESPONSIBLE_PARTIES


@entry
class MeasureAgreed(PlanEvent):
    CHILD_ID = "measure_id"
    measure_id: UUID
    goal_id: UUID | None
    field: str
    responsible: str
    partner_kind: str | None
    due_on: date

    def dates_ahead(self) -> dict[str, date]:
        return {"due_on": self.due_on}


@entry
class MeasureCompleted(PlanEvent):
    measure_id: UUID


@entry
class MeasureCancelled(PlanEvent):
    measure_id: UUID


@entry
class MeasureRescheduled(PlanEvent):
    measure_id: UUID
    due_on: date

    def dates_ahead(self) -> dict[str, date]:
        return {"due_on": self.due_on}


@dataclass
class Measure:
    id: UUID
    goal_id: UUID | None
    field: str
    title: str | None
    responsible: str
    partner_kind: str | None
    agreed_on: date
    due_on: date
    status: str = "agreed"
    closed_on: date | None = None
    outcome: str | None = None


MEASURES: Part[dict[UUID, Measure]] = Part("measures", dict)


def agreed_measure(state: PlanState, measure_id: UUID) -> Measure:
    """The plan's measure `measure_id`, which must be neither completed nor cancelled."""
    measure = existing(state[MEASURES], measure_id, "measure")
    if measure.status != "agreed":
        raise errors.InvalidTransition(f"the measure is already {measure.status}")
    return measure


@check_entry.register
def check_measure_agreed(entry: MeasureAgreed, state: PlanState) -> None:
    one_of(entry.field, FIELDS_OF_ACTION, "field")
    one_of(entry.responsible, RESPONSIBLE_PARTIES, "responsible")
    if entry.partner_kind is not None:
        one_of(entry.partner_kind, PARTNER_KINDS, "partner_kind")
    text(entry.personal_value("title"), "title")
    not_before(entry.due_on, entry.effective_on, "due_on")
    if entry.goal_id is not None:
        goal = open_goal(state, entry.goal_id)
        not_before(entry.effective_on, goal.set_on, "agreed_on")


@check_entry.register
def check_measure_closed(entry: MeasureCompleted | MeasureCancelled, state: PlanState) -> None:
    measure = agreed_measure(state, entry.measure_id)
    not_before(entry.effective_on, measure.agreed_on, "the date")


@check_entry.register
def check_measure_rescheduled(entry: MeasureRescheduled, state: PlanState) -> None:
    measure = agreed_measure(state, entry.measure_id)
    if entry.due_on == measure.due_on:
        raise errors.NothingChanged("the measure is already due on this date")
    not_before(entry.effective_on, measure.agreed_on, "the date")
    not_before(entry.due_on, measure.agreed_on, "due_on")


@fold_entry.register
def add_measure(entry: MeasureAgreed, state: PlanState) -> None:
    state[MEASURES][entry.measure_id] = Measure(
        id=entry.measure_id,
        goal_id=entry.goal_id,
        field=entry.field,
        title=entry.personal_value("title"),
        responsible=entry.responsible,
        partner_kind=entry.partner_kind,
        agreed_on=entry.effective_on,
        due_on=entry.due_on,
    )


def close_measure(
    entry: MeasureCompleted | MeasureCancelled, state: PlanState, status: str, text_key: str
) -> None:
    measure = state[MEASURES].get(entry.measure_id)
    if measure is not None:
        state[MEASURES][entry.measure_id] = replace(
            measure,
            status=status,
            closed_on=entry.effective_on,
            outcome=entry.personal_value(text_key),
        )


@fold_entry.register
def mark_measure_completed(entry: MeasureCompleted, state: PlanState) -> None:
    close_measure(entry, state, "completed", "outcome")


@fold_entry.register
def mark_measure_cancelled(entry: MeasureCancelled, state: PlanState) -> None:
    close_measure(entry, state, "cancelled", "reason")


@fold_entry.register
def move_measure_due_date(entry: MeasureRescheduled, state: PlanState) -> None:
    measure = state[MEASURES].get(entry.measure_id)
    if measure is not None:
        state[MEASURES][entry.measure_id] = replace(measure, due_on=entry.due_on)
