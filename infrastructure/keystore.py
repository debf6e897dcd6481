"""The plans' data keys: made with a plan's first entry, wrapped by the store's current master
key, unwrapped on use and cached, destroyed on erasure, re-wrapped on rotation.

Erasure takes effect everywhere at once without relying on this cache: a plan's state and
history are folded from its entries, and a `PersonalDataErased` entry blanks every personal
value whatever key a process holds; here a key destroyed in this process is never cached
again (a read racing the erasure cannot put it back). A missing key row is an erasure only
if the erasure was recorded (`key_erasures`); otherwise it is tampering (`KeyRowMissing`).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from uuid import UUID

from application.errors import PlanTampered
from application.protection import KeyRotation, KeyStatus, PendingErasure
from infrastructure.crypto import KeyMaterialError, MasterKeys, MasterKeyUnavailable, new_key
from infrastructure.key_tables import CURRENT, PREVIOUS, RETIRED, KeyTable, Stored

# The store's own integrity key lives in the same table under an id no plan ever has.
INTEGRITY_KEY_ID = UUID(int=0)
# And the blind search index's HMAC key (infrastructure/sealed_people.py) under this one.
SEARCH_KEY_ID = UUID(int=1)


class KeyRowMissing(PlanTampered):
    """A plan's key row is gone, but no erasure destroyed it: the database was tampered with."""


class KeyRowForged(PlanTampered):
    """A plan's key row names a master key the store never had, or does not unwrap for it."""


class KeyRing:
    """Data keys by plan, unwrapped on first use and kept in a small cache."""

    def __init__(self, table: KeyTable, masters: MasterKeys, cache_size: int = 4096) -> None:
        self.table = table
        self.masters = masters
        self.cache_size = cache_size
        self._cache: OrderedDict[UUID, bytes] = OrderedDict()
        self._destroyed: set[UUID] = set()
        self._current: str | None = None
        self._known_masters: set[str] = set()
        self._lock = threading.Lock()

    def data_key(self, plan_id: UUID, *, create: bool = False) -> bytes | None:
        """The plan's data key; None once erased. `create` makes one if there is none."""
        cached = self._cache.get(plan_id)  # without the lock: every entry read passes here
        if cached is not None:
            return cached
        if plan_id in self._destroyed:
            return None
        if create and self._store_new(plan_id) is not None:
            return self._cache[plan_id]
        row = self.table.select(plan_id)
        if row is None:
            if create:
                raise KeyMaterialError(f"the data key of {plan_id} could not be stored")
            if self.table.erasure(plan_id) is None:
                raise KeyRowMissing(
                    f"the key of plan {plan_id} is missing, but the plan was never erased"
                )
            return None
        key = self._unwrap(plan_id, row)
        self._remember(plan_id, key)
        return key

    def _unwrap(self, plan_id: UUID, row: tuple[str, bytes]) -> bytes:
        if row[0] not in self._known_masters:
            self._known_masters = set(self.table.masters())
        if row[0] not in self._known_masters:
            raise KeyRowForged(f"the key of plan {plan_id} names a master key the store never had")
        try:
            return self.masters.unwrap(plan_id, *row)
        except MasterKeyUnavailable:
            raise
        except KeyMaterialError:
            raise KeyRowForged(f"the key of plan {plan_id} is not its own") from None

    def problem(self, plan_id: UUID, erased_in_history: bool) -> str | None:
        """What is wrong with a plan's key, as an integrity finding; None if nothing."""
        row = self.table.select(plan_id)
        erasure = self.table.erasure(plan_id)
        if row is None and erasure is None:
            return "the plan's key is missing, but the plan was never erased"
        if row is None and not erased_in_history:
            return "the plan's key was destroyed without an erasure in its history"
        if row is not None:
            try:
                self._unwrap(plan_id, row)
            except MasterKeyUnavailable:
                return None  # rotated elsewhere: not this plan's problem
            except PlanTampered as error:
                return error.message
        return None

    def _store_new(self, plan_id: UUID) -> bytes | None:
        """A new plan's key, stored wrapped by the store's current master key; None when a
        concurrent writer stored one first (read it back instead)."""
        for _ in range(2):
            current = self.current_master_id()
            key = new_key()
            outcome = self.table.insert_if_current(
                plan_id, self.masters.wrap(plan_id, key, current)
            )
            if outcome is Stored.STORED:
                self._remember(plan_id, key)
                return key
            if outcome is Stored.PRESENT:
                return None
            self._current = None  # rotated meanwhile: ask the registry again
        raise MasterKeyUnavailable("the master key changed twice while storing a plan's key")

    def store_new_keys(self, plan_ids: list[UUID]) -> None:
        """New plans' keys stored in one transaction (a bulk load), each as `data_key(...,
        create=True)` stores one; a plan that had a key keeps it (read on first use)."""
        current = self.current_master_id()
        keys = {plan_id: new_key() for plan_id in plan_ids}
        rows = [
            (plan_id, self.masters.wrap(plan_id, key, current)) for plan_id, key in keys.items()
        ]
        for plan_id in self.table.insert_new(rows):
            self._remember(plan_id, keys[plan_id])

    def current_master_id(self) -> str:
        """The master key that wraps new keys, as the store's registry names it."""
        if self._current is None:
            masters = self.table.masters()
            if not masters:
                self.table.adopt(self.masters.current_id)
                masters = self.table.masters()
            self._current = next(k for k, state in masters.items() if state == CURRENT)
        return self._current

    def readable(self, plan_id: UUID) -> bool:
        return self.data_key(plan_id) is not None

    def refresh(self, plan_id: UUID) -> None:
        if plan_id in self._cache and self.table.select(plan_id) is None:
            with self._lock:
                self._destroyed.add(plan_id)
                self._cache.pop(plan_id, None)

    def destroy(self, plan_id: UUID) -> None:
        with self._lock:
            self._destroyed.add(plan_id)
            self._cache.pop(plan_id, None)
        self.table.destroy(plan_id)

    def rotate(self) -> KeyRotation:
        """Makes the configured current master key the store's, re-wraps every data key
        under it and retires the keys that wrap none any more (`iplan keys rotate`)."""
        target = self.masters.current_id
        if self.current_master_id() != target:
            self.table.switch(target)
            self._current = None
        count = 0
        while rewrapped := self._rewrap_pass(target):
            count += rewrapped
        retired = [
            key_id
            for key_id, state in self.table.masters().items()
            if state == PREVIOUS and self.table.retire(key_id)
        ]
        return KeyRotation(count, target, retired)

    def status(self) -> KeyStatus:
        masters = self.table.masters()
        pending = [
            PendingErasure(e.plan_id, e.erased_at, e.wrapping_key_id)
            for e in self.table.erasures()
            if masters.get(e.wrapping_key_id) != RETIRED
        ]
        return KeyStatus(masters, pending)

    def _rewrap_pass(self, target: str) -> int:
        count = 0
        for plan_id, row in self.table.select_all():
            if row[0] == target:
                continue
            data_key = self._unwrap(plan_id, row)
            self.table.replace(plan_id, row, self.masters.wrap(plan_id, data_key, target))
            count += 1
        return count

    def _remember(self, plan_id: UUID, key: bytes) -> None:
        with self._lock:
            if plan_id in self._destroyed:
                return  # destroyed while it was being read: never cached again
            self._cache[plan_id] = key
            self._cache.move_to_end(plan_id)
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
