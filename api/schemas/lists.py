"""Answers of the projection-backed reads about plans: lists, worklist, audit log, integrity."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from api.schemas.common import View
from projections.plan_summary import PlanSummary
from projections.worklist import WorkItem

POSITION = Field(description="The global position the read model had reached when asked")
NEXT_CURSOR = Field(description="Pass as `cursor` for the next page; null on the last page")
PLAN_ID = "5f0c6f8e-3c1d-4f55-9a53-2b9e3f1d2a10"


class PlanSummaryItem(BaseModel):
    """One plan in a list: no personal value, only what lists and filters need."""

    id: UUID
    file_number: str | None = Field(description="The plan's file number (Aktenzeichen)")
    display_name: str | None = Field(
        default=None,
        description="Given and family name: for caseworkers, and for auditors and admins "
        "with include=personal; null otherwise and once the plan's personal data is erased",
    )
    status: str
    municipality: str
    caseworker: str
    opened_on: date
    advice_period_ends_on: date
    closed_on: date | None
    closure_reason: str | None
    open_measures: int
    overdue_measures: int = Field(description="Open measures due before today")
    next_due_on: date | None
    last_consultation_on: date | None
    highest_level: str | None = Field(description="Highest CEFR level reached in a course")
    employed: bool
    housing_secured_on: date | None

    @classmethod
    def of(cls, s: PlanSummary, display_name: str | None = None) -> PlanSummaryItem:
        return cls(
            id=s.plan_id,
            file_number=s.file_number,
            display_name=display_name,
            status=s.status,
            municipality=s.municipality,
            caseworker=s.caseworker,
            opened_on=s.opened_on,
            advice_period_ends_on=s.advice_period_ends_on,
            closed_on=s.closed_on,
            closure_reason=s.closure_reason,
            open_measures=s.open_measures,
            overdue_measures=s.overdue_measures,
            next_due_on=s.next_due_on,
            last_consultation_on=s.last_consultation_on,
            highest_level=s.highest_level,
            employed=s.employed,
            housing_secured_on=s.housing_secured_on,
        )


class PlanList(BaseModel):
    items: list[PlanSummaryItem]
    next_cursor: str | None = NEXT_CURSOR
    position: int = POSITION

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "items": [
                        {
                            "id": PLAN_ID,
                            "file_number": "2025-00042",
                            "display_name": "Amira Haddad",
                            "status": "open",
                            "municipality": "08317096",
                            "caseworker": "cw-anna",
                            "opened_on": "2025-01-15",
                            "advice_period_ends_on": "2028-01-15",
                            "closed_on": None,
                            "closure_reason": None,
                            "open_measures": 2,
                            "overdue_measures": 1,
                            "next_due_on": "2026-05-01",
                            "last_consultation_on": "2026-04-20",
                            "highest_level": "A2",
                            "employed": False,
                            "housing_secured_on": None,
                        }
                    ],
                    "next_cursor": f"2025-01-15_{PLAN_ID}",
                    "position": 1021,
                }
            ]
        }
    )


class WorkItemView(View):
    """`kind`: measure_overdue, measure_due, no_consultation or advice_period_ending."""

    kind: str
    plan_id: UUID
    file_number: str | None = Field(default=None, description="The plan's file number")
    display_name: str | None = Field(
        default=None,
        description="Given and family name: for caseworkers, for admins with "
        "include=personal (recorded as a read); null otherwise and once erased",
    )
    municipality: str
    caseworker: str
    due_on: date = Field(
        description="The measure's due date, 90 days after the last "
        "consultation, or the end of the advice period"
    )
    measure_id: UUID | None
    field: str | None
    title: str | None = Field(
        default=None,
        description="What is due: the measure's title (measure items); shown like display_name",
    )

    @classmethod
    def named(
        cls, item: WorkItem, display_name: str | None, title: str | None = None
    ) -> WorkItemView:
        """The item with its name and title opened (the item holds them sealed)."""
        opened = {"display_name": display_name, "title": title}
        return cls.model_validate(item).model_copy(update=opened)


class Worklist(BaseModel):
    as_of: date
    items: list[WorkItemView]
    position: int = POSITION

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "as_of": "2026-06-01",
                    "items": [
                        {
                            "kind": "measure_overdue",
                            "plan_id": PLAN_ID,
                            "municipality": "08317096",
                            "caseworker": "cw-anna",
                            "due_on": "2026-05-01",
                            "measure_id": "0b8e1d1e-5c2f-4a7c-9d0e-2f4d1b3c6a7e",
                            "field": "work",
                            "title": "Apply for recognition of the vocational degree",
                            "file_number": "2025-00042",
                            "display_name": "Amira Haddad",
                        }
                    ],
                    "position": 1021,
                }
            ]
        }
    )


class AuditEntry(View):
    """An entry recorded (`kind` entry) or a read of personal data (`kind` read)."""

    kind: str
    seq: int = Field(description="For entries their global position")
    plan_id: UUID
    version: int | None
    type: str
    actor: str
    role: str
    correlation_id: str
    recorded_at: datetime
    effective_on: date | None
    retracted_by: int | None = Field(description="The version of the retraction, if retracted")


class AuditLog(BaseModel):
    items: list[AuditEntry] = Field(
        description="In order of recording; a page may hold fewer than `limit` items "
        "(entries of plans outside the caller's municipalities are left out)"
    )
    next_cursor: str | None = NEXT_CURSOR
    position: int = POSITION

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "items": [
                        {
                            "kind": "entry",
                            "seq": 1021,
                            "plan_id": PLAN_ID,
                            "version": 4,
                            "type": "MeasureAgreed",
                            "actor": "cw-anna",
                            "role": "caseworker",
                            "correlation_id": "req-7",
                            "recorded_at": "2026-05-04T09:15:02.123456+00:00",
                            "effective_on": "2026-05-04",
                            "retracted_by": None,
                        }
                    ],
                    "next_cursor": None,
                    "position": 1021,
                }
            ]
        }
    )


class Integrity(View):
    """Whether the plan's stored history is intact; if not, where it first breaks."""

    plan_id: UUID
    ok: bool
    checked: int = Field(description="How many stored entries were checked")
    first_bad_version: int | None
    problem: str | None

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "plan_id": PLAN_ID,
                    "ok": True,
                    "checked": 12,
                    "first_bad_version": None,
                    "problem": None,
                }
            ]
        }
    )
