"""Snapshots of long plans: the effective entries, so that a later retraction can refold."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from eventsourcing.domain import Snapshot
from eventsourcing.utils import resolve_topic

from domain.fold import fold

if TYPE_CHECKING:
    from domain.plan import IntegrationPlan


class PlanSnapshot(Snapshot):
    """Snapshot holding the effective entries, so a retraction after it can still refold."""

    TOPIC = "iplan:IntegrationPlan.Snapshot"

    @classmethod
    def take(cls, aggregate: Any) -> PlanSnapshot:
        plan: IntegrationPlan = aggregate
        state = {
            "created_on": plan.created_on,
            "modified_on": plan.modified_on,
            "retracted": [[version, by] for version, by in plan.retracted.items()],
            "requests": [[*key, *value] for key, value in plan.requests.items()],
            "entries": [{"topic": e.TOPIC, "state": dict(vars(e))} for e in plan.entries],
        }
        return cls(
            originator_id=plan.id,
            originator_version=plan.version,
            timestamp=cls.create_timestamp(),
            topic=type(plan).TOPIC,
            state=state,
        )

    def mutate(self, _: Any) -> Any:
        plan_class: type[IntegrationPlan] = resolve_topic(self.topic)
        plan = object.__new__(plan_class)
        created_on: datetime = self.state["created_on"]
        plan.__base_init__(self.originator_id, self.originator_version, created_on)
        plan.modified_on = self.state["modified_on"]
        plan.entries = [resolve_topic(e["topic"])(**e["state"]) for e in self.state["entries"]]
        plan.retracted = {int(version): by for version, by in self.state["retracted"]}
        plan.requests = {(a, k): (d, v) for a, k, d, v in self.state["requests"]}
        plan.state = fold(plan.entries)
        return plan
