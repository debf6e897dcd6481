"""Corrections and their durability: retraction, erasure of personal data, snapshots."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import cast
from uuid import UUID, uuid4

import pytest

from domain import events as ev
from domain import state as state_module
from domain.entry import PlanEvent
from domain.errors import HistoryNeeded
from domain.plan import IntegrationPlan
from tests.builders import ctx, profile
from tests.unit.given import (
    JOB_VERSION,
    RECORDERS,
    a_furnished_plan,
    day,
    personal_values,
    pinned_ids,
)

C = ctx()
# Entries whose retraction is checked here: all but the opening, retractions, closures
# (a closed plan accepts nothing but a reopening) and erasure (an erased plan accepts nothing).
RETRACTABLE = sorted(
    set(RECORDERS) - {"EntryRetracted", "PlanClosed", "PlanReopened", "PersonalDataErased"}
)


@pytest.mark.parametrize("entry", RETRACTABLE)
def test_a_retracted_entry_leaves_the_state_as_if_it_was_never_made(entry: str) -> None:
    with pinned_ids():
        never_made, refs = a_furnished_plan()
    with pinned_ids():
        retracted, same_refs = a_furnished_plan()
    assert refs == same_refs
    RECORDERS[entry](retracted, refs, day(20), C)
    assert retracted.state != never_made.state
    retracted.retract(version=8, reason="recorded by mistake", on=day(21), ctx=C)
    assert retracted.state == never_made.state
    assert retracted.version == 9
    assert retracted.retracted == {8: 9}


def test_a_retracted_reopening_leaves_the_plan_closed() -> None:
    with pinned_ids():
        never_made, refs = a_furnished_plan()
        RECORDERS["PlanClosed"](never_made, refs, day(20), C)
    with pinned_ids():
        retracted, _ = a_furnished_plan()
        RECORDERS["PlanClosed"](retracted, refs, day(20), C)
    RECORDERS["PlanReopened"](retracted, refs, day(21), C)
    retracted.retract(version=9, reason="reopened by mistake", on=day(22), ctx=C)
    assert retracted.state == never_made.state
    assert retracted.state.is_closed


def test_a_retraction_in_the_middle_refolds_the_later_entries() -> None:
    with pinned_ids():
        never_made, refs = a_furnished_plan()
    with pinned_ids():
        retracted, _ = a_furnished_plan()
    RECORDERS["HousingSecured"](retracted, refs, day(20), C)
    for plan in (never_made, retracted):
        RECORDERS["CourseCompleted"](plan, refs, day(21), C)
    retracted.retract(version=8, reason="wrong plan", on=day(22), ctx=C)
    assert retracted.state.housing == []
    assert retracted.state.courses == never_made.state.courses


def test_retracted_entries_stay_in_the_history() -> None:
    plan, _ = a_furnished_plan()
    plan.retract(version=JOB_VERSION, reason="wrong plan", on=day(20), ctx=C)
    events = plan.collect_events()
    assert len(events) == 8
    assert isinstance(events[JOB_VERSION - 1], ev.JobPlaced)
    retraction = events[-1]
    assert isinstance(retraction, ev.EntryRetracted)
    assert (retraction.version, retraction.personal) == (JOB_VERSION, {"reason": "wrong plan"})


def _a_plan_full_of_personal_data() -> IntegrationPlan:
    plan, refs = a_furnished_plan()
    for entry in ("ConsultationHeld", "MeasureCompleted", "ReferralOutcomeRecorded"):
        RECORDERS[entry](plan, refs, day(20), C)
    for entry in ("GoalAbandoned", "CourseDiscontinued", "EmploymentEnded"):
        RECORDERS[entry](plan, refs, day(21), C)
    plan.make_referral(
        partner_kind="gesundheit",
        reason="trauma therapy",
        made_on=day(22),
        consent_override_reason="acute",
        ctx=C,
    )
    return plan


def test_erasure_destroys_every_personal_value_in_the_state() -> None:
    plan = _a_plan_full_of_personal_data()
    held = [value for value in personal_values(plan.state) if value is not None]
    assert len(held) == 12
    plan.erase_personal_data(legal_basis="Art. 17 DSGVO", on=day(30), ctx=C)
    state = plan.state
    assert personal_values(state) == [None] * len(personal_values(state))
    assert state.consultations[0].notes is None
    assert [g.description for g in state.goals.values()] == [None]
    assert [m.title for m in state.measures.values()] == [None]
    assert all(entry.personal is None for entry in plan.history())


def test_erasure_keeps_what_the_statistics_count() -> None:
    plan = _a_plan_full_of_personal_data()
    before = plan.state
    plan.erase_personal_data(legal_basis="Art. 17 DSGVO", on=day(30), ctx=C)
    after = plan.state
    assert after.profile == before.profile == profile()
    assert (after.municipality, after.caseworker, after.opened_on) == (
        before.municipality,
        before.caseworker,
        before.opened_on,
    )
    assert [(c.duration_minutes, c.setting, c.topics) for c in after.consultations] == [
        (45, "video", ["housing"])
    ]
    assert [(g.field, g.status) for g in after.goals.values()] == [("language", "abandoned")]
    assert [(m.field, m.status) for m in after.measures.values()] == [("language", "completed")]
    assert [(r.partner_kind, r.consent_overridden) for r in after.referrals.values()] == [
        ("jobcenter", False),
        ("gesundheit", True),
    ]
    assert [c.status for c in after.courses.values()] == ["discontinued"]
    assert [(j.sector, j.status) for j in after.jobs.values()] == [("G", "ended")]
    assert after.status == "erased"


def test_an_erased_plan_replays_to_the_same_state() -> None:
    plan = _a_plan_full_of_personal_data()
    plan.erase_personal_data(legal_basis="Art. 17 DSGVO", on=day(30), ctx=C)
    replayed = None
    for event in plan.collect_events():
        replayed = event.mutate(replayed)
    assert isinstance(replayed, IntegrationPlan)
    assert replayed.state == plan.state
    assert replayed.state.personal is None


def _round_trip(plan: IntegrationPlan) -> IntegrationPlan:
    restored = IntegrationPlan.Snapshot.take(plan).mutate(None)
    assert isinstance(restored, IntegrationPlan)
    return restored


def test_a_snapshot_restores_the_plan() -> None:
    plan, _ = a_furnished_plan()
    restored = _round_trip(plan)
    assert restored.state == plan.state
    assert (restored.id, restored.version) == (plan.id, plan.version)
    assert restored.modified_on == plan.modified_on


def test_a_snapshot_taken_after_a_retraction_restores_the_plan() -> None:
    plan, _ = a_furnished_plan()
    plan.retract(version=JOB_VERSION, reason="wrong plan", on=day(20), ctx=C)
    restored = _round_trip(plan)
    assert restored.state == plan.state
    assert restored.retracted == plan.retracted == {JOB_VERSION: 8}
    assert restored.state.jobs == {}


def test_a_plan_restored_from_its_state_asks_for_its_history_to_be_corrected() -> None:
    plan, refs = a_furnished_plan()
    restored = _round_trip(plan)
    for each in (plan, restored):
        RECORDERS["MeasureCompleted"](each, refs, day(20), C)
    assert restored.state == plan.state
    assert restored.entries is None  # a snapshot holds the state, not every entry
    with pytest.raises(HistoryNeeded):
        restored.retract(version=JOB_VERSION, reason="wrong plan", on=day(21), ctx=C)
    assert restored.version == 8  # nothing recorded: the application loads the history
    plan.retract(version=JOB_VERSION, reason="wrong plan", on=day(21), ctx=C)
    with pytest.raises(HistoryNeeded):  # replaying a correction asks the same
        restored.take_entry(cast(PlanEvent, plan.pending_events[-1]))


def test_a_snapshots_days_are_written_and_read_as_text_and_older_rows_dates_as_they_are() -> None:
    read, write = state_module._as_date, state_module._date_text
    assert read("2025-03-04") == date(2025, 3, 4)
    assert read("2025-03-04") is read("2025-03-04")  # parsed once
    assert read(date(2024, 1, 2)) == date(2024, 1, 2)  # a row of a snapshot written before
    with pytest.raises(ValueError, match="month"):
        read("2025-13-01")
    assert write(date(2025, 3, 4)) == "2025-03-04"
    assert write(datetime(2025, 3, 4, 12, 30)) == "2025-03-04"  # as date.isoformat writes it
    memo = state_module._Memo(str, date.fromisoformat, lambda value: value)
    for day_of_year in range(memo.LIMIT + 5):
        memo[(date(2000, 1, 1) + timedelta(days=day_of_year)).isoformat()]
    assert 0 < len(memo) <= memo.LIMIT  # bounded


@dataclass
class _Item:
    id: UUID
    on: date
    until: date | None
    parent: UUID | None
    words: list[str]
    note: str | None = None


def test_a_snapshots_rows_keep_none_and_load_rows_written_before_a_field_was_added() -> None:
    items = [
        _Item(uuid4(), date(2025, 3, 4), None, None, ["a"]),
        _Item(uuid4(), date(2025, 3, 4), date(2025, 4, 1), uuid4(), [], "seen"),
    ]
    rows = state_module._dump_rows(_Item, items)
    assert rows[0] == [str(items[0].id), "2025-03-04", None, None, ["a"], None]
    assert rows[1][1:4] == ["2025-03-04", "2025-04-01", str(items[1].parent)]
    assert state_module._load_rows(_Item, rows) == items
    assert state_module._load_rows(_Item, [row[:5] for row in rows])[1].note is None
    assert state_module._dump_rows(_Item, []) == []
    assert state_module._load_rows(_Item, []) == []


def test_a_snapshot_of_an_erased_plan_holds_no_personal_data() -> None:
    plan = _a_plan_full_of_personal_data()
    plan.erase_personal_data(legal_basis="Art. 17 DSGVO", on=day(30), ctx=C)
    snapshot = IntegrationPlan.Snapshot.take(plan)
    assert snapshot.state["state"]["personal"] is None
    for words in ("trauma therapy", "acute", "Amira", "Haddad"):
        assert words not in repr(snapshot.state)
    assert _round_trip(plan).state == plan.state


def test_a_snapshot_keeps_the_recorded_idempotency_keys() -> None:
    plan, _ = a_furnished_plan()
    plan.attend_workshop(
        kind="other", attended_on=day(9), ctx=ctx(idempotency_key="k", request_digest="d")
    )
    assert _round_trip(plan).recorded_request("cw-anna", "k") == ("d", 8)
