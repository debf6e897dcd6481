"""Fixtures shared by all tests: a fixed clock and the plans application on every store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from application.plans import IntegrationPlans
from infrastructure.logging import configure_logging
from infrastructure.settings import Settings
from infrastructure.store import build_plans
from tests.postgres import drop_tables, temporary_database

TODAY = date(2026, 6, 1)
STORES = ("memory", "sqlite", "postgres")


@pytest.fixture(scope="session", autouse=True)
def json_logging() -> None:
    """Logs as in production (JSON); structlog's default renders slow rich tracebacks."""
    configure_logging(Settings(log_format="json"))


@pytest.fixture(scope="session")
def postgres_db() -> Iterator[str]:
    with temporary_database() as name:
        yield name


def settings_for(store: str, tmp_path: Path, request: pytest.FixtureRequest) -> Settings:
    if store == "postgres":
        dbname: str = request.getfixturevalue("postgres_db")
        drop_tables(dbname)
        # The API runs the read models itself here, as on the other stores (a PostgreSQL
        # deployment's default is separate `iplan project` workers: tests/e2e/test_readiness.py).
        return Settings(
            store="postgres", postgres_dbname=dbname, data_dir=tmp_path, projections_in_process=True
        )
    return Settings(store=store, data_dir=tmp_path)


@pytest.fixture(params=STORES)
def store_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Settings for each store in turn: a scenario using it runs on all three."""
    return settings_for(request.param, tmp_path, request)


@pytest.fixture
def plans(store_settings: Settings) -> Iterator[IntegrationPlans]:
    app = build_plans(store_settings, today=lambda: TODAY)
    yield app
    app.close()
