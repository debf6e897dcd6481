"""A Mapper that seals every entry's `personal` part with its plan's data key before storing.

Entries keep their personal values apart in `personal` (see domain/events.py); snapshots
hold entries too. Both are sealed with AES-GCM, bound to the plan and the entry's version,
so a sealed value moved to another entry does not open. Once the plan's key is destroyed
the personal part reads as None: the rest of the entry stays readable.

Snapshots are not part of the chained history (integrity.py), so each carries its own
HMAC tag: a snapshot changed in the database is refused instead of silently believed.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from typing import Any, cast
from uuid import UUID

import orjson
from eventsourcing.domain import DomainEventProtocol, Snapshot
from eventsourcing.persistence import (
    Cipher,
    Compressor,
    Mapper,
    MapperDeserialisationError,
    StoredEvent,
    Transcoder,
)
from eventsourcing.utils import resolve_topic

from application.errors import PlanTampered
from domain.errors import HistoryNeeded
from infrastructure.crypto import KeyMaterialError, is_sealed, seal, unseal
from infrastructure.keystore import KeyRing

PERSONAL = "personal"
ENTRIES = "entries"  # snapshots of the first kind: every entry, each sealed
SNAPSHOT_STATE = "state"  # snapshots of the folded state (domain/snapshot.py)
PARTS = "parts"  # the folded state's items by kind (domain/state.py dump_state)
SEALED = "sealed"
SNAPSHOT_TAG = b"\x00iplan-snapshot-mac1\x00"
TAG_BYTES = 32


class SnapshotTampered(MapperDeserialisationError, PlanTampered):
    """A stored snapshot fails its tag: delete the plan's snapshots to replay its entries."""

    def __init__(self, message: str) -> None:
        PlanTampered.__init__(self, message)


class PersonalPartForged(PlanTampered):
    """An entry's personal part is plain text: written into the database by hand."""


def personal_context(plan_id: UUID, version: int) -> bytes:
    return b"iplan-personal\x00" + plan_id.bytes + version.to_bytes(8, "big")


def snapshot_context(plan_id: UUID, version: int) -> bytes:
    return b"iplan-snapshot\x00" + plan_id.bytes + version.to_bytes(8, "big")


class PersonalDataMapper(Mapper[UUID]):
    """Seals `personal` on the way to the store and opens it on the way back."""

    def __init__(
        self,
        transcoder: Transcoder,
        compressor: Compressor | None = None,
        cipher: Cipher | None = None,
        *,
        keys: KeyRing,
        secret: Callable[[], bytes],
    ) -> None:
        super().__init__(transcoder, compressor, cipher)
        self.keys = keys
        self.secret = secret

    def to_stored_event(self, domain_event: DomainEventProtocol[UUID]) -> StoredEvent:
        state = dict(vars(domain_event))
        if PERSONAL in state:
            state[PERSONAL] = self._seal(state, create=state["originator_version"] == 1)
            domain_event = _with_state(domain_event, state)
        elif isinstance(state.get("state"), dict) and SNAPSHOT_STATE in state["state"]:
            state["state"] = self._seal_snapshot(state)
            domain_event = _with_state(domain_event, state)
        elif isinstance(state.get("state"), dict) and ENTRIES in state["state"]:
            snapshot_state = dict(state["state"])
            snapshot_state[ENTRIES] = [self._seal_entry(e) for e in snapshot_state[ENTRIES]]
            state["state"] = snapshot_state
            domain_event = _with_state(domain_event, state)
        stored = super().to_stored_event(domain_event)
        if _is_snapshot(stored.topic):
            # Every snapshot is tagged, and every snapshot must be: what is demanded on
            # the way back is what is given on the way in.
            tag = self._tag(stored, stored.state)
            return replace(stored, state=SNAPSHOT_TAG + tag + stored.state)
        return stored

    def to_domain_event(self, stored_event: StoredEvent) -> DomainEventProtocol[UUID]:
        if _is_snapshot(stored_event.topic):
            stored_event = self._untagged(stored_event)
        domain_event = super().to_domain_event(stored_event)
        state = vars(domain_event)
        if PERSONAL in state:
            state[PERSONAL] = self._open(state)
        elif isinstance(state.get("state"), dict) and SEALED in state["state"]:
            state["state"] = self._open_snapshot(state)
        elif isinstance(state.get("state"), dict) and ENTRIES in state["state"]:
            for entry in state["state"][ENTRIES]:
                entry["state"][PERSONAL] = self._open(entry["state"])
        return domain_event

    def _seal_snapshot(self, state: dict[str, Any]) -> dict[str, Any]:
        """A snapshot of the state as one sealed blob: one cipher operation each way."""
        plan_id = cast(UUID, state["originator_id"])
        key = self.keys.data_key(plan_id)
        snapshot: dict[str, Any] = state["state"]
        if key is None:
            # Erased: its state holds no personal value any more, nothing to seal.
            if snapshot[SNAPSHOT_STATE].get("personal") is not None:
                raise PermissionError(f"plan {plan_id} was erased; its snapshot would hold some")
            return snapshot
        context = snapshot_context(plan_id, state["originator_version"])
        return {SEALED: seal(key, self._snapshot_bytes(snapshot), context)}

    def _open_snapshot(self, state: dict[str, Any]) -> dict[str, Any]:
        plan_id = cast(UUID, state["originator_id"])
        key = self.keys.data_key(plan_id)
        if key is None:
            raise HistoryNeeded(
                f"the snapshot of plan {plan_id} was sealed with a key erased since"
            )
        context = snapshot_context(plan_id, state["originator_version"])
        try:
            opened = unseal(key, state["state"][SEALED], context)
        except (KeyMaterialError, ValueError):
            raise SnapshotTampered(f"the snapshot of plan {plan_id} does not open") from None
        return self._snapshot_of(opened)

    def _snapshot_bytes(self, snapshot: dict[str, Any]) -> bytes:
        """The snapshot in two lines: what it remembers beside the state's parts (with the
        transcoder's type marks), then the parts (plain JSON: domain/state.py writes their
        rows as text and numbers), which are read without walking them for type marks."""
        folded = snapshot[SNAPSHOT_STATE]
        head = {**snapshot, SNAPSHOT_STATE: {**folded, PARTS: None}}
        return self.transcoder.encode(head) + b"\n" + orjson.dumps(folded[PARTS])

    def _snapshot_of(self, opened: bytes) -> dict[str, Any]:
        head, newline, parts = opened.partition(b"\n")
        snapshot: dict[str, Any] = self.transcoder.decode(head)
        if newline:  # a snapshot written in one piece (before) holds its parts already
            snapshot[SNAPSHOT_STATE][PARTS] = orjson.loads(parts)
        return snapshot

    def _seal_entry(self, entry: dict[str, Any]) -> dict[str, Any]:
        entry_state = dict(entry["state"])
        entry_state[PERSONAL] = self._seal(entry_state, create=False)
        return {**entry, "state": entry_state}

    def _seal(self, state: dict[str, Any], *, create: bool) -> str | dict[str, Any] | None:
        personal: dict[str, Any] | None = state[PERSONAL]
        plan_id = cast(UUID, state["originator_id"])
        if create:
            self.keys.data_key(plan_id, create=True)  # the plan's key comes with its opening
        if not personal:
            return personal  # None, or an entry without personal values: nothing to hide
        key = self.keys.data_key(plan_id)
        if key is None:
            # Never store personal values in the clear: the plan's key is gone (erased).
            raise PermissionError(f"plan {plan_id} was erased; its personal data cannot be stored")
        plaintext = self.transcoder.encode(personal)
        return seal(key, plaintext, personal_context(plan_id, state["originator_version"]))

    def _open(self, state: dict[str, Any]) -> dict[str, Any] | None:
        sealed = state[PERSONAL]
        if sealed is None:
            return None
        if sealed and not is_sealed(sealed):
            # Personal values are only ever stored sealed: plain text here was put in the
            # database by hand, and is never served as if it were genuine.
            raise PersonalPartForged(
                f"entry {state['originator_version']} of plan {state['originator_id']} holds "
                "personal values in plain text where a sealed part belongs"
            )
        plan_id = cast(UUID, state["originator_id"])
        key = self.keys.data_key(plan_id)  # raises KeyRowMissing when tampered with
        if key is None:
            return None  # erased: whatever was there reads as erased
        if not sealed:
            return {}  # an entry without personal values
        context = personal_context(plan_id, state["originator_version"])
        try:
            opened = unseal(key, sealed, context)
        except (KeyMaterialError, ValueError):
            raise PersonalPartForged(
                f"entry {state['originator_version']} of plan {plan_id} holds a sealed part "
                "that is not its own (moved or swapped in the database)"
            ) from None
        return cast(dict[str, Any], self.transcoder.decode(opened))

    def _tag(self, stored: StoredEvent, state: bytes) -> bytes:
        originator_id = cast(UUID, stored.originator_id)
        message = b"".join(
            (
                originator_id.bytes,
                stored.originator_version.to_bytes(8, "big"),
                hashlib.sha256(stored.topic.encode()).digest(),
                state,
            )
        )
        return hmac.new(self.secret(), message, hashlib.sha256).digest()

    def _untagged(self, stored: StoredEvent) -> StoredEvent:
        start = len(SNAPSHOT_TAG)
        tag, state = stored.state[start : start + TAG_BYTES], stored.state[start + TAG_BYTES :]
        if not stored.state.startswith(SNAPSHOT_TAG) or not hmac.compare_digest(
            tag, self._tag(stored, state)
        ):
            raise SnapshotTampered(
                f"the snapshot of plan {stored.originator_id} at version "
                f"{stored.originator_version} was changed; delete the plan's snapshots"
            )
        return replace(stored, state=state)


@cache
def _is_snapshot(topic: str) -> bool:
    cls = resolve_topic(topic)
    return isinstance(cls, type) and issubclass(cls, Snapshot)


def _with_state(domain_event: DomainEventProtocol[UUID], state: dict[str, Any]) -> Any:
    """A copy of the event with other attribute values, made as the library rebuilds events."""
    copy = object.__new__(type(domain_event))
    object.__setattr__(copy, "__dict__", state)
    return copy
