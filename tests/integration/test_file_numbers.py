"""File numbers (DESIGN 4b): given at opening, unique in the county also when plans are
opened concurrently by several processes, kept for life, given to old plans on upgrade."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from application.file_number_upgrade import number_old_plans
from application.file_numbers import UPGRADE_ACTOR
from application.plans import IntegrationPlans
from domain.errors import DomainError
from domain.plan import IntegrationPlan
from infrastructure.settings import Settings
from infrastructure.store import build_plans
from tests.builders import KEHL, TODAY, ctx, open_details
from tests.conftest import TODAY as FIXED_TODAY
from tests.integration.raw_database import execute


def test_openings_are_numbered_by_year_and_the_number_stays_for_life(
    plans: IntegrationPlans,
) -> None:
    first = plans.open_plan(ctx(), **open_details(opened_on=date(2025, 12, 30))).id
    second = plans.open_plan(ctx(), **open_details(opened_on=date(2026, 1, 2))).id
    third = plans.open_plan(ctx(), **open_details(opened_on=date(2026, 1, 3))).id
    numbers = [plans.get_plan(p).state.file_number for p in (first, second, third)]
    assert numbers == ["2025-00001", "2026-00001", "2026-00002"]

    plans.record(
        third, IntegrationPlan.transfer, ctx(), municipality=KEHL, caseworker="cw-x", on=TODAY
    )
    assert plans.get_plan(third).state.file_number == "2026-00002"
    opening = plans.history(third)[0]
    assert opening.type == "PlanOpened"
    assert opening.data["file_number"] == "2026-00002"


def test_a_refused_opening_takes_no_number(plans: IntegrationPlans) -> None:
    with pytest.raises(DomainError):
        plans.open_plan(ctx(), **open_details(municipality="Offenburg", opened_on=TODAY))
    plan_id = plans.open_plan(ctx(), **open_details(opened_on=TODAY)).id
    assert plans.get_plan(plan_id).state.file_number == f"{TODAY.year}-00001"


def test_concurrent_openings_in_two_processes_never_share_a_number(
    plans: IntegrationPlans, store_settings: Settings
) -> None:
    # A second application on the same store stands for a second process (the memory
    # store has one process only).
    other = (
        plans
        if store_settings.store == "memory"
        else build_plans(store_settings, today=lambda: FIXED_TODAY)
    )
    numbers: list[str | None] = []
    lock = threading.Lock()

    def open_many(app: IntegrationPlans, count: int) -> None:
        for _ in range(count):
            plan_id = app.open_plan(ctx(), **open_details(opened_on=TODAY)).id
            number = app.get_plan(plan_id).state.file_number
            with lock:
                numbers.append(number)

    threads = [threading.Thread(target=open_many, args=(app, 8)) for app in (plans, other) * 3]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if other is not plans:
        other.close()
    assert len(numbers) == 48
    assert len(set(numbers)) == 48
    expected = {f"{TODAY.year}-{n:05d}" for n in range(1, 49)}
    assert set(numbers) == expected  # no gaps either when nothing was refused


def test_plans_opened_before_file_numbers_get_one_on_upgrade(
    plans: IntegrationPlans, store_settings: Settings
) -> None:
    if store_settings.store == "memory":
        pytest.skip("the memory store starts empty every time: there is nothing to upgrade")
    # Plans as an older release stored them: an opening without a file number.
    old = []
    for i in range(3):
        plan = IntegrationPlan.open(ctx(), **open_details(opened_on=date(2025, 3, 1 + i)))
        plans.save(plan)
        old.append(plan.id)
    plans.record(
        old[2],
        IntegrationPlan.erase_personal_data,
        ctx("admin-1", "admin"),
        legal_basis="Art. 17",
        on=TODAY,
    )
    new = plans.open_plan(ctx(), **open_details(opened_on=TODAY)).id
    # A store of an older release has no record of this upgrade.
    execute(store_settings, "DELETE FROM store_upgrades")
    assert plans.get_plan(old[0]).state.file_number is None

    restarted = build_plans(store_settings, today=lambda: FIXED_TODAY)  # upgrades on start
    restarted.close()
    numbers = [plans.get_plan(p).state.file_number for p in old]
    assert sorted(str(n) for n in numbers) == ["2025-00001", "2025-00002", "2025-00003"]
    assert plans.get_plan(old[2]).state.status == "erased"  # numbered, still erased
    last = plans.history(old[0])[-1]
    assert (last.type, last.actor, last.data["file_number"]) == (
        "FileNumberAssigned",
        UPGRADE_ACTOR,
        numbers[0],
    )
    assert plans.get_plan(new).state.file_number == f"{TODAY.year}-00001"
    assert number_old_plans(plans) == 0
    execute(store_settings, "DELETE FROM store_upgrades")
    assert number_old_plans(plans) == 0  # nothing left to number either
