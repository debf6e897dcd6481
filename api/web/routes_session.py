"""Logging in and out, and choosing the language."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from api.auth import caller_from
from api.web.i18n import LANGUAGES
from api.web.pages import AnyPage, PostedForm
from api.web.sessions import LANGUAGE_COOKIE, Session

router = APIRouter(include_in_schema=False)
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
            "login.html", http_status=401, next=target, failed=True, username=username, oidc=False
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
