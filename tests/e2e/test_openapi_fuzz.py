"""A bounded schemathesis run against the app's own OpenAPI document: every operation, with
the role it needs and a real plan (with a goal, measure, referral, course and job) in its
path, so requests reach the rules. No 5xx, and no status, header, media type or body that
the document does not describe.

Not checked: that every request the schema refuses is refused (unknown query parameters
are ignored, so that a client may send a newer one), and that every request it allows is
accepted. Some rules depend on the
plan's state and history (a date before the opening, a reused Idempotency-Key, an If-Match
that no longer matches) and answer the documented 409, 412 or 422 with their `code`.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import schemathesis
from fastapi.testclient import TestClient
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
from tests.e2e.session import ApiSession

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
    # The read models are not started here (no lifespan): a wait for a position is short.
    projection_wait_seconds=0.2,
)
APP = create_app(CONFIG, build_plans(CONFIG, today=lambda: TODAY))
# Which role each part of the API is for (DESIGN 4); everything else is a caseworker's.
ROLES = (
    ("/v1/audit-log", "auditor"),
    ("/integrity", "auditor"),
    ("/v1/stats", "analyst"),
    ("/v1/reports", "analyst"),
    ("/v1/admin", "admin"),
    ("/erasure", "admin"),
)
TOKENS = {
    role: issue_token(CONFIG, sub=f"fuzzer-{role}", role=role, municipalities=["*"])
    for role in ("caseworker", "auditor", "analyst", "admin")
}
# The path parameters of the plan every case works on.
PATH_IDS = {
    "plan_id": "plan",
    "goal_id": "goal",
    "measure_id": "measure",
    "referral_id": "referral",
    "course_id": "course",
    "job_id": "job",
}

FUZZ_CONFIG = schemathesis.Config.from_dict({"phases": {"coverage": {"enabled": False}}})
schema = schemathesis.openapi.from_asgi("/openapi.json", APP, config=FUZZ_CONFIG)


def prepared_ids() -> dict[str, str]:
    with TestClient(APP) as client:
        return ApiSession(client, CONFIG).prepared_plan()


IDS = prepared_ids()


def role_for(path: str) -> str:
    return next((role for part, role in ROLES if part in path), "caseworker")


@schema.parametrize()
@settings(max_examples=15, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_the_api_keeps_its_own_contract(case: Any) -> None:
    for name, key in PATH_IDS.items():
        if case.path_parameters and name in case.path_parameters:
            case.path_parameters[name] = IDS[key]
    token = TOKENS[role_for(case.path)]
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)
