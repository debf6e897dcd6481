"""A snapshot is opened once for exactly the bytes stored, and every read gets its own copy."""

from __future__ import annotations

from typing import cast
from uuid import UUID, uuid4

from eventsourcing.persistence import StoredEvent

from application.opened_snapshots import OpenedSnapshots
from domain.plan import IntegrationPlan
from domain.state import dump_state
from tests.builders import ctx
from tests.unit.given import RECORDERS, Refs, a_furnished_plan, day


def _stored(state: bytes, version: int = 7) -> StoredEvent:
    return StoredEvent(uuid4(), version, "iplan:IntegrationPlan.Snapshot", state)


def _opener(opened: list[bytes]) -> tuple[OpenedSnapshots, IntegrationPlan, Refs]:
    plan, refs = a_furnished_plan()

    def open_snapshot(stored: StoredEvent) -> IntegrationPlan:
        opened.append(stored.state)
        return plan

    return OpenedSnapshots(open_snapshot, budget_bytes=100), plan, refs


def test_the_same_bytes_are_opened_once_and_each_read_gets_a_copy_of_its_own() -> None:
    opened: list[bytes] = []
    snapshots, plan, refs = _opener(opened)
    stored = _stored(b"sealed state")
    first, second = snapshots.plan(stored), snapshots.plan(stored)
    assert opened == [b"sealed state"]
    assert first is not plan
    assert second is not plan
    assert first is not second
    assert first.state == second.state == plan.state
    kept = dump_state(plan.state)
    RECORDERS["GoalAchieved"](first, refs, day(20), ctx())
    assert dump_state(snapshots.plan(stored).state) == kept  # a read's changes stay its own
    assert first.state.goals[refs.goal].status == "achieved"
    assert len(snapshots) == 1


def test_a_snapshot_changed_in_the_database_is_opened_again() -> None:
    opened: list[bytes] = []
    snapshots, _, _ = _opener(opened)
    stored = _stored(b"sealed state")
    snapshots.plan(stored)
    changed = StoredEvent(stored.originator_id, 7, stored.topic, b"sealed state, changed")
    snapshots.plan(changed)
    snapshots.plan(changed)
    assert opened == [b"sealed state", b"sealed state, changed"]
    assert len(snapshots) == 1


def test_the_kept_snapshots_stay_within_their_budget_the_least_recently_read_leaving_first() -> (
    None
):
    opened: list[bytes] = []
    snapshots, _, _ = _opener(opened)
    a, b, c = (_stored(bytes([n]) * 40) for n in range(3))
    snapshots.plan(a)
    snapshots.plan(b)
    snapshots.plan(a)  # read again: b is now the least recently read
    snapshots.plan(c)  # 120 bytes > 100: b leaves
    assert len(snapshots) == 2
    snapshots.plan(a)
    snapshots.plan(b)
    assert opened == [a.state, b.state, c.state, b.state]
    snapshots.plan(_stored(b"x" * 101))  # larger than the whole budget: not kept
    assert len(snapshots) == 2


def test_an_erased_plans_opened_snapshots_are_let_go() -> None:
    opened: list[bytes] = []
    snapshots, _, _ = _opener(opened)
    erased, kept = _stored(b"erased"), _stored(b"kept")
    snapshots.plan(erased)
    snapshots.plan(StoredEvent(erased.originator_id, 8, erased.topic, b"later"))
    snapshots.plan(kept)
    snapshots.forget(cast(UUID, erased.originator_id))
    assert len(snapshots) == 1
    snapshots.plan(kept)
    snapshots.plan(erased)
    assert opened == [b"erased", b"later", b"kept", b"erased"]
