"""Application errors: what can go wrong around the domain (finding, racing, repeating)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from uuid import UUID

import structlog
from eventsourcing.persistence import PersistenceError

from application.protection import KeysUnavailable

log = structlog.get_logger("iplan.plans")


class ApplicationError(Exception):
    code = "application_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class PlanNotFound(ApplicationError):
    code = "plan_not_found"


class VersionNotFound(ApplicationError):
    code = "version_not_found"


class StaleVersion(ApplicationError):
    """The client's expected version (If-Match) no longer matches the plan's."""

    code = "version_mismatch"

    def __init__(self, expected: int, actual: int | None) -> None:
        now = "" if actual is None else f" (it is now at version {actual})"
        super().__init__(
            f"the plan has changed since version {expected}{now}: reload it and try again"
        )
        self.expected = expected
        self.actual = actual


class ConcurrentWrites(ApplicationError):
    """Retrying on fresh state kept losing the race: the client may try again."""

    code = "concurrent_writes"


class IdempotencyKeyReused(ApplicationError):
    """The same Idempotency-Key came with a different request."""

    code = "idempotency_key_reused"


class PlanTampered(ApplicationError):
    """The plan's stored history fails a check on reading it: changed in the database.

    Nothing of it is served; `GET /integrity` and `iplan verify` say what was found."""

    code = "plan_integrity_failed"


@contextmanager
def replaying(plan_id: UUID) -> Iterator[None]:
    """Stored entries that do not replay (a gap, an unknown topic, bytes that do not
    decode) were changed in the database: never a crash, and never served."""
    try:
        yield
    except (ApplicationError, PersistenceError, KeysUnavailable):
        raise  # not found, tampering already named, the store or a master key is away
    except Exception:
        log.exception("plan_does_not_load", plan_id=str(plan_id))
        raise PlanTampered(
            f"plan {plan_id} does not replay from its stored entries; "
            "its integrity check says where"
        ) from None
