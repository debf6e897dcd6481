"""Plan summary and worklist views on SQLite and PostgreSQL."""
# SQL here is built from table and column names of our own; every value is a parameter.
# ruff: noqa: S608

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.persistence import Tracking

from infrastructure.sql_database import Database
from infrastructure.sql_views import SqlTables, TableSpec
from projections import plan_summary as ps
from projections import worklist as wl
from projections.base import UNCHECKED, After, PlanRows
from projections.people import SEARCH_TERMS, Search

SUMMARY_TABLES = (
    TableSpec(
        ps.PLANS,
        (
            ("plan_id", "uuid"),
            ("file_number", "text"),
            ("status", "text"),
            ("municipality", "text"),
            ("caseworker", "text"),
            ("opened_on", "date"),
            ("advice_period_ends_on", "date"),
            ("closed_on", "date"),
            ("closure_reason", "text"),
            ("open_measures", "int"),
            ("next_due_on", "date"),
            ("last_consultation_on", "date"),
            ("highest_level", "text"),
            ("employed", "bool"),
            ("housing_secured_on", "date"),
            ("display_name", "text"),  # sealed with the plan's key
            ("version", "int"),
        ),
        indexes=(
            ("opened_on", "plan_id"),
            ("municipality", "caseworker"),
            ("file_number",),
            ("municipality", "opened_on", "plan_id"),  # a page of a municipality's plans
        ),
        primary_key=("plan_id",),
    ),
    # The blind index: keyed digests of the normalised names and birth date, never a name.
    TableSpec(
        SEARCH_TERMS,
        (("plan_id", "uuid"), ("term", "text")),
        # (term, plan_id): a search finds its plans in the index alone, row by row.
        indexes=(("term", "plan_id"), ("plan_id",)),
    ),
    TableSpec(
        ps.OPEN_MEASURES,
        (("plan_id", "uuid"), ("measure_id", "uuid"), ("due_on", "date")),
        indexes=(("plan_id", "due_on"),),
    ),
)

WORKLIST_TABLES = (
    TableSpec(
        wl.PLANS,
        (
            ("plan_id", "uuid"),
            ("municipality", "text"),
            ("caseworker", "text"),
            ("last_contact_on", "date"),
            ("advice_period_ends_on", "date"),
            ("file_number", "text"),
            ("display_name", "text"),  # sealed with the plan's key
            ("version", "int"),
        ),
        indexes=(("caseworker",), ("municipality",)),
        primary_key=("plan_id",),
    ),
    TableSpec(
        wl.MEASURES,
        (
            ("plan_id", "uuid"),
            ("municipality", "text"),
            ("caseworker", "text"),
            ("measure_id", "uuid"),
            ("field", "text"),
            ("due_on", "date"),
            ("file_number", "text"),
            ("display_name", "text"),  # sealed with the plan's key
            ("title", "text"),  # sealed with the plan's key
            ("version", "int"),
        ),
        indexes=(("plan_id",), ("caseworker", "due_on"), ("municipality", "due_on")),
    ),
)


def scope_clause(
    db: Database, column: str, scope: Collection[str] | None, params: list[Any]
) -> str:
    if scope is None:
        return ""
    if not scope:
        return " AND 1 = 0"
    params.extend(scope)
    return f" AND {column} IN ({db.placeholders(len(scope))})"


class SqlPlanRowsMixin:
    """The storage half shared by plan-level SQL views."""

    tables: SqlTables

    def tracking_name(self, application_name: str) -> str:
        return f"{application_name}:{self.tables.generation}"

    def replace_plans(
        self, rows: Mapping[UUID, PlanRows], tracking: Tracking, *, after: After = UNCHECKED
    ) -> None:
        self.tables.replace_plans(rows, tracking, after)

    def insert_tracking(self, tracking: Tracking) -> None:
        self.tables.replace_plans({}, tracking)

    def max_tracking_id(self, application_name: str) -> int | None:
        return self.tables.position(application_name)

    def drop(self) -> None:
        self.tables.drop()

    def dump(self) -> dict[str, list[dict[str, Any]]]:
        return self.tables.dump()


class SqlPlanSummaryView(SqlPlanRowsMixin, ps.PlanSummaryView):
    def __init__(self, db: Database, version: int = 1) -> None:
        self.version = version
        self.tables = SqlTables(db, self.name, version, SUMMARY_TABLES)
        self.db = db

    def _query(
        self,
        where: str,
        params: list[Any],
        as_of: date | None,
        order: tuple[str, ...] = (),
        limit: int | None = None,
        search: Search | None = None,
        places: Sequence[str] = (),
    ) -> list[ps.PlanSummary]:
        """The plans matching `where`, in `order` (columns of the plans and `score`), at most
        `limit`; overdue measures are counted for those plans only, not for every match.

        `places`: the plans of each of these municipalities are read on their own, already
        in order from the index on (municipality, opened_on, plan_id) and only as many as
        the limit, then merged; a filter on several municipalities would otherwise read
        and sort every plan of them for one page."""
        overdue = (
            "(SELECT COUNT(*) FROM {open_measures} m "
            "WHERE m.plan_id = page.plan_id AND m.due_on < %s)"
            if as_of is not None
            else "0"
        )
        head: list[Any] = []
        with_clause, join, score = "", "", "0"
        if search is not None:
            with_clause = self._matches(search, head) + " "
            join, score = "JOIN scored s ON s.plan_id = p.plan_id ", "s.score"
        head += [as_of] if as_of is not None else []
        inner_order = ", ".join(score if c == "score" else f"p.{c}" for c in order)
        at_most = f" LIMIT {int(limit)}" if limit is not None else ""
        tail = (f" ORDER BY {inner_order}" if order else "") + at_most
        outer = f" ORDER BY {', '.join(f'page.{c}' for c in order)}" if order else ""
        matching = f"SELECT p.*, {score} AS score FROM {{plans}} p {join}WHERE 1 = 1"
        if places:  # each municipality's first plans, merged
            inner = " UNION ALL ".join(
                [f"SELECT * FROM ({matching} AND p.municipality = %s{where}{tail}) m"] * len(places)
            )
            params = [v for place in places for v in (place, *params)]
            outer += at_most
        else:
            inner = f"{matching}{where}{tail}"
        rows = self.tables.select(
            f"{with_clause}SELECT page.*, {overdue} AS overdue_measures FROM ({inner}) page{outer}",
            [*head, *params],
        )
        return [ps.to_summary(r, int(r["overdue_measures"]), int(r["score"])) for r in rows]

    def _matches(self, search: Search, params: list[Any]) -> str:
        """The plans holding a term of every group of the search, with their score (the
        sum of each group's best rank), as a WITH clause named `scored`."""
        values = []
        for number, group in enumerate(search.groups):
            for term, rank in group:
                values.append("(%s, %s, %s)")
                params += [term, number, rank]
        if not values:  # a search without terms finds nothing
            values.append("(%s, %s, %s)")
            params += ["", 0, 0]
        terms = f"WITH q (term, grp, rank) AS (VALUES {', '.join(values)}), "
        if len(search.groups) == 1:  # one word searched (the most common): one grouping
            return (
                terms + "scored AS (SELECT t.plan_id, MIN(q.rank) AS score "
                "FROM {search_terms} t JOIN q ON q.term = t.term GROUP BY t.plan_id)"
            )
        return (
            terms + "hits AS (SELECT t.plan_id, q.grp, MIN(q.rank) AS rank FROM {search_terms} t "
            "JOIN q ON q.term = t.term GROUP BY t.plan_id, q.grp), "
            "scored AS (SELECT plan_id, SUM(rank) AS score FROM hits GROUP BY plan_id "
            f"HAVING COUNT(*) = {len(search.groups)})"
        )

    def list_plans(
        self, plan_filter: ps.PlanFilter, *, limit: int = 50, cursor: str | None = None
    ) -> ps.SummaryPage:
        params: list[Any] = []
        search = plan_filter.search
        scope = plan_filter.scope
        # A page of several municipalities' plans: each read in order on its own (see _query).
        places = sorted(scope) if search is None and scope is not None and len(scope) > 1 else []
        where = "" if places else scope_clause(self.db, "p.municipality", scope, params)
        for column in ("municipality", "caseworker", "status", "file_number"):
            value = getattr(plan_filter, column)
            if value is not None:
                where += f" AND p.{column} = %s"
                params.append(value)
        if plan_filter.overdue:
            where += (
                " AND EXISTS (SELECT 1 FROM {open_measures} m "
                "WHERE m.plan_id = p.plan_id AND m.due_on < %s)"
            )
            params.append(plan_filter.as_of)
        order = ("opened_on", "plan_id") if search is None else ("score", "opened_on", "plan_id")
        if cursor:
            score, opened_on, plan_id = ps.decode_cursor(cursor)
            if search is None:
                where += " AND (p.opened_on, p.plan_id) > (%s, %s)"
            else:
                where += " AND (s.score, p.opened_on, p.plan_id) > (%s, %s, %s)"
                params.append(score or 0)
            params += [opened_on, UUID(plan_id)]
        items = self._query(where, params, plan_filter.as_of, order, limit + 1, search, places)
        page = items[:limit]
        more = len(items) > limit
        searching = search is not None
        next_cursor = ps.encode_cursor(page[-1], searching=searching) if more and page else None
        return ps.SummaryPage(page, next_cursor)

    def get_summary(self, plan_id: UUID, as_of: date | None = None) -> ps.PlanSummary | None:
        items = self._query(" AND p.plan_id = %s", [plan_id], as_of)
        return items[0] if items else None

    def closed_before(self, day: date) -> list[UUID]:
        rows = self.tables.select(
            "SELECT plan_id FROM {plans} WHERE status = 'closed' AND closed_on < %s "
            "ORDER BY plan_id",
            [day],
        )
        return [r["plan_id"] for r in rows]


class SqlWorklistView(SqlPlanRowsMixin, wl.WorklistView):
    def __init__(self, db: Database, version: int = 1) -> None:
        self.version = version
        self.tables = SqlTables(db, self.name, version, WORKLIST_TABLES)
        self.db = db

    def _who(self, query: wl.WorkQuery, params: list[Any]) -> str:
        where = scope_clause(self.db, "municipality", query.scope, params)
        if query.caseworker is not None:
            where += " AND caseworker = %s"
            params.append(query.caseworker)
        return where

    def worklist(self, query: wl.WorkQuery) -> list[wl.WorkItem]:
        plan_params: list[Any] = [query.contact_before, query.period_ends_by]
        plans = self.tables.select(
            "SELECT * FROM {plans} WHERE (last_contact_on <= %s OR advice_period_ends_on <= %s)"
            + self._who(query, plan_params),
            plan_params,
        )
        measure_params: list[Any] = [query.measures_due_by]
        measures = self.tables.select(
            "SELECT * FROM {measures} WHERE due_on <= %s" + self._who(query, measure_params),
            measure_params,
        )
        return wl.work_items(query, plans, measures)
