"""The analytics view on SQLite and PostgreSQL, and the analysts' read-only SQL access.

On PostgreSQL the tables live in the schema `analytics`. Analysts (role
`iplan_analyst`, NOLOGIN: grant it to their login roles) may read only the views
`analytics.monthly_figures`, which apply the same small-cell suppression as the API,
never the per-plan contribution tables.
"""
# SQL here is built from table and column names of our own; every value is a parameter.
# ruff: noqa: S608

from __future__ import annotations

from datetime import date
from typing import Any

import structlog
from eventsourcing.persistence import PersistenceError

from infrastructure.sql_figures import FIGURE_TABLES, SqlFigureCells
from infrastructure.sql_plan_views import SqlPlanRowsMixin, scope_clause
from infrastructure.sql_views import Database, SqlTables, TableSpec
from projections import analytics as an

SCHEMA = "analytics"
ANALYST_ROLE = "iplan_analyst"
log = structlog.get_logger("iplan.projections")
ANALYTICS_TABLES = (
    TableSpec(
        an.FACTS,
        (
            ("plan_id", "uuid"),
            ("municipality", "text"),
            ("month", "date"),
            ("metric", "text"),
            ("dimension", "text"),
            ("value", "real"),
        ),
        indexes=(("plan_id",), ("month", "metric", "municipality")),
        diffed=True,
    ),
    TableSpec(
        an.PERIODS,
        (
            ("plan_id", "uuid"),
            ("municipality", "text"),
            ("starts_on", "date"),
            ("ends_on", "date"),
        ),
        indexes=(("plan_id",), ("starts_on", "ends_on")),
        diffed=True,
    ),
    *FIGURE_TABLES,
)


class SqlAnalyticsView(SqlFigureCells, SqlPlanRowsMixin, an.AnalyticsView):
    def __init__(self, db: Database, version: int = 1) -> None:
        self.version = version
        self.db = db
        self.tables = SqlTables(db, self.name, version, ANALYTICS_TABLES, schema=SCHEMA)

    def _where(self, query: an.StatsQuery, metrics: list[str], params: list[Any]) -> str:
        params.extend([query.first_month, query.last_month, *metrics])
        where = f"month >= %s AND month <= %s AND metric IN ({self.db.placeholders(len(metrics))})"
        return where + scope_clause(self.db, "municipality", query.scope, params)

    def _place(self, query: an.StatsQuery) -> str:
        return "municipality" if query.by_municipality else "'*'"

    def sum_cells(self, query: an.StatsQuery) -> list[an.Cell]:
        metrics = [m for m in an.SUM_METRICS if query.wants(m)]
        if not metrics:
            return []
        params: list[Any] = []
        place = self._place(query)
        rows = self.tables.select(
            f"SELECT {place} AS municipality, month, metric, dimension, "
            "COUNT(DISTINCT plan_id) AS persons, SUM(value) AS total FROM {facts} "
            f"WHERE {self._where(query, metrics, params)} "
            "GROUP BY 1, 2, 3, 4",
            params,
        )
        return [
            an.Cell(
                r["municipality"],
                r["month"],
                r["metric"],
                r["dimension"],
                int(r["persons"]),
                float(r["total"]),
            )
            for r in rows
        ]

    def active_cells(self, query: an.StatsQuery) -> list[an.Cell]:
        cells: list[an.Cell] = []
        place = self._place(query)
        for month in an.months(query.first_month, query.last_month):
            params: list[Any] = [an.next_month(month), month]
            rows = self.tables.select(
                f"SELECT {place} AS municipality, COUNT(DISTINCT plan_id) AS persons "
                "FROM {periods} WHERE starts_on < %s AND (ends_on IS NULL OR ends_on >= %s)"
                + scope_clause(self.db, "municipality", query.scope, params)
                + (" GROUP BY municipality" if query.by_municipality else ""),
                params,
            )
            cells += [
                an.Cell(
                    r["municipality"], month, an.ACTIVE, "", int(r["persons"]), float(r["persons"])
                )
                for r in rows
            ]
        return cells

    def median_values(
        self, query: an.StatsQuery, metrics: list[str]
    ) -> list[tuple[str, date, str, Any, float]]:
        params: list[Any] = []
        rows = self.tables.select(
            "SELECT municipality, month, metric, plan_id, value FROM {facts} "
            f"WHERE {self._where(query, metrics, params)}",
            params,
        )
        return [
            (r["municipality"], r["month"], r["metric"], r["plan_id"], float(r["value"]))
            for r in rows
        ]

    def publish(self) -> None:
        """PostgreSQL: (re)points the analysts' views at this generation and grants reading."""
        if self.db.kind != "postgres":
            return
        self.tables.create()
        facts, periods = self.tables.name(an.FACTS), self.tables.name(an.PERIODS)
        sums = ", ".join(f"'{m}'" for m in an.SUM_METRICS)
        medians = ", ".join(f"'{m}'" for m in an.MEDIAN_METRICS)
        ok = f"COUNT(DISTINCT plan_id) >= {an.MIN_PERSONS}"
        view = f"""
            CREATE OR REPLACE VIEW "{SCHEMA}".monthly_figures AS
            SELECT municipality, month, metric, dimension,
                   CASE WHEN {ok} THEN COUNT(DISTINCT plan_id) END AS persons,
                   CASE WHEN {ok} THEN SUM(value) END AS value,
                   NOT ({ok}) AS suppressed
              FROM {facts} WHERE metric IN ({sums})
             GROUP BY municipality, month, metric, dimension
            UNION ALL
            SELECT municipality, month, metric, '' AS dimension,
                   CASE WHEN {ok} THEN COUNT(DISTINCT plan_id) END,
                   CASE WHEN {ok}
                        THEN percentile_cont(0.5) WITHIN GROUP (ORDER BY value) END,
                   NOT ({ok})
              FROM {facts} WHERE metric IN ({medians})
             GROUP BY municipality, month, metric
            UNION ALL
            SELECT p.municipality, m.month::date, '{an.ACTIVE}', '',
                   CASE WHEN {ok} THEN COUNT(DISTINCT plan_id) END,
                   CASE WHEN {ok} THEN COUNT(DISTINCT plan_id) END,
                   NOT ({ok})
              FROM {periods} p,
                   generate_series(date_trunc('month', p.starts_on),
                                   COALESCE(p.ends_on, current_date), interval '1 month')
                   AS m(month)
             GROUP BY p.municipality, m.month
        """
        with self.db.transaction(commit=True) as cursor:
            # Two processes publishing at once would collide on the catalog's rows
            # ("tuple concurrently updated"): one at a time.
            self.db.execute(cursor, "SELECT pg_advisory_xact_lock(4851735)")
            self.db.execute(cursor, view)
        try:
            with self.db.transaction(commit=True) as cursor:
                self.db.execute(cursor, "SELECT pg_advisory_xact_lock(4851735)")
                self.db.execute(
                    cursor,
                    f"""
                    DO $$ BEGIN
                      CREATE ROLE {ANALYST_ROLE} NOLOGIN;
                    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                    END $$""",
                )
                self.db.execute(cursor, f'GRANT USAGE ON SCHEMA "{SCHEMA}" TO {ANALYST_ROLE}')
                self.db.execute(
                    cursor, f'GRANT SELECT ON "{SCHEMA}".monthly_figures TO {ANALYST_ROLE}'
                )
        except PersistenceError as error:
            # A service user without CREATEROLE still serves; an admin grants by hand.
            log.warning("analyst_role_not_granted", role=ANALYST_ROLE, error=str(error))
