"""The auditor's pages: a plan's integrity, and the audit log with filters. The plan page
itself shows the timeline with actor, role and recorded time, and the state as of a
version or a time."""

from __future__ import annotations

from typing import Annotated, Literal
from uuid import UUID

from fastapi import APIRouter, Query
from starlette.responses import Response

from api.deps import get_plans
from api.routers import audit
from api.web.i18n import local_moment
from api.web.pages import AuditorPage
from api.web.reads import read_models
from infrastructure.read_model_kinds import AUDIT_LOG, PLAN_SUMMARY

router = APIRouter(include_in_schema=False)


@router.get("/plans/{plan_id}/integrity")
def integrity(page: AuditorPage, plan_id: UUID) -> Response:
    report = audit.integrity(plan_id, page.caller, get_plans(page.request))
    return page.render("integrity.html", report=report)


@router.get("/audit-log")
def audit_log(
    page: AuditorPage,
    actor: Annotated[str | None, Query(max_length=200)] = None,
    plan: Annotated[str | None, Query(max_length=36)] = None,
    kind: Annotated[Literal["entry", "read", ""], Query()] = "",
    recorded_from: Annotated[str | None, Query(alias="from", max_length=30)] = None,
    recorded_to: Annotated[str | None, Query(alias="to", max_length=30)] = None,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    try:
        plan_id = UUID(plan) if plan else None
        first, last = local_moment(recorded_from), local_moment(recorded_to)
    except ValueError:
        return page.render("audit_log.html", http_status=422, log=None, invalid=True, query={})
    answer = audit.audit_log(
        page.caller, read_models(page, AUDIT_LOG, PLAN_SUMMARY), actor or None, plan_id,
        first, last, kind or None, 100, cursor,
    )  # fmt: skip
    query = {
        "actor": actor or "", "plan": plan or "", "kind": kind,
        "from": recorded_from or "", "to": recorded_to or "",
    }  # fmt: skip
    return page.render("audit_log.html", log=answer, query=query, invalid=False)
