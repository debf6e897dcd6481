"""Read-model rows computed from plans, without I/O: retraction, transfer, erasure, suppression."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from uuid import UUID

import pytest
from eventsourcing.persistence import IntegrityError, Tracking

from domain.plan import IntegrationPlan
from projections.analytics import (
    MIN_PERSONS,
    Cell,
    MemoryAnalyticsView,
    StatsQuery,
    analytics_rows,
    report_rows,
    suppress,
)
from projections.audit_log import AuditLogProjection, AuditQuery, MemoryAuditLogView
from projections.base import PlanFollower, PlanRows, Processed
from projections.plan_summary import (
    MemoryPlanSummaryView,
    PlanFilter,
    PlanSummaryProjection,
    summary_rows,
)
from projections.worklist import worklist_rows
from tests.builders import KEHL, OFFENBURG, ctx, open_details

OPENED = date(2025, 1, 15)
APP = "IntegrationPlans"


def day(offset: int) -> date:
    return OPENED + timedelta(days=offset)


def without_ids(rows: PlanRows) -> dict[str, list[dict[str, Any]]]:
    """The rows without ids, and without the plan's version they were computed at (which
    counts every entry, a retracted one too: it names what a logged read saw)."""
    return {
        table: [
            {k: v for k, v in r.items() if not isinstance(v, UUID) and k != "version"} for r in rs
        ]
        for table, rs in rows.items()
    }


def all_rows(plan: IntegrationPlan) -> dict[str, Any]:
    return {
        "summary": without_ids(summary_rows(plan)),
        "worklist": without_ids(worklist_rows(plan)),
        "analytics": without_ids(analytics_rows(plan)),
    }


def consultation(plan: IntegrationPlan, offset: int) -> None:
    plan.hold_consultation(
        held_on=day(offset),
        duration_minutes=45,
        setting="office",
        interpreter_language=None,
        topics=["work"],
        notes="secret health note",
        ctx=ctx(),
    )


def job(plan: IntegrationPlan) -> None:
    plan.place_in_job(
        kind="employment",
        sector="C",
        starts_on=day(60),
        hours_per_week=20,
        placed_on=day(60),
        ctx=ctx(),
    )


def test_a_retracted_entry_leaves_rows_as_if_never_made() -> None:
    corrected = IntegrationPlan.open(ctx=ctx(), **open_details())
    consultation(corrected, 10)
    job(corrected)
    corrected.retract(version=3, reason="wrong person", on=day(61), ctx=ctx())
    consultation(corrected, 70)

    clean = IntegrationPlan.open(ctx=ctx(), **open_details())
    consultation(clean, 10)
    consultation(clean, 70)

    assert all_rows(corrected) == all_rows(clean)
    assert not summary_rows(corrected)["plans"][0]["employed"]


def test_a_transfer_counts_each_month_where_the_person_lived() -> None:
    plan = IntegrationPlan.open(ctx=ctx(), **open_details(municipality=OFFENBURG))
    consultation(plan, 10)  # January: Offenburg
    plan.transfer(municipality=KEHL, caseworker="cw-kehl", on=day(30), ctx=ctx())
    consultation(plan, 35)  # February: Kehl
    rows = analytics_rows(plan)
    places = {
        (f["month"], f["municipality"]) for f in rows["facts"] if f["metric"] == "consultations"
    }
    assert places == {(date(2025, 1, 1), OFFENBURG), (date(2025, 2, 1), KEHL)}
    assert [(p["municipality"], p["starts_on"], p["ends_on"]) for p in rows["periods"]] == [
        (OFFENBURG, OPENED, day(30)),
        (KEHL, day(30), None),
    ]


def test_closure_and_reopening_split_active_periods() -> None:
    plan = IntegrationPlan.open(ctx=ctx(), **open_details())
    plan.close_plan(closed_on=day(20), reason="no_contact", ctx=ctx())
    plan.reopen_plan(reopened_on=day(50), reason="came back", ctx=ctx())
    rows = analytics_rows(plan)
    assert [(p["starts_on"], p["ends_on"]) for p in rows["periods"]] == [
        (OPENED, day(20)),
        (day(50), None),
    ]
    closed = [f for f in rows["facts"] if f["metric"] == "plans_closed"]
    assert [(f["dimension"], f["month"]) for f in closed] == [("no_contact", date(2025, 2, 1))]
    assert worklist_rows(plan)["plans"]


def test_rows_never_hold_personal_values() -> None:
    plan = IntegrationPlan.open(ctx=ctx(), **open_details())
    consultation(plan, 10)
    plan.set_goal(
        field="work", description="secret goal text", target_on=day(300), set_on=day(10), ctx=ctx()
    )
    plan.erase_personal_data(legal_basis="Art. 17", on=day(20), ctx=ctx("admin-1", "admin"))
    text = repr(all_rows(plan))
    for value in ("Amira", "Haddad", "secret", "example.org", "Hauptstraße"):
        assert value not in text
    assert summary_rows(plan)["plans"][0]["status"] == "erased"
    assert worklist_rows(plan) == {"plans": [], "measures": []}


def feed(plan: IntegrationPlan, start: int) -> list[Processed]:
    return [Processed(e, Tracking(APP, start + i)) for i, e in enumerate(plan.collect_events())]


def replay(batch: list[Processed], version: int) -> IntegrationPlan:
    aggregate: Any = None
    for item in batch[:version]:
        aggregate = item.entry.mutate(aggregate)
    plan: IntegrationPlan = aggregate
    return plan


def test_an_entry_is_applied_once_and_tracking_moves_with_the_rows() -> None:
    view = MemoryPlanSummaryView()
    plan = IntegrationPlan.open(ctx=ctx(), **open_details())
    consultation(plan, 10)
    batch = feed(plan, 1)
    projection = PlanSummaryProjection(view, lambda _id, version: replay(batch, version))
    projection.process_batch(batch)
    assert view.max_tracking_id(APP) == 2
    before = view.dump()
    with pytest.raises(IntegrityError):
        projection.process_batch(batch[1:])
    assert view.dump() == before
    assert view.max_tracking_id(APP) == 2


def test_the_follower_loads_a_plan_it_has_not_seen() -> None:
    plan = IntegrationPlan.open(ctx=ctx(), **open_details())
    consultation(plan, 10)
    consultation(plan, 20)
    batch = feed(plan, 1)
    loads: list[tuple[UUID, int]] = []

    def load(plan_id: UUID, version: int) -> IntegrationPlan:
        loads.append((plan_id, version))
        return replay(batch, version)

    follower = PlanFollower(load)
    followed = follower.advance(batch[2].entry)  # the first two were never seen
    assert loads == [(plan.id, 3)]
    assert len(followed.state.consultations) == 2
    again = follower.advance(batch[2].entry)  # seen already: the cache is ahead, so reload
    assert loads == [(plan.id, 3), (plan.id, 3)]
    assert again.version == 3


def test_audit_log_marks_retracted_entries() -> None:
    view = MemoryAuditLogView()
    plan = IntegrationPlan.open(ctx=ctx(), **open_details())
    consultation(plan, 10)
    plan.retract(version=2, reason="typo", on=day(11), ctx=ctx("cw-bert"))
    AuditLogProjection(view).process_batch(feed(plan, 1))
    records = view.entries(AuditQuery(plan_id=plan.id)).items
    assert [(r.type, r.retracted_by) for r in records] == [
        ("PlanOpened", None),
        ("ConsultationHeld", 3),
        ("EntryRetracted", None),
    ]
    assert [r.type for r in view.entries(AuditQuery(actor="cw-bert")).items] == ["EntryRetracted"]
    first = view.entries(AuditQuery(), limit=2)
    assert first.next_cursor is not None
    rest = view.entries(AuditQuery(), limit=2, cursor=first.next_cursor)
    assert [r.seq for r in first.items + rest.items] == [1, 2, 3]


@pytest.mark.parametrize(("persons", "shown"), [(MIN_PERSONS - 1, False), (MIN_PERSONS, True)])
def test_a_figure_of_fewer_than_five_persons_is_suppressed(persons: int, shown: bool) -> None:
    figure = suppress(Cell(KEHL, date(2025, 1, 1), "consultations", "", persons, 3.0 * persons))
    assert figure.suppressed is not shown
    assert (figure.value is not None) is shown
    assert (figure.persons == persons) is shown


def test_medians_count_persons_too() -> None:
    view = MemoryAnalyticsView()
    projection_rows: dict[UUID, PlanRows] = {}
    for i in range(MIN_PERSONS):
        plan = IntegrationPlan.open(ctx=ctx(), **open_details(opened_on=OPENED))
        plan.secure_housing(kind="social_housing", secured_on=day(10 + i), ctx=ctx())
        projection_rows[plan.id] = analytics_rows(plan)
    view.replace_plans(projection_rows, Tracking(APP, 1))
    query = StatsQuery(date(2025, 1, 1), date(2025, 1, 1), metrics=["days_to_own_housing"])
    [figure] = view.figures(query)
    assert (figure.value, figure.persons, figure.suppressed) == (12.0, 5, False)


def test_overdue_is_asked_as_of_a_day() -> None:
    with pytest.raises(ValueError, match="as_of"):
        PlanFilter(overdue=True)


def test_report_rows_say_suppressed_never_zero() -> None:
    figures = [
        suppress(Cell(KEHL, date(2025, 1, 1), "plans_opened", "", 4, 4.0)),
        suppress(Cell(OFFENBURG, date(2025, 1, 1), "consultation_minutes", "", 5, 262.5)),
    ]
    assert list(report_rows(figures)) == [
        ("municipality", "month", "metric", "dimension", "persons", "value"),
        (KEHL, "2025-01", "plans_opened", "", "suppressed", "suppressed"),
        (OFFENBURG, "2025-01", "consultation_minutes", "", "5", "262.5"),
    ]
