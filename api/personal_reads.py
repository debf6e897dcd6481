"""Reads of personal data are recorded before the answer is sent (DESIGN 6): who read which
plan at which version, through which endpoint; never what was read."""

from __future__ import annotations

from uuid import UUID

import structlog

from api.auth import Caller
from application.plans import IntegrationPlans

log = structlog.get_logger("iplan.api")

# Roles whose reads of personal data are recorded. Caseworkers own the data in their
# daily work: their everyday reads are not recorded, or the log would drown.
LOGGED_READERS = ("auditor", "admin")
PREFIX = "/v1/plans"


def record_personal_read(
    plans: IntegrationPlans,
    caller: Caller,
    correlation_id: str,
    plan_id: UUID,
    read: tuple[str, str],
    version: int,
    *,
    whoever_reads: bool = False,
) -> None:
    """Records the read if the caller's role is logged (or `whoever_reads`, for a formal
    disclosure such as the subject-access export); a failure here fails the request."""
    if caller.role not in LOGGED_READERS and not whoever_reads:
        return
    what, path = read
    endpoint = f"GET {path if path.startswith('/v1/') else PREFIX + path}"
    ctx = plans.context(actor=caller.sub, role=caller.role, correlation_id=correlation_id)
    recorded = plans.record_personal_data_read(plan_id, ctx, endpoint=endpoint, version=version)
    # The structured log says where to find the record, never what was read.
    log.info(
        "personal_data_read",
        plan_id=str(plan_id),
        what=what,
        endpoint=endpoint,
        actor=caller.sub,
        role=caller.role,
        position=recorded.position,
    )
