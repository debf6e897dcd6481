"""Runs a synthetic life's steps, one command each, as a caseworker's requests would: each
in its own synthetic context, recorded at the step's time; a step the rules refuse is
skipped, and so is every later step that names what it would have made."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from application.clock import BERLIN
from domain.context import SYNTHETIC, EntryContext, EntryPolicy
from domain.errors import DomainError
from domain.plan import IntegrationPlan
from domain.snapshot import PlanSnapshot
from infrastructure.demo.steps import Life, Ref, Step

Outcome = tuple[UUID | None, int]  # the item a step made (if any), the version it recorded
# Records one step on its plan: the opening (command None) or a command with its details.
Recorder = Callable[[Step, EntryContext, dict[str, Any]], Outcome]
# Reports a phase's progress: its name, how much is done, how much there is in all.
Progress = Callable[[str, int, int], None]


class LifeRun:
    def __init__(self, life: Life, policy: EntryPolicy) -> None:
        self.life = life
        self.policy = policy
        self.outcomes: dict[int, Outcome] = {}

    def run(self, step: Step, record: Recorder) -> bool:
        """Runs one step; answers whether it was recorded."""
        details = self.details(step)
        if details is None:
            return False
        try:
            self.outcomes[step.index] = record(step, self.context(step), details)
        except DomainError:
            return False
        return True

    def context(self, step: Step) -> EntryContext:
        return EntryContext(
            actor=step.actor,
            role=step.role,
            correlation_id=f"{SYNTHETIC}{self.life.plan_id.hex[:12]}-{step.index:03d}",
            today=step.recorded_at.astimezone(BERLIN).date(),
            policy=self.policy,
            recorded_at=step.recorded_at,
        )

    def details(self, step: Step) -> dict[str, Any] | None:
        """The step's details with what earlier steps made; None if one of them was refused."""
        details = dict(step.details)
        for name, value in step.details.items():
            if isinstance(value, Ref):
                outcome = self.outcomes.get(value.step)
                if outcome is None:
                    return None
                details[name] = outcome[1] if value.version else outcome[0]
        return details


def rehearse(
    life: Life, policy: EntryPolicy, file_number: str | None, snapshot_every: int = 0
) -> tuple[IntegrationPlan, list[PlanSnapshot]]:
    """The life's plan built in memory, command by command, as IntegrationPlans.record
    would build it (same commands, contexts and refusals; the file number the register
    gave it): its pending events are what recording the steps one by one stores, and the
    snapshots what saving them takes."""
    run = LifeRun(life, policy)
    plan: IntegrationPlan | None = None
    snapshots: list[PlanSnapshot] = []

    def record(step: Step, ctx: EntryContext, details: dict[str, Any]) -> Outcome:
        nonlocal plan
        if step.command is None:
            plan = IntegrationPlan.open(
                ctx, plan_id=life.plan_id, file_number=file_number, **details
            )
            return None, plan.version
        assert plan is not None
        made = step.command(plan, ctx, **details)
        if snapshot_every and plan.version % snapshot_every == 0:
            snapshots.append(IntegrationPlan.Snapshot.take(plan))
        return (made if isinstance(made, UUID) else None), plan.version

    for step in life.steps:
        run.run(step, record)
    assert plan is not None, "a life begins with its plan's opening"
    return plan, snapshots
