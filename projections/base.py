"""What every read model shares: batches of entries, plan followers, rows replaced per plan."""

from __future__ import annotations

from abc import abstractmethod
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, ClassVar, Final, Generic, TypeVar
from uuid import UUID

from eventsourcing.persistence import Tracking, TrackingRecorder
from eventsourcing.projection import Projection

from domain.entries.lifecycle import PlanOpened
from domain.entry import PlanEvent
from domain.plan import IntegrationPlan
from projections.people import NOBODY, People, Person

# Loads a plan as it was at a version (the application's repository, injected).
PlanLoader = Callable[[UUID, int], IntegrationPlan]
# A plan's rows in one read model: table name -> rows (each a column -> value mapping).
PlanRows = dict[str, list[dict[str, Any]]]

TView = TypeVar("TView", bound="BatchView")


class Claim(Enum):
    UNCHECKED = "unchecked"


# A batch's `after`: the view's position when the batch was read (None: it had none),
# claimed first in the batch's transaction, so that of two processes applying the
# same entries to one view, the second finds them applied and skips them (raising
# BatchAlreadyApplied) instead of applying them twice. UNCHECKED: no claim (tests).
UNCHECKED: Final = Claim.UNCHECKED
After = int | None | Claim


class BatchAlreadyApplied(Exception):
    """Another worker (in this or another process) applied these entries to the view first."""


class BatchView(TrackingRecorder):
    """A view that applies a batch of changes and its tracking record in one transaction.

    `version` names the generation of the view's tables, so that a rebuild can fill a
    new generation while the current one still serves.
    """

    name: ClassVar[str]
    version: int

    def tracking_name(self, application_name: str) -> str:
        """Tracking key: one per application and view generation."""
        return f"{application_name}:{self.name}:v{self.version}"

    @abstractmethod
    def drop(self) -> None:
        """Removes this generation's tables and tracking (after a switch-over)."""

    @abstractmethod
    def dump(self) -> dict[str, list[dict[str, Any]]]:
        """Every row of every table, in a canonical order (to compare with a rebuild)."""


def canonical(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Rows in an order that depends on their values only."""
    return sorted((dict(r) for r in rows), key=lambda r: [(k, str(r[k])) for k in sorted(r)])


class PlanRowsView(BatchView):
    """A view holding, per plan, rows computed from the plan's current state."""

    @abstractmethod
    def replace_plans(
        self, rows: Mapping[UUID, PlanRows], tracking: Tracking, *, after: After = UNCHECKED
    ) -> None:
        """Replaces every row of the given plans and records tracking, atomically."""


class PlanFollower:
    """Keeps recently seen plans in memory and advances them entry by entry.

    A plan found at the version before the entry is advanced in place; otherwise (not
    cached, or the cache is ahead after a failed batch) it is loaded at the entry's
    version. Retractions and erasure refold inside the aggregate, so the followed plan
    is always exactly what the event store says it was at that version.
    """

    def __init__(self, load: PlanLoader | None, capacity: int = 10_000) -> None:
        self.load = load
        self._capacity = capacity
        self._plans: OrderedDict[UUID, IntegrationPlan] = OrderedDict()

    def clear(self) -> None:
        self._plans.clear()

    def advance_batch(self, batch: Sequence[Processed]) -> dict[UUID, IntegrationPlan]:
        """Advances the plans through the batch; returns each touched plan at its end."""
        touched: dict[UUID, IntegrationPlan] = {}
        for item in batch:
            # Only a plan's entries: the log also holds records of reads (domain/access.py).
            if isinstance(item.entry, PlanEvent):
                plan = self.advance(item.entry)
                touched[plan.id] = plan
        return touched

    def advance(self, entry: PlanEvent) -> IntegrationPlan:
        plan_id = entry.originator_id
        plan = self._plans.pop(plan_id, None)
        if isinstance(entry, PlanOpened):
            plan = entry.mutate(None)
        elif plan is not None and plan.version == entry.originator_version - 1:
            entry.mutate(plan)
        else:
            if self.load is None:
                msg = f"plan {plan_id} is not followed and no loader was given"
                raise LookupError(msg)
            plan = self.load(plan_id, entry.originator_version)
        assert plan is not None
        self._plans[plan_id] = plan
        if len(self._plans) > self._capacity:
            self._plans.popitem(last=False)
        return plan


@dataclass(frozen=True)
class Processed:
    """One entry handed to a projection, with its position in the application's log."""

    entry: Any
    tracking: Tracking


class BatchProjection(Projection[TView], Generic[TView]):
    """A projection that can take many entries at once and commit them in one transaction."""

    def __init__(self, view: TView) -> None:
        super().__init__(view)

    @abstractmethod
    def process_batch(
        self,
        batch: Sequence[Processed],
        followed: Mapping[UUID, IntegrationPlan] | None = None,
        *,
        after: After = UNCHECKED,
    ) -> None:
        """Applies every entry of the batch; the last tracking record is committed with it.

        `followed`: the plans the batch touched, already advanced through it (a rebuild of
        several projections follows the plans once for all of them). `after`: see Claim.
        """

    def process_event(self, domain_event: Any, tracking: Tracking) -> None:
        self.process_batch([Processed(domain_event, tracking)])

    def reset(self) -> None:
        """Forgets what is held in memory (after a failed batch, before retrying)."""


class PlanRowsProjection(BatchProjection[PlanRowsView]):
    """Recomputes the rows of every plan touched by a batch from the plan's state."""

    def __init__(
        self, view: PlanRowsView, load: PlanLoader | None = None, people: People | None = None
    ) -> None:
        super().__init__(view)
        self.follower = PlanFollower(load)
        self.people = people

    @abstractmethod
    def rows_of(self, plan: IntegrationPlan) -> PlanRows:
        """The plan's rows in this read model; never a personal value in plain text."""

    def person(self, plan: IntegrationPlan) -> Person:
        """Who the plan is about, sealed and indexed (NOBODY without a People port)."""
        return NOBODY if self.people is None else self.people.person(plan)

    def measure_title(self, plan: IntegrationPlan, measure_id: UUID) -> str | None:
        """The measure's title, sealed (None without a People port)."""
        return None if self.people is None else self.people.measure_title(plan, measure_id)

    def process_batch(
        self,
        batch: Sequence[Processed],
        followed: Mapping[UUID, IntegrationPlan] | None = None,
        *,
        after: After = UNCHECKED,
    ) -> None:
        if not batch:
            return
        touched = self.follower.advance_batch(batch) if followed is None else followed
        # Rows are computed once per plan and batch, from the plan's latest state.
        rows = {plan_id: self.rows_of(plan) for plan_id, plan in touched.items()}
        tracking = batch[-1].tracking
        self.view.replace_plans(rows, tracking, after=after)

    def reset(self) -> None:
        self.follower.clear()
