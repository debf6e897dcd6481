"""Snapshots of long plans: the folded state, not every entry, so that opening one costs
what the state holds, not what the plan's history holds.

A plan restored from a snapshot has no entries in memory (`entries` is None); what would
refold them (a correction, an erasure) asks for the whole history instead
(`HistoryNeeded`, answered by the application). Snapshots of the first kind, which held
the entries, still open.
"""

from __future__ import annotations

from typing import Any

from eventsourcing.domain import Snapshot
from eventsourcing.utils import resolve_topic

from domain.state import dump_state, load_state

FORMAT = 2


class PlanSnapshot(Snapshot):
    """The plan's folded state at a version, with what else it remembers.

    It knows the plan only through the attributes it saves: domain/plan.py names it as
    the plan's snapshot class, and this module imports nothing of the plan's.
    """

    TOPIC = "iplan:IntegrationPlan.Snapshot"

    @classmethod
    def take(cls, aggregate: Any) -> PlanSnapshot:
        plan = aggregate
        state = {
            "format": FORMAT,
            "created_on": plan.created_on,
            "modified_on": plan.modified_on,
            "retracted": [[version, by] for version, by in plan.retracted.items()],
            "requests": [[*key, *value] for key, value in plan.requests.items()],
            "state": dump_state(plan.state),
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
        plan.retracted = {int(version): by for version, by in self.state["retracted"]}
        plan.requests = {(a, k): (d, v) for a, k, d, v in self.state["requests"]}
        if self.state.get("format") == FORMAT:
            plan.entries = None
            plan.state = load_state(self.state["state"], plan.empty_state())
        else:  # the first kind: every entry, refolded
            plan.entries = [resolve_topic(e["topic"])(**e["state"]) for e in self.state["entries"]]
            plan.refold()
        return plan
