"""The web interface in a real browser (Debian's Chromium) against a live `iplan serve` on
SQLite: every role logs in, a caseworker's morning through the forms, an auditor's as-of
view, an analyst's chart and XLSX, the admin's pages, CSRF, logout. On every page axe-core
finds no serious or critical violation and no request leaves the service's origin."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Browser, Playwright, expect, sync_playwright

from tests.e2e.browser import CHROMIUM, Visit, add_account, open_plans, visit
from tests.live import Server, live_server
from tests.oidc_provider import Provider, running_provider

OFFENBURG = "08317096"


@pytest.fixture(scope="module")
def provider() -> Iterator[Provider]:
    with running_provider() as running:
        yield running


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, provider: Provider) -> Iterator[Server]:
    oidc = {"IPLAN_OIDC_ISSUER": provider.url}
    with live_server(tmp_path_factory.mktemp("browser"), oidc) as running:
        add_account(running, "anna", "caseworker", OFFENBURG)
        add_account(running, "ines", "auditor", "*")
        add_account(running, "ana", "analyst", "*")
        add_account(running, "root", "admin", "*")
        open_plans(running, 5, "08317057")  # Kehl: figures of 5 persons are shown
        yield running


@pytest.fixture(scope="module")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="module")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        missing = f"no Chromium at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("IPLAN_TEST_BROWSER") == "required":  # CI: .ci/run installs it
            pytest.fail(missing)
        pytest.skip(missing)
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=["--lang=de-DE"])
    yield chromium
    chromium.close()


@pytest.fixture
def tab(browser: Browser, server: Server) -> Iterator[Visit]:
    with visit(browser, server) as opened:
        yield opened
        assert opened.foreign == []
        assert opened.violations == {}


def choose(tab: Visit, label: str, value: str) -> None:
    tab.page.get_by_label(label, exact=True).select_option(value)


def test_a_caseworkers_morning(tab: Visit, server: Server) -> None:
    page = tab.page
    tab.log_in("anna")
    expect(page.get_by_role("heading", name="Arbeitsliste")).to_be_visible()
    tab.check("worklist")

    page.get_by_role("link", name="Plan eröffnen").first.click()
    tab.check("open-plan")
    page.get_by_label("Gemeinde", exact=True).fill(OFFENBURG)
    page.get_by_label("Geburtsjahr").first.fill("1991")
    choose(tab, "Geschlecht", "female")
    page.get_by_label("Staatsangehörigkeit (ISO-Code, z. B. SY)").fill("SY")
    choose(tab, "Aufenthaltsstatus", "recognised_refugee")
    page.get_by_label("Haushaltsgröße").fill("3")
    page.get_by_label("Sprachen (ISO-Codes, durch Kommas getrennt)").fill("ar, ku")
    page.get_by_label("Ankunft am").fill("2025-09-15")
    page.get_by_label("Vorname").fill("Amira")
    page.get_by_label("Nachname").fill("Haddad")
    page.get_by_role("button", name="Plan eröffnen").click()
    expect(page.get_by_role("status")).to_contain_text("Gespeichert als Eintrag Nr. 1.")
    expect(page.get_by_role("heading", name="Amira Haddad")).to_be_visible()
    plan_url = page.url.split("?")[0]
    tab.check("plan")

    # The consultation form by keyboard alone (the date is today already): Tab through it.
    page.get_by_role("link", name="Beratungsgespräch erfassen").click()
    tab.check("consultation-form")
    page.get_by_label("Dauer (Minuten)").focus()
    page.keyboard.type("45")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # the first setting: Büro
    page.keyboard.press("Tab")
    page.keyboard.type("ar")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # the first topic: Orientierung
    for _ in range(9):
        page.keyboard.press("Tab")
    page.keyboard.type("Möchte B1 erreichen.")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Gespeichert als Eintrag Nr. 2.")

    page.get_by_role("link", name="Maßnahme vereinbaren").click()
    choose(tab, "Handlungsfeld", "language")
    page.get_by_label("Titel").fill("Integrationskurs suchen")
    choose(tab, "Verantwortlich", "client")
    page.get_by_label("Fällig am").fill("2027-01-15")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_text("Integrationskurs suchen")).to_be_visible()

    # A referral without consent: refused, in German, on the form itself.
    page.get_by_role("link", name="An einen Partner weitervermitteln").click()
    choose(tab, "Partner", "jobcenter")
    page.get_by_label("Begründung", exact=True).fill("Arbeitssuche")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Die Person hat der Weitergabe an diesen Partner nicht zugestimmt."
    )
    tab.check("refused-referral")

    page.goto(plan_url)
    page.get_by_role("link", name="Zurücknehmen Nr. 2").click()
    page.get_by_label("Begründung").fill("Im falschen Plan erfasst")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_text("zurückgenommen durch Nr. 4")).to_be_visible()

    page.get_by_role("link", name="Integrationspläne").click()
    page.get_by_role("searchbox", name="Name").fill("Hadat")  # by sound: Haddad
    page.get_by_role("button", name="Anzeigen").click()
    expect(page.get_by_role("cell", name="Amira Haddad")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Plan öffnen"))).to_have_count(1)
    tab.check("plans")
    page.goto(f"{plan_url}/print")
    expect(page.get_by_role("heading", name="Integrationsplan: Amira Haddad")).to_be_visible()
    tab.check("print")
    page.goto(plan_url)
    tab.log_out()
    expect(page.get_by_role("heading", name="Anmelden")).to_be_visible()
    page.goto(plan_url)
    expect(page).to_have_url(re.compile("/login"))


def test_an_auditors_as_of_view_and_integrity(tab: Visit) -> None:
    page = tab.page
    tab.log_in("ines")
    page.get_by_role("link", name=re.compile("Plan öffnen")).first.click()
    tab.check("auditor-plan")
    page.get_by_label("Plan zeigen, wie er bei Eintrag Nr. war").fill("1")
    page.get_by_role("button", name="Anzeigen").nth(0).click()
    expect(page.get_by_text("Stand bei Eintrag Nr. 1")).to_be_visible()
    tab.check("auditor-as-of")
    page.get_by_role("link", name="Unversehrtheit prüfen").click()
    expect(page.get_by_role("status")).to_contain_text("Unversehrt")
    tab.check("integrity")
    page.get_by_role("link", name="Protokoll").click()
    expect(page.get_by_role("heading", name="Protokoll")).to_be_visible()
    tab.check("audit-log")


def test_an_analysts_dashboard_with_a_chart_and_an_xlsx(tab: Visit, tmp_path: Path) -> None:
    page = tab.page
    tab.log_in("ana")
    expect(page.get_by_role("heading", name="Kennzahlen")).to_be_visible()
    page.get_by_label("Kennzahl").select_option("plans_opened")
    page.get_by_role("button", name="Anzeigen").click()
    expect(page.locator("table")).to_be_visible()
    chart = page.get_by_role("img", name=re.compile("Eröffnete Pläne"))
    expect(chart).to_be_visible()
    expect(chart).to_contain_text("Kehl (08317057)")
    tab.check("dashboard")
    with page.expect_download() as download:
        page.get_by_role("link", name="Als XLSX herunterladen").click()
    saved = tmp_path / "figures.xlsx"
    download.value.save_as(saved)
    sheet = load_workbook(saved).active
    assert sheet is not None
    assert next(sheet.iter_rows(values_only=True))[:2] == ("Gemeinde", "Aufgliederung")
    page.get_by_role("link", name="Tabellen nach Zeitraum mit dem Landkreis").click()
    expect(page.get_by_role("rowheader", name="Landkreis insgesamt").first).to_be_visible()
    tab.check("tables")
    page.get_by_role("link", name=re.compile(r"^\d{4}-T1$")).click()
    expect(page.get_by_role("heading", name=re.compile("Kooperationstreffen"))).to_be_visible()
    expect(page.get_by_role("cell", name="Landkreis insgesamt").first).to_be_visible()
    expect(page.locator("svg").first).to_be_visible()
    tab.check("meeting")


def test_the_admins_pages(tab: Visit) -> None:
    page = tab.page
    tab.log_in("root")
    expect(page.get_by_role("heading", name="Lesemodelle")).to_be_visible()
    tab.check("projections")
    page.get_by_role("button", name="Neu aufbauen worklist").click()
    expect(page.get_by_role("status")).to_contain_text("worklist wird neben dem laufenden")
    page.get_by_role("link", name="Benutzer").click()
    tab.check("users")
    page.get_by_label("Benutzername").fill("clara")
    page.get_by_label("Passwort (mindestens 10 Zeichen)").fill("another long one")
    page.get_by_label("Rolle").select_option("caseworker")
    page.get_by_label("Gemeinden (8-stellige Schlüssel, durch Kommas getrennt, oder *)").fill(
        OFFENBURG
    )
    page.get_by_role("button", name="Konto anlegen").click()
    expect(page.get_by_role("rowheader", name="clara")).to_be_visible()
    page.get_by_role("link", name="Integrationspläne").click()
    page.get_by_role("link", name=re.compile("Plan öffnen")).first.click()
    page.get_by_role("link", name="Personenbezogene Daten löschen").click()
    tab.check("erasure")
    page.get_by_label("Rechtsgrundlage").fill("Art. 17 DSGVO")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("alert")).to_contain_text("Bitte bestätigen Sie")
    page.get_by_label("Rechtsgrundlage").fill("Art. 17 DSGVO")
    page.get_by_label("Ich bestätige").check()
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_text("Personenbezogene Daten gelöscht").first).to_be_visible()


def test_a_form_with_a_forged_csrf_token_is_refused(tab: Visit) -> None:
    page = tab.page
    tab.log_in("anna")
    page.goto(f"{tab.origin}/plans/new")
    page.eval_on_selector_all("input[name=csrf_token]", "es => es.forEach(e => e.value = 'x')")
    page.get_by_role("button", name="Plan eröffnen").click()
    expect(page.get_by_text("Das Formular ist abgelaufen")).to_be_visible()
    tab.check("csrf-refused")


def test_no_request_leaves_the_origin_on_the_api_docs(tab: Visit) -> None:
    tab.page.goto(f"{tab.origin}/docs")
    expect(tab.page.locator(".swagger-ui")).to_be_visible()
    tab.page.wait_for_load_state("networkidle")


def test_a_county_account_logs_in_through_the_identity_provider(
    tab: Visit, provider: Provider
) -> None:
    provider.user = {"sub": "k.klein", "role": "auditor", "municipalities": ["*"]}
    page = tab.page
    page.goto(f"{tab.origin}/login")
    tab.check("login")
    page.get_by_role("link", name="Mit dem Konto des Landkreises anmelden").click()
    expect(page.get_by_text("k.klein (Prüfung)")).to_be_visible()
    expect(page).to_have_url(re.compile("/plans$"))
    # The provider's own pages are another origin: the only requests that went there.
    assert tab.foreign
    assert all(url.startswith(provider.url) for url in tab.foreign)
    tab.foreign.clear()
