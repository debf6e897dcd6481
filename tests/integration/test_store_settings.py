"""The store is chosen by settings, and an unreachable database fails fast and clearly."""

from __future__ import annotations

from pathlib import Path

import pytest
from eventsourcing.persistence import OperationalError

from infrastructure.settings import Settings
from infrastructure.store import build_plans


def test_settings_are_read_from_iplan_environment_variables(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("IPLAN_STORE", "postgres")
    monkeypatch.setenv("IPLAN_POSTGRES_DBNAME", "county")
    monkeypatch.setenv("IPLAN_POSTGRES_POOL_SIZE", "3")
    env = Settings().eventsourcing_env()
    assert env["PERSISTENCE_MODULE"] == "eventsourcing.postgres"
    assert env["POSTGRES_DBNAME"] == "county"
    assert env["POSTGRES_POOL_SIZE"] == "3"
    assert "POSTGRES_ENABLE_DB_FUNCTIONS" not in env


def test_read_models_run_in_the_api_process_on_the_embedded_store_and_in_workers_on_postgres(
    tmp_path: Path,
) -> None:
    assert Settings(store="sqlite", data_dir=tmp_path).runs_projections
    assert not Settings(store="postgres", data_dir=tmp_path).runs_projections
    both = Settings(store="postgres", data_dir=tmp_path, projections_in_process=True)
    assert both.runs_projections
    assert not Settings(
        store="sqlite", data_dir=tmp_path, projections_in_process=False
    ).runs_projections


def test_the_embedded_default_keeps_its_sqlite_file_in_the_data_directory(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    assert settings.store == "sqlite"
    plans = build_plans(settings)
    plans.close()
    assert settings.sqlite_path.exists()


def test_an_unreachable_postgres_fails_after_its_connect_timeout() -> None:
    settings = Settings(store="postgres", postgres_port=1, postgres_connect_timeout=1)
    with pytest.raises(OperationalError, match=r"after 1\.00 sec"):
        build_plans(settings)
