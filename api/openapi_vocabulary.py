"""The glossary's vocabularies as named schemas of the OpenAPI document.

Pydantic writes a Literal field's values inline, so a generator makes one enum per field
(`ConsultationBodyTopicsItem`, `GoalBodyField`, `MeasureBodyField`, …). Each list of
values that is one of the glossary's vocabularies becomes a reference to one schema
named after it (`FieldOfAction`), and a client gets one type per vocabulary.
"""

from __future__ import annotations

from typing import Any, get_args

from api.schemas.plans import COUNTRIES
from domain import vocabulary

VOCABULARIES: dict[str, tuple[str, ...]] = {
    name: get_args(getattr(vocabulary, name))
    for name in (
        "FieldOfAction",
        "Responsible",
        "PartnerKind",
        "ConsentPurpose",
        "ConsultationSetting",
        "GoalOutcome",
        "CourseKind",
        "CefrLevel",
        "EducationKind",
        "JobKind",
        "WzSection",
        "HousingKind",
        "WorkshopKind",
        "ClosureReason",
        "Gender",
        "ResidenceStatus",
    )
}
VOCABULARIES["Country"] = COUNTRIES
DESCRIPTIONS = {
    "Country": "ISO 3166-1 alpha-2 country code",
    "WzSection": "WZ 2008 (NACE Rev. 2) section letter",
    "CefrLevel": "Common European Framework of Reference level",
}
KEPT_BESIDE_REFERENCE = ("description", "examples", "default")


def _named(values: object) -> str | None:
    if not isinstance(values, list):
        return None
    return next((name for name, known in VOCABULARIES.items() if list(known) == values), None)


def _replace(node: Any, used: set[str]) -> Any:
    if isinstance(node, list):
        return [_replace(item, used) for item in node]
    if not isinstance(node, dict):
        return node
    name = _named(node.get("enum"))
    if name is not None:
        used.add(name)
        kept = {k: node[k] for k in KEPT_BESIDE_REFERENCE if k in node}
        return {"$ref": f"#/components/schemas/{name}", **kept}
    return {key: _replace(value, used) for key, value in node.items()}


def name_vocabularies(document: dict[str, Any]) -> dict[str, Any]:
    """`document` with every vocabulary written once, under components/schemas."""
    used: set[str] = set()
    document["paths"] = _replace(document.get("paths", {}), used)
    components = document.setdefault("components", {})
    schemas = _replace(components.get("schemas", {}), used)
    for name in sorted(used):
        schema: dict[str, Any] = {"type": "string", "enum": list(VOCABULARIES[name])}
        if name in DESCRIPTIONS:
            schema["description"] = DESCRIPTIONS[name]
        schemas[name] = schema
    components["schemas"] = dict(sorted(schemas.items()))
    return document
