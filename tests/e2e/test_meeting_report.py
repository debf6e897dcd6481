"""The cooperation meeting's report over HTTP (DESIGN 5a): German, printable, self-contained,
with the suppressed tables' figures (`.` where they are suppressed), for analysts only."""

from __future__ import annotations

import re

from tests.e2e.session import ApiSession
from tests.e2e.test_read_models_api import COUNTY, refused
from tests.e2e.test_stats_and_admin_api import five_and_four

EXTERNAL = re.compile(r"""(src|href)\s*=\s*["']?\s*(https?:|//)|<link|<script|@import|url\(""")


def rows_of(html: str) -> dict[str, list[list[str]]]:
    """Each table row's cells by its first cell (a name may stand in several tables)."""
    found: dict[str, list[list[str]]] = {}
    for row in re.findall(r"<tr>((?:<td>[^<]*</td>)+)</tr>", html):
        cells = re.findall(r"<td>([^<]*)</td>", row)
        found.setdefault(cells[0], []).append(cells[1:])
    return found


def test_the_meeting_report_for_a_tertial(api: ApiSession) -> None:
    last = five_and_four(api)  # January 2025: five in Offenburg, four in Kehl
    response = api.get(
        "/v1/reports/meeting", "analyst", COUNTY, period="2025-T1", min_position=last
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert int(response.headers["x-projection-position"]) >= last
    html = response.text
    assert '<html lang="de">' in html
    assert "Kooperationstreffen: Zahlen für das Tertial 2025-T1" in html
    assert "Januar bis April 2025" in html
    assert "Entwicklung über die letzten drei Tertiale" in html
    assert "@media print" in html
    # Each chart beside its table; no municipality's figure may be drawn (all are 0 or
    # suppressed), the county's trend and outcomes may.
    assert html.count("<svg") == 2
    assert html.index("Kein Wert zu zeigen") < html.index("<svg")
    assert not EXTERNAL.search(html), EXTERNAL.search(html)
    rows = rows_of(html)
    # The tertial: persons in advice, plans opened, consultations, goals, jobs.
    assert rows["Landkreis insgesamt"][0][:2] == ["9", "9"]
    # Kehl's four are suppressed, and Offenburg with them (9 - 5 would give Kehl away).
    assert rows["Kehl"][0][:2] == [".", "."]
    assert rows["Offenburg"][0][:2] == [".", "."]
    assert rows["Achern"][0][:2] == ["0", "0"]
    # The trend: 2024-T2, 2024-T3, 2025-T1, across the turn of the year.
    assert '<th scope="col">2024-T2</th>' in html
    assert rows["Landkreis insgesamt"][1] == ["0", "0", "9"]
    assert rows["Kehl"][1][2] == "."
    assert rows["Anteil erreichter Ziele an abgeschlossenen Zielen"] == [[".", "."]]
    assert rows["Anteil offener Pläne mit Beratung in den letzten 90 Tagen"] == [["0", "9"]]
    assert "Tage bis zum Ergebnis im Landkreis, Tertial 2025-T1" in html
    assert rows["Tage bis zur ersten Arbeitsaufnahme (Median)"] == [[".", "."]]
    assert "Amira" not in html  # nothing personal
    assert "Haddad" not in html


def test_who_may_read_it_and_bad_periods(api: ApiSession) -> None:
    for role in ("caseworker", "auditor"):
        refused(api, "/v1/reports/meeting", 403, "forbidden", role, COUNTY, period="2026-T1")
    assert api.get("/v1/reports/meeting", "admin", COUNTY, period="2026-T1").status_code == 200
    for period in ("2026-Q1", "2026-T4", "2026", "T1", "1800-T1", "2026-T1x", "٢٠٢٦-T1"):
        refused(api, "/v1/reports/meeting", 422, "invalid_period", "analyst", COUNTY, period=period)
    response = api.get("/v1/reports/meeting", "analyst", COUNTY)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
