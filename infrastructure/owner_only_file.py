"""Files readable by their owner only: secrets written atomically (generated keys, JWT
secret), and the embedded store's database files (DESIGN 6a)."""

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


SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def owner_only_database(path: Path) -> None:
    """Creates the SQLite file owner-only before SQLite opens it (its write-ahead log and
    shared-memory files take the database file's mode), and tightens existing ones."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    for candidate in (path, *(path.with_name(path.name + s) for s in SQLITE_COMPANIONS)):
        with contextlib.suppress(FileNotFoundError):
            os.chmod(candidate, 0o600)
