"""The key tables of the memory store (infrastructure/key_tables.py has the protocol and
the SQL tables): the same registry rules, kept in dictionaries under one lock."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from uuid import UUID

from infrastructure.crypto import WrappedKey
from infrastructure.key_tables import CURRENT, PREVIOUS, RETIRED, Erasure, Stored


class MemoryKeyTable:
    def __init__(self) -> None:
        self._rows: dict[UUID, WrappedKey] = {}
        self._masters: dict[str, str] = {}
        self._erasures: dict[UUID, Erasure] = {}
        self._lock = threading.Lock()

    def select(self, plan_id: UUID) -> WrappedKey | None:
        return self._rows.get(plan_id)

    def insert_if_current(self, plan_id: UUID, wrapped: WrappedKey) -> Stored:
        with self._lock:
            if plan_id in self._rows:
                return Stored.PRESENT
            if self._masters.get(wrapped[0]) != CURRENT:
                return Stored.NOT_CURRENT
            self._rows[plan_id] = wrapped
            return Stored.STORED

    def insert_new(self, rows: list[tuple[UUID, WrappedKey]]) -> list[UUID]:
        return [p for p, wrapped in rows if self.insert_if_current(p, wrapped) is Stored.STORED]

    def replace(self, plan_id: UUID, old: WrappedKey, new: WrappedKey) -> None:
        with self._lock:
            if self._rows.get(plan_id) == old:
                self._rows[plan_id] = new

    def destroy(self, plan_id: UUID) -> None:
        with self._lock:
            row = self._rows.pop(plan_id, None)
            if row is not None:
                self._erasures[plan_id] = Erasure(plan_id, row[0], datetime.now(UTC))

    def select_all(self) -> list[tuple[UUID, WrappedKey]]:
        with self._lock:
            return list(self._rows.items())

    def erasure(self, plan_id: UUID) -> Erasure | None:
        return self._erasures.get(plan_id)

    def erasures(self) -> list[Erasure]:
        with self._lock:
            return list(self._erasures.values())

    def masters(self) -> dict[str, str]:
        with self._lock:
            return dict(self._masters)

    def adopt(self, key_id: str) -> None:
        with self._lock:
            if not self._masters:
                self._masters[key_id] = CURRENT

    def switch(self, key_id: str) -> None:
        with self._lock:
            for known, state in self._masters.items():
                if state == CURRENT:
                    self._masters[known] = PREVIOUS
            self._masters[key_id] = CURRENT

    def retire(self, key_id: str) -> bool:
        with self._lock:
            if self._masters.get(key_id) != PREVIOUS:
                return self._masters.get(key_id) == RETIRED
            if any(row[0] == key_id for row in self._rows.values()):
                return False
            self._masters[key_id] = RETIRED
            return True
