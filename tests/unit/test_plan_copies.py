"""A copy of a plan takes entries without changing the plan it was copied from: fold steps
put changed copies in their items' places, so copies share items safely (a plan opened
once from a snapshot serves many reads)."""

from __future__ import annotations

import pytest

from domain.errors import HistoryNeeded
from domain.plan import IntegrationPlan
from domain.state import dump_state
from tests.builders import ctx
from tests.unit.given import RECORDERS, a_furnished_plan, day

C = ctx()


def _as_stored(plan: IntegrationPlan) -> object:
    return (
        dump_state(plan.state),
        plan.version,
        plan.modified_on,
        dict(plan.retracted),
        dict(plan.requests),
        None if plan.entries is None else list(plan.entries),
        list(plan.pending_events),
    )


@pytest.mark.parametrize("from_snapshot", [False, True], ids=["with entries", "from a snapshot"])
@pytest.mark.parametrize("kind", sorted(RECORDERS))
def test_a_copy_takes_every_kind_of_entry_without_changing_the_original(
    kind: str, from_snapshot: bool
) -> None:
    furnished, refs = a_furnished_plan()
    if kind == "PlanReopened":
        RECORDERS["PlanClosed"](furnished, refs, day(19), C)
    original = furnished
    if from_snapshot:
        restored = IntegrationPlan.Snapshot.take(furnished).mutate(None)
        assert isinstance(restored, IntegrationPlan)
        original = restored
    before = _as_stored(original)
    copy = original.copied()
    try:
        RECORDERS[kind](copy, refs, day(20), C)
    except HistoryNeeded:
        assert from_snapshot  # a correction refolds: a plan from a snapshot asks for its history
    else:
        assert copy.version == original.version + 1
        assert len(copy.pending_events) == len(original.pending_events) + 1
    assert _as_stored(original) == before
