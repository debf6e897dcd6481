"""The auditor's, analyst's and admin's pages over HTTP on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import time

from openpyxl import load_workbook

from tests.e2e.session import ApiSession
from tests.e2e.web import WebUser, refusals

OFFENBURG = "08317096"


def signed_in(api: ApiSession, name: str, role: str) -> WebUser:
    user = WebUser(api.client, name, role, ["*"])
    assert user.log_in().status_code == 200
    return user


def caught_up(api: ApiSession, plan: str) -> None:
    """Waits until the read models saw the plan's last entry (as the API's readers do)."""
    position = api.post(
        f"/v1/plans/{plan}/workshops", {"kind": "other", "attended_on": "2026-05-30"}
    )
    api.get("/v1/plans", "auditor", ["*"], min_position=position.json()["position"])
    api.get("/v1/stats/monthly", "analyst", ["*"], **{"from": "2026-05", "to": "2026-05",
            "min_position": position.json()["position"]})  # fmt: skip


def test_an_auditor_sees_the_timeline_the_past_state_integrity_and_the_log(
    api: ApiSession,
) -> None:
    plan = api.open_plan()
    api.post(f"/v1/plans/{plan}/consultations", {"held_on": "2026-05-30", "duration_minutes": 30,
             "setting": "phone", "topics": [], "notes": None})  # fmt: skip
    caught_up(api, plan)
    auditor = signed_in(api, "ines", "auditor")
    assert auditor.last.url.path == "/plans"

    page = auditor.get(f"/plans/{plan}")
    assert "caseworker-1 (Integrationsmanager:in)" in page.text
    assert "Eintrag erfassen" not in page.text
    then = auditor.get(f"/plans/{plan}?version=1")
    assert "Stand bei Eintrag Nr. 1 \u2013 nur lesend." in then.text
    assert "Beratungsgespräch:" not in then.text
    assert "Beratungsgespräch:" in page.text

    intact = auditor.get(f"/plans/{plan}/integrity")
    assert "Unversehrt: Alle 3 gespeicherten Einträge" in intact.text

    # The audit log follows the reads just made: ask until it shows them (5 s at most).
    deadline = time.monotonic() + 5
    while (
        "(GET /v1/plans/{plan_id})"
        not in (log := auditor.get(f"/audit-log?plan={plan}&kind=read")).text
    ):
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert "Lesezugriff auf personenbezogene Daten (GET /v1/plans/{plan_id})" in log.text
    assert "<td>ines (Prüfung)</td>" in log.text
    bad = auditor.get("/audit-log?plan=not-a-plan")
    assert bad.status_code == 422


def test_an_analyst_gets_tables_a_chart_and_downloads(api: ApiSession) -> None:
    for _ in range(5):
        plan = api.open_plan()
    caught_up(api, plan)
    analyst = signed_in(api, "ana", "analyst")
    page = analyst.get("/dashboard?metric=plans_opened&from=2025-01&to=2025-01")
    assert "Offenburg (08317096)" in page.text
    assert '<svg class="chart pygal-chart" role="img"' in page.text

    download = analyst.get("/dashboard/figures.xlsx?metric=plans_opened&from=2025-01&to=2025-01")
    assert download.headers["content-type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(download.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Gemeinde", "Aufgliederung", "2025-01")
    assert (OFFENBURG, None, 5) in rows

    report = analyst.get("/dashboard/state-report.csv?from=2025-01&to=2025-01")
    assert report.headers["content-type"].startswith("text/csv")
    assert report.text.startswith("\ufeffLandesbericht")
    assert analyst.get("/plans").status_code == 403

    tables = analyst.get("/dashboard/tables?metric=plans_opened&period=quarter&year=2025")
    assert "Landkreis insgesamt" in tables.text
    assert (
        '<svg class="chart pygal-chart" role="img" aria-label="Eröffnete Integrationspläne, 2025"'
        in (tables.text)
    )
    german_csv = analyst.get(
        "/dashboard/tables/download?format=csv-de&metric=plans_opened&period=quarter&year=2025"
    )
    assert german_csv.headers["content-type"].startswith("text/csv")
    assert ";" in german_csv.text.splitlines()[-1]
    assert analyst.get("/dashboard/tables?metric=nonsense").status_code == 422
    assert 'href="/dashboard/meeting?period=2025-T1"' in tables.text
    meeting = analyst.get("/dashboard/meeting?period=2025-T1")
    assert meeting.headers["content-type"].startswith("text/html")
    assert "Kooperationstreffen: Zahlen für das Tertial 2025-T1" in meeting.text
    assert "<td>Offenburg</td><td>5</td><td>5</td>" in meeting.text  # persons, plans opened


def test_an_admin_rebuilds_erases_with_confirmation_and_manages_users(api: ApiSession) -> None:
    plan = api.open_plan()
    admin = signed_in(api, "root", "admin")
    assert "plan_summary" in admin.last.text
    admin.get("/admin/projections")
    started = api.client.post(
        "/admin/projections/worklist/rebuild", data={"csrf_token": admin.csrf}
    )
    assert "worklist wird neben dem laufenden neu aufgebaut" in started.text

    erasure = f"/plans/{plan}/forms/erasure"
    unconfirmed = admin.send(erasure, {"legal_basis": "Art. 17 DSGVO"})
    assert unconfirmed.status_code == 422
    assert "Bitte bestätigen Sie" in unconfirmed.text
    erased = admin.send(erasure, {"legal_basis": "Art. 17 DSGVO", "confirm": "yes"})
    assert "Personenbezogene Daten gelöscht" in erased.text
    assert "Amira" not in erased.text

    added = admin.send(
        "/admin/users",
        {"username": "neu", "password": "a long password", "role": "caseworker",
         "municipalities": OFFENBURG},
    )  # fmt: skip
    assert "neu" in added.text
    short = admin.send(
        "/admin/users",
        {"username": "kurz", "password": "short", "role": "caseworker", "municipalities": "*"},
    )
    assert short.status_code == 422
    assert refusals(short)
    removed = api.client.post("/admin/users/neu/removal", data={"csrf_token": admin.csrf})
    assert ">neu<" not in removed.text
    assert api.client.app.state.web_accounts.get().find("neu") is None  # type: ignore[attr-defined]
