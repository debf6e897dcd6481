"""Mounts the web interface on the API's app: pages, their assets, sessions, error pages."""

from __future__ import annotations

import threading
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from jinja2 import pass_context
from jinja2.runtime import Context

from api.deps import PlansSource
from api.web import routes_forms, routes_plans, routes_session
from api.web.errors import install_page_errors
from api.web.pages import environment
from api.web.sessions import SessionCookies
from api.web.words import ENTRIES, FIELDS, value_label
from infrastructure.accounts import Accounts, accounts_of
from infrastructure.reference_data import county_municipalities
from infrastructure.settings import Settings

BERLIN = ZoneInfo("Europe/Berlin")
STATIC = Path(__file__).parent / "static"
ROUTERS = (routes_session, routes_plans, routes_forms)


class AccountsSource:
    """The local accounts beside the store, opened on first use like the plans."""

    def __init__(self, plans: PlansSource) -> None:
        self._plans = plans
        self._accounts: Accounts | None = None
        self._lock = threading.Lock()

    def get(self) -> Accounts:
        if self._accounts is None:
            with self._lock:
                if self._accounts is None:
                    self._accounts = accounts_of(self._plans.get())
        return self._accounts


@pass_context
def day(context: Context, value: date | None) -> str:
    if value is None:
        return ""
    return format_date(value, format="medium", locale=context.get("language", "de"))


@pass_context
def moment(context: Context, value: datetime | None) -> str:
    if value is None:
        return ""
    language = context.get("language", "de")
    return format_datetime(value, format="medium", tzinfo=BERLIN, locale=language)


def install_web(app: FastAPI, settings: Settings, plans: PlansSource) -> None:
    places = {m.ags: m.name for m in county_municipalities(settings)}
    env = environment()
    env.filters.update(day=day, moment=moment)
    globals_: dict[str, Any] = {
        "label": value_label,
        "entry_label": lambda kind: ENTRIES.get(kind, kind),
        "field_label": lambda name: FIELDS.get(name, name),
        "place": lambda ags: f"{places[ags]} ({ags})" if ags in places else ags,
    }
    env.globals.update(globals_)
    app.state.web_templates = env
    app.state.web_sessions = SessionCookies(settings)
    app.state.web_accounts = AccountsSource(plans)
    app.state.web_oidc = None
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in ROUTERS:
        app.include_router(module.router)
    install_page_errors(app)
