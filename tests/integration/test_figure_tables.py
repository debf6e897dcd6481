"""The analysts' tables on every store: distinct persons per period, totals, breakdowns,
outcome shares and suppression, against a small county computed by hand."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from uuid import UUID

import psycopg
import pytest

from application.plans import IntegrationPlans
from domain.plan import IntegrationPlan
from infrastructure.read_models import ReadModels
from infrastructure.settings import Settings
from projections.figure_tables import TableCell, TableQuery
from tests.builders import KEHL, OFFENBURG, ctx, open_details, profile
from tests.integration.test_projections import dsn, running_read_models

PLACES = (OFFENBURG, KEHL)


@pytest.fixture
def models(plans: IntegrationPlans, store_settings: Settings) -> Iterator[ReadModels]:
    with running_read_models(plans, store_settings) as read_models:
        yield read_models


def open_plan(plans: IntegrationPlans, place: str, gender: str, opened_on: date) -> UUID:
    details = open_details(municipality=place, opened_on=opened_on, profile=profile(gender=gender))
    return plans.open_plan(ctx(), **details).id


def consult(plans: IntegrationPlans, plan: UUID, *days: date) -> None:
    for day in days:
        plans.record(
            plan,
            IntegrationPlan.hold_consultation,
            ctx(),
            held_on=day,
            duration_minutes=30,
            setting="office",
            interpreter_language=None,
            topics=["work"],
            notes=None,
        )


def table(
    models: ReadModels, metric: str, level: str, year: int, by: str = "", min_persons: int = 1
) -> dict[tuple[str, str, str], TableCell]:
    models.catch_up()
    cells = models.analytics.table(TableQuery(metric, level, year, by), PLACES, min_persons)
    return {(c.municipality, c.period, c.category): c for c in cells}


def shown(cell: TableCell) -> tuple[int | None, float | None]:
    return cell.persons, cell.value


def goal_of(child: UUID | None) -> UUID:
    assert child is not None
    return child


def small_county(plans: IntegrationPlans) -> list[UUID]:
    """Offenburg: three women; Kehl: two men; each consulted in January, February, March 2025.
    One man in Kehl closes on 10 February; one woman moves to Kehl on 10 April."""
    ids = [open_plan(plans, OFFENBURG, "female", date(2025, 1, 15)) for _ in range(3)]
    ids += [open_plan(plans, KEHL, "male", date(2025, 1, 15)) for _ in range(2)]
    for plan in ids:
        consult(plans, plan, date(2025, 1, 20), date(2025, 2, 20), date(2025, 3, 20))
    plans.record(
        ids[3], IntegrationPlan.close_plan, ctx(), closed_on=date(2025, 3, 25), reason="declined"
    )
    plans.record(
        ids[0],
        IntegrationPlan.transfer,
        ctx(),
        municipality=KEHL,
        caseworker="cw-bert",
        on=date(2025, 4, 10),
    )
    return ids


def test_persons_are_counted_once_per_period_and_county(
    plans: IntegrationPlans, models: ReadModels
) -> None:
    small_county(plans)
    quarter = table(models, "consultations", "quarter", 2025)
    assert shown(quarter[(OFFENBURG, "2025-Q1", "")]) == (3, 9.0)
    assert shown(quarter[(KEHL, "2025-Q1", "")]) == (2, 6.0)
    assert shown(quarter[("*", "2025-Q1", "")]) == (5, 15.0)
    month = table(models, "consultations", "month", 2025)
    assert shown(month[("*", "2025-02", "")]) == (5, 5.0)
    assert shown(month[("*", "2025-04", "")]) == (0, 0.0)
    active = table(models, "plans_active", "quarter", 2025)
    # Q2: three in Offenburg until the move, Kehl's open man and the woman who moved.
    assert active[(OFFENBURG, "2025-Q2", "")].persons == 3
    assert active[(KEHL, "2025-Q2", "")].persons == 2
    assert active[("*", "2025-Q2", "")].persons == 4  # not 5: the mover counts once
    assert active[("*", "2025-Q1", "")].persons == 5
    # Still open in later years, counted without an entry since.
    later = table(models, "plans_active", "year", 2026)
    assert later[("*", "2026", "")].persons == 4
    assert later[(KEHL, "2026", "")].persons == 2
    months = table(models, "plans_active", "month", 2025)
    assert months[(KEHL, "2025-03", "")].persons == 2  # closed on the 25th: active in March
    assert months[(KEHL, "2025-04", "")].persons == 2  # one left, one arrived


def test_breakdown_by_gender_adds_up_to_the_total(
    plans: IntegrationPlans, models: ReadModels
) -> None:
    small_county(plans)
    cells = table(models, "plans_opened", "year", 2025, by="gender")
    assert cells[("*", "2025", "female")].persons == 3
    assert cells[("*", "2025", "male")].persons == 2
    assert cells[("*", "2025", "diverse")].persons == 0
    assert cells[("*", "2025", "")].persons == 5
    assert {c for (_, _, c) in cells} == {"", "female", "male", "diverse", "unknown"}
    ages = table(models, "plans_opened", "year", 2025, by="age_group")
    assert ages[("*", "2025", "27-44")].persons == 5  # born 1991, opened in 2025


def test_outcome_shares_and_medians(plans: IntegrationPlans, models: ReadModels) -> None:
    ids = [open_plan(plans, OFFENBURG, "female", date(2025, 1, 15)) for _ in range(3)]
    ids += [open_plan(plans, KEHL, "male", date(2025, 1, 15)) for _ in range(2)]
    for plan in ids:
        consult(plans, plan, date(2025, 3, 20))
    for i, plan in enumerate(ids):
        goal = plans.record(
            plan,
            IntegrationPlan.set_goal,
            ctx(),
            field="work",
            description="a job",
            target_on=date(2026, 1, 1),
            set_on=date(2025, 2, 1),
        ).child_id
        plans.record(
            plan,
            IntegrationPlan.record_goal_outcome,
            ctx(),
            goal_id=goal_of(goal),
            outcome="achieved" if i < 3 else "abandoned",
            on=date(2025, 3, 1),
            note=None,
        )
    for plan, placed in ((ids[1], date(2025, 2, 14)), (ids[2], date(2025, 3, 16))):
        plans.record(
            plan,
            IntegrationPlan.place_in_job,
            ctx(),
            kind="employment",
            sector="C",
            starts_on=placed,
            hours_per_week=30,
            placed_on=placed,
        )
    goals = table(models, "goals_achieved_share", "year", 2025)
    assert shown(goals[("*", "2025", "")]) == (5, 60.0)
    assert shown(goals[(OFFENBURG, "2025", "")]) == (3, 100.0)
    jobs = table(models, "job_within_12_share", "year", 2026)
    assert shown(jobs[("*", "2026", "")]) == (5, 40.0)  # 12 months after 2025-01-15
    days = table(models, "days_to_first_job", "year", 2025)
    assert shown(days[("*", "2025", "")]) == (2, 45.0)  # 30 and 60 days
    contact = table(models, "contact_90_share", "month", 2025)
    # End of March: five plans open, all consulted on the 20th; none in the 90 days to June.
    assert shown(contact[("*", "2025-03", "")]) == (5, 100.0)
    assert shown(contact[("*", "2025-05", "")]) == (5, 100.0)
    assert shown(contact[("*", "2025-06", "")]) == (5, 0.0)
    assert shown(contact[("*", "2025-07", "")]) == (5, 0.0)
    # A longer period's figure is the state on its last day: its last month's.
    quarters = table(models, "contact_90_share", "quarter", 2025)
    assert shown(quarters[("*", "2025-Q1", "")]) == (5, 100.0)
    assert shown(quarters[("*", "2025-Q2", "")]) == (5, 0.0)
    assert shown(quarters[(OFFENBURG, "2025-Q1", "")]) == (3, 100.0)
    assert shown(table(models, "contact_90_share", "tertial", 2025)[("*", "2025-T2", "")]) == (
        5,
        0.0,
    )
    assert shown(table(models, "contact_90_share", "year", 2025)[("*", "2025", "")]) == (5, 0.0)


def test_small_cells_and_what_would_give_them_away_are_suppressed(
    plans: IntegrationPlans, models: ReadModels
) -> None:
    for _ in range(6):
        open_plan(plans, OFFENBURG, "female", date(2025, 1, 15))
    for _ in range(2):
        open_plan(plans, KEHL, "male", date(2025, 1, 15))
    cells = table(models, "plans_opened", "month", 2025, min_persons=5)
    kehl, offenburg, county = (cells[(p, "2025-01", "")] for p in (KEHL, OFFENBURG, "*"))
    assert kehl.suppressed
    assert (kehl.persons, kehl.value) == (None, None)
    # Offenburg alone would give Kehl away as the county's 8 less Offenburg's 6.
    assert offenburg.suppressed
    assert shown(county) == (8, 8.0)
    assert shown(cells[(OFFENBURG, "2025-02", "")]) == (0, 0.0)
    shares = table(models, "goals_achieved_share", "year", 2025, min_persons=5)
    assert shares[("*", "2025", "")].suppressed  # no goal closed: nothing to share


def test_analysts_cannot_read_the_per_plan_contributions(
    plans: IntegrationPlans, models: ReadModels, store_settings: Settings
) -> None:
    if store_settings.store != "postgres":
        pytest.skip("the analysts' SQL access is a PostgreSQL feature")
    small_county(plans)
    models.catch_up()
    with psycopg.connect(dsn(store_settings), autocommit=True) as conn:
        conn.execute("SET ROLE iplan_analyst")
        for table in ("v1_contributions", "v1_cells"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(f"SELECT * FROM analytics.{table}")
