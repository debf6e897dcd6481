"""Signed checkpoints of every history's chain head, kept outside the database (DESIGN 6a).

The hash chain shows a changed, inserted or reordered entry, but not the last entries of a
plan deleted together with their links, nor a whole plan deleted. A checkpoint records,
for each history recorded since the previous checkpoint, its last version and link, signed
with an Ed25519 key kept apart from the database, in an append-only directory. Verifying
a plan against the merged checkpoints finds it deleted or truncated below its anchored
head, or its anchored entry changed.

Files are `checkpoint-00000001.json`, ..., each `{"body": {...}, "signature": ...}`; a
body names the previous body's digest, so a removed or altered checkpoint breaks the
sequence; every 100th is full (every history), the rest list what changed since.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import UUID

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from infrastructure.chained_recorders import ChainedRecorder
from infrastructure.owner_only_file import write_owner_only

FORMAT = "iplan-anchor-1"
FULL_EVERY = 100
KEY_CHECK = b"iplan-anchor-key-check"
Head = tuple[int, bytes]  # (version, link)


class AnchorError(Exception):
    """The checkpoints cannot be written or trusted (missing key, broken sequence)."""


def public_key_text(key: Ed25519PublicKey) -> str:
    return base64.b64encode(key.public_bytes(Encoding.Raw, PublicFormat.Raw)).decode()


def key_check(integrity_key: bytes) -> str:
    """A value that changes with the chain's key, and reveals nothing of it."""
    return hmac.new(integrity_key, KEY_CHECK, hashlib.sha256).hexdigest()


def _canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":")).encode()


@dataclass(frozen=True)
class Anchored:
    """What the checkpoints say, merged: each history's head, up to `position`."""

    seq: int
    position: int
    heads: dict[UUID, Head]
    key_check: str | None


class AnchorBook:
    """The anchor directory: writes checkpoints, and reads them back verified."""

    def __init__(
        self,
        directory: Path,
        key_file: Path,
        public_key: str | None = None,
    ) -> None:
        self.directory = directory
        self.key_file = key_file
        self.configured_public_key = public_key
        self._lock = threading.Lock()
        self._cached: tuple[object, Anchored] | None = None

    # -- keys -------------------------------------------------------------------------

    def signing_key(self) -> Ed25519PrivateKey:
        """The private key; made with the first checkpoint, never made again after."""
        if self.key_file.exists():
            raw = base64.b64decode(self.key_file.read_text().strip())
            return Ed25519PrivateKey.from_private_bytes(raw)
        if self._files():
            raise AnchorError(
                f"the anchor signing key {self.key_file} is missing but checkpoints exist: "
                "restore it (a new key cannot continue the signed history)"
            )
        key = Ed25519PrivateKey.generate()
        raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        write_owner_only(self.key_file, base64.b64encode(raw).decode() + "\n", replace=False)
        return self.signing_key()  # a concurrent creator's key wins

    def public_key(self) -> Ed25519PublicKey:
        """The key checkpoints are verified with: the one configured for auditors, else
        the signing key's own."""
        if self.configured_public_key:
            raw = base64.b64decode(self.configured_public_key)
            return Ed25519PublicKey.from_public_bytes(raw)
        if not self.key_file.exists():
            raise AnchorError("no anchor public key: set IPLAN_ANCHOR_PUBLIC_KEY")
        return self.signing_key().public_key()

    # -- writing ----------------------------------------------------------------------

    def write(self, recorder: ChainedRecorder, integrity_key: bytes) -> int | None:
        """Writes the next checkpoint if anything was recorded since the last; its number."""
        with self._lock:
            latest = self.read()
            head = recorder.max_notification_id() or 0
            if latest is not None and head <= latest.position:
                return None
            seq = 1 if latest is None else latest.seq + 1
            full = seq % FULL_EVERY == 1
            after = 0 if full or latest is None else latest.position
            heads = recorder.chain_heads(after, head)
            body = {
                "format": FORMAT,
                "seq": seq,
                "created_at": datetime.now(UTC).isoformat(),
                "position": head,
                "previous": None if latest is None else self._digest(latest.seq),
                "full": full,
                "key_check": key_check(integrity_key),
                "heads": sorted([str(p), v, link.hex()] for p, v, link in heads),
            }
            signature = self.signing_key().sign(_canonical(body))
            document = {"body": body, "signature": base64.b64encode(signature).decode()}
            self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
            # Exclusive creation: a checkpoint is never overwritten (append-only).
            try:
                flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
                descriptor = os.open(self._path(seq), flags, 0o600)
            except FileExistsError:
                self._cached = None  # another process wrote this one first
                return None
            with os.fdopen(descriptor, "w", encoding="utf-8") as out:
                json.dump(document, out)
            return seq

    # -- reading ----------------------------------------------------------------------

    def read(self) -> Anchored | None:
        """The checkpoints merged from the latest full one; None when there are none.

        Raises AnchorError when one is missing, altered or signed by another key."""
        files = self._files()
        if not files:
            return None
        last = max(files)
        # Read again whenever a file changed: an altered checkpoint must not hide behind
        # the cache.
        fingerprint = tuple((n, self._path(n).stat().st_mtime_ns) for n in files)
        if self._cached is not None and self._cached[0] == fingerprint:
            return self._cached[1]
        if files != list(range(1, last + 1)):
            missing = sorted(set(range(1, last + 1)) - set(files))
            raise AnchorError(f"anchor checkpoints {missing} are missing from {self.directory}")
        key = self.public_key()
        bodies: dict[int, dict[str, Any]] = {}
        start = max(n for n in files if n % FULL_EVERY == 1)
        for seq in range(start, last + 1):
            bodies[seq] = self._verified(seq, key)
        heads: dict[UUID, Head] = {}
        for seq in range(start, last + 1):
            for plan, version, link in bodies[seq]["heads"]:
                heads[UUID(plan)] = (int(version), bytes.fromhex(link))
        merged = Anchored(last, int(bodies[last]["position"]), heads, bodies[last]["key_check"])
        self._cached = (fingerprint, merged)
        return merged

    def _verified(self, seq: int, key: Ed25519PublicKey) -> dict[str, Any]:
        document = json.loads(self._path(seq).read_text(encoding="utf-8"))
        body: dict[str, Any] = document["body"]
        try:
            key.verify(base64.b64decode(document["signature"]), _canonical(body))
        except (InvalidSignature, ValueError):
            raise AnchorError(f"anchor checkpoint {seq} fails its signature") from None
        if body.get("format") != FORMAT or body.get("seq") != seq:
            raise AnchorError(f"anchor checkpoint {seq} is not what its name says")
        if seq > 1 and body.get("previous") != self._digest(seq - 1):
            raise AnchorError(f"anchor checkpoint {seq - 1} was changed after {seq} was written")
        return body

    def _digest(self, seq: int) -> str:
        document = json.loads(self._path(seq).read_text(encoding="utf-8"))
        return hashlib.sha256(_canonical(document["body"])).hexdigest()

    def _path(self, seq: int) -> Path:
        return self.directory / f"checkpoint-{seq:08d}.json"

    def _files(self) -> list[int]:
        if not self.directory.exists():
            return []
        return sorted(
            int(p.stem.removeprefix("checkpoint-"))
            for p in self.directory.glob("checkpoint-*.json")
            if p.stem.removeprefix("checkpoint-").isdigit()
        )


def anchor_findings(
    anchored: Anchored | None,
    plan_id: UUID,
    last_version: int,
    link_at: Callable[[int], bytes | None],
) -> tuple[int | None, str] | None:
    """What the checkpoints say is wrong with a history: (version, problem), or None."""
    if anchored is None or plan_id not in anchored.heads:
        return None
    version, link = anchored.heads[plan_id]
    if last_version == 0:
        return version, f"the whole history was deleted (anchored at version {version})"
    if last_version < version:
        return (
            last_version + 1,
            f"entries after version {last_version} were deleted (anchored at version {version})",
        )
    recorded = link_at(version)
    if recorded is None or not hmac.compare_digest(recorded, link):
        return version, f"entry {version} differs from its anchored chain link"
    return None
