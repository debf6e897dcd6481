"""Which problem `code`s each HTTP status carries, for the OpenAPI document and client authors.

Codes of domain and application errors come from their types (api/errors.py maps them to a
status); the codes the API layer raises itself are listed here, and a test checks that every
code raised under api/ is.
"""

from __future__ import annotations

from typing import TypeVar

from api.errors import APPLICATION_STATUS  # the one place that picks statuses
from application import errors as app_errors
from domain import errors as domain_errors

E = TypeVar("E")

API_CODES: dict[int, tuple[str, ...]] = {
    400: ("malformed_json", "malformed_request", "invalid_if_match"),
    401: ("token_missing", "token_expired", "unauthenticated"),
    403: (
        "forbidden",
        "municipality_out_of_scope",
        "not_your_worklist",
        "personal_data_not_included",
    ),
    404: ("plan_not_found", "version_not_found", "projection_not_found", "not_found"),
    405: ("method_not_allowed",),
    408: ("request_timeout",),
    412: (),
    413: ("payload_too_large",),
    422: (
        "invalid_field",
        "invalid_cursor",
        "invalid_period",
        "invalid_metric",
        "invalid_breakdown",
        "invalid_search",
        "search_unavailable",
        "invalid_min_position",
        "invalid_version_and_as_of",
        "invalid_search",
        "search_unavailable",
    ),
    503: (
        "store_unavailable",
        "overloaded",
        "projection_lagging",
        "master_key_unavailable",
        "keys_unavailable",
        "read_models_not_ready",
        "unavailable",
    ),
}


def _subclasses(root: type[E]) -> list[type[E]]:
    found: list[type[E]] = []
    for sub in root.__subclasses__():
        found.append(sub)
        found.extend(_subclasses(sub))
    return found


def _error_codes() -> dict[int, list[str]]:
    codes: dict[int, list[str]] = {}
    for error in _subclasses(domain_errors.DomainError):
        status = 422 if issubclass(error, domain_errors.InvalidValue) else 409
        codes.setdefault(status, []).append(error.code)
    for app_error in _subclasses(app_errors.ApplicationError):
        status = next((s for t, s in APPLICATION_STATUS.items() if issubclass(app_error, t)), 409)
        codes.setdefault(status, []).append(app_error.code)
    return codes


def codes_for(status: int) -> list[str]:
    """Every code a problem with `status` may carry, without repeats, in a stable order."""
    found = [*API_CODES.get(status, ()), *_error_codes().get(status, ())]
    return list(dict.fromkeys(found))
