"""The upgrade that gives plans opened before file numbers existed their number.

Recorded as an entry (`FileNumberAssigned`), not computed by an upcast: the number comes
from the county's register, which an upcast, run on every read, could not consult, and a
short number unique in the county cannot be derived from the opening entry alone. As an
entry it is part of the plan's chained history (who gave it, when), every process reads
the same number, and the read models see every upgraded plan change like any other.
"""

from __future__ import annotations

import structlog

from application.errors import ApplicationError, PlanNotFound
from application.file_numbers import UPGRADE_ACTOR
from application.plans import IntegrationPlans
from domain.errors import DomainError, NothingChanged
from domain.plan import IntegrationPlan

log = structlog.get_logger("iplan.upgrade")


def number_old_plans(plans: IntegrationPlans) -> int:
    """Gives every plan without a file number one; answers how many were given. Idempotent,
    and safe beside other processes doing the same (the rules refuse a second number)."""
    register = plans.file_numbers
    if register.upgraded():
        return 0
    given = left = 0
    for plan_id in register.unnumbered():
        try:
            plan = plans.get_plan(plan_id)
        except PlanNotFound:
            continue
        state = plan.state
        if state.file_number is None:
            number = register.reserve(plan_id, state.opened_on.year, confirmed=False)
            ctx = plans.context(
                actor=UPGRADE_ACTOR, role="admin", correlation_id="upgrade-file-numbers"
            )
            on = max(state.opened_on, plans.today())
            try:
                plans.record(
                    plan_id, IntegrationPlan.assign_file_number, ctx, file_number=number, on=on
                )
                given += 1
            except NothingChanged:
                pass  # another process gave it the same number first
            except (DomainError, ApplicationError) as error:
                log.warning("file_number_not_given", plan_id=str(plan_id), code=error.code)
                left += 1
                continue
        register.confirm(plan_id)
    if not left:
        register.mark_upgraded()
    if given:
        log.info("file_numbers_given", plans=given)
    return given
