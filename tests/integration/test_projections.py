"""Read models built live while plans change equal a rebuild from scratch, on every store."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

import psycopg
import pytest

from application.plans import IntegrationPlans
from domain.plan import IntegrationPlan
from infrastructure import catch_up_together, projection_runner, read_model_rebuilds
from infrastructure.projection_runner import FAILED, ProjectionWorker
from infrastructure.read_model_kinds import KINDS, NAMES
from infrastructure.read_models import ReadModels
from infrastructure.settings import Settings
from projections.analytics import StatsQuery
from projections.audit_log import AuditQuery
from projections.plan_summary import PlanFilter
from projections.worklist import WorkQuery
from tests.builders import KEHL, OFFENBURG, TODAY, ctx, open_details, personal
from tests.postgres import ADMIN_DSN

PERSONAL_VALUES = ("Amira", "Haddad", "Hauptstraße", "+49 781", "example.org", "secret note")


def dsn(settings: Settings) -> str:
    return ADMIN_DSN.replace("dbname=postgres", f"dbname={settings.postgres_dbname}")


@contextmanager
def running_read_models(plans: IntegrationPlans, store_settings: Settings) -> Iterator[ReadModels]:
    if store_settings.store == "postgres":
        # The shared fixture empties the public schema only.
        with psycopg.connect(dsn(store_settings), autocommit=True) as conn:
            conn.execute("DROP SCHEMA IF EXISTS analytics CASCADE")
    models = ReadModels(plans, idle_poll=(0.01, 0.05), retry_delay=(0.02, 0.1), drop_delay=0)
    try:
        yield models
    finally:
        models.stop()


@pytest.fixture
def read_models(plans: IntegrationPlans, store_settings: Settings) -> Iterator[ReadModels]:
    with running_read_models(plans, store_settings) as models:
        yield models


def live_plan(plans: IntegrationPlans, i: int) -> UUID:
    """One plan's life; depending on i with a retraction, transfer, closure, reopening."""
    c = ctx(f"cw-{i % 3}")
    opened_on = date(2025, 1, 6) + timedelta(days=9 * i)
    on = opened_on + timedelta(days=20)
    place = (OFFENBURG, KEHL)[i % 2]
    pid = plans.open_plan(
        c,
        **open_details(
            municipality=place,
            caseworker=c.actor,
            opened_on=opened_on,
            personal=personal(),
        ),
    ).id
    consultation = plans.record(
        pid,
        IntegrationPlan.hold_consultation,
        c,
        held_on=on,
        duration_minutes=30 + i,
        setting="office",
        interpreter_language=None,
        topics=["language"],
        notes="secret note about health",
    )
    goal = plans.record(
        pid,
        IntegrationPlan.set_goal,
        c,
        field="language",
        description="secret note",
        target_on=TODAY,
        set_on=on,
    ).child_id
    due = plans.record(
        pid,
        IntegrationPlan.agree_measure,
        c,
        field="language",
        title="secret note title",
        responsible="client",
        partner_kind=None,
        due_on=on + timedelta(days=30),
        goal_id=goal,
        agreed_on=on,
    ).child_id
    plans.record(
        pid,
        IntegrationPlan.agree_measure,
        c,
        field="work",
        title="secret note",
        responsible="caseworker",
        partner_kind=None,
        due_on=TODAY + timedelta(days=5 + i),
        goal_id=None,
        agreed_on=on,
    )
    course = plans.record(
        pid,
        IntegrationPlan.enrol_in_course,
        c,
        kind="integrationskurs",
        provider="VHS",
        starts_on=on,
        target_level="B1",
        enrolled_on=on,
    ).child_id
    assert course is not None
    assert due is not None
    later = on + timedelta(days=60)
    plans.record(
        pid,
        IntegrationPlan.complete_course,
        c,
        course_id=course,
        completed_on=later,
        level_reached="A2",
        certificate=True,
    )
    job = plans.record(
        pid,
        IntegrationPlan.place_in_job,
        c,
        kind="employment",
        sector="C",
        starts_on=later,
        hours_per_week=30,
        placed_on=later,
    )
    if i % 3 == 0:
        plans.record(
            pid,
            IntegrationPlan.retract,
            c,
            version=consultation.version,
            reason="wrong plan",
            on=later,
        )
    if i % 3 == 1:
        plans.record(
            pid,
            IntegrationPlan.transfer,
            c,
            municipality=(KEHL, OFFENBURG)[i % 2],
            caseworker="cw-x",
            on=later,
        )
    if i % 4 == 0:
        plans.record(
            pid,
            IntegrationPlan.complete_measure,
            c,
            measure_id=due,
            completed_on=later,
            outcome="secret note",
        )
    if i % 5 == 2:
        plans.record(
            pid, IntegrationPlan.retract, c, version=job.version, reason="never started", on=later
        )
    plans.record(pid, IntegrationPlan.secure_housing, c, kind="private_rental", secured_on=later)
    if i % 2 == 0:
        plans.record(
            pid,
            IntegrationPlan.close_plan,
            c,
            closed_on=later + timedelta(days=1),
            reason="goals_achieved",
        )
        if i % 4 == 0:
            plans.record(
                pid,
                IntegrationPlan.reopen_plan,
                c,
                reopened_on=later + timedelta(days=2),
                reason="new need",
            )
    if i % 6 == 5:
        plans.record(
            pid,
            IntegrationPlan.erase_personal_data,
            ctx("admin-1", "admin"),
            legal_basis="Art. 17",
            on=later,
        )
    return pid


def rebuilt(models: ReadModels, name: str) -> dict[str, list[dict[str, Any]]]:
    """A new generation of the view filled from the events alone, then removed."""
    kind = KINDS[name]
    view = kind.memory_view(99) if models.db is None else kind.sql_view(models.db, 99)
    view.drop()
    projection = (
        kind.projection(view, None, models.people)  # type: ignore[call-arg]
        if kind.names_people
        else kind.projection(view)
    )
    worker = ProjectionWorker(models.plans, projection, batch_size=7)
    worker.catch_up()
    dump = view.dump()
    view.drop()
    return dump


def assert_equal_to_rebuild(models: ReadModels) -> None:
    for name in NAMES:
        live = models.view(name).dump()
        assert live == rebuilt(models, name), name
        assert any(live.values()), name


def test_views_built_live_equal_a_rebuild(plans: IntegrationPlans, read_models: ReadModels) -> None:
    read_models.start()
    ids = [live_plan(plans, i) for i in range(8)]
    read_models.wait_for(plans.recorder.max_notification_id(), timeout=30)
    assert_equal_to_rebuild(read_models)

    summaries = read_models.summary.list_plans(PlanFilter(as_of=TODAY), limit=100).items
    assert sorted(s.plan_id for s in summaries) == sorted(ids)
    erased = read_models.summary.get_summary(ids[5])
    assert erased is not None
    assert erased.status == "erased"
    retracted = read_models.summary.get_summary(ids[0])
    assert retracted is not None
    assert retracted.last_consultation_on is None  # the only consultation was retracted
    assert retracted.status == "open"  # closed, then reopened
    transferred = read_models.summary.get_summary(ids[1])
    assert transferred is not None
    assert (transferred.municipality, transferred.caseworker) == (OFFENBURG, "cw-x")
    assert read_models.summary.get_summary(ids[2]) == read_models.summary.get_summary(ids[2])
    job_retracted = read_models.summary.get_summary(ids[2])
    assert job_retracted is not None
    assert not job_retracted.employed
    assert job_retracted.highest_level == "A2"

    for name in NAMES:
        text = repr(read_models.view(name).dump())
        for value in PERSONAL_VALUES:
            assert value not in text, (name, value)

    audit = read_models.audit_log.entries(AuditQuery(plan_id=ids[0]), limit=100).items
    retracted_entries = [r for r in audit if r.retracted_by is not None]
    assert [r.type for r in retracted_entries] == ["ConsultationHeld"]
    assert all(s.state == "running" and s.lag_events == 0 for s in read_models.status())


def test_a_rebuild_in_small_batches_equals_the_live_views(
    plans: IntegrationPlans, read_models: ReadModels, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebuild computes a plan's rows only in the batch of its last entry: with batches of
    five entries every plan spans several, and the switched-to views still equal the live."""
    for i in range(6):
        live_plan(plans, i)
    read_models.catch_up()
    live = {name: read_models.view(name).dump() for name in NAMES}
    monkeypatch.setattr(read_model_rebuilds, "REBUILD_BATCH_SIZE", 5)
    read_models.batch_size = 5
    read_models.rebuild_all()
    assert all(status.version == 2 for status in read_models.status())
    for name in NAMES:
        assert read_models.view(name).dump() == live[name], name
    read_models.rebuild("analytics", wait=True)
    assert read_models.view("analytics").dump() == live["analytics"]


def test_a_rebuild_reads_a_few_plans_at_once_and_still_equals_the_live_views(
    plans: IntegrationPlans, read_models: ReadModels, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebuild holds no plan between batches: it reads the plans finishing in a batch from
    the store, at most PLANS_AT_ONCE at a time, cutting the batch where more would finish."""
    for i in range(6):
        live_plan(plans, i)
    read_models.catch_up()
    live = {name: read_models.view(name).dump() for name in NAMES}
    read_at_once: list[int] = []
    finishing = catch_up_together._finishing

    def counted(*args: Any) -> Any:
        plans_read = finishing(*args)
        read_at_once.append(len(plans_read))
        return plans_read

    monkeypatch.setattr(catch_up_together, "PLANS_AT_ONCE", 2)
    monkeypatch.setattr(catch_up_together, "_finishing", counted)
    read_models.rebuild_all()
    for name in NAMES:
        assert read_models.view(name).dump() == live[name], name
    assert sum(read_at_once) == 6  # each plan read once, at its last entry
    assert max(read_at_once) == 2
    assert len(read_at_once) >= 3  # one batch (10,000 entries) cut into parts


def test_cells_summed_by_a_rebuild_keep_their_key_and_follow_live_writes(
    plans: IntegrationPlans, read_models: ReadModels
) -> None:
    """A rebuild fills the cells in bulk and builds their key after (PostgreSQL): the key is
    there again, and entries written after the switch-over change the cells as they should."""
    for i in range(4):
        live_plan(plans, i)
    read_models.rebuild_all()
    view = read_models.view("analytics")
    if read_models.db is not None and read_models.db.kind == "postgres":
        table = view.tables.name("cells")  # type: ignore[attr-defined]
        key = read_models.db.tuples(
            "SELECT a.attname FROM pg_constraint c, unnest(c.conkey) WITH ORDINALITY k(n, i) "
            "JOIN pg_attribute a ON a.attnum = k.n "
            "WHERE c.conrelid = to_regclass(%s) AND c.contype = 'p' AND a.attrelid = c.conrelid "
            "ORDER BY k.i",
            [table],
        )
        assert [name for (name,) in key] == [
            "metric", "by_dim", "period", "municipality", "category", "days"
        ]  # fmt: skip
    read_models.start()
    for i in range(4, 7):
        live_plan(plans, i)
    read_models.wait_for(plans.recorder.max_notification_id(), timeout=30)
    assert_equal_to_rebuild(read_models)


def test_a_plans_many_rows_are_written_as_their_difference(
    plans: IntegrationPlans, read_models: ReadModels
) -> None:
    """Facts are written as the difference to those stored: two alike consultations make
    two alike rows, retracting one leaves the other, and the view still equals a rebuild."""
    c = ctx("cw-0")
    pid = plans.open_plan(c, **open_details(opened_on=date(2025, 3, 3), personal=personal())).id
    alike: dict[str, Any] = {
        "held_on": date(2025, 3, 10),
        "duration_minutes": 45,
        "setting": "office",
        "interpreter_language": None,
        "topics": ["work"],
        "notes": "",
    }
    first = plans.record(pid, IntegrationPlan.hold_consultation, c, **alike)
    read_models.catch_up()
    plans.record(pid, IntegrationPlan.hold_consultation, c, **alike)
    read_models.catch_up()

    def consultation_facts() -> list[dict[str, Any]]:
        facts = read_models.analytics.dump()["facts"]
        return [f for f in facts if f["metric"] == "consultations"]

    assert len(consultation_facts()) == 2
    plans.record(
        pid, IntegrationPlan.retract, c, version=first.version, reason="twice", on=date(2025, 3, 11)
    )
    read_models.catch_up()
    assert len(consultation_facts()) == 1
    assert_equal_to_rebuild(read_models)


def test_a_reader_waiting_for_a_position_cuts_the_gathering_short(
    plans: IntegrationPlans, read_models: ReadModels, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Caught-up workers let entries gather before their next batch; a read that waits for
    its write's position does not wait for that."""
    monkeypatch.setattr(projection_runner, "LINGER_MAX_SECONDS", 120.0)
    for worker in read_models.workers.values():
        worker.linger = 120.0
    read_models.start()
    live_plan(plans, 0)
    read_models.wait_for(plans.recorder.max_notification_id(), timeout=30)
    time.sleep(0.3)  # every worker has caught up and gathers now
    live_plan(plans, 1)
    started = time.monotonic()
    read_models.wait_for(plans.recorder.max_notification_id(), timeout=30)
    assert time.monotonic() - started < 20


def test_lists_page_filter_and_worklists(plans: IntegrationPlans, read_models: ReadModels) -> None:
    ids = [live_plan(plans, i) for i in range(6)]
    read_models.catch_up()
    seen: list[UUID] = []
    cursor = None
    while True:
        page = read_models.summary.list_plans(PlanFilter(), limit=4, cursor=cursor)
        seen += [s.plan_id for s in page.items]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert sorted(seen) == sorted(ids)
    assert len(seen) == len(set(seen))

    kehl = read_models.summary.list_plans(PlanFilter(scope=[KEHL]), limit=100).items
    assert {s.municipality for s in kehl} == {KEHL}
    closed = read_models.summary.list_plans(PlanFilter(status="closed"), limit=100).items
    assert {s.plan_id for s in closed} == {ids[2]}
    overdue = read_models.summary.list_plans(PlanFilter(overdue=True, as_of=TODAY), limit=100).items
    assert overdue
    assert all(s.overdue_measures > 0 for s in overdue)
    assert not read_models.summary.list_plans(
        PlanFilter(overdue=True, as_of=date(2025, 1, 1)), limit=100
    ).items

    items = read_models.worklist.worklist(WorkQuery(as_of=TODAY, caseworker="cw-0"))
    assert items
    assert {i.caseworker for i in items} == {"cw-0"}
    kinds = {i.kind for i in read_models.worklist.worklist(WorkQuery(as_of=TODAY))}
    assert {"measure_due", "no_consultation"} <= kinds
    ending = read_models.worklist.worklist(WorkQuery(as_of=date(2027, 12, 1)))
    assert "advice_period_ending" in {i.kind for i in ending}

    everything = read_models.audit_log.entries(AuditQuery(), limit=1000).items
    assert len(everything) == plans.recorder.max_notification_id()
    by_admin = read_models.audit_log.entries(AuditQuery(actor="admin-1"), limit=10).items
    assert [r.type for r in by_admin] == ["PersonalDataErased"]
    # A time range given in local time selects by the instant, on every store.
    berlin = ZoneInfo("Europe/Berlin")
    middle = everything[len(everything) // 2].recorded_at.astimezone(berlin)
    later = read_models.audit_log.entries(AuditQuery(recorded_from=middle), limit=1000).items
    assert later == [r for r in everything if r.recorded_at >= middle]


def test_a_page_over_several_municipalities_is_in_order_and_complete(
    plans: IntegrationPlans, read_models: ReadModels
) -> None:
    """Each municipality is read on its own and the pages merged: paging through two of
    three gives each of their plans once, in the order of the opening, and nothing else."""
    lahr = "08317065"
    wanted: list[tuple[date, UUID]] = []
    for i in range(9):
        place = (OFFENBURG, KEHL, lahr)[i % 3]
        opened_on = date(2025, 1, 6) + timedelta(days=(i * 7) % 5)  # days repeat across plans
        plan = plans.open_plan(ctx(), **open_details(municipality=place, opened_on=opened_on))
        if place != lahr:
            wanted.append((opened_on, plan.id))
    read_models.catch_up()
    seen: list[UUID] = []
    cursor = None
    while True:
        page = read_models.summary.list_plans(
            PlanFilter(scope=[KEHL, OFFENBURG]), limit=2, cursor=cursor
        )
        seen += [s.plan_id for s in page.items]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == [plan_id for _, plan_id in sorted(wanted)]
    only_kehl = PlanFilter(scope=[KEHL, OFFENBURG], municipality=KEHL)
    assert {s.municipality for s in read_models.summary.list_plans(only_kehl).items} == {KEHL}


def open_in(plans: IntegrationPlans, place: str, count: int) -> None:
    for _ in range(count):
        plans.open_plan(ctx(), **open_details(municipality=place, opened_on=date(2025, 2, 3)))


def test_small_cells_are_suppressed(plans: IntegrationPlans, read_models: ReadModels) -> None:
    open_in(plans, OFFENBURG, 4)
    open_in(plans, KEHL, 5)
    read_models.catch_up()
    query = StatsQuery(date(2025, 2, 1), date(2025, 2, 1), metrics=["plans_opened"])
    figures = {f.municipality: f for f in read_models.analytics.figures(query)}
    assert figures[OFFENBURG].suppressed
    assert figures[OFFENBURG].value is None
    assert figures[OFFENBURG].persons is None
    assert not figures[KEHL].suppressed
    assert figures[KEHL].value == 5
    county = read_models.analytics.figures(
        StatsQuery(date(2025, 2, 1), date(2025, 2, 1), by_municipality=False)
    )
    totals = {f.metric: f for f in county}
    assert totals["plans_opened"].value == 9
    assert totals["plans_active"].value == 9


def test_analysts_read_suppressed_figures_only(
    plans: IntegrationPlans, read_models: ReadModels, store_settings: Settings
) -> None:
    if store_settings.store != "postgres":
        pytest.skip("the analysts' SQL access is a PostgreSQL feature")
    open_in(plans, OFFENBURG, 4)
    open_in(plans, KEHL, 5)
    read_models.catch_up()
    with psycopg.connect(dsn(store_settings), autocommit=True) as conn:
        conn.execute("SET ROLE iplan_analyst")
        rows = conn.execute(
            "SELECT municipality, persons, value, suppressed FROM analytics.monthly_figures "
            "WHERE metric = 'plans_opened' ORDER BY municipality"
        ).fetchall()
        assert rows == [(KEHL, 5, 5.0, False), (OFFENBURG, None, None, True)]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT * FROM analytics.v1_facts")


def test_a_failing_commit_is_reported_and_retried(
    plans: IntegrationPlans, read_models: ReadModels
) -> None:
    if read_models.db is None:
        pytest.skip("the in-memory views have no transaction to interrupt")
    crashing = threading.Event()
    crashing.set()

    def crash_before_commit() -> None:
        if crashing.is_set():
            raise RuntimeError("simulated crash after the view update, before commit")

    read_models.db.before_commit = crash_before_commit
    read_models.start()
    for i in range(3):
        live_plan(plans, i)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(s.state != FAILED for s in read_models.status()):
        time.sleep(0.02)
    statuses = read_models.status()
    assert {s.state for s in statuses} == {FAILED}
    assert all("simulated crash" in (s.last_error or "") for s in statuses)
    assert all(s.lag_events > 0 and s.position is None for s in statuses)

    live_plan(plans, 3)
    crashing.clear()  # the database is back
    read_models.wait_for(plans.recorder.max_notification_id(), timeout=30)
    # The runner marks itself running again just after its first good commit.
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(s.state == FAILED for s in read_models.status()):
        time.sleep(0.02)
    assert {(s.state, s.last_error) for s in read_models.status()} == {("running", None)}
    assert_equal_to_rebuild(read_models)


def test_rebuild_side_by_side_switches_over(
    plans: IntegrationPlans, read_models: ReadModels
) -> None:
    for i in range(3):
        live_plan(plans, i)
    read_models.start()
    read_models.wait_for(plans.recorder.max_notification_id(), timeout=30)
    before = read_models.summary.dump()
    version = read_models.rebuild("plan_summary", timeout=30)
    assert version == 2
    live_plan(plans, 3)  # written while the new generation catches up
    read_models.wait_for(plans.recorder.max_notification_id(), timeout=30)
    deadline = time.monotonic() + 30
    while read_models.summary.version != 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert read_models.summary.version == 2
    assert read_models.registry.get("plan_summary") == 2
    read_models.wait_for(plans.recorder.max_notification_id(), timeout=30)
    assert read_models.summary.dump() != before
    assert_equal_to_rebuild(read_models)
    if read_models.db is not None:
        # Another process finds the new generation serving, or follows the switch.
        assert ReadModels(plans).summary.version == 2
        other = ReadModels(plans, drop_delay=0)
        read_models.rebuild("plan_summary", wait=True)
        assert other.summary.version == 2
        other.sync()
        assert other.summary.version == 3
        assert other.summary.dump() == read_models.summary.dump()


def test_wait_for_times_out_when_not_processed(read_models: ReadModels) -> None:
    with pytest.raises(TimeoutError):
        read_models.wait_for(10**9, timeout=0.2)
    read_models.wait_for(None)


def test_postgres_announces_new_entries_to_idle_workers(
    plans: IntegrationPlans, store_settings: Settings, read_models: ReadModels
) -> None:
    if store_settings.store != "postgres":
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's")
    idle = ReadModels(plans, names=["audit_log"], idle_poll=(30.0, 30.0), drop_delay=0)
    idle.start()
    try:
        time.sleep(0.5)  # the worker found nothing and now sleeps for 30 s
        position = plans.open_plan(ctx(), **open_details()).position
        assert position is not None
        deadline = time.monotonic() + 10
        while (idle.position("audit_log") or 0) < position and time.monotonic() < deadline:
            time.sleep(0.02)
        assert idle.position("audit_log") == position
    finally:
        idle.stop()


def test_status_reports_position_head_and_lag(
    plans: IntegrationPlans, read_models: ReadModels
) -> None:
    live_plan(plans, 0)
    head = plans.recorder.max_notification_id()
    assert head is not None
    time.sleep(0.05)
    behind = {s.name: s for s in read_models.status()}
    assert set(behind) == set(NAMES)
    for s in behind.values():
        assert (s.state, s.position, s.head, s.lag_events) == ("stopped", None, head, head)
        assert s.lag_seconds > 0
        assert s.version == 1
    read_models.catch_up()
    for s in read_models.status():
        assert (s.position, s.lag_events, s.lag_seconds, s.last_error) == (head, 0, 0.0, None)


def test_stopping_drops_an_old_generation_still_in_its_grace_period(
    plans: IntegrationPlans, store_settings: Settings
) -> None:
    with running_read_models(plans, store_settings) as models:
        if models.db is None:
            pytest.skip("the in-memory views have no tables to drop")
        models.drop_delay = 60  # the grace period outlasts the test
        live_plan(plans, 0)
        models.start()
        models.wait_for(plans.recorder.max_notification_id(), timeout=30)
        old_view = models.workers["plan_summary"].projection.view
        models.rebuild("plan_summary", wait=True)
        assert models.summary.version == 2
        models.stop()
        # Dropped while the store was open, not by a timer after it was closed.
        assert not old_view.tables.created
        assert models.summary.dump()
