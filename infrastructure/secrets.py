"""The embedded default's JWT signing secret: configured, or generated once in the data dir."""

from __future__ import annotations

import secrets
from pathlib import Path

from infrastructure.owner_only_file import write_owner_only
from infrastructure.settings import Settings

SECRET_FILE = "jwt-secret"  # noqa: S105 (a file name, not a secret)


def jwt_signing_secret(settings: Settings) -> str:
    """The HS256 secret: `IPLAN_JWT_SECRET` if set, else the data directory's (made if missing)."""
    if settings.jwt_secret is not None:
        return settings.jwt_secret.get_secret_value()
    path = settings.data_dir / SECRET_FILE
    if not path.exists():
        _create(path)
    secret = path.read_text(encoding="ascii").strip()
    if not secret:
        raise RuntimeError(f"{path} is empty; delete it to have a new secret generated")
    return secret


def _create(path: Path) -> None:
    """Writes a new secret readable by its owner only; a concurrent creator's secret wins."""
    write_owner_only(path, secrets.token_urlsafe(48), replace=False)
