"""Writing a secret file atomically, readable by its owner only (generated keys, JWT secret)."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path


def write_owner_only(path: Path, text: str, *, replace: bool) -> None:
    """Writes `text` to `path` with mode 0600; readers never see a half-written file.

    Without `replace`, an existing file (e.g. a concurrent creator's) wins: link() is
    atomic and refuses to overwrite.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as file:
        file.write(text)
        file.flush()
        os.fsync(file.fileno())
    try:
        if replace:
            temporary.replace(path)
        else:
            with contextlib.suppress(FileExistsError):
                os.link(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
