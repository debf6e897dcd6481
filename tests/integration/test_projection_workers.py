"""Two processes running the same read models on one store (a service and `iplan demo`, or
two `iplan project` workers by mistake) share the work: nothing is applied twice."""

from __future__ import annotations

import threading

from application.plans import IntegrationPlans
from infrastructure.read_models import NAMES, ReadModels
from infrastructure.settings import Settings
from infrastructure.store import build_plans
from tests.builders import TODAY
from tests.integration.test_projections import assert_equal_to_rebuild, live_plan


def test_two_processes_catching_up_the_same_views_apply_each_entry_once(
    plans: IntegrationPlans, store_settings: Settings
) -> None:
    if store_settings.store == "memory":
        return  # one process only: the memory store has no second process to race
    for i in range(12):
        live_plan(plans, i)
    other = build_plans(store_settings, today=lambda: TODAY)
    try:
        # Small batches, so that the two interleave their batches many times.
        here = ReadModels(plans, batch_size=5, drop_delay=0)
        there = ReadModels(other, batch_size=3, drop_delay=0)
        failures: list[BaseException] = []

        def catch_up(models: ReadModels) -> None:
            try:
                models.catch_up()
            except BaseException as error:
                failures.append(error)

        threads = [threading.Thread(target=catch_up, args=(m,)) for m in (here, there)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert failures == []
        head = plans.recorder.max_notification_id()
        for name in NAMES:
            assert here.position(name) == head
        assert_equal_to_rebuild(here)
    finally:
        other.close()
