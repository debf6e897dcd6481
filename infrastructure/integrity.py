"""Tamper evidence: an HMAC chain over each plan's stored entries, written with the entries.

Link n = HMAC(integrity key, link n-1 | plan id | n | SHA-256(topic) | SHA-256(stored state)).
It covers the stored bytes (ciphertext included), so erasure leaves it intact. The key is
a random secret wrapped by the master key, kept in `plan_keys` (see keystore.py), so whoever
can write the database but lacks the master key cannot forge links. The recorders below
insert the links in the same transaction as the entries; `verify` recomputes a plan's chain
from its stored entries and compares it with the links recorded.
"""

from __future__ import annotations

import hashlib
import hmac
from collections import OrderedDict
from collections.abc import Callable, Sequence
from threading import Lock
from uuid import UUID

from eventsourcing.persistence import StoredEvent

from application.protection import ACCESS_RECORD, PLAN, IntegrityReport
from domain.access import PersonalDataRead

GENESIS = bytes(32)
CHAIN_TABLE = "plan_chain"

Link = tuple[UUID, int, bytes]


class Chain:
    """Computes links; remembers each plan's last committed link to spare a look-up."""

    def __init__(
        self,
        secret: Callable[[], bytes],
        select_link: Callable[[UUID, int], bytes | None],
        cache_size: int = 4096,
    ) -> None:
        self._secret = secret
        self._select_link = select_link
        self._last: OrderedDict[UUID, tuple[int, bytes]] = OrderedDict()
        self._lock = Lock()
        self.cache_size = cache_size

    def link(self, previous: bytes, stored: StoredEvent) -> bytes:
        message = b"".join(
            (
                previous,
                _plan_id(stored).bytes,
                stored.originator_version.to_bytes(8, "big"),
                hashlib.sha256(stored.topic.encode()).digest(),
                hashlib.sha256(stored.state).digest(),
            )
        )
        return hmac.new(self._secret(), message, hashlib.sha256).digest()

    def fits(self, previous: bytes, stored: StoredEvent, recorded: bytes) -> bool:
        return hmac.compare_digest(self.link(previous, stored), recorded)

    def links_for(self, stored_events: Sequence[StoredEvent]) -> list[Link]:
        """The links new entries get, continuing each plan's chain."""
        links: list[Link] = []
        previous: dict[UUID, bytes] = {}
        for stored in stored_events:
            plan_id = _plan_id(stored)
            version = stored.originator_version
            if plan_id not in previous:
                previous[plan_id] = self._previous_link(plan_id, version)
            link = self.link(previous[plan_id], stored)
            previous[plan_id] = link
            links.append((plan_id, version, link))
        return links

    def remember(self, links: Sequence[Link]) -> None:
        """Called once the links are committed: they continue the chains from here."""
        with self._lock:
            for plan_id, version, link in links:
                self._last[plan_id] = (version, link)
                self._last.move_to_end(plan_id)
            while len(self._last) > self.cache_size:
                self._last.popitem(last=False)

    def _previous_link(self, plan_id: UUID, version: int) -> bytes:
        if version <= 1:
            return GENESIS
        with self._lock:
            cached = self._last.get(plan_id)
        if cached is not None and cached[0] == version - 1:
            return cached[1]
        # A committed link never changes, so it may be read outside the writing transaction.
        # A missing one (tampering) continues from genesis; verify reports it anyway.
        return self._select_link(plan_id, version - 1) or GENESIS


def verify(
    chain: Chain, plan_id: UUID, stored: Sequence[StoredEvent], links: Sequence[tuple[int, bytes]]
) -> IntegrityReport:
    """Compares the chain recomputed from the stored entries with the links recorded."""
    recorded = dict(links)
    previous = GENESIS
    checked = 0
    for expected_version, entry in enumerate(stored, start=1):
        version = entry.originator_version
        if version != expected_version:
            return _broken(plan_id, checked, expected_version, "an entry is missing")
        if version not in recorded:
            return _broken(plan_id, checked, version, "an entry has no chain link (inserted?)")
        link = chain.link(previous, entry)
        if not hmac.compare_digest(link, recorded[version]):
            return _broken(plan_id, checked, version, "an entry was changed or reordered")
        previous = link
        checked += 1
    if len(recorded) > checked:
        missing = min(v for v in recorded if v > checked)
        return _broken(plan_id, checked, missing, "an entry is missing (removed)")
    return IntegrityReport(plan_id=plan_id, ok=True, checked=checked)


def subject_of(stored: Sequence[StoredEvent]) -> str:
    """What a history belongs to, by the topic of its first stored event."""
    if stored and stored[0].topic == PersonalDataRead.TOPIC:
        return ACCESS_RECORD
    return PLAN


def _broken(plan_id: UUID, checked: int, version: int | None, problem: str) -> IntegrityReport:
    return IntegrityReport(
        plan_id=plan_id, ok=False, checked=checked, first_bad_version=version, problem=problem
    )


def _plan_id(stored: StoredEvent) -> UUID:
    originator_id = stored.originator_id
    return originator_id if isinstance(originator_id, UUID) else UUID(originator_id)
