"""A whole realistic plan life, the same scenario on memory, SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from application.errors import PlanNotFound, StaleVersion, VersionNotFound
from application.plans import IntegrationPlans
from domain.errors import ConsentRequired, PlanClosed
from domain.plan import IntegrationPlan
from tests.builders import ctx, open_details


def test_a_plan_lives_from_opening_to_closure(plans: IntegrationPlans) -> None:
    c = ctx()
    opened = plans.open_plan(c, **open_details())
    pid = opened.id
    assert opened.version == 1
    assert opened.position is not None

    plans.record(
        pid,
        IntegrationPlan.give_consent,
        c,
        purpose="processing",
        partner_kind=None,
        given_on=date(2025, 1, 15),
    )
    plans.record(
        pid,
        IntegrationPlan.give_consent,
        c,
        purpose="share_with_partner",
        partner_kind="sprachkurstraeger",
        given_on=date(2025, 1, 15),
    )
    for held_on in (date(2025, 1, 15), date(2025, 2, 5), date(2025, 3, 3)):
        plans.record(
            pid,
            IntegrationPlan.hold_consultation,
            c,
            held_on=held_on,
            duration_minutes=60,
            setting="office",
            interpreter_language="ar",
            topics=["language", "work"],
            notes="talked about courses",
        )
    goal = plans.record(
        pid,
        IntegrationPlan.set_goal,
        c,
        field="language",
        description="reach B1",
        target_on=date(2026, 3, 1),
        set_on=date(2025, 2, 5),
    )
    measure = plans.record(
        pid,
        IntegrationPlan.agree_measure,
        c,
        field="language",
        title="register for integration course",
        responsible="client",
        partner_kind="sprachkurstraeger",
        due_on=date(2025, 3, 1),
        goal_id=goal.child_id,
        agreed_on=date(2025, 2, 5),
    )
    plans.record(
        pid,
        IntegrationPlan.make_referral,
        c,
        partner_kind="sprachkurstraeger",
        reason="course place",
        made_on=date(2025, 2, 6),
        consent_override_reason=None,
    )
    with pytest.raises(ConsentRequired):
        plans.record(
            pid,
            IntegrationPlan.make_referral,
            c,
            partner_kind="jobcenter",
            reason="job search",
            made_on=date(2025, 2, 6),
            consent_override_reason=None,
        )
    assert measure.child_id is not None
    plans.record(
        pid,
        IntegrationPlan.complete_measure,
        c,
        measure_id=measure.child_id,
        completed_on=date(2025, 2, 20),
        outcome="registered",
    )
    course = plans.record(
        pid,
        IntegrationPlan.enrol_in_course,
        c,
        kind="integrationskurs",
        provider="VHS Offenburg",
        starts_on=date(2025, 3, 10),
        target_level="B1",
        enrolled_on=date(2025, 2, 20),
    )
    assert course.child_id is not None
    plans.record(
        pid,
        IntegrationPlan.complete_course,
        c,
        course_id=course.child_id,
        completed_on=date(2025, 11, 28),
        level_reached="B1",
        certificate=True,
    )
    assert goal.child_id is not None
    plans.record(
        pid,
        IntegrationPlan.record_goal_outcome,
        c,
        goal_id=goal.child_id,
        outcome="achieved",
        on=date(2025, 11, 28),
        note=None,
    )
    plans.record(
        pid,
        IntegrationPlan.place_in_job,
        c,
        kind="employment",
        sector="Q",
        starts_on=date(2026, 1, 1),
        hours_per_week=30,
        placed_on=date(2025, 12, 10),
    )
    plans.record(
        pid, IntegrationPlan.secure_housing, c, kind="private_rental", secured_on=date(2026, 2, 1)
    )
    closed = plans.record(
        pid, IntegrationPlan.close_plan, c, closed_on=date(2026, 3, 1), reason="goals_achieved"
    )

    plan = plans.get_plan(pid)
    state = plan.state
    assert plan.version == closed.version == 16
    assert state.status == "closed"
    assert state.closure_reason == "goals_achieved"
    assert len(state.consultations) == 3
    assert state.consultations[0].notes == "talked about courses"
    assert state.goals[goal.child_id].status == "achieved"
    assert state.measures[measure.child_id].status == "completed"
    assert state.courses[course.child_id].level_reached == "B1"
    assert state.highest_level_reached() == "B1"
    assert [j.sector for j in state.jobs.values()] == ["Q"]
    assert state.housing[0].kind == "private_rental"
    assert state.personal is not None
    assert state.personal["family_name"] == "Haddad"
    assert closed.position is not None
    assert opened.position is not None
    assert closed.position > opened.position

    with pytest.raises(PlanClosed):
        plans.record(
            pid,
            IntegrationPlan.secure_housing,
            c,
            kind="social_housing",
            secured_on=date(2026, 3, 2),
        )

    # Auditors: the state at an earlier version, and the full history with metadata.
    assert plans.get_plan(pid, version=4).state.consultations[-1].held_on == date(2025, 1, 15)
    history = plans.history(pid)
    assert [h.version for h in history] == list(range(1, 17))
    assert history[0].type == "PlanOpened"
    assert history[-1].type == "PlanClosed"
    assert {h.actor for h in history} == {"cw-anna"}
    assert history[3].data["setting"] == "office"
    assert history[3].personal == {"notes": "talked about courses"}


def test_state_as_of_a_recorded_time(plans: IntegrationPlans) -> None:
    c = ctx()
    pid = plans.open_plan(c, **open_details()).id
    between = datetime.now(UTC)
    plans.record(
        pid, IntegrationPlan.secure_housing, c, kind="social_housing", secured_on=date(2025, 6, 1)
    )
    assert plans.get_plan(pid, as_of=between).version == 1
    assert plans.get_plan(pid, as_of=datetime.now(UTC)).version == 2
    with pytest.raises(VersionNotFound):
        plans.get_plan(pid, as_of=datetime(2000, 1, 1, tzinfo=UTC))


def test_a_retraction_takes_the_entry_out_of_the_state_but_not_the_history(
    plans: IntegrationPlans,
) -> None:
    c = ctx()
    pid = plans.open_plan(c, **open_details()).id
    plans.record(
        pid, IntegrationPlan.secure_housing, c, kind="social_housing", secured_on=date(2025, 6, 1)
    )
    plans.record(
        pid,
        IntegrationPlan.retract,
        c,
        version=2,
        reason="recorded on the wrong plan",
        on=date(2025, 6, 2),
    )
    assert plans.get_plan(pid).state.housing == []
    history = plans.history(pid)
    assert history[1].retracted_by == 3
    assert history[2].type == "EntryRetracted"


def test_unknown_plans_and_versions_are_refused(plans: IntegrationPlans) -> None:
    from uuid import uuid4

    with pytest.raises(PlanNotFound):
        plans.get_plan(uuid4())
    with pytest.raises(PlanNotFound):
        plans.history(uuid4())
    pid = plans.open_plan(ctx(), **open_details()).id
    with pytest.raises(VersionNotFound):
        plans.get_plan(pid, version=2)
    with pytest.raises(VersionNotFound):
        plans.get_plan(pid, version=0)


def test_a_stale_expected_version_is_refused_and_changes_nothing(plans: IntegrationPlans) -> None:
    c = replace(ctx(), expected_version=1)
    pid = plans.open_plan(c, **open_details()).id
    plans.record(
        pid, IntegrationPlan.secure_housing, c, kind="social_housing", secured_on=date(2025, 6, 1)
    )
    with pytest.raises(StaleVersion):
        plans.record(
            pid,
            IntegrationPlan.attend_workshop,
            c,
            kind="wertevermittlung",
            attended_on=date(2025, 6, 2),
        )
    assert plans.get_plan(pid).version == 2


def test_a_repeated_idempotent_request_records_nothing_new(plans: IntegrationPlans) -> None:
    first_ctx = ctx(idempotency_key="k-1", request_digest="d-1")
    opened = plans.open_plan(first_ctx, **open_details())
    again = plans.open_plan(first_ctx, **open_details())
    assert (again.id, again.version, again.position) == (opened.id, 1, opened.position)
    assert again.repeated

    key_ctx = ctx(idempotency_key="k-2", request_digest="d-2")
    first = plans.record(
        opened.id,
        IntegrationPlan.set_goal,
        key_ctx,
        field="work",
        description="find work",
        target_on=date(2026, 1, 1),
        set_on=date(2025, 2, 1),
    )
    repeat = plans.record(
        opened.id,
        IntegrationPlan.set_goal,
        key_ctx,
        field="work",
        description="find work",
        target_on=date(2026, 1, 1),
        set_on=date(2025, 2, 1),
    )
    assert (repeat.version, repeat.child_id, repeat.position) == (
        first.version,
        first.child_id,
        first.position,
    )
    assert plans.get_plan(opened.id).version == 2


def test_long_plans_are_snapshotted_and_load_the_same(plans: IntegrationPlans) -> None:
    c = ctx()
    pid = plans.open_plan(c, **open_details()).id
    for i in range(120):
        plans.record(
            pid,
            IntegrationPlan.attend_workshop,
            c,
            kind="other",
            attended_on=date(2025, 2, 1 + i % 28),
        )
    plans.record(
        pid, IntegrationPlan.retract, c, version=5, reason="duplicate", on=date(2025, 3, 1)
    )
    assert plans.snapshots is not None
    assert list(plans.snapshots.get(pid))
    loaded = plans.get_plan(pid)
    assert len(loaded.state.workshops) == 119
    assert plans.get_plan(pid, version=loaded.version).state == loaded.state
    assert plans.with_history(pid).state == loaded.state


def test_versions_beyond_what_a_store_can_hold_are_not_found(plans: IntegrationPlans) -> None:
    pid = plans.open_plan(ctx(), **open_details()).id
    with pytest.raises(VersionNotFound):
        plans.get_plan(pid, version=2**40)


def test_a_version_and_a_point_in_time_together_are_ambiguous(plans: IntegrationPlans) -> None:
    pid = plans.open_plan(ctx(), **open_details()).id
    with pytest.raises(ValueError, match="not both"):
        plans.get_plan(pid, version=1, as_of=datetime.now(UTC))
