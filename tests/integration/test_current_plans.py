"""The plans a process keeps in memory between commands are never a stale basis for one:
whatever another process recorded in between decides the next command's outcome."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import Any
from uuid import UUID

import pytest

from application.errors import PlanNotFound
from application.plans import IntegrationPlans
from domain.errors import PlanClosed, PlanErased
from domain.plan import IntegrationPlan
from infrastructure.settings import Settings
from infrastructure.store import build_plans
from tests.builders import KEHL, OFFENBURG, TODAY, ctx, open_details

C = ctx()


@pytest.fixture
def other(plans: IntegrationPlans, store_settings: Settings) -> Iterator[IntegrationPlans]:
    """A second process on the same store."""
    if store_settings.store == "memory":
        pytest.skip("the memory store lives in one process")
    second = build_plans(store_settings, today=lambda: TODAY)
    yield second
    second.close()


def workshop(app: IntegrationPlans, plan: UUID, **context: Any) -> int:
    c = replace(C, **context)
    return app.record(
        plan, IntegrationPlan.attend_workshop, c, kind="other", attended_on=date(2025, 3, 1)
    ).version


def test_a_plan_closed_elsewhere_refuses_the_next_command_here(
    plans: IntegrationPlans, other: IntegrationPlans
) -> None:
    plan = plans.open_plan(C, **open_details()).id
    workshop(plans, plan)  # in memory here at version 2
    other.record(plan, IntegrationPlan.close_plan, C, closed_on=date(2025, 3, 2), reason="other")
    with pytest.raises(PlanClosed):
        workshop(plans, plan)
    assert plans.get_plan(plan).version == 3


def test_a_write_elsewhere_is_built_on_not_overwritten(
    plans: IntegrationPlans, other: IntegrationPlans
) -> None:
    plan = plans.open_plan(C, **open_details()).id
    assert workshop(plans, plan) == 2
    assert workshop(other, plan) == 3
    # A client that saw version 3 (from the other process) expects it here too.
    assert workshop(plans, plan, expected_version=3) == 4
    assert workshop(plans, plan) == 5
    assert [h.version for h in other.history(plan)] == [1, 2, 3, 4, 5]


def test_a_request_repeated_here_after_it_was_recorded_elsewhere_records_nothing(
    plans: IntegrationPlans, other: IntegrationPlans
) -> None:
    plan = plans.open_plan(C, **open_details()).id
    workshop(plans, plan)
    first = workshop(other, plan, idempotency_key="k-1", request_digest="d")
    again = workshop(plans, plan, idempotency_key="k-1", request_digest="d")
    assert again == first == 3
    assert plans.get_plan(plan).version == 3


def test_a_transfer_or_an_erasure_elsewhere_decides_the_next_command_here(
    plans: IntegrationPlans, other: IntegrationPlans
) -> None:
    plan = plans.open_plan(C, **open_details()).id
    workshop(plans, plan, scope=frozenset({OFFENBURG}))
    other.record(plan, IntegrationPlan.transfer, C, municipality=KEHL, caseworker="cw-k", on=TODAY)
    with pytest.raises(PlanNotFound):  # no longer in this caller's municipalities
        workshop(plans, plan, scope=frozenset({OFFENBURG}))
    assert workshop(plans, plan, scope=frozenset({KEHL})) == 4
    other.record(
        plan,
        IntegrationPlan.erase_personal_data,
        ctx("admin-1", "admin"),
        legal_basis="x",
        on=TODAY,
    )
    with pytest.raises(PlanErased):
        workshop(plans, plan)


def test_a_plan_in_memory_costs_no_read_when_nothing_changed(
    plans: IntegrationPlans, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = plans.open_plan(C, **open_details()).id
    reads: list[str] = []

    def newer(*_: Any) -> list[Any]:
        reads.append("newer")
        return []

    monkeypatch.setattr(plans.current, "_load", lambda *_: reads.append("load"))
    monkeypatch.setattr(plans.current, "_newer", newer)
    for _ in range(3):
        workshop(plans, plan)
    assert reads == []
