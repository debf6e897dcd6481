"""Job placements (kind, WZ sector, hours) and the end of an employment."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from uuid import UUID

from domain import errors
from domain.entry import PlanEvent, entry
from domain.rules import check_entry, existing, not_before, one_of, text
from domain.state import Part, PlanState, fold_entry
from domain.vocabulary import JOB_KINDS, WZ_SECTIONS


@entry
class JobPlaced(PlanEvent):
    CHILD_ID = "job_id"
    job_id: UUID
    kind: str
    sector: str
    starts_on: date
    hours_per_week: float

    def dates_ahead(self) -> dict[str, date]:
        return {"starts_on": self.starts_on}


@entry
class EmploymentEnded(PlanEvent):
    job_id: UUID


@dataclass
class Job:
    id: UUID
    kind: str
    sector: str
    placed_on: date
    starts_on: date
    hours_per_week: float
    status: str = "active"
    ended_on: date | None = None
    reason: str | None = None


JOBS: Part[dict[UUID, Job]] = Part("jobs", dict)


@check_entry.register
def check_job_placement(entry: JobPlaced, state: PlanState) -> None:
    one_of(entry.kind, JOB_KINDS, "kind")
    one_of(entry.sector, WZ_SECTIONS, "sector")
    if not 0 < entry.hours_per_week <= 60:
        raise errors.InvalidValue("hours_per_week must be more than 0 and at most 60")


@check_entry.register
def check_employment_ended(entry: EmploymentEnded, state: PlanState) -> None:
    job = existing(state[JOBS], entry.job_id, "job")
    if job.status != "active":
        raise errors.InvalidTransition("the employment has already ended")
    not_before(entry.effective_on, job.placed_on, "ended_on")
    text(entry.personal_value("reason"), "reason")


@fold_entry.register
def add_job(entry: JobPlaced, state: PlanState) -> None:
    state[JOBS][entry.job_id] = Job(
        id=entry.job_id,
        kind=entry.kind,
        sector=entry.sector,
        placed_on=entry.effective_on,
        starts_on=entry.starts_on,
        hours_per_week=entry.hours_per_week,
    )


@fold_entry.register
def mark_employment_ended(entry: EmploymentEnded, state: PlanState) -> None:
    job = state[JOBS].get(entry.job_id)
    if job is not None:
        state[JOBS][entry.job_id] = replace(
            job, status="ended", ended_on=entry.effective_on, reason=entry.personal_value("reason")
        )
