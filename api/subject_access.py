"""A person's subject-access export (GDPR Art. 15): everything stored about them, decrypted,
as JSON for machines and as a printable German document for the person."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from api import labels
from api.report_templates import TEMPLATES
from api.schemas.plans import HistoryView, PlanView
from application.plans import IntegrationPlans
from application.protection import IntegrityReport

FORMAT = "iplan-subject-access-1"


@dataclass(frozen=True)
class SubjectAccess:
    plan: PlanView
    history: HistoryView
    integrity: IntegrityReport
    generated_at: datetime


def subject_access(plans: IntegrationPlans, plan_id: UUID) -> SubjectAccess:
    return SubjectAccess(
        plan=PlanView.of(plans.get_plan(plan_id)),
        history=HistoryView.of(plan_id, plans.history(plan_id)),
        integrity=plans.verify_integrity(plan_id),
        generated_at=datetime.now(UTC),
    )


def as_json(export: SubjectAccess) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "generated_at": export.generated_at.isoformat(),
        "plan": export.plan.model_dump(mode="json"),
        "history": export.history.model_dump(mode="json")["entries"],
        "integrity": {"ok": export.integrity.ok, "checked": export.integrity.checked},
    }


def as_html(export: SubjectAccess) -> str:
    return TEMPLATES.get_template("subject_access.html").render(
        export=export,
        data=as_json(export),
        entries=labels.ENTRIES,
        fields=labels.FIELDS,
    )
