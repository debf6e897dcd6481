"""Refusals raised by the API layer itself; api/errors.py turns them into problem responses."""

from __future__ import annotations


class ApiProblem(Exception):
    status = 500
    code = "internal_error"

    def __init__(self, detail: str, *, code: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        if code is not None:
            self.code = code


class MalformedRequest(ApiProblem):
    status = 400
    code = "malformed_request"


class Unauthenticated(ApiProblem):
    status = 401
    code = "unauthenticated"


class Forbidden(ApiProblem):
    status = 403
    code = "forbidden"


class NotFound(ApiProblem):
    """Also what a plan outside the caller's municipalities looks like."""

    status = 404
    code = "plan_not_found"


class InvalidRequest(ApiProblem):
    status = 422
    code = "invalid_field"


class PayloadTooLarge(ApiProblem):
    status = 413
    code = "payload_too_large"


class Unavailable(ApiProblem):
    """Something the API needs (besides the store, see api/errors.py) cannot be reached."""

    status = 503
    code = "unavailable"


class StoreUnavailable(Unavailable):
    code = "store_unavailable"


class ReadModelsNotReady(Unavailable):
    """Readiness: some read models have no live worker, failed, or lag (`errors` says which)."""

    code = "read_models_not_ready"

    def __init__(self, detail: str, errors: list[dict[str, object]]) -> None:
        super().__init__(detail)
        self.errors = errors
