"""A form for every entry and follow-up: shown with the API's own fields, sent to the API's
own handler, refused inline with the German sentence for the domain's code."""

from __future__ import annotations

import uuid
from typing import Any
from uuid import UUID

from fastapi import APIRouter
from pydantic import ValidationError
from starlette.responses import Response

from api.deps import get_plans
from api.problems import ApiProblem, NotFound
from api.schemas.entries import TransferBody
from api.schemas.plans import PlanView
from api.web.entry_forms import FORMS, EntryForm, call
from api.web.form_fields import FormField, Option, defaults, field_errors, fields_of, read_form
from api.web.i18n import N_
from api.web.pages import Page, PageForbidden, PlanReaderPage, PostedForm
from api.web.reads import plan_state, writer
from api.web.refusals import refusal
from api.web.words import value_label
from application.errors import ApplicationError
from domain.errors import DomainError
from domain.vocabulary import CONSENT_PURPOSES

router = APIRouter(include_in_schema=False)
CONFIRM_ERASURE = N_("Please confirm that the personal data is to be destroyed.")
FORM_PATHS = ("/plans/{plan_id}/forms/{slug}", "/plans/{plan_id}/forms/{slug}/{item}")


def form_of(page: Page, slug: str) -> EntryForm:
    form = FORMS.get(slug)
    if form is None:
        raise NotFound(f"no form {slug}", code="not_found")
    if page.caller.role != form.role:
        raise PageForbidden
    return form


def item_of(form: EntryForm, item: str | None) -> dict[str, Any]:
    """The follow-up's item as the route takes it (a UUID, or a consent's purpose)."""
    if form.item is None:
        if item is not None:
            raise NotFound(f"no form {form.slug} for an item", code="not_found")
        return {}
    if item is None:
        raise NotFound("no item named", code="not_found")
    if form.item == "purpose":
        if item not in CONSENT_PURPOSES:
            raise NotFound(f"no purpose {item}", code="not_found")
        return {"purpose": item}
    try:
        return {form.item: UUID(item)}
    except ValueError:
        raise NotFound(f"no item {item}", code="not_found") from None


def questions(form: EntryForm, state: PlanView) -> list[FormField]:
    goals = tuple(
        Option(str(g.id), f"{g.description or ''} ({value_label(g.field)})")
        for g in state.goals
        if g.status == "open"
    )
    return fields_of(form.body, choices={"goal_id": goals})


def show(
    page: Page, form: EntryForm, state: PlanView, item: str | None, values: dict[str, Any],
    errors: dict[str, str], status: int = 200, refused: str | None = None,
) -> Response:  # fmt: skip
    return page.render(
        "entry_form.html", http_status=status, form=form, plan=state, item=item,
        fields=questions(form, state), values=values, errors=errors, refused=refused,
        idempotency_key=str(uuid.uuid4()),
    )  # fmt: skip


def entry_form(page: Page, plan_id: UUID, slug: str, item: str | None) -> Response:
    form = form_of(page, slug)
    item_of(form, item)
    state = plan_state(page, plan_id)
    fields = questions(form, state)
    values = defaults(fields, get_plans(page.request).today())
    values.update(
        {k: v for k, v in page.request.query_params.items() if k in form.body.model_fields}
    )
    return show(page, form, state, item, values, {})


def send_form(
    page: Page, plan_id: UUID, slug: str, item: str | None, posted: PostedForm
) -> Response:
    form = form_of(page, slug)
    arguments = item_of(form, item)
    state = plan_state(page, plan_id)
    typed, data = read_form(questions(form, state), posted)
    try:
        body = form.body.model_validate(data)
    except ValidationError as error:
        return show(page, form, state, item, typed, field_errors(error), 422)
    if form.slug == "erasure" and posted.get("confirm") != "yes":
        return show(page, form, state, item, typed, {"confirm": CONFIRM_ERASURE}, 422)
    key = str(posted.get("idempotency_key") or "")
    try:
        answer = call(form, plan_id=plan_id, body=body, writer=writer(page, key), **arguments)
    except (DomainError, ApplicationError) as error:
        return show(page, form, state, item, typed, {}, 409, refusal(error.code))
    except ApiProblem as error:
        if error.status >= 500:
            raise
        return show(page, form, state, item, typed, {}, error.status, refusal(error.code))
    if isinstance(body, TransferBody) and not page.caller.covers(body.municipality):
        return page.redirect(f"/plans?transferred={answer['version']}")  # out of sight now
    return page.redirect(f"/plans/{plan_id}?saved={answer['version']}")


@router.get(FORM_PATHS[0])
def plan_form(page: PlanReaderPage, plan_id: UUID, slug: str) -> Response:
    return entry_form(page, plan_id, slug, None)


@router.get(FORM_PATHS[1])
def follow_up_form(page: PlanReaderPage, plan_id: UUID, slug: str, item: str) -> Response:
    return entry_form(page, plan_id, slug, item)


@router.post(FORM_PATHS[0])
def send_plan_form(page: PlanReaderPage, plan_id: UUID, slug: str, posted: PostedForm) -> Response:
    return send_form(page, plan_id, slug, None, posted)


@router.post(FORM_PATHS[1])
def send_follow_up_form(
    page: PlanReaderPage, plan_id: UUID, slug: str, item: str, posted: PostedForm
) -> Response:
    return send_form(page, plan_id, slug, item, posted)
