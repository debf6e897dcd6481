"""Lists of plans and the worklist, from the plan summary and worklist read models."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query

from api.deps import (
    PlanReaderCaller,
    PlansDep,
    Projected,
    WorklistCaller,
    projected,
    scope_of,
)
from api.errors import problem_responses
from api.problems import Forbidden, InvalidRequest
from api.schemas.common import Municipality
from api.schemas.lists import PlanList, PlanSummaryItem, WorkItemView, Worklist
from infrastructure.read_model_kinds import PLAN_SUMMARY, WORKLIST
from projections.plan_summary import PlanFilter, decode_cursor
from projections.worklist import WorkQuery

router = APIRouter(tags=["lists"])

READ_RESPONSES = problem_responses(401, 403, 422, 503)
Limit = Annotated[int, Query(ge=1, le=200, description="Items per page")]
Cursor = Annotated[
    str | None,
    Query(max_length=200, description="The `next_cursor` of the previous page"),
]
Caseworker = Annotated[
    str | None, Query(min_length=1, max_length=200, description="A caseworker's user id")
]


@router.get(
    "/v1/plans",
    response_model=PlanList,
    responses=READ_RESPONSES,
    summary="Plans in the caller's municipalities, filtered and paged",
)
def list_plans(
    caller: PlanReaderCaller,
    plans: PlansDep,
    read: Annotated[Projected, Depends(projected(PLAN_SUMMARY))],
    municipality: Annotated[Municipality | None, Query()] = None,
    caseworker: Caseworker = None,
    status: Annotated[Literal["open", "closed", "erased"] | None, Query()] = None,
    file_number: Annotated[
        str | None,
        Query(
            pattern=r"^[0-9]{4}-[0-9]{5,}$",
            description="Only the plan with this file number (Aktenzeichen), e.g. 2026-00042",
        ),
    ] = None,
    overdue: Annotated[
        bool, Query(description="Only plans with an open measure due before today")
    ] = False,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> PlanList:
    """In (opened_on, id) order. A municipality outside the token's scope lists nothing."""
    plan_filter = PlanFilter(
        scope=scope_of(caller),
        municipality=municipality,
        caseworker=caseworker,
        status=status,
        file_number=file_number,
        overdue=overdue,
        as_of=plans.today(),
    )
    if cursor is not None:
        try:
            decode_cursor(cursor)
        except ValueError:
            raise InvalidRequest(
                "the cursor was not handed out by this list", code="invalid_cursor"
            ) from None
    page = read.models.summary.list_plans(plan_filter, limit=limit, cursor=cursor)
    return PlanList(
        items=[PlanSummaryItem.of(s) for s in page.items],
        next_cursor=page.next_cursor,
        position=read.position,
    )


@router.get(
    "/v1/worklist",
    response_model=Worklist,
    responses=READ_RESPONSES,
    summary="Overdue and due measures, plans without contact, advice periods ending",
)
def worklist(
    caller: WorklistCaller,
    plans: PlansDep,
    read: Annotated[Projected, Depends(projected(WORKLIST))],
    caseworker: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=200,
            description="Admins: whose worklist (default: everyone's in scope). "
            "Caseworkers always get their own.",
        ),
    ] = None,
) -> Worklist:
    """Caseworkers get their own items (plans whose caseworker is their token's `sub`).

    Measures due within 14 days or overdue, open plans without a consultation for 90 days,
    and advice periods ending within 60 days, in due order, within the caller's municipalities."""
    if caller.role == "caseworker":
        if caseworker is not None and caseworker != caller.sub:
            raise Forbidden("caseworkers see their own worklist only", code="not_your_worklist")
        caseworker = caller.sub
    today = plans.today()
    items = read.models.worklist.worklist(
        WorkQuery(as_of=today, caseworker=caseworker, scope=scope_of(caller))
    )
    return Worklist(as_of=today, items=[WorkItemView.of(i) for i in items], position=read.position)
