"""Reads of personal data are recorded in the event store, on every store (DESIGN 6).

They show in the audit log as kind `read`, survive a rebuild, are chained like a plan's
entries, and are never mistaken for a plan.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from uuid import UUID

import pytest

from application.errors import PlanNotFound
from application.plans import IntegrationPlans
from application.protection import ACCESS_RECORD, PLAN
from domain.plan import IntegrationPlan
from infrastructure.read_models import ReadModels
from infrastructure.settings import Settings
from projections.audit_log import READ, AuditQuery
from tests.builders import ctx, open_details
from tests.integration.raw_database import EVENTS_TABLE, execute, fetch_one, plan_key
from tests.integration.test_projections import (
    PERSONAL_VALUES,
    assert_equal_to_rebuild,
    live_plan,
    running_read_models,
)

STATE = "GET /v1/plans/{plan_id}"
HISTORY = "GET /v1/plans/{plan_id}/history"


@pytest.fixture
def read_models(plans: IntegrationPlans, store_settings: Settings) -> Iterator[ReadModels]:
    with running_read_models(plans, store_settings) as models:
        yield models


def read_by(plans: IntegrationPlans, plan_id: UUID, actor: str, endpoint: str = STATE) -> UUID:
    version = plans.get_plan(plan_id).version
    c = plans.context(actor=actor, role="auditor", correlation_id=f"req-{actor}")
    recorded = plans.record_personal_data_read(plan_id, c, endpoint=endpoint, version=version)
    assert recorded.position is not None
    return recorded.id


def test_a_recorded_read_shows_in_the_audit_log_as_who_what_when(
    plans: IntegrationPlans, read_models: ReadModels
) -> None:
    plan_id = plans.open_plan(ctx(), **open_details()).id
    plans.record(
        plan_id, IntegrationPlan.attend_workshop, ctx(), kind="other", attended_on=date(2025, 3, 1)
    )
    before = datetime.now(UTC)
    c = plans.context(actor="aud-1", role="auditor", correlation_id="req-42")
    recorded = plans.record_personal_data_read(plan_id, c, endpoint=HISTORY, version=2)
    after = datetime.now(UTC)
    read_models.catch_up()

    [row] = read_models.audit_log.entries(AuditQuery(kind=READ)).items
    assert (row.kind, row.seq, row.plan_id, row.version) == (READ, recorded.position, plan_id, 2)
    assert (row.actor, row.role, row.correlation_id, row.type) == (
        "aud-1",
        "auditor",
        "req-42",
        HISTORY,
    )
    assert before <= row.recorded_at <= after
    assert row.effective_on is None
    by_plan = read_models.audit_log.entries(AuditQuery(plan_id=plan_id)).items
    assert [r.kind for r in by_plan] == ["entry", "entry", READ]
    assert read_models.audit_log.entries(AuditQuery(actor="aud-1", kind="entry")).items == []
    # The plan views moved past the read without a row for it.
    assert {s.position for s in read_models.status()} == {recorded.position}
    summary = read_models.summary.get_summary(plan_id)
    assert summary is not None
    assert summary.plan_id == plan_id


def test_views_built_live_with_reads_equal_a_rebuild(
    plans: IntegrationPlans, read_models: ReadModels
) -> None:
    read_models.start()
    reads: list[UUID] = []
    for i in range(6):
        plan_id = live_plan(plans, i)
        reads.append(read_by(plans, plan_id, f"aud-{i % 2}", (STATE, HISTORY)[i % 2]))
        if i % 3 == 0:
            reads.append(read_by(plans, plan_id, "admin-1"))
    read_models.wait_for(plans.recorder.max_notification_id(), timeout=30)
    assert_equal_to_rebuild(read_models)

    rows = read_models.audit_log.entries(AuditQuery(kind=READ), limit=100).items
    assert len(rows) == len(reads)
    assert {r.actor for r in rows} == {"aud-0", "aud-1", "admin-1"}
    for name in read_models.workers:
        text = repr(read_models.view(name).dump())
        for value in PERSONAL_VALUES:
            assert value not in text, (name, value)

    # Rebuilding all views in one pass (plans followed once for all) skips reads alike.
    live = {name: read_models.view(name).dump() for name in read_models.workers}
    read_models.rebuild_all()
    assert {name: read_models.view(name).version for name in live} == dict.fromkeys(live, 2)
    assert {name: read_models.view(name).dump() for name in live} == live


def test_access_records_are_chained_and_never_taken_for_plans(plans: IntegrationPlans) -> None:
    plan_id = plans.open_plan(ctx(), **open_details()).id
    access_ids = {read_by(plans, plan_id, "aud-1"), read_by(plans, plan_id, "aud-2")}

    reports = list(plans.verify_all())
    assert all(r.ok for r in reports), reports
    assert {(r.plan_id, r.subject) for r in reports} == {
        (plan_id, PLAN),
        *((a, ACCESS_RECORD) for a in access_ids),
    }
    assert plans.verify_integrity(plan_id).ok
    some_access = next(iter(access_ids))
    with pytest.raises(PlanNotFound):
        plans.verify_integrity(some_access)
    with pytest.raises(PlanNotFound):
        plans.get_plan(some_access)
    with pytest.raises(PlanNotFound):
        plans.history(some_access)
    # The plan itself is untouched by being read.
    assert plans.get_plan(plan_id).version == 1


def test_a_changed_access_record_is_reported(
    plans: IntegrationPlans, store_settings: Settings
) -> None:
    if store_settings.store == "memory":
        pytest.skip("nothing to tamper with outside the application")
    plan_id = plans.open_plan(ctx(), **open_details()).id
    access_id = read_by(plans, plan_id, "aud-1")
    table = EVENTS_TABLE[store_settings.store]
    key = plan_key(store_settings, access_id)
    row = fetch_one(store_settings, f"SELECT state FROM {table} WHERE originator_id = ?", key)
    assert row is not None
    state = bytes(row[0])
    assert b"aud-1" in state
    forged = state.replace(b"aud-1", b"aud-9")
    execute(store_settings, f"UPDATE {table} SET state = ? WHERE originator_id = ?", forged, key)

    broken = [r for r in plans.verify_all() if not r.ok]
    assert [(r.plan_id, r.subject, r.first_bad_version) for r in broken] == [
        (access_id, ACCESS_RECORD, 1)
    ]
