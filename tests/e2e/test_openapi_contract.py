"""The OpenAPI document is part of the contract: it equals the committed copy (a change is a
visible diff), validates as OpenAPI 3.1, names operations readably, and every problem code
the API layer raises is documented."""

from __future__ import annotations

import json
import re
from pathlib import Path

from fastapi.testclient import TestClient

from api.app import create_app
from api.openapi import COMMITTED, as_text
from api.problem_codes import codes_for
from infrastructure.settings import Settings

OPERATION_ID = re.compile(r"^[a-z]+(?:[A-Z][a-z0-9]*)*$")
RAISED_CODE = re.compile(r'code="([a-z_]+)"|problem\(\s*(\d{3}),\s*"([a-z_]+)"')
API_SOURCES = Path(__file__).parents[2] / "api"


def served() -> dict[str, object]:
    with TestClient(create_app(Settings(store="memory"))) as client:
        document: dict[str, object] = client.get("/openapi.json").json()
    return document


def test_the_served_document_is_the_committed_one() -> None:
    document = served()
    assert as_text(document) == COMMITTED.read_text(encoding="utf-8"), (
        "the API contract changed: review the difference and run `make openapi`"
    )


def test_operations_have_readable_unique_ids_and_tags() -> None:
    document = json.loads(COMMITTED.read_text(encoding="utf-8"))
    ids = [
        operation["operationId"]
        for operations in document["paths"].values()
        for operation in operations.values()
    ]
    assert len(ids) == len(set(ids))
    assert all(OPERATION_ID.match(i) for i in ids), [i for i in ids if not OPERATION_ID.match(i)]
    assert {"openPlan", "getPlan", "holdConsultation", "rebuildProjection"} <= set(ids)
    declared = {tag["name"] for tag in document["tags"]}
    used = {
        tag
        for operations in document["paths"].values()
        for operation in operations.values()
        for tag in operation["tags"]
    }
    assert used <= declared


def test_every_error_answer_is_a_problem_and_fastapis_422_schema_is_gone() -> None:
    document = json.loads(COMMITTED.read_text(encoding="utf-8"))
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for status, answer in operation["responses"].items():
                if int(status) >= 400:
                    assert list(answer["content"]) == ["application/problem+json"], (
                        method,
                        path,
                        status,
                    )
    assert "HTTPValidationError" not in document["components"]["schemas"]
    rebuild = document["paths"]["/v1/admin/projections/{name}/rebuild"]["post"]
    assert "application/problem+json" in rebuild["responses"]["422"]["content"]


def test_the_document_is_valid_openapi() -> None:
    from openapi_spec_validator import validate

    validate(json.loads(COMMITTED.read_text(encoding="utf-8")))


def test_every_code_the_api_raises_is_documented_under_its_status() -> None:
    documented = {code for status in range(400, 600) for code in codes_for(status)}
    raised = set()
    for source in API_SOURCES.rglob("*.py"):
        for match in RAISED_CODE.finditer(source.read_text(encoding="utf-8")):
            raised.add(match.group(1) or match.group(3))
    raised.discard("internal_error")  # the crash answer, which no request should get
    assert raised, "the pattern no longer finds the codes raised"
    assert raised - documented == set(), "add these to api/problem_codes.py"


def test_each_vocabulary_is_one_named_schema() -> None:
    document = json.loads(COMMITTED.read_text(encoding="utf-8"))
    schemas = document["components"]["schemas"]
    assert schemas["FieldOfAction"]["enum"][:2] == ["orientation", "language"]
    topics = schemas["ConsultationBody"]["properties"]["topics"]["items"]
    assert topics == {"$ref": "#/components/schemas/FieldOfAction"}
    goal_field = schemas["GoalBody"]["properties"]["field"]
    assert goal_field["$ref"] == "#/components/schemas/FieldOfAction"
    assert '"enum"' not in json.dumps(schemas["MeasureBody"]), "a vocabulary written inline"
