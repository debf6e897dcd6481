"""Lists of plans and the worklist, from the plan summary and worklist read models."""

from __future__ import annotations

from typing import Annotated, Literal
from uuid import UUID

from fastapi import APIRouter, Depends, Query

from api.deps import (
    CorrelationId,
    PlanReaderCaller,
    PlansDep,
    Projected,
    WorklistCaller,
    projected,
    scope_of,
)
from api.errors import problem_responses
from api.names import Include, NameOpener, require_names, shows_names
from api.problems import Forbidden, InvalidRequest
from api.schemas.common import Day, Municipality
from api.schemas.lists import PlanList, PlanSummaryItem, WorkItemView, Worklist
from infrastructure.read_model_kinds import PLAN_SUMMARY, WORKLIST
from projections.plan_summary import PlanFilter, decode_cursor
from projections.worklist import WorkQuery

router = APIRouter(tags=["lists"])
# What a list or worklist shows of a plan's personal data, as the access log records it.
LIST_READ = ("display_name", "")
WORKLIST_READ = ("display_name", "/v1/worklist")

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
    correlation_id: CorrelationId,
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
    q: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=200,
            description="Find plans by the person's given or family name: every word must "
            "match a name, regardless of case, umlauts and ß (Müller = Mueller = MÜLLER), "
            "accents (Şahin = Sahin), ae/oe/ue read as a/o/u (Muller), or by sound "
            "(Kölner Phonetik: Meier = Mayer = Maier). Exact matches come first, then "
            "spellings, then sound-alikes; within each, by (opened_on, id). At most 6 "
            "words (422 invalid_search, also for a text without a letter or digit). "
            "Auditors and admins need include=personal.",
        ),
    ] = None,
    birth_date: Annotated[
        Day | None,
        Query(
            description="Only plans of a person born on this day (auditors and admins: "
            "with include=personal)"
        ),
    ] = None,
    include: Include = None,
    overdue: Annotated[
        bool, Query(description="Only plans with an open measure due before today")
    ] = False,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> PlanList:
    """In (opened_on, id) order, a search in order of how well it matched. A municipality
    outside the token's scope lists nothing. Items carry `display_name` for caseworkers, and
    for auditors and admins with include=personal (each such read is recorded)."""
    search = None
    if q is not None or birth_date is not None:
        require_names(caller, include, "name" if q is not None else "birth date")
        if read.models.people is None:
            raise InvalidRequest("this store keeps no search index", code="search_unavailable")
        try:
            search = read.models.people.search(q, birth_date)
        except ValueError as error:
            raise InvalidRequest(str(error), code="invalid_search") from None
    plan_filter = PlanFilter(
        scope=scope_of(caller),
        municipality=municipality,
        caseworker=caseworker,
        status=status,
        file_number=file_number,
        search=search,
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
    names: dict[UUID, str | None] = {}
    if shows_names(caller, include):
        opener = NameOpener(plans, read.models.people, caller, correlation_id, LIST_READ)
        names = opener.open((s.plan_id, s.version, s.display_name) for s in page.items)
    return PlanList(
        items=[PlanSummaryItem.of(s, names.get(s.plan_id)) for s in page.items],
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
    correlation_id: CorrelationId,
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
    include: Include = None,
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
    names: dict[UUID, str | None] = {}
    titles: dict[tuple[UUID, UUID | None], str | None] = {}
    if shows_names(caller, include):
        opener = NameOpener(plans, read.models.people, caller, correlation_id, WORKLIST_READ)
        names = opener.open((i.plan_id, i.version, i.display_name) for i in items)
        titles = opener.titles(items)
    return Worklist(
        as_of=today,
        items=[
            WorkItemView.named(i, names.get(i.plan_id), titles.get((i.plan_id, i.measure_id)))
            for i in items
        ],
        position=read.position,
    )
