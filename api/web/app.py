"""Mounts the web interface on the API's app: pages, their assets, sessions, error pages."""

from __future__ import annotations

import threading
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import (
    DateTimePattern,
    format_date,
    get_date_format,
    get_datetime_format,
    get_time_format,
    parse_pattern,
)
from babel.numbers import format_decimal
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from jinja2 import pass_context
from jinja2.runtime import Context

from api.deps import PlansSource
from api.web import (
    routes_admin,
    routes_audit,
    routes_figures,
    routes_forms,
    routes_plans,
    routes_session,
    routes_tables,
)
from api.web.errors import install_page_errors
from api.web.i18n import BERLIN
from api.web.oidc import OidcClient
from api.web.pages import environment
from api.web.sessions import SessionCookies
from api.web.words import ENTRIES, FIELDS, PERIODS, ROLES, value_label
from infrastructure.accounts import Accounts, accounts_of
from infrastructure.reference_data import county_municipalities
from infrastructure.settings import Settings

STATIC = Path(__file__).parent / "static"
ROUTERS = (
    routes_session,
    routes_plans,
    routes_forms,
    routes_audit,
    routes_figures,
    routes_tables,
    routes_admin,
)


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


@lru_cache(maxsize=4096)
def formatted_day(value: date, language: str) -> str:
    # Babel takes some 50 us a date; a plan page shows hundreds, most of them alike.
    return format_date(value, format="medium", locale=language)


@pass_context
def day(context: Context, value: date | None) -> str:
    if value is None:
        return ""
    return formatted_day(value, context.get("language", "de"))


@lru_cache(maxsize=4096)
def formatted_number(value: float, language: str) -> str:
    return format_decimal(round(value, 2), locale=language)


@pass_context
def number(context: Context, value: float | None) -> str:
    """A figure as the language writes it: 6 and 2,5 in German."""
    return "" if value is None else formatted_number(value, context.get("language", "de"))


@lru_cache(maxsize=8)
def moment_patterns(language: str) -> tuple[str, DateTimePattern, DateTimePattern, Locale]:
    """The language's medium date and time patterns, parsed once (Babel parses per call)."""
    locale = Locale.parse(language)
    return (
        str(get_datetime_format("medium", locale)),
        parse_pattern(get_date_format("medium", locale).pattern),
        parse_pattern(get_time_format("medium", locale).pattern),
        locale,
    )


@pass_context
def moment(context: Context, value: datetime | None) -> str:
    """A recorded time as the language writes it, in Germany's time."""
    if value is None:
        return ""
    joined, day_pattern, time_pattern, locale = moment_patterns(context.get("language", "de"))
    local = value.astimezone(BERLIN)
    return joined.replace("{1}", day_pattern.apply(local, locale)).replace(
        "{0}", time_pattern.apply(local, locale)
    )


def install_web(app: FastAPI, settings: Settings, plans: PlansSource) -> None:
    places = {m.ags: m.name for m in county_municipalities(settings)}
    env = environment()
    env.filters.update(day=day, moment=moment, number=number)
    globals_: dict[str, Any] = {
        "label": value_label,
        "entry_label": lambda kind: ENTRIES.get(kind, kind),
        "field_label": lambda name: FIELDS.get(name, name),
        "period_label": lambda level: PERIODS.get(level, level),
        "role_label": lambda role: ROLES.get(role, role),
        "place": lambda ags: f"{places[ags]} ({ags})" if ags in places else ags,
    }
    env.globals.update(globals_)
    app.state.web_templates = env
    app.state.web_sessions = SessionCookies(settings)
    app.state.web_accounts = AccountsSource(plans)
    app.state.web_oidc = OidcClient(settings) if settings.oidc_issuer else None
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in ROUTERS:
        app.include_router(module.router)
    install_page_errors(app)
