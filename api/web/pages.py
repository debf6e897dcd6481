"""What every page handler shares: the session, the language, the signed-in user, rendering."""

from __future__ import annotations

import gettext as gettext_module
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, FileSystemLoader, pass_context, select_autoescape
from jinja2.runtime import Context
from markupsafe import Markup, escape
from starlette.datastructures import FormData
from starlette.responses import Response

from api.auth import Caller
from api.web.i18n import LANGUAGES, language_of, translations
from api.web.sessions import LANGUAGE_COOKIE, Session, SessionCookies

TEMPLATES = Path(__file__).parent / "templates"
CSRF_FIELD = "csrf_token"


class LoginRequired(Exception):
    """A page that needs a signed-in user was asked for without one."""


class PageForbidden(Exception):
    """The signed-in user's role may not see this page."""


class CsrfRefused(Exception):
    """A form came without this session's CSRF token (another site's, or an old one)."""


def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )


def gettext_for(t: gettext_module.NullTranslations) -> Callable[..., str]:
    @pass_context
    def gettext(context: Context, message: str, **variables: Any) -> str:
        text = t.gettext(message)
        if not context.eval_ctx.autoescape:
            return text % variables if variables else text
        if variables:  # escaped here: Markup's own % is slow on a page of 200 rows
            text = text % {name: escape(value) for name, value in variables.items()}
        return Markup(text)  # noqa: S704 - the catalogue's own text, variables escaped

    return gettext


@dataclass(frozen=True)
class Page:
    """One request's page: who asks, in which language, and how it is answered."""

    request: Request
    session: Session
    language: str

    @property
    def caller(self) -> Caller:
        if self.session.caller is None:
            raise LoginRequired
        return self.session.caller

    @property
    def correlation_id(self) -> str:
        value = getattr(self.request.state, "correlation_id", None)
        return value if isinstance(value, str) else str(uuid.uuid4())

    def gettext(self, message: str, **variables: Any) -> str:
        text = translations(self.language).gettext(message)
        return text % variables if variables else text

    def render(self, template: str, http_status: int = 200, **values: Any) -> Response:
        env: Environment = self.request.app.state.web_templates
        t = translations(self.language)
        html = env.get_template(template).render(
            gettext=gettext_for(t),
            language=self.language,
            languages=LANGUAGES,
            user=self.session.caller,
            csrf_token=self.session.csrf,
            path=self.request.url.path,
            **values,
        )
        response = HTMLResponse(html, status_code=http_status)
        return self.answer(response)

    def redirect(self, url: str, session: Session | None = None) -> Response:
        return self.answer(RedirectResponse(url, status_code=303), session)

    def answer(self, response: Response, session: Session | None = None) -> Response:
        cookies: SessionCookies = self.request.app.state.web_sessions
        secure = self.request.url.scheme == "https"
        cookies.write(response, session or self.session, secure=secure)
        response.headers["Cache-Control"] = "no-store"
        return response


def current_page(request: Request) -> Page:
    cookies: SessionCookies = request.app.state.web_sessions
    session = cookies.read(request)
    if session.caller is not None and session.via == "local":
        # A removed account, or one whose role or places changed, signs in again.
        accounts = request.app.state.web_accounts.get()
        account = accounts.find(session.caller.sub)
        if account is None or (
            account.role,
            frozenset(account.municipalities),
        ) != (session.caller.role, session.caller.municipalities):
            session = replace(session, caller=None)
    request.state.caller = session.caller  # for the request log: who asked
    return Page(request, session, language_of(request.cookies.get(LANGUAGE_COOKIE)))


AnyPage = Annotated[Page, Depends(current_page)]


def signed_in(*roles: str) -> Callable[[Page], Page]:
    """A page for users in one of `roles`: others see 403, anonymous users the login."""

    def check(page: AnyPage) -> Page:
        if page.session.caller is None:
            raise LoginRequired
        if page.session.caller.role not in roles:
            raise PageForbidden
        return page

    return check


async def posted_form(request: Request, page: AnyPage) -> FormData:
    """The form's fields, after its CSRF token was checked against the session's."""
    form = await request.form()
    token = form.get(CSRF_FIELD)
    if not page.session.csrf_matches(token if isinstance(token, str) else None):
        raise CsrfRefused
    return form


PostedForm = Annotated[FormData, Depends(posted_form)]
CaseworkerPage = Annotated[Page, Depends(signed_in("caseworker"))]
PlanReaderPage = Annotated[Page, Depends(signed_in("caseworker", "auditor", "admin"))]
AuditorPage = Annotated[Page, Depends(signed_in("auditor", "admin"))]
AnalystPage = Annotated[Page, Depends(signed_in("analyst", "admin"))]
AdminPage = Annotated[Page, Depends(signed_in("admin"))]
WorklistPage = Annotated[Page, Depends(signed_in("caseworker", "admin"))]
