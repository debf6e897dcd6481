"""Tables as files for analysts: CSV that German Excel opens as it is, and XLSX.

German CSV: UTF-8 with BOM, `;` between fields, decimal comma, and the AGS written
as the text formula `="08317001"` so Excel keeps its leading zero. A suppressed
figure is `.`, as official statistics print it, never 0.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Font

from projections.analytics import Figure
from projections.figure_metrics import BREAKDOWN_LABELS, CATEGORY_LABELS, METRICS
from projections.figure_tables import TableCell, TableQuery

SUPPRESSED = "."
COUNTY_NAME = "Landkreis insgesamt"
LEVEL_LABELS = {
    "month": "Monat",
    "quarter": "Quartal",
    "tertial": "Tertial (vier Monate)",
    "half": "Halbjahr",
    "year": "Jahr",
}
HEADER = ("AGS", "Gemeinde", "Zeitraum", "Kategorie", "Personen", "Wert")
LEGEND = (
    ("Zeichen", "Bedeutung"),
    (
        ".",
        "Zahlenwert geheim zu halten: weniger Personen als die Mindestfallzahl, oder "
        "ließe einen solchen Wert durch Addieren und Subtrahieren veröffentlichter Werte errechnen",
    ),
    ("0", "niemand (kein Fall)"),
    ("*", "AGS des Landkreises insgesamt"),
    ("Monat", "Kalendermonat, z. B. 2026-01"),
    ("Quartal", "drei Monate, z. B. 2026-Q1 = Januar bis März"),
    (
        "Tertial",
        "vier Monate (die drei Kooperationstreffen im Jahr), z. B. 2026-T1 = Januar bis April",
    ),
    ("Halbjahr", "sechs Monate, z. B. 2026-H1 = Januar bis Juni"),
    ("Jahr", "Kalenderjahr, z. B. 2026"),
    ("Personen", "jede Person einmal je Zeitraum, auch wenn sie in mehreren Monaten zählt"),
)


@dataclass(frozen=True)
class Sheet:
    title: str
    header: Sequence[str]
    rows: list[list[str | float | int | None]]


def decimal_comma(value: float | int | None) -> str:
    if value is None:
        return SUPPRESSED
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.1f}".replace(".", ",")


def table_sheet(query: TableQuery, cells: list[TableCell], names: Mapping[str, str]) -> Sheet:
    """One row per cell, German labels; None stands for a suppressed figure."""
    metric = METRICS[query.metric]
    by = f" nach {BREAKDOWN_LABELS[query.by]}" if query.by else ""
    title = f"{metric.label_de}{by}, {LEVEL_LABELS[query.level]} {query.year}"
    rows: list[list[str | float | int | None]] = [
        [
            c.municipality,
            COUNTY_NAME if c.municipality == "*" else names.get(c.municipality, ""),
            c.period,
            CATEGORY_LABELS.get(c.category, c.category),
            c.persons,
            c.value,
        ]
        for c in cells
    ]
    return Sheet(title, (*HEADER[:-1], f"Wert ({metric.unit})"), rows)


def field(text: str) -> str:
    """A CSV field: quoted only where it must be."""
    if any(c in text for c in ';"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_de(sheet: Sheet) -> bytes:
    # Written by hand: the AGS's text formula must stay unquoted for Excel to apply it.
    lines = [field(sheet.title), ";".join(field(h) for h in sheet.header)]
    for ags, *rest in sheet.rows:
        text = [f'="{ags}"' if ags != "*" else "*"]
        text += [field(v) if isinstance(v, str) else decimal_comma(v) for v in rest]
        lines.append(";".join(text))
    return "\ufeff".encode() + "".join(line + "\r\n" for line in lines).encode("utf-8")


def xlsx(sheets: Sequence[Sheet]) -> bytes:
    """A sheet per table (its title in the first row) and a legend sheet."""
    book = Workbook()
    for blank in book.worksheets:
        book.remove(blank)
    for i, sheet in enumerate(sheets, start=1):
        page = book.create_sheet(f"Tabelle {i}")
        page.append([sheet.title])
        page["A1"].font = Font(bold=True)
        page.append(list(sheet.header))
        for row in sheet.rows:
            page.append([SUPPRESSED if v is None else v for v in row])
            page.cell(row=page.max_row, column=1).number_format = "@"  # AGS as text
        page.column_dimensions["B"].width = 28
    legend = book.create_sheet("Legende")
    for sign, meaning in LEGEND:
        legend.append([sign, meaning])
    legend.column_dimensions["B"].width = 90
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def state_report_sheet(figures: Sequence[Figure], names: Mapping[str, str]) -> Sheet:
    """The state report (per municipality, month, metric and dimension) with German labels."""
    rows: list[list[str | float | int | None]] = [
        [
            f.municipality,
            names.get(f.municipality, ""),
            f.month.strftime("%Y-%m"),
            METRICS[f.metric].label_de if f.metric in METRICS else f.metric,
            f.dimension,
            f.persons,
            f.value,
        ]
        for f in figures
    ]
    header = ("AGS", "Gemeinde", "Monat", "Kennzahl", "Merkmal", "Personen", "Wert")
    return Sheet("Landesbericht: Kennzahlen je Gemeinde und Monat", header, rows)
