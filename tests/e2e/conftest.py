"""HTTP tests run the app on SQLite and PostgreSQL (the memory store is covered below them)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from infrastructure.settings import Settings
from infrastructure.store import build_plans
from tests.builders import TODAY
from tests.conftest import settings_for
from tests.e2e.session import ApiSession

E2E_STORES = ("sqlite", "postgres")


@pytest.fixture(params=E2E_STORES)
def api_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    return settings_for(request.param, tmp_path, request)


def session_on(settings: Settings) -> Iterator[ApiSession]:
    plans = build_plans(settings, today=lambda: TODAY)
    app = create_app(settings, plans)
    try:
        with TestClient(app) as client:
            yield ApiSession(client, settings)
    finally:
        plans.close()


@pytest.fixture
def api(api_settings: Settings) -> Iterator[ApiSession]:
    """The app on SQLite and on PostgreSQL, with a fixed today (tests.builders.TODAY)."""
    yield from session_on(api_settings)


@pytest.fixture
def sqlite_api(tmp_path: Path) -> Iterator[ApiSession]:
    """The app on SQLite only, for checks that do not depend on the store."""
    yield from session_on(Settings(store="sqlite", data_dir=tmp_path))


@pytest.fixture
def every_store_api(store_settings: Settings) -> Iterator[ApiSession]:
    """The app on memory, SQLite and PostgreSQL (tests/conftest.py's store_settings)."""
    yield from session_on(store_settings)
