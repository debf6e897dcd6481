"""The subject-access export (GDPR Art. 15): everything stored about a person, decrypted."""

from __future__ import annotations

from typing import Annotated, Literal
from uuid import UUID

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse, JSONResponse, Response

from api.auth import Caller
from api.deps import CorrelationId, PlansDep, requires
from api.errors import problem_responses
from api.personal_reads import record_personal_read
from api.subject_access import as_html, as_json, subject_access
from api.writes import plan_in_scope

router = APIRouter(prefix="/v1/plans", tags=["plans"])
EXPORT_PATH = "/{plan_id}/export"
ExportCaller = Annotated[Caller, Depends(requires("caseworker", "admin"))]


@router.get(
    EXPORT_PATH,
    response_class=Response,
    responses={
        200: {
            "description": "Everything stored about the person",
            "content": {"application/json": {}, "text/html": {}},
        },
        **problem_responses(401, 403, 404, 422, 503),
    },
    summary="Subject-access export (GDPR Art. 15), as JSON or a printable German document",
)
def export_plan(
    plan_id: UUID,
    caller: ExportCaller,
    plans: PlansDep,
    correlation_id: CorrelationId,
    format: Annotated[Literal["json", "html"], Query(description="json or html")] = "json",
) -> Response:
    """The person's data, the plan and every entry with who recorded it. A formal disclosure:
    the read is recorded whoever asks (`GET /v1/audit-log`, kind `read`)."""
    plan_in_scope(plans, plan_id, caller)
    export = subject_access(plans, plan_id)
    record_personal_read(
        plans,
        caller,
        correlation_id,
        plan_id,
        ("subject access", EXPORT_PATH),
        export.plan.version,
        whoever_reads=True,
    )
    if format == "html":
        return HTMLResponse(as_html(export))
    return JSONResponse(as_json(export))
