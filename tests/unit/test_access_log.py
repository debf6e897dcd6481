"""Reads of personal data as events: their topic, their content, and the read models' view."""

from __future__ import annotations

from eventsourcing.persistence import Tracking
from eventsourcing.utils import get_topic, resolve_topic

from application.plans import IntegrationPlans
from domain.access import AccessRecord, PersonalDataRead
from domain.plan import IntegrationPlan
from projections.audit_log import READ, AuditLogProjection, AuditQuery, MemoryAuditLogView
from projections.base import Processed
from projections.plan_summary import MemoryPlanSummaryView, PlanSummaryProjection
from tests.builders import ctx, open_details

APP = "IntegrationPlans"
ENDPOINT = "GET /v1/plans/{plan_id}/history"


def a_read(plan: IntegrationPlan, actor: str = "aud-1") -> PersonalDataRead:
    record = AccessRecord.record(
        plan_id=plan.id, plan_version=plan.version, endpoint=ENDPOINT, ctx=ctx(actor, "auditor")
    )
    [event] = record.collect_events()
    assert isinstance(event, PersonalDataRead)
    return event


def test_a_read_is_recorded_under_a_stable_topic_with_who_what_and_which_version() -> None:
    plan = IntegrationPlan.open(ctx=ctx(), **open_details())
    read = a_read(plan)
    assert get_topic(PersonalDataRead) == "iplan:PersonalDataRead"
    assert resolve_topic("iplan:PersonalDataRead") is PersonalDataRead
    assert read.originator_topic == "iplan:AccessRecord"
    assert read.originator_id != plan.id  # a record of its own, never a plan's entry
    assert (read.plan_id, read.plan_version, read.endpoint) == (plan.id, 1, ENDPOINT)
    assert (read.actor, read.role, read.correlation_id) == ("aud-1", "auditor", "req-test")
    assert a_read(plan).originator_id != read.originator_id


def test_a_read_holds_no_personal_value_and_survives_the_store_round_trip() -> None:
    plan = IntegrationPlan.open(ctx=ctx(), **open_details())
    mapper = IntegrationPlans().mapper  # in memory: the application's own transcodings
    read = a_read(plan)
    stored = mapper.to_stored_event(read)
    assert stored.topic == "iplan:PersonalDataRead"
    text = stored.state.decode()
    for value in ("Amira", "Haddad", "Hauptstraße", "example.org", "personal"):
        assert value not in text, value
    again = mapper.to_domain_event(stored)
    assert isinstance(again, PersonalDataRead)
    assert vars(again) == vars(read)


def test_the_audit_log_shows_reads_beside_entries_and_plan_views_ignore_them() -> None:
    plan = IntegrationPlan.open(ctx=ctx(), **open_details())
    [opened] = plan.collect_events()
    read = a_read(plan)
    batch = [Processed(opened, Tracking(APP, 1)), Processed(read, Tracking(APP, 2))]

    audit = MemoryAuditLogView()
    AuditLogProjection(audit).process_batch(batch)
    [row] = audit.entries(AuditQuery(kind=READ)).items
    assert (row.kind, row.seq, row.plan_id, row.version) == (READ, 2, plan.id, 1)
    assert (row.type, row.actor, row.role) == (ENDPOINT, "aud-1", "auditor")
    assert (row.recorded_at, row.effective_on) == (read.timestamp, None)
    assert [r.kind for r in audit.entries(AuditQuery(plan_id=plan.id)).items] == ["entry", READ]
    assert audit.max_tracking_id(APP) == 2

    # A batch of reads only still moves a plan view's position on.
    summary = MemoryPlanSummaryView()
    projection = PlanSummaryProjection(summary)
    projection.process_batch(batch[:1])
    before = summary.dump()
    projection.process_batch([Processed(a_read(plan, "aud-2"), Tracking(APP, 3))])
    assert summary.max_tracking_id(APP) == 3
    assert summary.dump() == before
