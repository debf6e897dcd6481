"""IntegrationPlans: load a plan, run one command on it, save; plus the plan's queries."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any, ClassVar, Concatenate, ParamSpec, cast
from uuid import UUID, uuid4

from eventsourcing.persistence import JSONTranscoder, RecordConflictError

from application.answers import PositionFinder, Recorded, idempotent_plan_id, repeated_answer
from application.clock import today_in_germany
from application.current_plans import CurrentPlans
from application.errors import (
    ApplicationError,
    ConcurrentWrites,
    PlanNotFound,
    StaleVersion,
    VersionNotFound,
    replaying,
)
from application.file_numbers import FileNumbers, MemoryFileNumbers
from application.history import HistoryEntry, build_history, version_as_of
from application.loading import PlanLoading
from application.protection import StoreAdapters
from application.transcodings import DateAsISO
from domain.access import AccessRecord
from domain.context import EntryContext, EntryPolicy
from domain.entries.lifecycle import PersonalDataErased
from domain.entry import PlanEvent
from domain.errors import DomainError, HistoryNeeded
from domain.plan import IntegrationPlan

P = ParamSpec("P")
# A command of the aggregate, passed by reference (e.g. IntegrationPlan.hold_consultation):
# mypy checks the keyword arguments given with it against the command's own signature.
PlanCommand = Callable[Concatenate[IntegrationPlan, EntryContext, P], object]


class IntegrationPlans(PlanLoading):
    """The plans of a county, event-sourced: `record` runs one of the plan's commands."""

    name = "IntegrationPlans"
    is_snapshotting_enabled = True
    # Every 50 entries, chosen by measurement (benchmarks.replay_plan and .append, SQLite, a
    # 1,000-entry plan): every 25 / 50 / 100, a state at a version took 1.2 / 1.5 / 2.5x a
    # plain read of its rows (each read opening its snapshot: 2.6 / 3.0 / 4.1x), as the
    # entries after the snapshot are replayed; but every 25 cost commands 5-15 % (each
    # snapshot writes the whole state: 4 writers, 1,330-1,530 against 1,430-1,660 a second).
    snapshot_every: ClassVar[dict[type[Any], int]] = {IntegrationPlan: 50}
    # A write without an expected version that loses a race is retried on fresh state,
    # after a random pause that grows with each loss (exponential backoff, full jitter),
    # so colliding writers spread out instead of colliding again.
    max_attempts = 12
    retry_pause_s = (0.002, 0.25)  # first ceiling, largest ceiling

    def __init__(
        self,
        env: dict[str, str] | None = None,
        *,
        today: Callable[[], date] = today_in_germany,
        adapters: StoreAdapters | None = None,
        policy: EntryPolicy | None = None,
    ) -> None:
        super().__init__(env, adapters=adapters)
        self.today = today
        self.policy = policy or EntryPolicy()
        self._find_position: PositionFinder | None = None
        self.file_numbers: FileNumbers = MemoryFileNumbers()
        self.current = CurrentPlans(self._load, self.with_history, self._newer_entries)

    def use_position_finder(self, find_position: PositionFinder) -> None:
        """Plugs in the store's look-up of an entry's global position (see infrastructure)."""
        self._find_position = find_position

    def use_file_numbers(self, register: FileNumbers) -> None:
        """Plugs in the store's register of file numbers (see infrastructure)."""
        self.file_numbers = register

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        transcoder.register(DateAsISO())

    def context(
        self,
        *,
        actor: str,
        role: str,
        correlation_id: str,
        idempotency_key: str | None = None,
        request_digest: str | None = None,
        expected_version: int | None = None,
        scope: frozenset[str] | None = None,
    ) -> EntryContext:
        """The context of one request: today's date and the county's policy come from here."""
        return EntryContext(
            actor=actor,
            role=role,
            correlation_id=correlation_id,
            today=self.today(),
            idempotency_key=idempotency_key,
            request_digest=request_digest,
            expected_version=expected_version,
            scope=scope,
            policy=self.policy,
        )

    # -- commands --------------------------------------------------------------------

    def open_plan(
        self,
        ctx: EntryContext,
        *,
        municipality: str,
        caseworker: str,
        opened_on: date,
        profile: dict[str, Any],
        personal: dict[str, Any],
        plan_id: UUID | None = None,
    ) -> Recorded:
        """Opens a plan under `plan_id` if given (a synthetic county's own ids), else under
        one derived from the Idempotency-Key, else under a new one."""
        if ctx.idempotency_key is not None:
            if plan_id is not None:
                raise ValueError("give a plan id or an idempotency key, not both")
            plan_id = idempotent_plan_id(ctx)
            repeated = self._repeated(plan_id, ctx)
            if repeated is not None:
                return repeated
        plan_id = plan_id or uuid4()

        def opening(file_number: str | None) -> IntegrationPlan:
            return IntegrationPlan.open(
                ctx,
                municipality=municipality,
                caseworker=caseworker,
                opened_on=opened_on,
                profile=profile,
                personal=personal,
                plan_id=plan_id,
                file_number=file_number,
            )

        opening(None)  # the rules first: a refused opening takes no number from the register
        plan = opening(self.file_numbers.reserve(plan_id, opened_on.year))
        try:
            recordings = self.save(plan)
        except RecordConflictError:
            if ctx.idempotency_key is None:
                raise
            # A concurrent request with the same key won: answer as it did.
            repeated = self._repeated(plan.id, ctx)
            if repeated is None:
                raise
            return repeated
        self.current.keep(plan)
        return Recorded(plan.id, plan.version, recordings[-1].notification.id)

    def record(
        self,
        plan_id: UUID,
        command: PlanCommand[P],
        ctx: EntryContext,
        /,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> Recorded:
        """Loads the plan (once per attempt), runs `command` on it with `ctx` and the given
        details, saves; a write without an expected version that loses a race is retried
        on fresh state. A plan outside `ctx.scope` is not found, and nothing is written."""
        fresh = raced = history = False
        with self.current.locked(plan_id):
            for attempt in range(self.max_attempts):
                if raced:
                    first, largest = self.retry_pause_s
                    ceiling = min(largest, first * 2**attempt)
                    time.sleep(random.uniform(0, ceiling))  # noqa: S311 -- jitter only
                with replaying(plan_id):
                    plan, current = self.current.take(plan_id, fresh=fresh, history=history)
                try:
                    refused = self._refusal(plan, ctx)
                    if refused is not None:
                        return refused
                    command(plan, ctx, *args, **kwargs)
                except HistoryNeeded:
                    history = True  # a correction on a plan restored without its entries
                    continue
                except (ApplicationError, DomainError):
                    self.current.keep(plan)  # refused before it changed anything
                    if current:
                        raise
                    fresh = True  # the plan in memory may be behind: look again
                    continue
                try:
                    recordings = self.save(plan)
                except RecordConflictError:
                    if ctx.expected_version is not None and current:
                        raise StaleVersion(ctx.expected_version, None) from None
                    fresh = raced = True  # another writer was first: again, on fresh state
                    continue
                self.current.keep(plan)
                last = recordings[-1]
                return Recorded.of(cast(PlanEvent, last.domain_event), last.notification.id)
        raise ConcurrentWrites(
            f"the plan {plan_id} kept changing while this was recorded; try again"
        )

    def _refusal(self, plan: IntegrationPlan, ctx: EntryContext) -> Recorded | None:
        """Before a command: out of scope, a repeated request's first answer, a stale
        expected version."""
        if not ctx.covers(plan.state.municipality):
            raise PlanNotFound(f"no plan {plan.id}")
        if plan.state.is_erased:
            # Finishes an erasure interrupted before its key was destroyed (idempotent).
            self._destroy_key(plan.id)
        repeated = self._repeated_in(plan, ctx)
        if repeated is not None:
            return repeated
        expected = ctx.expected_version
        if expected is not None and plan.version != expected:
            raise StaleVersion(expected, plan.version)
        return None

    def record_personal_data_read(
        self, plan_id: UUID, ctx: EntryContext, *, endpoint: str, version: int
    ) -> Recorded:
        """Records that `ctx.actor` was shown the plan's personal data at `version`.

        Call it before answering, and answer only if it returned: a read of personal
        data that could not be logged is not served (DESIGN 6). It never races the
        plan's writers: each read is an aggregate of its own (domain/access.py).
        """
        record = AccessRecord.record(
            plan_id=plan_id, plan_version=version, endpoint=endpoint, ctx=ctx
        )
        recordings = self.save(record)
        return Recorded(record.id, record.version, recordings[-1].notification.id)

    # -- queries -----------------------------------------------------------------------

    def get_plan(
        self,
        plan_id: UUID,
        *,
        version: int | None = None,
        as_of: datetime | None = None,
    ) -> IntegrationPlan:
        """The plan now, at a version, or as it was recorded at a point in time."""
        if version is not None and as_of is not None:
            raise ValueError("give a version or a point in time, not both")
        if as_of is not None:
            version = self._version_as_of(plan_id, as_of)
        # Erased since by another process? Then not even the plan as it was shows them.
        self._refresh_key(plan_id)
        plan = self._load(plan_id, version)
        if version is not None and plan.version != version:
            raise VersionNotFound(f"the plan has no version {version}")
        return plan

    def history(self, plan_id: UUID) -> list[HistoryEntry]:
        self._refresh_key(plan_id)
        with replaying(plan_id):
            entries = [e for e in self.events.get(plan_id) if isinstance(e, PlanEvent)]
        if not entries:
            raise PlanNotFound(f"no plan {plan_id}")
        if any(isinstance(e, PersonalDataErased) for e in entries):
            # Another process may still hold the destroyed key in its cache: never show
            # personal values of an erased plan, however they were read.
            entries = [e.without_personal() for e in entries]
        return build_history(entries)

    # -- internals ---------------------------------------------------------------------

    def _repeated(self, plan_id: UUID, ctx: EntryContext) -> Recorded | None:
        try:
            plan = self._load(plan_id)
        except PlanNotFound:
            return None
        return self._repeated_in(plan, ctx)

    def _repeated_in(self, plan: IntegrationPlan, ctx: EntryContext) -> Recorded | None:
        return repeated_answer(plan, ctx, self._entries_between, self._find_position)

    def _entries_between(self, plan_id: UUID, after: int, upto: int) -> Iterable[Any]:
        return self.events.get(plan_id, gt=after, lte=upto)

    def _version_as_of(self, plan_id: UUID, as_of: datetime) -> int:
        return version_as_of(cast(Iterable[PlanEvent], self.events.get(plan_id)), as_of)
