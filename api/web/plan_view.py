"""The plan page's values: the state grouped by field of action, follow-ups beside their
items, and the timeline with what retracted what. No rule is decided here: the links
offered are only what the plan's status makes worth offering; the domain still decides."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, get_args

from api.schemas.plans import GoalView, HistoryView, MeasureView, PlanView
from api.web.entry_forms import FORMS, PLAN_FORMS, EntryForm
from domain.vocabulary import FieldOfAction

FIELD_ORDER: tuple[str, ...] = get_args(FieldOfAction)
# Follow-ups offered beside an item while it is in this status.
FOLLOW_UPS: dict[str, dict[str, tuple[str, ...]]] = {
    "goals": {"open": ("goal-outcome",)},
    "measures": {"agreed": ("measure-completion", "measure-cancellation", "measure-reschedule")},
    "courses": {"enrolled": ("course-completion", "course-discontinuation")},
    "jobs": {"active": ("job-end",)},
}


@dataclass(frozen=True)
class FieldOfActionState:
    field: str
    goals: list[GoalView]
    measures: list[MeasureView]


def follow_ups(kind: str, status: str | None) -> list[EntryForm]:
    return [FORMS[s] for s in FOLLOW_UPS.get(kind, {}).get(status or "", ())]


def by_field(state: PlanView) -> list[FieldOfActionState]:
    """Goals and measures per field of action, fields with nothing left out."""
    grouped = [
        FieldOfActionState(
            field,
            [g for g in state.goals if g.field == field],
            [m for m in state.measures if m.field == field],
        )
        for field in FIELD_ORDER
    ]
    return [g for g in grouped if g.goals or g.measures]


def plan_page_values(
    state: PlanView, history: HistoryView, role: str, then: bool
) -> dict[str, Any]:
    """Everything plan.html and print.html show; `then`: a past state, read-only."""
    writable = role == "caseworker" and not then and state.status != "erased"
    entries = [e for e in history.entries if e.version <= state.version]
    retractable = {
        e.version
        for e in entries
        if writable and e.version > 1 and e.retracted_by is None and e.type != "EntryRetracted"
    }
    if not writable:
        forms: list[EntryForm] = []
    elif state.status == "closed":
        forms = [FORMS["reopening"]]
    else:
        forms = [FORMS[s] for s in PLAN_FORMS if s != "reopening"]
    return {
        "plan": state,
        "fields": by_field(state),
        "entries": entries,
        "latest_version": history.version,
        "writable": writable,
        "forms": forms,
        "retractable": retractable,
        "follow_ups": follow_ups,
        "can_erase": role == "admin" and state.status != "erased" and not then,
        "is_auditor": role in ("auditor", "admin"),
    }
