"""The analysts' tables over HTTP (DESIGN 5a's contract): JSON, German CSV and XLSX,
refusals as problems, and nothing personal in any answer."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import load_workbook

from tests.builders import KEHL, OFFENBURG
from tests.e2e.session import ApiSession
from tests.e2e.test_read_models_api import COUNTY, read, refused
from tests.e2e.test_stats_and_admin_api import five_and_four

CELL_KEYS = {
    "municipality",
    "municipality_name",
    "period",
    "category",
    "persons",
    "value",
    "suppressed",
}


def table(api: ApiSession, last: int, **params: Any) -> dict[str, Any]:
    return read(api, "/v1/stats/table", "analyst", COUNTY, min_position=last, **params)


def test_a_year_by_quarter_with_the_county_total(api: ApiSession) -> None:
    last = five_and_four(api)  # January 2025: five in Offenburg, four in Kehl
    answer = table(api, last, metric="plans_opened", period="quarter", year=2025)
    assert set(answer) == {"metric", "period", "year", "by", "cells", "position"}
    assert (answer["metric"], answer["period"], answer["year"], answer["by"]) == (
        "plans_opened",
        "quarter",
        2025,
        None,
    )
    cells = {(c["municipality"], c["period"]): c for c in answer["cells"]}
    assert all(set(c) == CELL_KEYS for c in answer["cells"])
    assert cells[("*", "2025-Q1")] == {
        "municipality": "*",
        "municipality_name": "Landkreis insgesamt",
        "period": "2025-Q1",
        "category": "",
        "persons": 9,
        "value": 9.0,
        "suppressed": False,
    }
    assert cells[(OFFENBURG, "2025-Q1")]["municipality_name"] == "Offenburg"
    # Kehl's four are suppressed, and Offenburg with them, or 9 - 5 would give Kehl away.
    for place in (KEHL, OFFENBURG):
        assert cells[(place, "2025-Q1")]["suppressed"] is True
        assert cells[(place, "2025-Q1")]["persons"] is None
        assert cells[(place, "2025-Q1")]["value"] is None
    assert cells[(OFFENBURG, "2025-Q2")]["value"] == 0
    assert {c["period"] for c in answer["cells"]} == {f"2025-Q{i}" for i in range(1, 5)}
    assert len({c["municipality"] for c in answer["cells"]}) == 52  # 51 and the county
    assert "Amira" not in str(answer)  # nothing personal, no plan
    assert "Haddad" not in str(answer)


def test_breakdowns_and_the_metric_list(api: ApiSession) -> None:
    last = five_and_four(api)
    answer = table(api, last, metric="plans_opened", period="year", year=2025, by="gender")
    assert answer["by"] == "gender"
    county = {c["category"]: c for c in answer["cells"] if c["municipality"] == "*"}
    assert set(county) == {"", "female", "male", "diverse", "unknown"}
    assert county[""]["persons"] == 9
    response = api.get("/v1/stats/metrics", "analyst", COUNTY)
    assert response.status_code == 200
    items = {m["name"]: m for m in response.json()["items"]}
    assert items["plans_active"]["label_de"] == "Personen in Beratung (aktive Pläne)"
    assert {m["kind"] for m in items.values()} == {"count", "sum", "share", "median"}
    assert set(items["goals_achieved_share"]) == {"name", "label_de", "label_en", "unit", "kind"}


def test_bad_queries_are_problems(api: ApiSession) -> None:
    base = {"metric": "plans_opened", "period": "quarter", "year": "2025"}
    for change, code in (
        ({"period": "week"}, "invalid_period"),
        ({"period": "2025-Q1"}, "invalid_period"),
        ({"year": "1800"}, "invalid_period"),
        ({"by": "religion"}, "invalid_breakdown"),
        ({"metric": "names"}, "invalid_metric"),
    ):
        refused(api, "/v1/stats/table", 422, code, "analyst", COUNTY, **{**base, **change})
    response = api.get("/v1/stats/table", "analyst", COUNTY, **{**base, "year": "next"})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    response = api.get("/v1/stats/table", "analyst", COUNTY, **{**base, "format": "pdf"})
    assert response.status_code == 422
    refused(api, "/v1/stats/table", 403, "forbidden", "caseworker", COUNTY, **base)


def test_german_csv_and_xlsx(api: ApiSession) -> None:
    last = five_and_four(api)
    params = {"metric": "plans_opened", "period": "year", "year": "2025", "min_position": last}
    response = api.get("/v1/stats/table", "analyst", COUNTY, **params, format="csv-de")
    assert response.status_code == 200
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads the umlauts
    lines = body.decode("utf-8-sig").split("\r\n")
    assert lines[0] == "Eröffnete Integrationspläne, Jahr 2025"
    assert lines[1] == "AGS;Gemeinde;Zeitraum;Kategorie;Personen;Wert (Personen)"
    assert '="08317096";Offenburg;2025;Insgesamt;.;.' in lines
    assert "*;Landkreis insgesamt;2025;Insgesamt;9;9" in lines
    assert '="08317001";Achern;2025;Insgesamt;0;0' in lines
    response = api.get("/v1/stats/table", "analyst", COUNTY, **params, format="xlsx")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Tabelle 1", "Legende"]
    rows = list(book["Tabelle 1"].iter_rows(values_only=True))
    assert rows[0][0] == "Eröffnete Integrationspläne, Jahr 2025"
    offenburg = next(r for r in rows if r[0] == OFFENBURG)
    assert offenburg == (OFFENBURG, "Offenburg", "2025", "Insgesamt", ".", ".")
    assert ("*", "Landkreis insgesamt", "2025", "Insgesamt", 9, 9) in rows
    assert book["Legende"]["A2"].value == "."


def test_the_state_report_for_german_excel(api: ApiSession) -> None:
    last = five_and_four(api)
    params = {"from": "2025-01-01", "to": "2025-01-31", "min_position": last}
    response = api.get("/v1/reports/state-report", "analyst", COUNTY, **params, format="csv-de")
    assert response.status_code == 200
    assert response.content.startswith(b"\xef\xbb\xbf")
    lines = response.content.decode("utf-8-sig").split("\r\n")
    assert lines[1] == "AGS;Gemeinde;Monat;Kennzahl;Merkmal;Personen;Wert"
    assert '="08317096";Offenburg;2025-01;Eröffnete Integrationspläne;;5;5' in lines
    assert '="08317057";Kehl;2025-01;Eröffnete Integrationspläne;;.;.' in lines
    response = api.get("/v1/reports/state-report", "analyst", COUNTY, **params, format="xlsx")
    book = load_workbook(io.BytesIO(response.content))
    rows = list(book["Tabelle 1"].iter_rows(values_only=True))
    assert rows[1] == ("AGS", "Gemeinde", "Monat", "Kennzahl", "Merkmal", "Personen", "Wert")
    assert (KEHL, "Kehl", "2025-01", "Eröffnete Integrationspläne", None, ".", ".") in rows
    default = api.get("/v1/reports/state-report", "analyst", COUNTY, **params)
    assert default.text.startswith("municipality,month,metric,dimension,persons,value")
