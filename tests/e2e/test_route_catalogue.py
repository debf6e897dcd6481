"""The API's route table and the entry catalogue agree: an endpoint for every kind of entry
of DESIGN section 3, and an entry for every write endpoint (test_authorization.py checks
that each endpoint records the entry named here)."""

from __future__ import annotations

import re

from api.app import create_app
from domain.entry import entry_types
from infrastructure.settings import Settings
from tests.e2e.endpoints import ENDPOINTS
from tests.unit.test_entries import DESIGN_ENTRIES, SYSTEM_ENTRIES

PARAMETER = re.compile(r"\{[^}]+\}")


def shape(path: str) -> str:
    """A path with its parameters unnamed: /v1/plans/{}/goals/{}/outcome."""
    return PARAMETER.sub("{}", path)


def test_every_write_endpoint_records_an_entry_of_the_catalogue() -> None:
    paths = create_app(Settings(store="memory")).openapi()["paths"]
    writes = {shape(path) for path, operations in paths.items() if "post" in operations}
    writes = {path for path in writes if path.startswith("/v1/plans")}
    with_entries = {shape(e.path) for e in ENDPOINTS if e.method == "POST" and e.entry}
    assert writes == with_entries
    catalogue = {t.__name__ for t in entry_types()}
    assert {e.entry for e in ENDPOINTS if e.entry} <= catalogue


def test_every_entry_of_the_design_has_its_endpoint() -> None:
    assert {t.__name__ for t in entry_types()} == set(DESIGN_ENTRIES + SYSTEM_ENTRIES)
    recorded_through_the_api = {e.entry for e in ENDPOINTS if e.entry}
    assert recorded_through_the_api == set(DESIGN_ENTRIES)
