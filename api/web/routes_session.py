"""Logging in and out, and choosing the language."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated
from urllib.parse import urlsplit

import structlog
from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from api.auth import caller_from
from api.web.i18n import LANGUAGES
from api.web.oidc import OidcClient, OidcLoginFailed, Pending
from api.web.pages import AnyPage, PostedForm
from api.web.sessions import LANGUAGE_COOKIE, Session

router = APIRouter(include_in_schema=False)
log = structlog.get_logger("iplan.web")
HOME_OF_ROLE = {
    "caseworker": "/",
    "auditor": "/plans",
    "analyst": "/dashboard",
    "admin": "/admin/projections",
}


def safe_target(target: str | None) -> str | None:
    """Only a path of this service: no other site is reached through the login."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return None
    parts = urlsplit(target)
    return None if parts.scheme or parts.netloc or "\\" in target else target


@router.get("/login")
def login_page(
    page: AnyPage, next: Annotated[str | None, Query(max_length=2000)] = None
) -> Response:
    oidc = page.request.app.state.web_oidc
    return page.render("login.html", next=safe_target(next), oidc=oidc is not None)


@router.post("/login")
def log_in(page: AnyPage, form: PostedForm) -> Response:
    username = str(form.get("username") or "")
    password = str(form.get("password") or "")
    target = safe_target(str(form.get("next") or ""))
    account = page.request.app.state.web_accounts.get().authenticate(username, password)
    if account is None:
        return page.render(
            "login.html",
            http_status=401,
            next=target,
            failed=True,
            username=username,
            oidc=page.request.app.state.web_oidc is not None,
        )
    caller = caller_from(
        {
            "sub": account.username,
            "role": account.role,
            "municipalities": list(account.municipalities),
        }
    )
    return page.redirect(
        target or HOME_OF_ROLE[caller.role], page.session.logged_in(caller, "local")
    )


@router.get("/login/oidc")
def oidc_login(
    page: AnyPage, next: Annotated[str | None, Query(max_length=2000)] = None
) -> Response:
    client: OidcClient | None = page.request.app.state.web_oidc
    if client is None:
        return page.redirect("/login")
    callback = str(page.request.url_for("oidc_callback"))
    try:
        url, pending = client.start(callback, safe_target(next) or "")
    except OidcLoginFailed as error:
        log.warning("oidc_login_failed", reason=str(error))
        return page.render("login.html", http_status=503, oidc=True, oidc_failed=True)
    return page.redirect(url, replace(page.session, pending=pending.as_dict()))


@router.get("/login/oidc/callback", name="oidc_callback")
def oidc_callback(
    page: AnyPage,
    code: Annotated[str, Query(max_length=4000)] = "",
    state: Annotated[str, Query(max_length=200)] = "",
) -> Response:
    client: OidcClient | None = page.request.app.state.web_oidc
    pending = Pending.of(page.session.pending)
    if client is None or pending is None or not code:
        return page.redirect("/login")
    callback = str(page.request.url_for("oidc_callback"))
    try:
        caller = client.finish(callback, pending, code, state)
    except OidcLoginFailed as error:
        log.warning("oidc_login_failed", reason=str(error))
        failed = replace(page.session, pending=None)
        return page.answer(
            page.render("login.html", http_status=401, oidc=True, oidc_failed=True), failed
        )
    target = pending.target or HOME_OF_ROLE[caller.role]
    return page.redirect(target, page.session.logged_in(caller, "oidc"))


@router.post("/logout")
def log_out(page: AnyPage, form: PostedForm) -> Response:
    # A new anonymous session: the old cookie's user and CSRF token are gone.
    return page.redirect("/login", Session.anonymous())


@router.get("/language/{language}")
def choose_language(
    request: Request, language: str, next: Annotated[str | None, Query(max_length=2000)] = None
) -> Response:
    response = RedirectResponse(safe_target(next) or "/", status_code=303)
    if language in LANGUAGES:
        response.set_cookie(LANGUAGE_COOKIE, language, samesite="strict", max_age=365 * 86400)
    return response
