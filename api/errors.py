"""The one place where errors become RFC 9457 problem responses; nothing else picks a status."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from http import HTTPStatus
from typing import Any

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from api.problems import ApiProblem
from api.schemas.common import Problem
from application import errors as app_errors
from domain import errors as domain_errors
from infrastructure.availability import STORE_UNAVAILABLE
from infrastructure.crypto import MasterKeyUnavailable

PROBLEM_TYPE = "https://iplan.example/problems/"
PROBLEM_MEDIA_TYPE = "application/problem+json"
PATH_PARAMETER = re.compile(r"\\\{[^}]*\\\}")  # a {parameter} after re.escape

log = structlog.get_logger("iplan.api")

# Application errors: (status, code comes from the error).
APPLICATION_STATUS: dict[type[app_errors.ApplicationError], int] = {
    app_errors.PlanNotFound: 404,
    app_errors.VersionNotFound: 404,
    app_errors.StaleVersion: 412,
    app_errors.ConcurrentWrites: 409,
    app_errors.IdempotencyKeyReused: 422,
    app_errors.PlanTampered: 409,
}


def problem(
    status: int,
    code: str,
    detail: str,
    *,
    errors: list[dict[str, Any]] | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE + code,
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "code": code,
    }
    if errors is not None:
        body["errors"] = errors
    return JSONResponse(body, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the problems an operation may answer."""
    return {
        status: {
            "model": Problem,
            "description": HTTPStatus(status).phrase,
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for status in statuses
    }


ETAG_HEADER = {
    "ETag": {
        "description": 'The plan\'s version as an entity tag, e.g. "4"',
        "schema": {"type": "string"},
    }
}


def with_etag(status: int, responses: dict[int | str, dict[str, Any]]) -> dict[int | str, Any]:
    """Adds the documented ETag header to the success response `status`."""
    return {**responses, status: {"headers": ETAG_HEADER}}


def _api_problem(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, ApiProblem)
    headers = {
        401: {"WWW-Authenticate": "Bearer"},
        503: {"Retry-After": "5"},
    }.get(error.status)
    errors = getattr(error, "errors", None)
    return problem(error.status, error.code, error.detail, errors=errors, headers=headers)


def _validation(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    details = list(error.errors())
    if any(e.get("type") == "json_invalid" for e in details):
        return problem(400, "malformed_json", "the request body is not valid JSON")
    # Never echo the input back: it may hold personal data.
    fields = [
        {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": e.get("type", "")}
        for e in details
    ]
    where = ", ".join(".".join(str(p) for p in f["loc"]) for f in fields[:5])
    return problem(422, "invalid_field", f"invalid fields: {where}", errors=fields)


def _domain(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, domain_errors.DomainError)
    status = 422 if isinstance(error, domain_errors.InvalidValue) else 409
    return problem(status, error.code, error.message)


def _application(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, app_errors.ApplicationError)
    status = next((s for t, s in APPLICATION_STATUS.items() if isinstance(error, t)), 409)
    return problem(status, error.code, error.message)


def _master_key_unavailable(request: Request, error: Exception) -> JSONResponse:
    log.error("master_key_unavailable", error=str(error))
    return problem(
        503,
        "master_key_unavailable",
        "the store's master key was rotated and this service does not hold the new one: "
        "it must be restarted with it",
        headers={"Retry-After": "30"},
    )


def _store_unavailable(request: Request, error: Exception) -> JSONResponse:
    request.app.state.metrics.store_errors.inc()
    log.warning("store_unavailable", error=type(error).__name__)
    return problem(
        503,
        "store_unavailable",
        "the event store cannot be reached; try again shortly",
        headers={"Retry-After": "5"},
    )


def allowed_methods(request: Request) -> list[str] | None:
    """Every method the document has for the request's path (routes of one path may be
    several: GET and POST /v1/plans), or None for a path it does not describe."""
    methods: set[str] = set()
    for template, operations in request.app.openapi()["paths"].items():
        pattern = PATH_PARAMETER.sub("[^/]+", re.escape(template))
        if re.fullmatch(pattern, request.url.path):
            methods.update(method.upper() for method in operations)
    if not methods:
        return None
    return sorted({*methods, "OPTIONS"})


def _http(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    if error.status_code == 405:
        allowed = allowed_methods(request)
        if allowed is not None:
            allow = {"Allow": ", ".join(allowed)}
            if request.method == "OPTIONS":
                return Response(status_code=204, headers=allow)
            return problem(405, "method_not_allowed", str(error.detail), headers=allow)
    codes = {400: "malformed_request", 404: "not_found", 405: "method_not_allowed"}
    code = codes.get(error.status_code, HTTPStatus(error.status_code).phrase.lower())
    return problem(
        error.status_code, code.replace(" ", "_"), str(error.detail), headers=error.headers
    )


Handler = Callable[[Request, Exception], Response]
HANDLERS: dict[type[Exception], Handler] = {
    ApiProblem: _api_problem,
    RequestValidationError: _validation,
    domain_errors.DomainError: _domain,
    app_errors.ApplicationError: _application,
    HTTPException: _http,
    MasterKeyUnavailable: _master_key_unavailable,
    **dict.fromkeys(STORE_UNAVAILABLE, _store_unavailable),
}


def install_error_handlers(app: FastAPI) -> None:
    for error_type, handler in HANDLERS.items():
        app.add_exception_handler(error_type, handler)
