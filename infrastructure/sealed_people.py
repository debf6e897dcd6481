"""The People port: display names sealed with the plan's key, and the blind search index.

Index terms are HMAC-SHA256 digests, under the store's search key, of each form of each
name token (infrastructure/name_tokens.py) and of the birth date, tagged by what they
are: the database holds no name, and without the master key (which wraps the search
key) a term cannot be computed for a guessed name. The search key is kept like the
plans' keys, wrapped by the master key in `plan_keys` under an id no plan has, and is
re-wrapped by a key rotation with them.
"""

from __future__ import annotations

import hashlib
import hmac
from collections import OrderedDict
from collections.abc import Iterable
from datetime import date
from typing import Any
from uuid import UUID

from application.errors import PlanTampered
from application.plans import IntegrationPlans
from domain.entries.measures import MeasureAgreed
from domain.plan import IntegrationPlan
from infrastructure.crypto import KeyMaterialError, seal_repeatably, unseal
from infrastructure.keystore import SEARCH_KEY_ID, KeyRing
from infrastructure.name_tokens import EXACT, tokens_of
from projections.people import NOBODY, People, Person, Search

TERM_BYTES = 16
MAX_QUERY_TOKENS = 6


def display_context(plan_id: UUID) -> bytes:
    return b"iplan-display-name\x00" + plan_id.bytes


def title_context(plan_id: UUID, measure_id: UUID) -> bytes:
    return b"iplan-measure-title\x00" + plan_id.bytes + measure_id.bytes


class SealedPeople(People):
    def __init__(self, plans: IntegrationPlans, keys: KeyRing, capacity: int = 10_000) -> None:
        self.plans = plans
        self.keys = keys
        self._search_key: bytes | None = None
        self._capacity = capacity
        self._people: OrderedDict[UUID, Person] = OrderedDict()
        self._titles: OrderedDict[tuple[UUID, UUID], str | None] = OrderedDict()

    @classmethod
    def of(cls, plans: IntegrationPlans) -> SealedPeople | None:
        """The port for an application with personal-data protection; None without."""
        adapters = plans.adapters
        if adapters is None or not isinstance(adapters.keys, KeyRing):
            return None
        return cls(plans, adapters.keys)

    def search_key(self) -> bytes:
        if self._search_key is None:
            key = self.keys.data_key(SEARCH_KEY_ID, create=True)
            if key is None:
                raise KeyMaterialError("the store's search key was destroyed")
            self._search_key = key
        return self._search_key

    def term(self, kind: str, value: str) -> str:
        message = f"{kind}\x00{value}".encode()
        digest = hmac.new(self.search_key(), message, hashlib.sha256).digest()
        return digest[:TERM_BYTES].hex()

    # -- the projections' side ---------------------------------------------------------

    def person(self, plan: IntegrationPlan) -> Person:
        if plan.state.is_erased:
            self._people.pop(plan.id, None)
            return NOBODY
        known = self._people.get(plan.id)
        if known is None:
            # Names are given at opening only: the person is made once per plan.
            known = self._made(plan.id)
            self._people[plan.id] = known
            if len(self._people) > self._capacity:
                self._people.popitem(last=False)
        return known

    def measure_title(self, plan: IntegrationPlan, measure_id: UUID) -> str | None:
        if plan.state.is_erased:
            return None
        if (plan.id, measure_id) not in self._titles:
            agreed = self._agreed_version(plan, measure_id)
            personal = None if agreed is None else self._personal_at(plan.id, agreed)
            key = self.keys.data_key(plan.id) if personal else None
            text = str((personal or {}).get("title") or "")
            sealed = None
            if key is not None and text:
                sealed = seal_repeatably(key, text.encode(), title_context(plan.id, measure_id))
            self._titles[(plan.id, measure_id)] = sealed
            if len(self._titles) > self._capacity:
                self._titles.popitem(last=False)
        return self._titles[(plan.id, measure_id)]

    def _agreed_version(self, plan: IntegrationPlan, measure_id: UUID) -> int | None:
        """The version of the entry that agreed the measure: from the plan's entries in
        memory, or from the store for a plan restored from a snapshot of its state."""
        entries: Iterable[object] = (
            plan.entries if plan.entries is not None else self.plans.events.get(plan.id)
        )
        return next(
            (
                e.originator_version
                for e in entries
                if isinstance(e, MeasureAgreed) and e.measure_id == measure_id
            ),
            None,
        )

    def _made(self, plan_id: UUID) -> Person:
        personal = self._personal_at(plan_id, 1)
        key = self.keys.data_key(plan_id) if personal else None
        if not personal or key is None:
            return NOBODY
        given = str(personal.get("given_name") or "")
        family = str(personal.get("family_name") or "")
        name = " ".join(part for part in (given, family) if part)
        sealed = seal_repeatably(key, name.encode(), display_context(plan_id)) if name else None
        terms = {
            self.term(f"name{rank}", form) for t in tokens_of(name) for rank, form in t.by_rank()
        }
        birth_date = personal.get("birth_date")
        if birth_date:
            terms.add(self.term("birth", str(birth_date)))
        return Person(sealed, tuple(sorted(terms)))

    def _personal_at(self, plan_id: UUID, version: int) -> dict[str, Any] | None:
        """The personal part of the plan's entry `version`, opened; None once erased. A
        key this process cannot open now (rotated elsewhere) raises: the batch is retried."""
        try:
            entry = next(iter(self.plans.events.get(plan_id, gt=version - 1, lte=version)), None)
        except PlanTampered:
            return None  # a tampered plan is named by no one (its integrity report says why)
        personal = getattr(entry, "personal", None)
        return personal if isinstance(personal, dict) else None

    # -- the readers' side -------------------------------------------------------------

    def display_name(self, plan_id: UUID, sealed: str | None) -> str | None:
        return self._opened(plan_id, sealed, display_context(plan_id))

    def title(self, plan_id: UUID, measure_id: UUID, sealed: str | None) -> str | None:
        return self._opened(plan_id, sealed, title_context(plan_id, measure_id))

    def _opened(self, plan_id: UUID, sealed: str | None, context: bytes) -> str | None:
        if sealed is None:
            return None
        try:
            key = self.keys.data_key(plan_id)
        except PlanTampered:
            return None
        if key is None:
            return None
        try:
            return unseal(key, sealed, context).decode()
        except (KeyMaterialError, ValueError):
            return None  # not this plan's: moved in the database, never shown

    def search(self, text: str | None, birth_date: date | None) -> Search:
        """The blind index terms of a query: one group per token, one for the birth date.
        Raises ValueError for a query with no letter or digit, or too many tokens."""
        groups: list[tuple[tuple[str, int], ...]] = []
        if text is not None:
            tokens = tokens_of(text)
            if not tokens:
                raise ValueError("q must contain a letter or a digit")
            if len(tokens) > MAX_QUERY_TOKENS:
                raise ValueError(f"q may contain at most {MAX_QUERY_TOKENS} words")
            for t in tokens:
                groups.append(tuple((self.term(f"name{rank}", f), rank) for rank, f in t.by_rank()))
        if birth_date is not None:
            groups.append(((self.term("birth", birth_date.isoformat()), EXACT),))
        return Search(tuple(groups))
