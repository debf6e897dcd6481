"""The report for the county's cooperation meeting (DESIGN 5a): one tertial, printable,
in German, self-contained (inline CSS and SVG, nothing fetched from elsewhere).

Every figure comes from the analysts' suppressed tables (`FigureTables.table`), so a
figure suppressed there reads `.` here too; the report holds no person, only counts.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import datetime

from markupsafe import Markup

from api.charts import Bar, bar_chart
from api.problems import InvalidRequest
from api.report_templates import TEMPLATES
from api.table_exports import COUNTY_NAME, LEGEND, decimal_comma
from projections.figure_metrics import METRICS
from projections.figure_tables import TableCell, TableQuery
from projections.periods import KEY, bounds, key_of, level_of

COUNTY = "*"
FIRST_YEAR, LAST_YEAR = 2000, 2100
# The figures beside each other for the tertial; the first is charted and followed over time.
ACTIVITY = ("plans_active", "plans_opened", "consultations", "goals_achieved", "job_placements")
OUTCOMES = tuple(m.name for m in METRICS.values() if m.kind == "share")
MEDIANS = tuple(m.name for m in METRICS.values() if m.kind == "median")
MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
          "September", "Oktober", "November", "Dezember")  # fmt: skip
NO_FIGURE = "\u2013"  # no cell for the period (a dash, as official statistics print it)
TableOf = Callable[[TableQuery], list[TableCell]]


@dataclass(frozen=True)
class Section:
    """A chart and the table with its figures beside it."""

    heading: str
    note: str
    chart: Markup | None
    header: list[str]
    rows: list[list[str]]


def tertial(period: str) -> tuple[int, int]:
    """(year, 1..3) of a tertial's key such as `2026-T1`, or a 422 in the analyst's words."""
    if not period.isascii() or not KEY.match(period) or level_of(period) != "tertial":
        raise InvalidRequest(
            f"period must be a tertial such as 2026-T1, not {period!r}", code="invalid_period"
        )
    year = int(period[:4])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidRequest(
            f"year must lie between {FIRST_YEAR} and {LAST_YEAR}", code="invalid_period"
        )
    return year, int(period[6:])


def last_three(period: str) -> list[str]:
    """The tertial and the two before it, oldest first (across the turn of the year)."""
    year, index = tertial(period)
    keys = []
    for back in (2, 1, 0):
        i = (year * 3 + index - 1) - back
        keys.append(key_of("tertial", i // 3, i % 3 + 1))
    return keys


def span(period: str) -> str:
    start, end = bounds(period)
    last = (end.month - 2) % 12
    return f"{MONTHS[start.month - 1]} bis {MONTHS[last]} {start.year}"


class Figures:
    """The published cells of the report's tables, fetched once per metric and year."""

    def __init__(self, table_of: TableOf) -> None:
        self.table_of = table_of
        self.cells: dict[tuple[str, int], dict[tuple[str, str], TableCell]] = {}

    def cell(self, metric: str, period: str, place: str) -> TableCell | None:
        year = int(period[:4])
        if (metric, year) not in self.cells:
            found = self.table_of(TableQuery(metric, "tertial", year))
            self.cells[(metric, year)] = {
                (c.municipality, c.period): c for c in found if not c.category
            }
        return self.cells[(metric, year)].get((place, period))

    def text(self, metric: str, period: str, place: str) -> str:
        found = self.cell(metric, period, place)
        return NO_FIGURE if found is None else decimal_comma(found.value)

    def value(self, metric: str, period: str, place: str) -> float | None:
        found = self.cell(metric, period, place)
        return None if found is None else found.value


def label(metric: str) -> str:
    m = METRICS[metric]
    return m.label_de if m.unit == "%" else f"{m.label_de} ({m.unit})"


def places_of(names: Mapping[str, str], scope: Collection[str] | None) -> list[tuple[str, str]]:
    """The county first, then the municipalities the reader may see, by name."""
    shown = sorted((name, ags) for ags, name in names.items() if scope is None or ags in scope)
    return [(COUNTY, COUNTY_NAME), *((ags, name) for name, ags in shown)]


def comparison(figures: Figures, period: str, places: list[tuple[str, str]]) -> Section:
    first = ACTIVITY[0]
    bars = [
        Bar(name, value) for ags, name in places[1:] if (value := figures.value(first, period, ags))
    ]
    return Section(
        heading=f"Gemeinden und Landkreis im Tertial {period}",
        note=f"{METRICS[first].label_de} je Gemeinde (Gemeinden ohne Fälle und geheim "
        "gehaltene Werte sind im Diagramm ausgelassen; die Tabelle nennt alle).",
        chart=bar_chart(bars, f"{METRICS[first].label_de}, {period}") if bars else None,
        header=["Gemeinde", *(label(m) for m in ACTIVITY)],
        rows=[[name, *(figures.text(m, period, ags) for m in ACTIVITY)] for ags, name in places],
    )


def trend(figures: Figures, period: str, places: list[tuple[str, str]]) -> Section:
    first, periods = ACTIVITY[0], last_three(period)
    bars = [
        Bar(p, value) for p in periods if (value := figures.value(first, p, COUNTY)) is not None
    ]
    return Section(
        heading="Entwicklung über die letzten drei Tertiale",
        note=f"{METRICS[first].label_de}: der Landkreis im Diagramm, jede Gemeinde in der Tabelle.",
        chart=bar_chart(bars, f"{METRICS[first].label_de}, {COUNTY_NAME}") if bars else None,
        header=["Gemeinde", *periods],
        rows=[[name, *(figures.text(first, p, ags) for p in periods)] for ags, name in places],
    )


def outcomes(figures: Figures, period: str, kind: str = "share") -> Section:
    """The county's outcome shares (`share`) or its median days to an outcome (`median`)."""
    metrics = OUTCOMES if kind == "share" else MEDIANS
    bars = [
        Bar(METRICS[m].label_de, value)
        for m in metrics
        if (value := figures.value(m, period, COUNTY)) is not None
    ]
    rows = []
    for m in metrics:
        found = figures.cell(m, period, COUNTY)
        persons = NO_FIGURE if found is None else decimal_comma(found.persons)
        rows.append([METRICS[m].label_de, figures.text(m, period, COUNTY), persons])
    shares = kind == "share"
    what = "Ergebnisse" if shares else "Tage bis zum Ergebnis"
    return Section(
        heading=f"{what} im Landkreis, Tertial {period}",
        note="Anteile in Prozent; die Personen sind die, auf die sich der Anteil bezieht."
        if shares
        else "Median der Tage ab Eröffnung des Plans, für die Ereignisse im Tertial.",
        chart=bar_chart(bars, f"{what}, {COUNTY_NAME}, {period}") if bars else None,
        header=["Kennzahl", "Anteil (%)" if shares else "Tage (Median)", "Personen"],
        rows=rows,
    )


def meeting_report(
    period: str,
    table_of: TableOf,
    names: Mapping[str, str],
    generated_at: datetime,
    scope: Collection[str] | None = None,
) -> str:
    """The report as one HTML document; `scope`: the municipalities the reader may see."""
    tertial(period)
    figures = Figures(table_of)
    places = places_of(names, scope)
    sections = [
        comparison(figures, period, places),
        trend(figures, period, places),
        outcomes(figures, period),
        outcomes(figures, period, "median"),
    ]
    return TEMPLATES.get_template("meeting_report.html").render(
        period=period,
        span=span(period),
        sections=sections,
        legend=LEGEND[1:],
        generated_at=generated_at,
    )
