"""Retention (DESIGN 6a): plans closed longer ago than `IPLAN_RETENTION_YEARS` have their
personal data erased, recorded as `PersonalDataErased` by a system actor."""

from __future__ import annotations

from uuid import UUID, uuid4

import structlog

from application.errors import ApplicationError
from application.plans import IntegrationPlans
from domain.errors import DomainError
from domain.plan import IntegrationPlan
from domain.vocabulary import add_years
from infrastructure.read_models import ReadModels

RETENTION_ACTOR = "system-retention"
LEGAL_BASIS = "retention period expired"

log = structlog.get_logger("iplan.retention")


def erase_expired(plans: IntegrationPlans, models: ReadModels, years: int) -> list[UUID]:
    """Erases every plan closed before `years` ago; answers the plans erased.

    The read model proposes, the plan decides: each plan is checked as stored and erased
    at the version checked, so a plan reopened meanwhile is left alone.
    """
    today = plans.today()
    cutoff = add_years(today, -years)
    erased = []
    for plan_id in models.summary.closed_before(cutoff):
        plan = plans.get_plan(plan_id)
        state = plan.state
        if not state.is_closed or state.closed_on is None or state.closed_on >= cutoff:
            continue
        ctx = plans.context(
            actor=RETENTION_ACTOR,
            role="admin",
            correlation_id=f"retention-{uuid4()}",
            expected_version=plan.version,
        )
        try:
            erase = IntegrationPlan.erase_personal_data
            plans.record(plan_id, erase, ctx, legal_basis=LEGAL_BASIS, on=today)
        except (DomainError, ApplicationError) as error:
            log.warning("retention_erasure_skipped", plan_id=str(plan_id), code=error.code)
            continue
        erased.append(plan_id)
        log.info("retention_erased", plan_id=str(plan_id), closed_on=str(state.closed_on))
    return erased
