"""Errors on pages: the API's one error table decides status and code; a page shows the
German sentence for the code instead of problem+json. API paths keep problem+json."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from urllib.parse import quote

from fastapi import FastAPI, Request
from starlette.responses import Response

from api.errors import HANDLERS
from api.web.i18n import language_of
from api.web.pages import CsrfRefused, LoginRequired, Page, PageForbidden
from api.web.refusals import refusal
from api.web.sessions import LANGUAGE_COOKIE, SessionCookies

API_PATHS = (
    "/v1/",
    "/docs",
    "/redoc",
    "/openapi.json",
    "/healthz",
    "/readyz",
    "/metrics",
    "/static-offline-docs",
)


API_VERSION = re.compile(r"^/v[0-9]+(/|$)")  # every API version's paths, known or not


def is_page(request: Request) -> bool:
    path = request.url.path
    return not path.startswith(API_PATHS) and API_VERSION.match(path) is None


def bare_page(request: Request) -> Page:
    """The page of a failed request: its session as signed, without asking the store."""
    cookies: SessionCookies = request.app.state.web_sessions
    return Page(request, cookies.read(request), language_of(request.cookies.get(LANGUAGE_COOKIE)))


def error_page(request: Request, status: int, code: str) -> Response:
    page = bare_page(request)
    return page.render("error.html", http_status=status, status_code=status, message=refusal(code))


def for_pages(
    handler: Callable[[Request, Exception], Response],
) -> Callable[[Request, Exception], Response]:
    def handle(request: Request, error: Exception) -> Response:
        answer = handler(request, error)
        if not is_page(request):
            return answer
        code = json.loads(bytes(answer.body)).get("code", "")
        return error_page(request, answer.status_code, str(code))

    return handle


def login_required(request: Request, error: Exception) -> Response:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return bare_page(request).redirect(f"/login?next={quote(target, safe='')}")


def forbidden(request: Request, error: Exception) -> Response:
    return error_page(request, 403, "forbidden")


def csrf_refused(request: Request, error: Exception) -> Response:
    return error_page(request, 403, "csrf_refused")


def install_page_errors(app: FastAPI) -> None:
    """Replaces the API's handlers by ones that answer pages with a page."""
    for error_type, handler in HANDLERS.items():
        app.add_exception_handler(error_type, for_pages(handler))
    app.add_exception_handler(LoginRequired, login_required)
    app.add_exception_handler(PageForbidden, forbidden)
    app.add_exception_handler(CsrfRefused, csrf_refused)
