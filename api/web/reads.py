"""Pages read through the API's own handlers: the same scope checks, the same logged reads."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from fastapi import Response

from api.deps import Projected, get_plans, get_read_models, get_settings, projected
from api.routers import plans as plan_routes
from api.schemas.plans import HistoryView, PlanView
from api.web.pages import Page
from api.writes import PlanWriter


def read_models(page: Page, *names: str) -> Projected:
    """The named read models as the API reads them (no position to wait for)."""
    request = page.request
    wait = projected(*names)
    return wait(request, Response(), get_settings(request), get_read_models(request), None)


def plan_state(
    page: Page, plan_id: UUID, version: int | None = None, as_of: datetime | None = None
) -> PlanView:
    plans = get_plans(page.request)
    return plan_routes.get_plan(
        plan_id, page.caller, plans, page.correlation_id, Response(), version, as_of
    )


def plan_history(page: Page, plan_id: UUID) -> HistoryView:
    plans = get_plans(page.request)
    return plan_routes.get_history(plan_id, page.caller, plans, page.correlation_id, Response())


def writer(page: Page, idempotency_key: str | None) -> PlanWriter:
    """The API's writer, for the signed-in user; the form's key makes a resend harmless."""
    key = idempotency_key if idempotency_key and len(idempotency_key) <= 200 else None
    plans = get_plans(page.request)
    return PlanWriter(plans, page.caller, page.request, Response(), page.correlation_id, None, key)
