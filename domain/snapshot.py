"""Snapshots of long plans: the effective entries, so that a later retraction can refold."""

from __future__ import annotations

from typing import Any

from eventsourcing.domain import Snapshot
from eventsourcing.utils import resolve_topic


class PlanSnapshot(Snapshot):
    """Snapshot holding the effective entries, so a retraction after it can still refold.

    It knows the plan only through the attributes it saves: domain/plan.py names it as
    the plan's snapshot class, and this module imports nothing of the plan's.
    """

    TOPIC = "iplan:IntegrationPlan.Snapshot"

    @classmethod
    def take(cls, aggregate: Any) -> PlanSnapshot:
        plan = aggregate
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
        plan_class = resolve_topic(self.topic)
        plan = object.__new__(plan_class)
        plan.__base_init__(self.originator_id, self.originator_version, self.state["created_on"])
        plan.modified_on = self.state["modified_on"]
        plan.entries = [resolve_topic(e["topic"])(**e["state"]) for e in self.state["entries"]]
        plan.retracted = {int(version): by for version, by in self.state["retracted"]}
        plan.requests = {(a, k): (d, v) for a, k, d, v in self.state["requests"]}
        plan.refold()
        return plan
