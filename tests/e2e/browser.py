"""Browser tests' machinery: Debian's Chromium driven by Playwright against a live
`iplan serve`, axe-core on every page, requests outside the service's origin caught,
screenshots when IPLAN_SCREENSHOTS names a folder."""

from __future__ import annotations

import json
import os
import subprocess
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, Request

from tests.e2e.session import open_plan_body
from tests.live import IPLAN, Server

CHROMIUM = "/usr/bin/chromium"
PASSWORD = "correct horse battery"
SERIOUS = ("serious", "critical")
_axe = Axe()


def add_account(server: Server, name: str, role: str, *places: str) -> None:
    """`iplan users add`, as an admin runs it beside the service (same data directory)."""
    places_args = [a for p in places for a in ("--municipality", p)]
    env = {
        **os.environ,
        "IPLAN_STORE": "sqlite",
        "IPLAN_DATA_DIR": str(server.data_dir),
        "IPLAN_NEW_PASSWORD": PASSWORD,
    }
    subprocess.run(
        [str(IPLAN), "users", "add", name, "--role", role, *places_args],
        env=env, check=True, capture_output=True, timeout=60,
    )  # fmt: skip


def open_plans(server: Server, count: int, municipality: str) -> None:
    """Plans opened over the API with a token from `iplan token`, so figures are not small."""
    env = {**os.environ, "IPLAN_STORE": "sqlite", "IPLAN_DATA_DIR": str(server.data_dir)}
    token = subprocess.run(
        [str(IPLAN), "token", "--role", "caseworker", "--sub", "cw-seed",
         "--municipality", municipality],
        env=env, check=True, capture_output=True, text=True, timeout=60,
    ).stdout.strip()  # fmt: skip
    body = open_plan_body(municipality=municipality, opened_on=date.today().isoformat())
    for _ in range(count):
        request = urllib.request.Request(
            f"{server.url}/v1/plans", data=json.dumps(body).encode(), method="POST",
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )  # fmt: skip
        with urllib.request.urlopen(request, timeout=10) as answer:
            assert answer.status == 201


@dataclass
class Visit:
    """One user's tab: every request it made, and the pages' accessibility problems."""

    page: Page
    origin: str
    foreign: list[str] = field(default_factory=list)
    violations: dict[str, list[str]] = field(default_factory=dict)

    def watch(self, request: Request) -> None:
        url = request.url
        if not (url.startswith(self.origin) or url.startswith(("data:", "about:", "blob:"))):
            self.foreign.append(url)

    def check(self, name: str) -> None:
        """axe-core on the page as it is now; a screenshot of it if asked for."""
        results: Any = _axe.run(self.page)
        serious = [
            f"{v['id']}: {v['help']}" for v in results.response["violations"]
            if v.get("impact") in SERIOUS
        ]  # fmt: skip
        if serious:
            self.violations[name] = serious
        folder = os.environ.get("IPLAN_SCREENSHOTS")
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)

    def log_in(self, name: str, password: str = PASSWORD) -> None:
        self.page.goto(f"{self.origin}/login")
        self.page.get_by_label("Benutzername").fill(name)
        self.page.get_by_label("Passwort").fill(password)
        self.page.get_by_role("button", name="Anmelden").click()

    def log_out(self) -> None:
        self.page.get_by_role("button", name="Abmelden").click()


@contextmanager
def visit(browser: Browser, server: Server) -> Iterator[Visit]:
    context = browser.new_context(locale="de-DE", accept_downloads=True)
    page = context.new_page()
    tab = Visit(page, server.url)
    page.on("request", tab.watch)
    try:
        yield tab
    finally:
        context.close()
