"""Settling in: housing secured (out of follow-up accommodation) and workshops attended."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.entry import PlanEvent, entry
from domain.rules import check_entry, one_of
from domain.state import Part, PlanState, fold_entry
from domain.vocabulary import HOUSING_KINDS, WORKSHOP_KINDS


@entry
class HousingSecured(PlanEvent):
    kind: str


@entry
class WorkshopAttended(PlanEvent):
    kind: str


@dataclass
class Housing:
    version: int
    kind: str
    secured_on: date


@dataclass
class Workshop:
    version: int
    kind: str
    attended_on: date


HOUSING: Part[list[Housing]] = Part("housing", list)
WORKSHOPS: Part[list[Workshop]] = Part("workshops", list)


@check_entry.register
def check_housing(entry: HousingSecured, state: PlanState) -> None:
    one_of(entry.kind, HOUSING_KINDS, "kind")


@check_entry.register
def check_workshop(entry: WorkshopAttended, state: PlanState) -> None:
    one_of(entry.kind, WORKSHOP_KINDS, "kind")


@fold_entry.register
def add_housing(entry: HousingSecured, state: PlanState) -> None:
    state[HOUSING].append(Housing(entry.originator_version, entry.kind, entry.effective_on))


@fold_entry.register
def add_workshop(entry: WorkshopAttended, state: PlanState) -> None:
    state[WORKSHOPS].append(Workshop(entry.originator_version, entry.kind, entry.effective_on))
