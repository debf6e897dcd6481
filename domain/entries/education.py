"""Access to education secured for the person or a household member (kita, school, ...)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain import errors
from domain.entry import PlanEvent, entry
from domain.rules import check_entry, one_of
from domain.state import Part, PlanState, fold_entry
from domain.vocabulary import EDUCATION_KINDS


@entry
class EducationAccessSecured(PlanEvent):
    kind: str
    for_member: int | None


@dataclass
class Education:
    version: int
    kind: str
    for_member: int | None
    secured_on: date


EDUCATION: Part[list[Education]] = Part("education", list)


@check_entry.register
def check_education_access(entry: EducationAccessSecured, state: PlanState) -> None:
    one_of(entry.kind, EDUCATION_KINDS, "kind")
    if entry.for_member is not None:
        members = (state.personal or {}).get("household_members", [])
        # Once erased, the household is unknown: the index can no longer be checked.
        if state.personal is not None and not 0 <= entry.for_member < len(members):
            raise errors.UnknownReference(
                f"the household has no member number {entry.for_member} "
                f"(members are counted from 0; it has {len(members)})"
            )


@fold_entry.register
def add_education(entry: EducationAccessSecured, state: PlanState) -> None:
    state[EDUCATION].append(
        Education(entry.originator_version, entry.kind, entry.for_member, entry.effective_on)
    )
