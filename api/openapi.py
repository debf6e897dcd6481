"""The OpenAPI document as client generators read it: stable operation ids, described tags,
every answer an operation may give (also the middleware's), problem+json for every error
(FastAPI's own 422 schema never appears), optional parameters that are left out rather
than null, and the glossary's vocabularies as named schemas.

`python -m api.openapi` prints it; `make openapi` refreshes the committed copy
(api/openapi.json), which a test compares with what the app generates.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from http import HTTPStatus
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

from api.errors import PROBLEM_MEDIA_TYPE
from api.middleware import UNLIMITED_PATHS
from api.openapi_vocabulary import name_vocabularies
from api.problem_codes import codes_for

COMMITTED = Path(__file__).with_name("openapi.json")

# Route functions whose names alone would read poorly as a client's method names.
# Every other operation id is the route function's name in camelCase: `open_plan` → `openPlan`.
OPERATION_IDS = {
    "transfer": "transferPlan",
    "retract": "retractEntry",
    "audit_log": "getAuditLog",
    "integrity": "verifyIntegrity",
    "monthly": "getMonthlyStats",
    "state_report": "getStateReport",
    "stats_table": "getStatsTable",
    "stats_metrics": "listStatsMetrics",
    "projections": "listProjections",
    "rebuild": "rebuildProjection",
    "worklist": "getWorklist",
    "healthz": "checkLiveness",
    "readyz": "checkReadiness",
}

TAGS = [
    {"name": "plans", "description": "Open a plan; read its state (now or then) and history."},
    {"name": "entries", "description": "Consultations, consents, education, housing, workshops."},
    {"name": "goals and measures", "description": "Goals, measures and their follow-ups."},
    {
        "name": "referrals, courses and jobs",
        "description": "Referrals to partners, language courses and jobs, with follow-ups.",
    },
    {
        "name": "lifecycle",
        "description": "Handover, transfer, extension, retraction, closure and reopening.",
    },
    {"name": "lists", "description": "Plans and the worklist, from read models."},
    {"name": "audit", "description": "The audit log across plans and a plan's tamper evidence."},
    {"name": "statistics", "description": "Analysts' figures and the state's period report."},
    {"name": "admin", "description": "Read models: their lag and rebuilds."},
    {"name": "operations", "description": "Liveness and readiness probes (no token)."},
]

FASTAPI_VALIDATION_SCHEMAS = ("HTTPValidationError", "ValidationError")
PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}


def operation_id(route: APIRoute) -> str:
    """The operation id of `route`: its function's name in camelCase, or the named exception."""
    if route.name in OPERATION_IDS:
        return OPERATION_IDS[route.name]
    first, *rest = route.name.split("_")
    return first + "".join(part.capitalize() for part in rest)


def _middleware_answers(path: str, operation: dict[str, Any]) -> None:
    """What the middleware may answer before a route runs (api/middleware.py)."""
    responses = operation.setdefault("responses", {})
    statuses = [] if path in UNLIMITED_PATHS else [503]
    if "requestBody" in operation:
        statuses += [400, 408, 413, 422]
    for status in statuses:
        responses.setdefault(str(status), {"description": HTTPStatus(status).phrase})


def _not_null(parameter: dict[str, Any]) -> None:
    """An optional header or query parameter is left out, never sent as null: FastAPI's
    `anyOf [..., null]` would let generators send the text "null" (an If-Match that is 400)."""
    schema = parameter.get("schema", {})
    choices = schema.get("anyOf")
    if not choices or {"type": "null"} not in choices:
        return
    rest = [choice for choice in choices if choice != {"type": "null"}]
    del schema["anyOf"]
    if len(rest) == 1:
        parameter["schema"] = {**rest[0], **schema}
    else:
        schema["anyOf"] = rest


def _problem_answers(operation: dict[str, Any]) -> None:
    """Every error answer as problem+json, naming the codes it may carry; in status order."""
    operation["responses"] = dict(sorted(operation["responses"].items()))
    for status, answer in operation["responses"].items():
        if not status.isdigit() or int(status) < 400:
            continue
        answer["content"] = {PROBLEM_MEDIA_TYPE: {"schema": PROBLEM_REF}}
        codes = codes_for(int(status))
        if codes:
            answer["description"] = (
                f"{answer.get('description', '')}; `code` is one of: "
                + ", ".join(f"`{c}`" for c in codes)
            )


def _as_served(document: dict[str, Any]) -> dict[str, Any]:
    """FastAPI's document made to say what the service does (see the module's docstring)."""
    for path, operations in document.get("paths", {}).items():
        for operation in operations.values():
            _middleware_answers(path, operation)
            for parameter in operation.get("parameters", []):
                _not_null(parameter)
            _problem_answers(operation)
    schemas = document.get("components", {}).get("schemas", {})
    for name in FASTAPI_VALIDATION_SCHEMAS:
        schemas.pop(name, None)
    return name_vocabularies(document)


def contract(app: FastAPI) -> dict[str, Any]:
    """The app's OpenAPI document (built once, then served from memory)."""
    if app.openapi_schema is None:
        document = get_openapi(
            title=app.title,
            version=app.version,
            openapi_version=app.openapi_version,
            description=app.description,
            routes=app.routes,
            tags=TAGS,
        )
        app.openapi_schema = _as_served(document)
    return app.openapi_schema


def describe_with_contract(app: FastAPI) -> Callable[[], dict[str, Any]]:
    def openapi() -> dict[str, Any]:
        return contract(app)

    return openapi


def as_text(document: dict[str, Any]) -> str:
    """The committed form: stable key order as generated, two-space indent, final newline."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def main() -> None:
    from api.app import create_app
    from infrastructure.settings import Settings

    sys.stdout.write(as_text(create_app(Settings(store="memory")).openapi()))


if __name__ == "__main__":
    main()
