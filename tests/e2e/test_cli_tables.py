"""`iplan report table` and `iplan report meeting` on a small seeded county: German CSV,
XLSX, the meeting's HTML, refusals."""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import load_workbook

from tests.e2e.test_cli import Store, seeded

__all__ = ["seeded"]  # the seeded county, shared with test_cli.py


def test_report_table_as_german_csv_and_xlsx(seeded: Store, tmp_path: Path) -> None:
    result = seeded.run(
        "report", "table", "--metric", "plans_active", "--period", "quarter", "--year", "2025"
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout_bytes.decode("utf-8-sig").split("\r\n")
    assert lines[0] == "Personen in Beratung (aktive Pläne), Quartal 2025"
    assert lines[1].startswith("AGS;Gemeinde;Zeitraum;Kategorie;Personen;Wert")
    county = [line for line in lines if line.startswith("*;Landkreis insgesamt;2025-Q")]
    assert len(county) == 4
    rows = [line.split(";") for line in lines[2:] if line]
    assert all(r[4] == "." or int(r[4]) == 0 or int(r[4]) >= 5 for r in rows)
    target = tmp_path / "table.xlsx"
    written = seeded.run(
        "report", "table", "--metric", "consultations", "--period", "year", "--year", "2025",
        "--by", "gender", "--format", "xlsx", "--output", str(target),
    )  # fmt: skip
    assert written.exit_code == 0, written.output
    book = load_workbook(target)
    sheet = list(book["Tabelle 1"].iter_rows(values_only=True))
    assert sheet[0][0] == "Beratungsgespräche nach Geschlecht, Jahr 2025"
    assert {r[3] for r in sheet[2:]} >= {"Insgesamt", "weiblich", "männlich"}
    refused = seeded.run(
        "report", "table", "--metric", "plans_active", "--period", "week", "--year", "2025"
    )
    assert refused.exit_code == 2
    assert "period must be one of" in refused.stderr


def test_report_meeting_as_one_html_file(seeded: Store, tmp_path: Path) -> None:
    target = tmp_path / "treffen.html"
    result = seeded.run("report", "meeting", "--period", "2025-T1", "--output", str(target))
    assert result.exit_code == 0, result.output
    html = target.read_text(encoding="utf-8")
    assert "Kooperationstreffen: Zahlen für das Tertial 2025-T1" in html
    assert "<td>Landkreis insgesamt</td>" in html
    assert "<td>Offenburg</td>" in html
    assert "<svg" in html
    assert '<th scope="col">2024-T2</th>' in html
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:|//)|<link|<script""", html)
    county = re.search(r"<tr><td>Landkreis insgesamt</td><td>(\d+)</td>", html)
    assert county is not None
    assert int(county.group(1)) > 0
    cells = re.findall(r"<td>([^<]*)</td>", html)
    assert "." in cells  # small municipalities' figures are suppressed, never 0
    assert "Amira" not in html  # nothing personal
    printed = seeded.run("report", "meeting", "--period", "2025-T1")
    assert printed.exit_code == 0
    assert printed.stdout.startswith("<!DOCTYPE html>")
    refused = seeded.run("report", "meeting", "--period", "2025-Q1")
    assert refused.exit_code == 2
    assert "period must be a tertial" in refused.stderr
