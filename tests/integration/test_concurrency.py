"""Writers racing on one plan: no entry is lost, stale versions are refused, the rules hold."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import date
from typing import Any, TypeVar
from uuid import UUID

import pytest

from application.answers import Recorded
from application.errors import StaleVersion
from application.plans import IntegrationPlans
from domain.errors import InvalidTransition
from domain.plan import IntegrationPlan
from infrastructure.settings import Settings
from infrastructure.store import build_plans
from tests.builders import TODAY, ctx, open_details

T = TypeVar("T")
WRITERS = 4
C = ctx()


class RaceGate:
    """Holds the first loads of a race until every writer has loaded, so they race to save.

    Without it the first thread could finish before the others start, and a test
    would pass without two writers ever meeting. Later loads pass straight through.
    Within one application, commands on one plan run one at a time (CurrentPlans.locked):
    there the race is between applications, as between processes, so `parties` counts
    applications.
    """

    def __init__(self, parties: int) -> None:
        self.parties = parties
        self.barrier = threading.Barrier(parties, timeout=30)
        self.lock = threading.Lock()
        self.loads_held = 0

    def install(self, app: IntegrationPlans, monkeypatch: pytest.MonkeyPatch) -> None:
        take = app.current.take

        def take_then_wait(plan_id: UUID, **how: bool) -> tuple[IntegrationPlan, bool]:
            plan = take(plan_id, **how)
            with self.lock:
                hold = self.loads_held < self.parties
                self.loads_held += hold
            if hold:
                self.barrier.wait()
            return plan

        monkeypatch.setattr(app.current, "take", take_then_wait)


@pytest.fixture(params=["one application", "an application per writer"])
def writers(
    request: pytest.FixtureRequest, plans: IntegrationPlans, store_settings: Settings
) -> Iterator[list[IntegrationPlans]]:
    """WRITERS handles on the same store: one shared application, or one each."""
    if request.param == "one application":
        yield [plans] * WRITERS
        return
    if store_settings.store == "memory":
        pytest.skip("separate in-memory applications share no store")
    others = [build_plans(store_settings, today=lambda: TODAY) for _ in range(WRITERS - 1)]
    yield [plans, *others]
    for app in others:
        app.close()


def race(
    apps: list[IntegrationPlans],
    write: Callable[[IntegrationPlans], T],
    monkeypatch: pytest.MonkeyPatch,
) -> list[Any]:
    """Runs `write` once per writer, all at once; returns each result or raised exception."""
    gate = RaceGate(len(set(apps)))
    for app in set(apps):
        gate.install(app, monkeypatch)

    with ThreadPoolExecutor(len(apps)) as pool:
        futures = [pool.submit(write, app) for app in apps]
        results = [f.exception(timeout=120) or f.result() for f in futures]
    assert gate.loads_held == gate.parties, "the writers did not all load before saving"
    monkeypatch.undo()
    return results


def a_plan(plans: IntegrationPlans) -> UUID:
    return plans.open_plan(C, **open_details()).id


def attend(pid: UUID, expected_version: int | None = None) -> Callable[[IntegrationPlans], Any]:
    c = replace(C, expected_version=expected_version)
    return lambda app: app.record(
        pid,
        IntegrationPlan.attend_workshop,
        c,
        kind="other",
        attended_on=date(2025, 3, 1),
    )


def test_two_caseworkers_writing_at_once_both_get_their_entry(
    plans: IntegrationPlans, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid = a_plan(plans)
    results = race([plans, plans], attend(pid), monkeypatch)
    assert all(isinstance(r, Recorded) for r in results), results
    assert sorted(r.version for r in results) == [2, 3]
    assert plans.get_plan(pid).version == 3
    assert len(plans.get_plan(pid).state.workshops) == 2


def test_many_concurrent_writes_are_all_recorded(
    writers: list[IntegrationPlans], monkeypatch: pytest.MonkeyPatch
) -> None:
    pid = a_plan(writers[0])
    rounds = 10

    def write_ten_times(app: IntegrationPlans) -> list[int]:
        versions = []
        for _ in range(rounds):
            # No client retries: the application retries lost races itself.
            versions.append(attend(pid)(app).version)
        return versions

    results = race(writers, write_ten_times, monkeypatch)
    assert all(isinstance(r, list) for r in results), results
    versions = sorted(v for r in results for v in r)
    assert versions == list(range(2, 2 + WRITERS * rounds))
    plan = writers[0].get_plan(pid)
    assert plan.version == 1 + WRITERS * rounds
    assert len(plan.state.workshops) == WRITERS * rounds
    assert [h.version for h in writers[0].history(pid)] == list(range(1, plan.version + 1))


def test_writers_expecting_the_same_version_let_exactly_one_win(
    writers: list[IntegrationPlans], monkeypatch: pytest.MonkeyPatch
) -> None:
    pid = a_plan(writers[0])
    results = race(writers, attend(pid, expected_version=1), monkeypatch)
    won = [r for r in results if isinstance(r, Recorded)]
    stale = [r for r in results if isinstance(r, StaleVersion)]
    assert len(won) == 1, results
    assert len(stale) == WRITERS - 1, results
    assert {e.code for e in stale} == {"version_mismatch"}
    assert won[0].version == writers[0].get_plan(pid).version == 2


def test_a_measure_completed_by_racing_writers_is_completed_once(
    writers: list[IntegrationPlans], monkeypatch: pytest.MonkeyPatch
) -> None:
    pid = a_plan(writers[0])
    measure = (
        writers[0]
        .record(
            pid,
            IntegrationPlan.agree_measure,
            C,
            field="work",
            title="apply for jobs",
            responsible="client",
            partner_kind=None,
            due_on=date(2025, 4, 1),
            goal_id=None,
            agreed_on=date(2025, 3, 1),
        )
        .child_id
    )
    assert measure is not None
    results = race(
        writers,
        lambda app: app.record(
            pid,
            IntegrationPlan.complete_measure,
            C,
            measure_id=measure,
            completed_on=date(2025, 3, 20),
            outcome="applied",
        ),
        monkeypatch,
    )
    won = [r for r in results if isinstance(r, Recorded)]
    refused = [r for r in results if isinstance(r, InvalidTransition)]
    assert len(won) == 1, results
    assert len(refused) == WRITERS - 1, results
    assert {e.code for e in refused} == {"invalid_transition"}
    plan = writers[0].get_plan(pid)
    assert plan.version == 3
    assert measure is not None
    assert plan.state.measures[measure].status == "completed"


def test_completing_and_cancelling_a_measure_at_once_keeps_one_outcome(
    plans: IntegrationPlans, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid = a_plan(plans)
    measure = plans.record(
        pid,
        IntegrationPlan.agree_measure,
        C,
        field="work",
        title="apply",
        responsible="client",
        partner_kind=None,
        due_on=date(2025, 4, 1),
        goal_id=None,
        agreed_on=date(2025, 3, 1),
    ).child_id
    assert measure is not None
    outcomes = iter(["complete", "cancel"])
    lock = threading.Lock()

    def complete_or_cancel(app: IntegrationPlans) -> Recorded:
        with lock:
            which = next(outcomes)
        if which == "complete":
            return app.record(
                pid,
                IntegrationPlan.complete_measure,
                C,
                measure_id=measure,
                completed_on=date(2025, 3, 20),
                outcome=None,
            )
        return app.record(
            pid,
            IntegrationPlan.cancel_measure,
            C,
            measure_id=measure,
            cancelled_on=date(2025, 3, 20),
            reason=None,
        )

    results = race([plans, plans], complete_or_cancel, monkeypatch)
    assert sorted(type(r).__name__ for r in results) == ["InvalidTransition", "Recorded"]
    status = plans.get_plan(pid).state.measures[measure].status
    assert status in {"completed", "cancelled"}
    assert plans.get_plan(pid).version == 3
