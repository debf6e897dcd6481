"""Language and integration courses: enrolled, then completed (with a level) or discontinued."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from uuid import UUID

from domain import errors
from domain.entry import PlanEvent, entry
from domain.rules import check_entry, existing, not_before, one_of, text
from domain.state import Part, PlanState, fold_entry
from domain.vocabulary import CEFR_LEVELS, COURSE_KINDS, cefr_rank


@entry
class CourseEnrolled(PlanEvent):
    CHILD_ID = "course_id"
    course_id: UUID
    kind: str
    provider: str
    starts_on: date
    target_level: str | None

    def dates_ahead(self) -> dict[str, date]:
        return {"starts_on": self.starts_on}


@entry
class CourseCompleted(PlanEvent):
    course_id: UUID
    level_reached: str | None
    certificate: bool


@entry
class CourseDiscontinued(PlanEvent):
    course_id: UUID


@dataclass
class Course:
    id: UUID
    kind: str
    provider: str
    enrolled_on: date
    starts_on: date
    target_level: str | None
    status: str = "enrolled"
    ended_on: date | None = None
    level_reached: str | None = None
    certificate: bool = False
    reason: str | None = None


COURSES: Part[dict[UUID, Course]] = Part("courses", dict)


def highest_level_reached(state: PlanState) -> str | None:
    levels = [c.level_reached for c in state[COURSES].values() if c.level_reached]
    return max(levels, key=cefr_rank) if levels else None


@check_entry.register
def check_enrolment(entry: CourseEnrolled, state: PlanState) -> None:
    one_of(entry.kind, COURSE_KINDS, "kind")
    text(entry.provider, "provider")
    if entry.target_level is not None:
        one_of(entry.target_level, CEFR_LEVELS, "target_level")


@check_entry.register
def check_course_ended(entry: CourseCompleted | CourseDiscontinued, state: PlanState) -> None:
    course = existing(state[COURSES], entry.course_id, "course")
    if course.status != "enrolled":
        raise errors.InvalidTransition(f"the course is already {course.status}")
    not_before(entry.effective_on, course.enrolled_on, "the date")
    if isinstance(entry, CourseCompleted) and entry.level_reached is not None:
        one_of(entry.level_reached, CEFR_LEVELS, "level_reached")


@fold_entry.register
def add_course(entry: CourseEnrolled, state: PlanState) -> None:
    state[COURSES][entry.course_id] = Course(
        id=entry.course_id,
        kind=entry.kind,
        provider=entry.provider,
        enrolled_on=entry.effective_on,
        starts_on=entry.starts_on,
        target_level=entry.target_level,
    )


@fold_entry.register
def mark_course_completed(entry: CourseCompleted, state: PlanState) -> None:
    course = state[COURSES].get(entry.course_id)
    if course is not None:
        state[COURSES][entry.course_id] = replace(
            course,
            status="completed",
            ended_on=entry.effective_on,
            level_reached=entry.level_reached,
            certificate=entry.certificate,
        )


@fold_entry.register
def mark_course_discontinued(entry: CourseDiscontinued, state: PlanState) -> None:
    course = state[COURSES].get(entry.course_id)
    if course is not None:
        state[COURSES][entry.course_id] = replace(
            course,
            status="discontinued",
            ended_on=entry.effective_on,
            reason=entry.personal_value("reason"),
        )
