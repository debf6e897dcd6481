"""Goals agreed with the person in one field of action, with a target date and an outcome."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from uuid import UUID

from domain import errors
from domain.entry import PlanEvent, entry
from domain.rules import check_entry, existing, not_before, one_of, text
from domain.state import Part, PlanState, fold_entry
from domain.vocabulary import FIELDS_OF_ACTION


@entry
class GoalSet(PlanEvent):
    CHILD_ID = "goal_id"
    goal_id: UUID
    field: str
    target_on: date

    def dates_ahead(self) -> dict[str, date]:
        return {"target_on": self.target_on}


@entry
class GoalAchieved(PlanEvent):
    goal_id: UUID


@entry
class GoalAbandoned(PlanEvent):
    goal_id: UUID


@dataclass
class Goal:
    id: UUID
    field: str
    description: str | None
    set_on: date
    target_on: date
    status: str = "open"
    outcome_on: date | None = None
    note: str | None = None


GOALS: Part[dict[UUID, Goal]] = Part("goals", dict)


def open_goal(state: PlanState, goal_id: UUID) -> Goal:
    """The plan's goal `goal_id`, which must still be open (measures serve open goals)."""
    goal = existing(state[GOALS], goal_id, "goal")
    if goal.status != "open":
        raise errors.InvalidTransition(f"the goal is already {goal.status}")
    return goal


@check_entry.register
def check_goal_set(entry: GoalSet, state: PlanState) -> None:
    one_of(entry.field, FIELDS_OF_ACTION, "field")
    text(entry.personal_value("description"), "description")
    not_before(entry.target_on, entry.effective_on, "target_on")


@check_entry.register
def check_goal_outcome(entry: GoalAchieved | GoalAbandoned, state: PlanState) -> None:
    goal = open_goal(state, entry.goal_id)
    not_before(entry.effective_on, goal.set_on, "the outcome date")


@fold_entry.register
def add_goal(entry: GoalSet, state: PlanState) -> None:
    state[GOALS][entry.goal_id] = Goal(
        id=entry.goal_id,
        field=entry.field,
        description=entry.personal_value("description"),
        set_on=entry.effective_on,
        target_on=entry.target_on,
    )


def close_goal(entry: GoalAchieved | GoalAbandoned, state: PlanState, status: str) -> None:
    goal = state[GOALS].get(entry.goal_id)
    if goal is not None:
        state[GOALS][entry.goal_id] = replace(
            goal, status=status, outcome_on=entry.effective_on, note=entry.personal_value("note")
        )


@fold_entry.register
def mark_goal_achieved(entry: GoalAchieved, state: PlanState) -> None:
    close_goal(entry, state, "achieved")


@fold_entry.register
def mark_goal_abandoned(entry: GoalAbandoned, state: PlanState) -> None:
    close_goal(entry, state, "abandoned")
