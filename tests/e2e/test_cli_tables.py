"""`iplan report table` on a small seeded county: German CSV, XLSX, refusals."""

from __future__ import annotations

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
