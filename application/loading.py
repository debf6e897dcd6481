"""Plans loaded from the store: from their latest snapshot and the entries since, or from
their whole history; the base of IntegrationPlans (application/plans.py)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from typing import Any, cast
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError

from application.errors import PlanNotFound, VersionNotFound, replaying
from application.opened_snapshots import OpenedSnapshots
from application.protected import ProtectedApplication
from domain.entry import PlanEvent
from domain.errors import HistoryNeeded
from domain.plan import IntegrationPlan


def replay(plan: Any, entries: Iterable[Any]) -> Any:
    """Folds stored entries into a plan (the library's projector, without its run-time
    protocol check on every entry, which costs more than the fold in Python 3.11)."""
    for entry in entries:
        plan = entry.mutate(plan)
    return plan


def _a_plan(plan: object, plan_id: UUID) -> IntegrationPlan:
    if not isinstance(plan, IntegrationPlan):
        # None, or an access record (domain/access.py): the store holds those too.
        raise PlanNotFound(f"no plan {plan_id}")
    return plan


class PlanLoading(ProtectedApplication):
    """Loading plans; IntegrationPlans adds the commands and queries."""

    # Versions are stored as 32-bit integers in PostgreSQL, 64-bit in SQLite.
    max_version = 2**31 - 1

    @cached_property
    def opened_snapshots(self) -> OpenedSnapshots:
        assert self.snapshots is not None
        mapper = self.snapshots.mapper
        return OpenedSnapshots(
            lambda stored: cast(Any, mapper.to_domain_event(stored)).mutate(None)
        )

    def _load(self, plan_id: UUID, version: int | None = None) -> IntegrationPlan:
        """The plan, from its latest snapshot (up to `version`) and the entries since; from
        its whole history where the snapshot cannot serve (HistoryNeeded)."""
        if version is not None and not 1 <= version <= self.max_version:
            raise VersionNotFound(f"the plan has no version {version}")
        with replaying(plan_id):
            try:
                plan = self._restored(plan_id, version)
            except AggregateNotFoundError:
                raise PlanNotFound(f"no plan {plan_id}") from None
            except HistoryNeeded:
                return self.with_history(plan_id, version)
        return _a_plan(plan, plan_id)

    def _restored(self, plan_id: UUID, version: int | None) -> object:
        """The plan from its latest snapshot up to `version`, opened once for many reads
        (application/opened_snapshots.py), and the entries since."""
        if self.snapshots is None:
            return self.repository.get(plan_id, version=version, projector_func=replay)
        latest = self.snapshots.recorder.select_events(plan_id, desc=True, limit=1, lte=version)
        if not latest:
            return replay(None, self.events.get(plan_id, lte=version))
        if not self._readable(plan_id):
            self.opened_snapshots.forget(plan_id)
            raise HistoryNeeded(
                f"the snapshots of plan {plan_id} were sealed with a key erased since"
            )
        plan = self.opened_snapshots.plan(latest[0])
        return replay(plan, self.events.get(plan_id, gt=latest[0].originator_version, lte=version))

    def _destroy_key(self, plan_id: UUID) -> None:
        super()._destroy_key(plan_id)
        if self.snapshots is not None:
            self.opened_snapshots.forget(plan_id)

    def with_history(self, plan_id: UUID, version: int | None = None) -> IntegrationPlan:
        """The plan folded from its entries, which it keeps (a correction refolds them)."""
        with replaying(plan_id):
            plan = replay(None, self.events.get(plan_id, lte=version))
        return _a_plan(plan, plan_id)

    def _newer_entries(self, plan_id: UUID, version: int) -> list[PlanEvent]:
        return [cast(PlanEvent, e) for e in self.events.get(plan_id, gt=version)]
