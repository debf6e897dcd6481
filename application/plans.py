"""IntegrationPlans: load a plan, run one command on it, save; plus the plan's queries."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar, cast
from uuid import NAMESPACE_URL, UUID, uuid5

import structlog
from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import JSONTranscoder, PersistenceError, RecordConflictError

from application.clock import today_in_germany
from application.errors import (
    ApplicationError,
    ConcurrentWrites,
    IdempotencyKeyReused,
    PlanNotFound,
    PlanTampered,
    StaleVersion,
    VersionNotFound,
)
from application.history import HistoryEntry, build_history, entry_data
from application.protected import ProtectedApplication
from application.protection import StoreAdapters
from application.transcodings import DateAsISO
from domain import events as ev
from domain.access import AccessRecord
from domain.context import EntryContext
from domain.errors import PlanErased
from domain.plan import IntegrationPlan

# Plan ids for idempotent opening are derived from the actor and the key.
IDEMPOTENT_OPEN_NAMESPACE = uuid5(NAMESPACE_URL, "urn:iplan:idempotent-open")

log = structlog.get_logger("iplan.plans")
PositionFinder = Callable[[UUID, int], int | None]
Command = Callable[[IntegrationPlan], UUID | None]


def _plan_command(name: str) -> Callable[..., Recorded]:
    """An application method that runs the aggregate's command `name` on a stored plan."""

    def run(
        self: IntegrationPlans,
        plan_id: UUID,
        ctx: EntryContext,
        expected_version: int | None = None,
        **details: Any,
    ) -> Recorded:
        return self._execute(
            plan_id,
            ctx,
            expected_version,
            lambda plan: getattr(plan, name)(ctx=ctx, **details),
        )

    run.__name__ = name
    run.__doc__ = f"Loads the plan, runs IntegrationPlan.{name}, saves; retries races."
    return run


@contextmanager
def replaying(plan_id: UUID) -> Iterator[None]:
    """Stored entries that do not replay (a gap, an unknown topic, bytes that do not
    decode) were changed in the database: never a crash, and never served."""
    try:
        yield
    except (ApplicationError, PersistenceError):
        raise  # not found, tampering already named, or the store is away
    except Exception as error:
        log.exception("plan_does_not_load", plan_id=str(plan_id))
        raise PlanTampered(
            f"plan {plan_id} does not replay from its stored entries "
            f"({type(error).__name__}); its integrity check says where"
        ) from None


@dataclass(frozen=True)
class Recorded:
    """What a write answers: the plan, its new version, the event's global position."""

    id: UUID
    version: int
    position: int | None
    child_id: UUID | None = None
    repeated: bool = False


class IntegrationPlans(ProtectedApplication):
    """The plans of a county, event-sourced. Commands retry races on fresh state."""

    name = "IntegrationPlans"
    snapshotting_intervals: ClassVar[dict[type[Any], int]] = {IntegrationPlan: 100}
    # A write without an expected version that loses a race is retried on fresh state,
    # after a random pause that grows with each loss (exponential backoff, full jitter),
    # so colliding writers spread out instead of colliding again.
    max_attempts = 12
    retry_pause_s = (0.002, 0.25)  # first ceiling, largest ceiling
    # Versions are stored as 32-bit integers in PostgreSQL, 64-bit in SQLite.
    max_version = 2**31 - 1

    def __init__(
        self,
        env: dict[str, str] | None = None,
        *,
        today: Callable[[], date] = today_in_germany,
        adapters: StoreAdapters | None = None,
    ) -> None:
        super().__init__(env, adapters=adapters)
        self.today = today
        self._find_position: PositionFinder | None = None

    def use_position_finder(self, find_position: PositionFinder) -> None:
        """Plugs in the store's look-up of an entry's global position (see infrastructure)."""
        self._find_position = find_position

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
    ) -> EntryContext:
        return EntryContext(
            actor=actor,
            role=role,
            correlation_id=correlation_id,
            today=self.today(),
            idempotency_key=idempotency_key,
            request_digest=request_digest,
        )

    # -- commands --------------------------------------------------------------------

    def open_plan(self, ctx: EntryContext, **details: Any) -> Recorded:
        plan_id = None
        if ctx.idempotency_key is not None:
            plan_id = uuid5(IDEMPOTENT_OPEN_NAMESPACE, f"{ctx.actor}\n{ctx.idempotency_key}")
            repeated = self._repeated(plan_id, ctx)
            if repeated is not None:
                return repeated
        plan = IntegrationPlan.open(ctx=ctx, plan_id=plan_id, **details)
        try:
            recordings = self.save(plan)
        except RecordConflictError:
            if plan_id is None:
                raise
            # A concurrent request with the same key won: answer as it did.
            repeated = self._repeated(plan_id, ctx)
            if repeated is None:
                raise
            return repeated
        return Recorded(plan.id, plan.version, recordings[-1].notification.id)

    give_consent = _plan_command("give_consent")
    withdraw_consent = _plan_command("withdraw_consent")
    assign_caseworker = _plan_command("assign_caseworker")
    transfer = _plan_command("transfer")
    hold_consultation = _plan_command("hold_consultation")
    set_goal = _plan_command("set_goal")
    record_goal_outcome = _plan_command("record_goal_outcome")
    agree_measure = _plan_command("agree_measure")
    complete_measure = _plan_command("complete_measure")
    cancel_measure = _plan_command("cancel_measure")
    reschedule_measure = _plan_command("reschedule_measure")
    make_referral = _plan_command("make_referral")
    record_referral_outcome = _plan_command("record_referral_outcome")
    enrol_in_course = _plan_command("enrol_in_course")
    complete_course = _plan_command("complete_course")
    discontinue_course = _plan_command("discontinue_course")
    secure_education_access = _plan_command("secure_education_access")
    place_in_job = _plan_command("place_in_job")
    end_employment = _plan_command("end_employment")
    secure_housing = _plan_command("secure_housing")
    attend_workshop = _plan_command("attend_workshop")
    extend_advice_period = _plan_command("extend_advice_period")
    retract = _plan_command("retract")
    close_plan = _plan_command("close_plan")
    reopen_plan = _plan_command("reopen_plan")

    def erase_personal_data(
        self,
        plan_id: UUID,
        ctx: EntryContext,
        expected_version: int | None = None,
        **details: Any,
    ) -> Recorded:
        """Records PersonalDataErased; `save` then destroys the plan's key, so its personal
        values become unreadable everywhere, snapshots included. Asked again for an erased
        plan, it finishes an erasure interrupted before the key was destroyed, then refuses."""
        try:
            recorded = self._execute(
                plan_id,
                ctx,
                expected_version,
                lambda plan: plan.erase_personal_data(ctx=ctx, **details),
            )
        except PlanErased:
            self._destroy_key(plan_id)
            raise
        if recorded.repeated:
            self._destroy_key(plan_id)
        return recorded

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
            entries = [e for e in self.events.get(plan_id) if isinstance(e, ev.PlanEvent)]
        if not entries:
            raise PlanNotFound(f"no plan {plan_id}")
        if any(isinstance(e, ev.PersonalDataErased) for e in entries):
            # Another process may still hold the destroyed key in its cache: never show
            # personal values of an erased plan, however they were read.
            entries = [e.without_personal() for e in entries]
        return build_history(entries)

    # -- internals ---------------------------------------------------------------------

    def _execute(
        self,
        plan_id: UUID,
        ctx: EntryContext,
        expected_version: int | None,
        command: Command,
    ) -> Recorded:
        for attempt in range(self.max_attempts):
            if attempt:
                first, largest = self.retry_pause_s
                ceiling = min(largest, first * 2**attempt)
                time.sleep(random.uniform(0, ceiling))  # noqa: S311 -- jitter only
            plan = self._load(plan_id)
            repeated = self._repeated_in(plan, ctx)
            if repeated is not None:
                return repeated
            if expected_version is not None and plan.version != expected_version:
                raise StaleVersion(expected_version, plan.version)
            child_id = command(plan)
            try:
                recordings = self.save(plan)
            except RecordConflictError:
                if expected_version is not None:
                    raise StaleVersion(expected_version, None) from None
                continue  # another writer won the race: retry on fresh state
            return Recorded(plan.id, plan.version, recordings[-1].notification.id, child_id)
        raise ConcurrentWrites(f"plan {plan_id} kept changing; try again")

    def _load(self, plan_id: UUID, version: int | None = None) -> IntegrationPlan:
        if version is not None and not 1 <= version <= self.max_version:
            raise VersionNotFound(f"the plan has no version {version}")
        with replaying(plan_id):
            try:
                plan: object = self.repository.get(plan_id, version=version)
            except AggregateNotFoundError:
                raise PlanNotFound(f"no plan {plan_id}") from None
        if not isinstance(plan, IntegrationPlan):
            # The store also holds access records (domain/access.py): not plans.
            raise PlanNotFound(f"no plan {plan_id}")
        return plan

    def _repeated(self, plan_id: UUID, ctx: EntryContext) -> Recorded | None:
        try:
            plan = self._load(plan_id)
        except PlanNotFound:
            return None
        return self._repeated_in(plan, ctx)

    def _repeated_in(self, plan: IntegrationPlan, ctx: EntryContext) -> Recorded | None:
        """The first answer to a request with the same Idempotency-Key, if there was one."""
        if ctx.idempotency_key is None:
            return None
        prior = plan.recorded_request(ctx.actor, ctx.idempotency_key)
        if prior is None:
            return None
        digest, version = prior
        if digest != ctx.request_digest:
            raise IdempotencyKeyReused(
                "this Idempotency-Key was used before with a different request"
            )
        entry = cast(
            ev.PlanEvent, next(iter(self.events.get(plan.id, gt=version - 1, lte=version)))
        )
        child_ids = [
            v for k, v in entry_data(entry).items() if k.endswith("_id") and isinstance(v, UUID)
        ]
        position = self._find_position(plan.id, version) if self._find_position else None
        child_id = child_ids[0] if child_ids and not isinstance(entry, ev.PlanOpened) else None
        return Recorded(plan.id, version, position, child_id, repeated=True)

    def _version_as_of(self, plan_id: UUID, as_of: datetime) -> int:
        version = None
        for entry in self.events.get(plan_id):
            if cast(ev.PlanEvent, entry).timestamp > as_of:
                break
            version = entry.originator_version
        if version is None:
            raise VersionNotFound(f"the plan had no entries by {as_of.isoformat()}")
        return version
