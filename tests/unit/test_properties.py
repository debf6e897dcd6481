"""Random command sequences never break the plan's invariants, and its entries replay exactly."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any
from uuid import UUID, uuid4

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from domain import errors
from domain import vocabulary as vocab
from domain.entry import entry_types
from domain.plan import IntegrationPlan, PlanLists
from domain.state import fold
from tests.builders import TODAY, ctx, open_details, profile

BOUNDED = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
C = ctx()
UNKNOWN = uuid4()
Step = Callable[[IntegrationPlan, st.DataObject, date], object]


def _pick(data: st.DataObject, ids: dict[UUID, Any]) -> UUID:
    """One of the plan's items, now and then an id the plan does not know."""
    # In the order the items were recorded: ids are random, and sorting them would make
    # the same choices pick different items from one run to the next.
    return data.draw(st.sampled_from([*ids, UNKNOWN]))


def _of(data: st.DataObject, values: Any) -> Any:
    return data.draw(st.sampled_from(sorted(values)))


def _give_or_withdraw(plan: IntegrationPlan, data: st.DataObject, on: date) -> None:
    purpose = _of(data, vocab.CONSENT_PURPOSES)
    kind = _of(data, {"jobcenter", "schule"}) if purpose == "share_with_partner" else None
    if data.draw(st.booleans()):
        plan.give_consent(purpose=purpose, partner_kind=kind, given_on=on, ctx=C)
    else:
        plan.withdraw_consent(purpose=purpose, partner_kind=kind, withdrawn_on=on, ctx=C)


def _later(data: st.DataObject, on: date) -> date:
    return on + timedelta(days=data.draw(st.integers(0, 400)))


STEPS: list[Step] = [
    _give_or_withdraw,
    lambda p, d, on: p.hold_consultation(
        held_on=on,
        duration_minutes=d.draw(st.integers(1, 180)),
        setting=_of(d, vocab.CONSULTATION_SETTINGS),
        interpreter_language=d.draw(st.sampled_from([None, "ar", "fa"])),
        topics=d.draw(st.lists(st.sampled_from(sorted(vocab.FIELDS_OF_ACTION)), max_size=3)),
        notes=d.draw(st.sampled_from([None, "notes"])),
        ctx=C,
    ),
    lambda p, d, on: p.set_goal(
        field=_of(d, vocab.FIELDS_OF_ACTION),
        description="goal",
        target_on=_later(d, on),
        set_on=on,
        ctx=C,
    ),
    lambda p, d, on: p.record_goal_outcome(
        goal_id=_pick(d, p.state.goals),
        outcome=_of(d, vocab.GOAL_OUTCOMES),
        on=on,
        note=None,
        ctx=C,
    ),
    lambda p, d, on: p.agree_measure(
        field=_of(d, vocab.FIELDS_OF_ACTION),
        title="measure",
        responsible=_of(d, vocab.RESPONSIBLE_PARTIES),
        partner_kind=None,
        due_on=_later(d, on),
        goal_id=d.draw(st.sampled_from([None, *p.state.goals])),
        agreed_on=on,
        ctx=C,
    ),
    lambda p, d, on: p.complete_measure(
        measure_id=_pick(d, p.state.measures), completed_on=on, outcome="done", ctx=C
    ),
    lambda p, d, on: p.cancel_measure(
        measure_id=_pick(d, p.state.measures), cancelled_on=on, reason=None, ctx=C
    ),
    lambda p, d, on: p.reschedule_measure(
        measure_id=_pick(d, p.state.measures), due_on=_later(d, on), reason=None, on=on, ctx=C
    ),
    lambda p, d, on: p.make_referral(
        partner_kind=_of(d, {"jobcenter", "schule", "gesundheit"}),
        reason="referral",
        made_on=on,
        consent_override_reason=d.draw(st.sampled_from([None, "urgent"])),
        ctx=C,
    ),
    lambda p, d, on: p.record_referral_outcome(
        referral_id=_pick(d, p.state.referrals), outcome="seen", on=on, ctx=C
    ),
    lambda p, d, on: p.enrol_in_course(
        kind=_of(d, vocab.COURSE_KINDS),
        provider="VHS",
        starts_on=_later(d, on),
        target_level=d.draw(st.sampled_from([None, *vocab.CEFR_LEVELS])),
        enrolled_on=on,
        ctx=C,
    ),
    lambda p, d, on: p.complete_course(
        course_id=_pick(d, p.state.courses),
        completed_on=on,
        level_reached=d.draw(st.sampled_from([None, *vocab.CEFR_LEVELS])),
        certificate=d.draw(st.booleans()),
        ctx=C,
    ),
    lambda p, d, on: p.discontinue_course(
        course_id=_pick(d, p.state.courses), on=on, reason=None, ctx=C
    ),
    lambda p, d, on: p.secure_education_access(
        kind=_of(d, vocab.EDUCATION_KINDS),
        for_member=d.draw(st.sampled_from([None, 0, 1, 5])),
        secured_on=on,
        ctx=C,
    ),
    lambda p, d, on: p.place_in_job(
        kind=_of(d, vocab.JOB_KINDS),
        sector=_of(d, vocab.WZ_SECTIONS),
        starts_on=_later(d, on),
        hours_per_week=d.draw(st.integers(1, 40)),
        placed_on=on,
        ctx=C,
    ),
    lambda p, d, on: p.end_employment(
        job_id=_pick(d, p.state.jobs), ended_on=on, reason="r", ctx=C
    ),
    lambda p, d, on: p.secure_housing(kind=_of(d, vocab.HOUSING_KINDS), secured_on=on, ctx=C),
    lambda p, d, on: p.attend_workshop(kind=_of(d, vocab.WORKSHOP_KINDS), attended_on=on, ctx=C),
    lambda p, d, on: p.assign_caseworker(caseworker=_of(d, {"cw-a", "cw-b"}), on=on, ctx=C),
    lambda p, d, on: p.transfer(
        municipality=_of(d, {"08317096", "08317057"}), caseworker="cw-c", on=on, ctx=C
    ),
    lambda p, d, on: p.extend_advice_period(
        until=p.state.advice_period_ends_on + timedelta(days=d.draw(st.integers(-5, 400))),
        reason="course",
        on=on,
        ctx=C,
    ),
    lambda p, d, on: p.retract(
        version=d.draw(st.integers(1, p.version)), reason="mistake", on=on, ctx=C
    ),
]
CLOSE: Step = lambda p, d, on: p.close_plan(  # noqa: E731
    closed_on=on, reason=_of(d, vocab.CLOSURE_REASONS), ctx=C
)
REOPEN: Step = lambda p, d, on: p.reopen_plan(reopened_on=on, reason="back", ctx=C)  # noqa: E731
ERASURE: Step = lambda p, d, on: p.erase_personal_data(legal_basis="Art. 17", on=on, ctx=C)  # noqa: E731


def a_plan_with_history(data: st.DataObject) -> tuple[IntegrationPlan, date]:
    """A plan opened between 2022 and 2025, then up to 40 random commands as time goes by.

    Each entry's effective date may lie up to 30 days back, as caseworkers record late.
    """
    opened_on = data.draw(st.dates(date(2022, 1, 1), date(2025, 1, 15)), label="opened_on")
    plan = IntegrationPlan.open(
        ctx=C,
        **open_details(
            opened_on=opened_on, profile=profile(arrived_on=opened_on - timedelta(days=30))
        ),
    )
    on = opened_on
    # Closing, reopening and erasure are rare, so that most histories stay open and long.
    rare = (
        [CLOSE, REOPEN, ERASURE] if data.draw(st.booleans(), label="erasable") else [CLOSE, REOPEN]
    )
    steps = st.sampled_from(STEPS * 3 + rare)
    for _ in range(data.draw(st.integers(1, 40), label="steps")):
        on = min(TODAY, on + timedelta(days=data.draw(st.integers(0, 60))))
        step = REOPEN if plan.state.is_closed and data.draw(st.booleans()) else data.draw(steps)
        before, version = copy.deepcopy(plan.state), plan.version
        try:
            backdated = on - timedelta(days=data.draw(st.integers(0, 30)))
            step(plan, data, max(opened_on, backdated))
        except errors.DomainError as refused:
            assert (plan.state, plan.version) == (before, version)
            assert_in_words(refused)
        assert_invariants(plan)
    return plan, on


def assert_in_words(refused: errors.DomainError) -> None:
    """A refusal names things as caseworkers do, never by a class name."""
    class_names = {t.__name__ for t in entry_types()} | {type(refused).__name__}
    assert not [name for name in class_names if name in refused.message], refused.message


def assert_invariants(plan: IntegrationPlan) -> None:
    state = plan.state
    assert plan.version == len(plan.pending_events)
    assert len(plan.history()) + len(plan.retracted) == plan.version
    assert state.status in {"open", "closed", "erased"}
    regular_end = vocab.add_years(state.opened_on, vocab.ADVICE_PERIOD_YEARS)
    if state.extended:
        latest = vocab.add_years(state.opened_on, vocab.EXTENDED_ADVICE_PERIOD_YEARS)
        assert regular_end < state.advice_period_ends_on <= latest
    else:
        assert state.advice_period_ends_on == regular_end
    for goal in state.goals.values():
        assert goal.status in {"open", "achieved", "abandoned"}
        assert (goal.outcome_on is None) == (goal.status == "open")
    for measure in state.measures.values():
        assert measure.status in {"agreed", "completed", "cancelled"}
        assert (measure.closed_on is None) == (measure.status == "agreed")
        assert measure.goal_id is None or measure.goal_id in state.goals
        assert measure.due_on >= measure.agreed_on
    for course in state.courses.values():
        assert course.status in {"enrolled", "completed", "discontinued"}
        assert (course.ended_on is None) == (course.status == "enrolled")
        assert course.level_reached is None or course.status == "completed"
    assert state.highest_level_reached() in {None, *vocab.CEFR_LEVELS}
    for job in state.jobs.values():
        assert (job.ended_on is None) == (job.status == "active")
    # No follow-up is dated before the item it follows.
    follow_ups = [(g.set_on, g.outcome_on) for g in state.goals.values()]
    follow_ups += [(m.agreed_on, m.closed_on) for m in state.measures.values()]
    follow_ups += [(r.made_on, r.outcome_on) for r in state.referrals.values()]
    follow_ups += [(c.enrolled_on, c.ended_on) for c in state.courses.values()]
    follow_ups += [(j.placed_on, j.ended_on) for j in state.jobs.values()]
    follow_ups += [(c.given_on, c.withdrawn_on) for c in state.consents]
    assert all(later is None or earlier <= later for earlier, later in follow_ups)
    for measure in state.measures.values():
        served = state.goals.get(measure.goal_id) if measure.goal_id else None
        assert served is None or served.set_on <= measure.agreed_on
    active = [(c.purpose, c.partner_kind) for c in state.consents if c.active]
    assert len(active) == len(set(active))
    dates = [c.held_on for c in state.consultations] + [h.secured_on for h in state.housing]
    dates += [m.agreed_on for m in state.measures.values()]
    dates += [c.ended_on for c in state.courses.values() if c.ended_on is not None]
    assert all(state.opened_on <= day <= min(TODAY, state.advice_period_ends_on) for day in dates)
    if state.is_erased:
        assert state.personal is None


def replay(events: list[Any]) -> IntegrationPlan:
    replayed = None
    for entry in events:
        replayed = entry.mutate(replayed)
    assert isinstance(replayed, IntegrationPlan)
    return replayed


@BOUNDED
@given(st.data())
def test_random_histories_keep_the_invariants_and_replay_to_the_same_state(
    data: st.DataObject,
) -> None:
    plan, _ = a_plan_with_history(data)
    event(f"entries: {min(plan.version // 10 * 10, 30)}+, status {plan.state.status}")
    restored = IntegrationPlan.Snapshot.take(plan).mutate(None)
    events = list(plan.collect_events())
    assert replay(events).state == plan.state
    assert restored.state == plan.state
    assert [e.originator_version for e in events] == list(range(1, plan.version + 1))


@BOUNDED
@given(st.data())
def test_an_accepted_retraction_leaves_the_fold_of_the_other_entries(data: st.DataObject) -> None:
    plan, on = a_plan_with_history(data)
    version = data.draw(st.integers(1, plan.version), label="retracted version")
    effective = list(plan.history())
    before = copy.deepcopy(plan.state)
    if version == 1:  # the opening: refused, whatever state the plan is in
        with pytest.raises(errors.DomainError):
            plan.retract(version=version, reason="mistake", on=on, ctx=C)
        assert plan.state == before
        return
    try:
        plan.retract(version=version, reason="mistake", on=on, ctx=C)
    except errors.DomainError as refused:
        event(f"retraction refused: {type(refused).__name__}")
        assert_in_words(refused)
        assert plan.state == before
        return
    event("retraction accepted")
    target = next(e for e in effective if e.originator_version == version)
    assert target.NOT_RETRACTABLE is None
    assert plan.state == fold((e for e in effective if e is not target), PlanLists())
    assert replay(list(plan.collect_events())).state == plan.state
