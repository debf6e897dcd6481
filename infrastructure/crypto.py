"""Envelope encryption: master keys wrap each plan's data key; data keys seal personal values."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from application.protection import KeysUnavailable
from infrastructure.owner_only_file import write_owner_only
from infrastructure.settings import Settings

KEY_BYTES = 32
NONCE_BYTES = 12
MASTER_KEY_FILE = "master.key"
SEALED_PREFIX = "enc1:"

WrappedKey = tuple[str, bytes]  # (id of the wrapping master key, wrapped data key)


class KeyMaterialError(Exception):
    """A key is missing, malformed, or does not fit the stored data."""


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def encode_key(key: bytes) -> str:
    return base64.b64encode(key).decode("ascii")


def decode_key(text: str) -> bytes:
    try:
        key = base64.b64decode(text.strip(), validate=True)
    except binascii.Error:
        raise KeyMaterialError("a master key is not valid base64") from None
    if len(key) != KEY_BYTES:
        raise KeyMaterialError(f"a master key must be {KEY_BYTES} bytes, got {len(key)}")
    return key


def key_id(key: bytes) -> str:
    """A master key's public name: a fingerprint, so stored rows say which key wrapped them."""
    return hashlib.sha256(b"iplan-master-key-id\x00" + key).hexdigest()[:16]


class MasterKeyUnavailable(KeyMaterialError, KeysUnavailable):
    """The store names a master key this process does not hold: it was rotated elsewhere."""


@dataclass
class MasterKeys:
    """The master keys this process holds: the configured `current` one and older ones
    still readable. Which of them wraps new data keys is the store's to say (its key
    registry, infrastructure/key_tables.py); `reload` re-reads the keys from where they
    are kept (the embedded key file), so a running service follows a rotation."""

    current: bytes
    previous: tuple[bytes, ...] = ()
    reload: Callable[[], tuple[bytes, tuple[bytes, ...]]] | None = None

    @property
    def current_id(self) -> str:
        return key_id(self.current)

    def by_id(self, wanted: str) -> bytes:
        """The master key with this id; re-reads the keys once before giving up."""
        for attempt in range(2):
            for master in (self.current, *self.previous):
                if key_id(master) == wanted:
                    return master
            if attempt == 0 and self.reload is not None:
                self.current, self.previous = self.reload()
        raise MasterKeyUnavailable(
            f"master key {wanted} is not configured in this process (IPLAN_MASTER_KEY / "
            "IPLAN_PREVIOUS_MASTER_KEYS): it was rotated; restart the service with the new key"
        )

    def wrap(self, plan_id: UUID, data_key: bytes, wrapping_id: str | None = None) -> WrappedKey:
        """The data key sealed under a master key (default: the configured current one),
        bound to its plan."""
        wrapping_id = wrapping_id or self.current_id
        nonce = os.urandom(NONCE_BYTES)
        sealed = AESGCM(self.by_id(wrapping_id)).encrypt(nonce, data_key, _wrap_context(plan_id))
        return wrapping_id, nonce + sealed

    def unwrap(self, plan_id: UUID, wrapping_key_id: str, wrapped: bytes) -> bytes:
        master = self.by_id(wrapping_key_id)
        try:
            nonce, sealed = wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:]
            return AESGCM(master).decrypt(nonce, sealed, _wrap_context(plan_id))
        except InvalidTag:
            raise KeyMaterialError(f"the data key of {plan_id} does not unwrap") from None


def _wrap_context(plan_id: UUID) -> bytes:
    return b"iplan-data-key\x00" + plan_id.bytes


def seal(data_key: bytes, plaintext: bytes, context: bytes) -> str:
    """AES-GCM ciphertext as text, so that it sits inside the transcoded event."""
    nonce = os.urandom(NONCE_BYTES)
    sealed = AESGCM(data_key).encrypt(nonce, plaintext, context)
    return SEALED_PREFIX + base64.b64encode(nonce + sealed).decode("ascii")


def seal_repeatably(data_key: bytes, plaintext: bytes, context: bytes) -> str:
    """Like `seal`, but the same value in the same context seals to the same text (the
    nonce is derived from key, context and value, as in AES-SIV): so a read model rebuilt
    from the events equals the one built live. It shows only that a value is unchanged, and
    only within one plan, since each plan has a key of its own."""
    nonce = hmac.new(data_key, b"iplan-nonce\x00" + context + b"\x00" + plaintext, "sha256")
    sealed = AESGCM(data_key).encrypt(nonce.digest()[:NONCE_BYTES], plaintext, context)
    return SEALED_PREFIX + base64.b64encode(nonce.digest()[:NONCE_BYTES] + sealed).decode("ascii")


def is_sealed(value: object) -> bool:
    return isinstance(value, str) and value.startswith(SEALED_PREFIX)


def unseal(data_key: bytes, text: str, context: bytes) -> bytes:
    raw = base64.b64decode(text[len(SEALED_PREFIX) :])
    try:
        return AESGCM(data_key).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], context)
    except InvalidTag:
        raise KeyMaterialError("sealed personal values do not fit their entry") from None


def master_keys(settings: Settings) -> MasterKeys:
    """`IPLAN_MASTER_KEY` if set; the memory store's ephemeral key; else the data directory's,
    re-read from its file when the store names a key this process does not hold yet."""
    previous = tuple(
        decode_key(text)
        for text in settings.previous_master_keys.get_secret_value().split(",")
        if text.strip()
    )
    if settings.master_key is not None:
        return MasterKeys(decode_key(settings.master_key.get_secret_value()), previous)
    if settings.store == "memory":
        return MasterKeys(new_key(), previous)
    path = master_key_path(settings)

    def from_file() -> tuple[bytes, tuple[bytes, ...]]:
        current, *older = read_key_file(path)
        return current, (*older, *previous)

    return MasterKeys(*from_file(), reload=from_file)


def master_key_path(settings: Settings) -> Path:
    return settings.data_dir / MASTER_KEY_FILE


def read_key_file(path: Path) -> list[bytes]:
    """The key file's keys, current first; the file is made (mode 0600) if missing."""
    if not path.exists():
        write_key_file(path, [new_key()], replace=False)
    keys = [decode_key(line) for line in path.read_text(encoding="ascii").split() if line]
    if not keys:
        raise KeyMaterialError(f"{path} holds no master key")
    return keys


def write_key_file(path: Path, keys: list[bytes], *, replace: bool) -> None:
    """Writes the keys atomically, readable by the owner only; without `replace`, a
    concurrent creator's file wins."""
    write_owner_only(path, "".join(encode_key(key) + "\n" for key in keys), replace=replace)
