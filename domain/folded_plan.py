"""What a plan does with its entries, whatever their kind: fold them, refold after a
retraction or an erasure, remember idempotency keys, record a new entry the rules accept.

domain/plan.py builds the IntegrationPlan on it, with a command per kind of entry.
"""

from __future__ import annotations

from copy import copy
from datetime import date
from typing import Any, Generic, Self, TypeVar, cast

from eventsourcing.domain import Aggregate

from domain import rules
from domain.context import EntryContext
from domain.entries.lifecycle import EntryRetracted, PersonalDataErased
from domain.entry import E, Envelope, PlanEvent, envelope
from domain.errors import HistoryNeeded
from domain.state import PlanState, fold, fold_entry

S = TypeVar("S", bound=PlanState)


class FoldedPlan(Aggregate, Generic[S]):
    """An aggregate whose state (an S) is the fold of its effective (not retracted) entries."""

    def __init__(self) -> None:
        self.state: S = self.empty_state()
        # The effective entries; None when restored from a snapshot of the state alone
        # (domain/snapshot.py): then only what refolds needs them (HistoryNeeded).
        self.entries: list[PlanEvent] | None = []
        self.retracted: dict[int, int] = {}  # retracted entry's version -> retraction's
        # (actor, idempotency key) -> (request digest, version of the entry it recorded)
        self.requests: dict[tuple[str, str], tuple[str | None, int]] = {}

    def empty_state(self) -> S:
        raise NotImplementedError

    @classmethod
    def begin(cls, opening: PlanEvent, ctx: EntryContext) -> Self:
        """A new plan from its opening entry, checked before it is folded (so no value the
        rules would refuse can break the fold)."""
        rules.check(opening, PlanState(), ctx)
        plan = cast(Self, opening.mutate(None))
        plan.pending_events.append(opening)
        return plan

    def recorded_request(self, actor: str, key: str) -> tuple[str | None, int] | None:
        """The digest and version of the entry an earlier request with this key recorded."""
        return self.requests.get((actor, key))

    # -- folding (runs on every replay: no rules, no clock) --------------------------

    def take_entry(self, entry: PlanEvent) -> None:
        refolds = isinstance(entry, EntryRetracted | PersonalDataErased)
        if self.entries is None and refolds:
            raise HistoryNeeded(f"entry {entry.originator_version} refolds the plan's history")
        if entry.idempotency_key is not None:
            key = (entry.actor, entry.idempotency_key)
            self.requests[key] = (entry.request_digest, entry.originator_version)
        if self.entries is not None:
            self.entries.append(entry)
        if isinstance(entry, EntryRetracted):
            self.retracted[entry.version] = entry.originator_version
            self.entries = [e for e in self.history() if e.originator_version != entry.version]
            self.refold()
        elif isinstance(entry, PersonalDataErased):
            self.entries = [e.without_personal() for e in self.history()]
            self.refold()
        else:
            fold_entry(entry, self.state)

    def copied(self) -> Self:
        """A copy that takes entries without changing this plan (a plan opened once from a
        snapshot serves many reads: application/opened_snapshots.py)."""
        plan = copy(self)
        plan.state = self.state.copied()
        plan.entries = None if self.entries is None else list(self.entries)
        plan.retracted = dict(self.retracted)
        plan.requests = dict(self.requests)
        plan._pending_events = list(self._pending_events)
        return plan

    def history(self) -> list[PlanEvent]:
        """The effective entries; raises HistoryNeeded when restored without them."""
        if self.entries is None:
            raise HistoryNeeded("the plan was restored from a snapshot of its state")
        return self.entries

    def refold(self) -> None:
        self.state = fold(self.history(), self.empty_state())

    # -- recording (only commands: the rules and the clock apply) ----------------------

    def envelope(self, ctx: EntryContext, effective_on: date, **personal: Any) -> Envelope:
        """What the plan's next entry carries besides its own fields; `personal` holds its
        personal values (kept apart, so they can be encrypted and erased)."""
        return envelope(self.id, self.version + 1, ctx, effective_on, personal)

    def record(self, entry: E, ctx: EntryContext) -> E:
        """Records the entry if the rules accept it, and answers it."""
        rules.check(entry, self.state, ctx)
        self.append(entry)
        return entry

    def append(self, entry: PlanEvent) -> None:
        entry.mutate(self)
        self.pending_events.append(entry)
