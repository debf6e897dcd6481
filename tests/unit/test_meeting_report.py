"""The cooperation meeting's report from given tables: its tertials, its rows, its `.`."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from api.meeting_report import NO_FIGURE, TableOf, last_three, meeting_report, span, tertial
from api.problems import InvalidRequest
from projections.figure_tables import TableCell, TableQuery
from projections.periods import periods_of_year

NAMES = {"08317096": "Offenburg", "08317057": "Kehl", "08317001": "Achern"}


def test_the_tertials_and_the_three_before() -> None:
    assert tertial("2026-T3") == (2026, 3)
    assert last_three("2026-T1") == ["2025-T2", "2025-T3", "2026-T1"]
    assert last_three("2026-T2") == ["2025-T3", "2026-T1", "2026-T2"]
    assert last_three("2026-T3") == ["2026-T1", "2026-T2", "2026-T3"]
    assert span("2026-T1") == "Januar bis April 2026"
    assert span("2026-T3") == "September bis Dezember 2026"
    for bad in ("2026-Q1", "2026-T0", "2026-01", "2026", "", "2026-T1 "):
        with pytest.raises(InvalidRequest):
            tertial(bad)


def fake_tables(asked: list[TableQuery]) -> TableOf:
    def table_of(query: TableQuery) -> list[TableCell]:
        asked.append(query)
        cells = []
        for period in periods_of_year(query.level, query.year):
            cells.append(TableCell("*", period, "", 12, 12.0, False))
            cells.append(TableCell("08317096", period, "", 9, 9.0, False))
            cells.append(TableCell("08317057", period, "", None, None, True))
            cells.append(TableCell("08317096", period, "male", 9, 9.0, False))  # not shown
        return cells

    return table_of


def test_the_report_shows_the_tables_figures_and_dots_for_suppressed_ones() -> None:
    asked: list[TableQuery] = []
    html = meeting_report(
        "2026-T1",
        fake_tables(asked),
        NAMES,
        datetime(2026, 5, 4, 9, 30, tzinfo=UTC),
    )
    assert {(q.level, q.by) for q in asked} == {("tertial", "")}
    assert {q.year for q in asked} == {2025, 2026}  # the trend reaches back a year
    assert "Erstellt am 04.05.2026 um 09:30 Uhr" in html
    rows = re.findall(r"<tr>((?:<td>[^<]*</td>)+)</tr>", html)
    first = [re.findall(r"<td>([^<]*)</td>", r) for r in rows]
    assert first[0] == ["Landkreis insgesamt", "12", "12", "12", "12", "12"]
    assert ["Kehl", ".", ".", ".", ".", "."] in first
    assert ["Offenburg", "9", "9", "9", "9", "9"] in first
    assert ["Achern", *[NO_FIGURE] * 5] in first  # no cell: a dash, never 0
    assert html.index("<td>Achern</td>") < html.index("<td>Kehl</td>")  # by name


def test_a_scoped_reader_sees_the_county_and_their_municipalities_only() -> None:
    html = meeting_report(
        "2026-T2",
        fake_tables([]),
        NAMES,
        datetime.now(UTC),
        scope={"08317096"},
    )
    assert "<td>Landkreis insgesamt</td>" in html
    assert "<td>Offenburg</td>" in html
    assert "Kehl" not in html
    assert "Achern" not in html
