"""A bounded schemathesis run against the app's own OpenAPI: no 5xx, no off-schema answer."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings
from pydantic import SecretStr
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.app import create_app
from api.auth import issue_token
from infrastructure.settings import Settings
from infrastructure.store import build_plans
from tests.builders import TODAY

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]

# Collection needs the schema, so the app is built at import: in memory, nothing on disk
# but a throwaway directory, with a fixed clock so that runs are reproducible.
CONFIG = Settings(
    store="memory",
    data_dir=Path(tempfile.mkdtemp(prefix="iplan-fuzz-")),
    jwt_secret=SecretStr("fuzzing-secret-" + "x" * 32),
)
APP = create_app(CONFIG, build_plans(CONFIG, today=lambda: TODAY))
TOKEN = issue_token(CONFIG, sub="fuzzer", role="caseworker", municipalities=["*"])
# The coverage phase alone sends thousands of requests; examples and fuzzing keep it bounded.
FUZZ_CONFIG = schemathesis.Config.from_dict({"phases": {"coverage": {"enabled": False}}})
schema = schemathesis.openapi.from_asgi("/openapi.json", APP, config=FUZZ_CONFIG)


@schema.parametrize()
@settings(max_examples=8, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_the_api_keeps_its_own_contract(case: Any) -> None:
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, checks=CHECKS)
