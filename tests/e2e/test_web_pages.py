"""The web pages over HTTP on SQLite and PostgreSQL: login, CSRF, logout, idle sessions,
and a caseworker's morning through the forms, with the domain's refusals in German."""

from __future__ import annotations

import time

from tests.e2e.session import ApiSession
from tests.e2e.web import OPEN_PLAN_FORM, WebUser, field_errors, plan_of, refusals

OFFENBURG = "08317096"


def caseworker(api: ApiSession) -> WebUser:
    user = WebUser(api.client, "anna", "caseworker", [OFFENBURG])
    assert user.log_in().status_code == 200
    return user


def test_pages_need_a_login_and_a_wrong_password_is_refused(api: ApiSession) -> None:
    page = api.client.get("/plans")
    assert page.url.path == "/login"
    assert page.url.params["next"] == "/plans"
    user = WebUser(api.client, "anna", "caseworker", [OFFENBURG])
    refused = user.log_in("not the password")
    assert refused.status_code == 401
    assert "Benutzername oder Passwort stimmen nicht." in refused.text
    assert user.log_in().url.path == "/"


def test_session_cookie_is_httponly_and_samesite(api: ApiSession) -> None:
    user = caseworker(api)
    cookie = user.last.history[0].headers["set-cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie


def test_a_form_without_the_sessions_csrf_token_changes_nothing(api: ApiSession) -> None:
    user = caseworker(api)
    user.get("/plans/new")
    forged = api.client.post("/plans/new", data={**OPEN_PLAN_FORM, "csrf_token": "forged"})
    assert forged.status_code == 403
    assert "Das Formular ist abgelaufen" in forged.text
    missing = api.client.post("/plans/new", data=OPEN_PLAN_FORM)
    assert missing.status_code == 403
    assert "Keine Integrationspläne." in user.get("/plans").text


def test_logging_out_ends_the_session(api: ApiSession) -> None:
    user = caseworker(api)
    user.get("/")
    user.last = api.client.post("/logout", data={"csrf_token": user.csrf})
    assert user.last.url.path == "/login"
    assert api.client.get("/plans").url.path == "/login"


def test_an_idle_session_is_over(api: ApiSession) -> None:
    user = caseworker(api)
    api.client.app.state.web_sessions.idle_timeout = 0.2  # type: ignore[attr-defined]
    assert user.get("/plans").url.path == "/plans"
    time.sleep(0.3)
    assert user.get("/plans").url.path == "/login"


def test_a_caseworkers_morning_through_the_forms(api: ApiSession) -> None:
    user = caseworker(api)
    opened = user.send("/plans/new", OPEN_PLAN_FORM)
    plan = plan_of(opened)
    assert "Gespeichert als Eintrag Nr. 1." in opened.text
    assert "Amira Haddad" in opened.text

    consultation = f"/plans/{plan}/forms/consultation"
    incomplete = user.send(consultation, {"held_on": "2026-05-30", "setting": "office"})
    assert incomplete.status_code == 422
    assert field_errors(incomplete)["f-duration_minutes"] == "Bitte füllen Sie dieses Feld aus."
    held = user.send(
        consultation,
        {"held_on": "2026-05-30", "duration_minutes": "45", "setting": "office",
         "topics": ["language", "work"], "notes": "B1 first"},
    )  # fmt: skip
    assert "Gespeichert als Eintrag Nr. 2." in held.text

    measure = user.send(
        f"/plans/{plan}/forms/measure",
        {"field": "language", "title": "Integrationskurs suchen", "responsible": "client",
         "due_on": "2026-06-10"},
    )  # fmt: skip
    assert "Integrationskurs suchen" in measure.text
    deadline = time.monotonic() + 5  # the worklist follows the entries
    while "Maßnahme fällig: Integrationskurs suchen" not in (work := user.get("/")).text:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert "<td>Amira Haddad</td>" in work.text

    refused = user.send(
        f"/plans/{plan}/forms/referral",
        {"partner_kind": "jobcenter", "reason": "Arbeitssuche", "made_on": "2026-05-30"},
    )
    assert refused.status_code == 409
    assert refusals(refused) == [
        "Die Person hat der Weitergabe an diesen Partner nicht zugestimmt. Erfassen Sie "
        "zuerst die Einwilligung oder begründen Sie die Weitervermittlung ohne Einwilligung."
    ]

    retracted = user.send(
        f"/plans/{plan}/forms/retraction?version=2", {"version": "2", "reason": "Falscher Plan"}
    )
    assert "zurückgenommen durch Nr. 4" in retracted.text
    state = api.get(f"/v1/plans/{plan}", "caseworker").json()
    assert state["version"] == 4
    assert state["consultations"] == []

    closed = user.send(
        f"/plans/{plan}/forms/closure", {"closed_on": "2026-05-31", "reason": "goals_achieved"}
    )
    assert "Integrationsplan wieder aufnehmen" in closed.text
    late = user.send(
        f"/plans/{plan}/forms/workshop", {"kind": "wertevermittlung", "attended_on": "2026-05-31"}
    )
    assert refusals(late) == [
        "Der Integrationsplan ist abgeschlossen. Nehmen Sie ihn wieder auf, bevor Sie etwas "
        "erfassen."
    ]
    # A phonetic variant of the name finds the plan; the worklist names the person and the due item.
    found_by_sound = user.get("/plans?q=Hadat")
    assert "<td>Amira Haddad</td>" in found_by_sound.text
    assert "Keine Integrationspläne." in user.get("/plans?q=Schmidt").text
    number = api.get(f"/v1/plans/{plan}", "caseworker").json()["file_number"]
    found = user.get(f"/plans?file_number={number}")
    assert found.text.count("Plan öffnen <span") == 1
    assert number in found.text
    assert user.get("/plans?file_number=2026-42").status_code == 422
    printed = user.get(f"/plans/{plan}/print")
    assert "Integrationsplan: Amira Haddad" in printed.text
    assert 'href="/static/print.css"' in printed.text


def test_english_is_switchable(api: ApiSession) -> None:
    user = caseworker(api)
    assert "Arbeitsliste" in user.get("/").text
    english = user.get("/language/en?next=/")
    assert "Worklist" in english.text
    assert 'lang="en"' in english.text


def test_a_role_sees_only_its_pages(api: ApiSession) -> None:
    analyst = WebUser(api.client, "ana", "analyst", ["*"])
    analyst.log_in()
    page = analyst.get("/plans/new")
    assert page.status_code == 403
    assert "Ihre Rolle darf das nicht." in page.text


def test_a_plan_outside_the_users_municipalities_is_not_found(api: ApiSession) -> None:
    plan = api.open_plan()
    other = WebUser(api.client, "kai", "caseworker", ["08317057"])
    other.log_in()
    page = other.get(f"/plans/{plan}")
    assert page.status_code == 404
    assert "gehört nicht zu Ihren Gemeinden" in page.text


def test_bad_addresses_and_values_get_a_german_page_never_a_500(api: ApiSession) -> None:
    plan = api.open_plan()
    nowhere = "0b8e1d1e-5c2f-4a7c-9d0e-2f4d1b3c6a7e"
    admin = WebUser(api.client, "root", "admin", ["*"])
    admin.log_in()
    expected = {
        "/plans/not-a-plan": 422,
        f"/plans/{nowhere}": 404,
        f"/plans/{plan}/forms/nope": 404,
        f"/plans/{plan}/forms/erasure/nope": 404,
        f"/plans/{plan}?version=999": 404,
        f"/plans/{plan}?version=1&at=2026-01-01T10:00": 422,
        f"/plans/{plan}?at=yesterday": 422,
        "/plans?cursor=garbage": 422,
        "/plans?status=weird": 422,
        "/dashboard?from=2025-13": 422,
        "/dashboard?metric=nope": 422,
        "/dashboard/tables?year=abc": 422,
        "/dashboard/tables?period=week": 422,
        "/dashboard/meeting?period=2026-Q1": 422,
        "/dashboard/meeting": 422,
        "/audit-log?cursor=zz": 422,
        "/audit-log?from=garbage": 422,
        "/no/such/page": 404,
    }
    for path, status in expected.items():
        page = admin.get(path)
        assert (path, page.status_code) == (path, status)
        assert page.headers["content-type"].startswith("text/html")
        assert "Das hat nicht geklappt" in page.text or "Es gibt ein Problem" in page.text
    assert admin.get("/login?next=//evil.example").status_code == 200
    assert "evil" not in admin.last.text

    user = caseworker(api)
    missing = user.send(
        f"/plans/{plan}/forms/measure-completion/{nowhere}", {"completed_on": "2026-05-30"}
    )
    assert missing.status_code == 409
    assert refusals(missing) == [
        "Der Eintrag bezieht sich auf etwas, das dieser Plan nicht enthält."
    ]
    assert user.get(f"/plans/{plan}/forms/consent-withdrawal/nope").status_code == 404


def test_a_plan_transferred_out_of_the_users_municipalities_leaves_their_sight(
    api: ApiSession,
) -> None:
    user = caseworker(api)
    plan = plan_of(user.send("/plans/new", OPEN_PLAN_FORM))
    moved = user.send(
        f"/plans/{plan}/forms/transfer", {"municipality": "08317057", "caseworker": "cw-kehl"}
    )
    assert moved.url.path == "/plans"
    assert "Der Integrationsplan wurde übergeben (Eintrag Nr. 2)" in moved.text
    assert user.get(f"/plans/{plan}").status_code == 404
