"""The caseworker's start page (the worklist), the plan list, opening a plan, the plan page
with its state by field of action and its timeline, and the printable plan."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal
from uuid import UUID

from fastapi import APIRouter, Query
from pydantic import AwareDatetime, ValidationError
from starlette.responses import Response

from api.deps import correlation_id, get_plans
from api.problems import ApiProblem, InvalidRequest
from api.routers import plan_lists
from api.routers import plans as plan_routes
from api.schemas.plans import OpenPlanBody
from api.web.form_fields import defaults, field_errors, fields_of, read_form
from api.web.i18n import local_moment
from api.web.pages import AnyPage, CaseworkerPage, Page, PlanReaderPage, PostedForm, WorklistPage
from api.web.plan_view import plan_page_values
from api.web.reads import plan_history, plan_state, read_models, writer
from api.web.refusals import refusal
from api.web.routes_session import HOME_OF_ROLE
from application.errors import ApplicationError
from domain.errors import DomainError
from infrastructure.read_model_kinds import PLAN_SUMMARY, WORKLIST

router = APIRouter(include_in_schema=False)
OPEN_FIELDS = fields_of(OpenPlanBody)


@router.get("/")
def home(page: AnyPage) -> Response:
    caller = page.caller
    if caller.role != "caseworker":
        return page.redirect(HOME_OF_ROLE[caller.role])
    return worklist_page(page)


@router.get("/worklist")
def worklist(page: WorklistPage) -> Response:
    return worklist_page(page)


def worklist_page(page: Page) -> Response:
    plans = get_plans(page.request)
    answer = plan_lists.worklist(
        page.caller,
        plans,
        correlation_id(page.request),
        read_models(page, WORKLIST),
        caseworker=None,
    )
    return page.render("worklist.html", worklist=answer)


@router.get("/plans")
def plan_list(
    page: PlanReaderPage,
    status: Annotated[Literal["open", "closed", "erased", ""] | None, Query()] = None,
    overdue: Annotated[bool, Query()] = False,
    file_number: Annotated[str | None, Query(pattern=r"^([0-9]{4}-[0-9]{5,})?$")] = None,
    transferred: Annotated[int | None, Query(ge=1)] = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
    birth_date: Annotated[str | None, Query(max_length=10)] = None,
    include: Annotated[Literal["personal", ""] | None, Query()] = None,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    plans = get_plans(page.request)
    caseworker = None
    try:  # an empty date field sends an empty value: no filter
        born = date.fromisoformat(birth_date) if birth_date else None
    except ValueError:
        raise InvalidRequest("not a date", code="invalid_field") from None
    answer = plan_lists.list_plans(
        page.caller,
        plans,
        correlation_id(page.request),
        read_models(page, PLAN_SUMMARY),
        municipality=None,
        caseworker=caseworker,
        status=status or None,
        file_number=file_number or None,
        q=(q or "").strip() or None,
        birth_date=born,
        include=include or None,
        overdue=overdue,
        limit=50,
        cursor=cursor,
    )
    return page.render(
        "plans.html",
        plans=answer,
        status=status,
        overdue=overdue,
        file_number=file_number or "",
        transferred=transferred,
        q=q or "",
        birth_date=birth_date or "",
        include=include or "",
    )


@router.get("/plans/new")
def new_plan(page: CaseworkerPage) -> Response:
    values = defaults(OPEN_FIELDS, get_plans(page.request).today())
    values["caseworker"] = page.caller.sub
    return open_form(page, values, {})


def open_form(page: Page, values: dict[str, object], errors: dict[str, str], status: int = 200,
              refused: str | None = None) -> Response:  # fmt: skip
    own = sorted(page.caller.municipalities)
    return page.render(
        "open_plan.html", http_status=status, fields=OPEN_FIELDS, values=values, errors=errors,
        refused=refused, own_places=own, idempotency_key=str(uuid.uuid4()),
    )  # fmt: skip


@router.post("/plans/new")
def open_plan(page: CaseworkerPage, form: PostedForm) -> Response:
    typed, data = read_form(OPEN_FIELDS, form)
    try:
        body = OpenPlanBody.model_validate(data)
    except ValidationError as error:
        return open_form(page, typed, field_errors(error), 422)
    try:
        answer = plan_routes.open_plan(body, writer(page, str(form.get("idempotency_key") or "")))
    except (DomainError, ApplicationError) as error:
        return open_form(page, typed, {}, 409, refusal(error.code))
    except ApiProblem as error:  # the API's own refusal: a place outside the user's scope
        return open_form(page, typed, {}, error.status, refusal(error.code))
    return page.redirect(f"/plans/{answer['id']}?saved={answer['version']}")


@router.get("/plans/{plan_id}")
def plan_page(
    page: PlanReaderPage,
    plan_id: UUID,
    version: Annotated[int | None, Query(ge=1, le=2_147_483_647)] = None,
    as_of: Annotated[AwareDatetime | None, Query()] = None,
    at: Annotated[str | None, Query(max_length=30, description="datetime-local")] = None,
    saved: Annotated[int | None, Query(ge=1)] = None,
) -> Response:
    try:
        as_of = as_of or local_moment(at)
    except ValueError:
        raise InvalidRequest("not a time", code="invalid_field") from None
    state = plan_state(page, plan_id, version, as_of)
    history = plan_history(page, plan_id)
    then = version is not None or as_of is not None
    return page.render(
        "plan.html", **plan_page_values(state, history, page.caller.role, then),
        saved=saved, asked_version=version, asked_as_of=as_of, asked_at=at or "",
    )  # fmt: skip


@router.get("/plans/{plan_id}/print")
def printable_plan(page: PlanReaderPage, plan_id: UUID) -> Response:
    state = plan_state(page, plan_id)
    history = plan_history(page, plan_id)
    values = plan_page_values(state, history, page.caller.role, then=True)
    return page.render("print.html", **values, printed_at=datetime.now().astimezone())
