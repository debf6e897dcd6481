"""Bearer tokens: who is calling, in which role, for which municipalities."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt

from api.problems import Unauthenticated, Unavailable
from domain.vocabulary import ROLES
from infrastructure.secrets import jwt_signing_secret
from infrastructure.settings import Settings

WHOLE_COUNTY = "*"
# Used with fullmatch: `$` would also match before a trailing newline, and `\d` any
# Unicode digit.
AGS = re.compile(r"[0-9]{8}")
NUMERIC_CLAIMS = ("exp", "iat", "nbf")


@dataclass(frozen=True)
class Caller:
    """The verified claims of a request's token."""

    sub: str
    role: str
    municipalities: frozenset[str]

    def covers(self, municipality: str) -> bool:
        return WHOLE_COUNTY in self.municipalities or municipality in self.municipalities

    @property
    def scope(self) -> frozenset[str] | None:
        """The municipalities the caller may see; None for the whole county."""
        return None if WHOLE_COUNTY in self.municipalities else self.municipalities


class TokenVerifier:
    """Checks HS256 tokens against a secret, or RS256 ones against a PEM key or a JWKS URL."""

    # A token checked once is taken on trust for up to a minute (never past its expiry):
    # clients send the same token with every request, and checking its signature each
    # time was a tenth of the server's request handling.
    TRUSTED_SECONDS = 60.0
    TRUSTED_TOKENS = 1024

    def __init__(self, settings: Settings, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._trusted: dict[str, tuple[Caller, float]] = {}
        self._jwks: jwt.PyJWKClient | None = None
        self._key: Any
        if settings.jwt_jwks_url:
            self._jwks = jwt.PyJWKClient(settings.jwt_jwks_url, cache_keys=True, timeout=5)
            self._algorithms = ["RS256"]
        elif settings.jwt_public_key:
            self._key = settings.jwt_public_key
            self._algorithms = ["RS256"]
        else:
            self._key = jwt_signing_secret(settings)
            self._algorithms = ["HS256"]

    @property
    def local(self) -> bool:
        """Whether verifying needs nothing from elsewhere (no JWKS URL to fetch keys from)."""
        return self._jwks is None

    def verify(self, token: str) -> Caller:
        now = self._clock()
        trusted = self._trusted.get(token)
        if trusted is not None and now < trusted[1]:
            return trusted[0]
        claims = self._checked(token)
        caller = caller_from(claims)
        if len(self._trusted) >= self.TRUSTED_TOKENS:
            self._trusted.clear()  # many callers at once: start afresh
        self._trusted[token] = (caller, min(float(claims["exp"]), now + self.TRUSTED_SECONDS))
        return caller

    def _checked(self, token: str) -> dict[str, Any]:
        try:
            key = self._key if self._jwks is None else self._jwks.get_signing_key_from_jwt(token)
            claims = jwt.decode(
                token,
                key,
                algorithms=self._algorithms,
                options={"require": ["exp", "sub"]},
            )
        except jwt.PyJWKClientConnectionError:
            raise Unavailable(
                "the identity provider's keys cannot be fetched", code="keys_unavailable"
            ) from None
        except jwt.ExpiredSignatureError:
            raise Unauthenticated("the token has expired", code="token_expired") from None
        except (jwt.PyJWTError, ValueError):
            raise Unauthenticated("the token is not valid") from None
        return claims


def caller_from(claims: dict[str, Any]) -> Caller:
    """The caller a token's claims name; any claim of the wrong type is a 401, never a 500."""
    sub, role, municipalities = (
        claims.get("sub"),
        claims.get("role"),
        claims.get("municipalities"),
    )
    for name in NUMERIC_CLAIMS:
        # The JWT library reads "9999999999" as a number; a token must carry numbers.
        value = claims.get(name)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            raise Unauthenticated(f"the token's {name} claim must be a number")
    if not isinstance(sub, str) or not sub.strip() or len(sub) > 200:
        raise Unauthenticated("the token's sub claim is missing or invalid")
    if not isinstance(role, str) or role not in ROLES:
        raise Unauthenticated(f"the token's role claim must be one of {sorted(ROLES)}")
    if (
        not isinstance(municipalities, list)
        or not municipalities
        or not all(
            isinstance(m, str) and (m == WHOLE_COUNTY or AGS.fullmatch(m)) for m in municipalities
        )
    ):
        raise Unauthenticated(
            'the token\'s municipalities claim must list 8-digit keys (AGS) or be ["*"]'
        )
    return Caller(sub=sub, role=str(role), municipalities=frozenset(municipalities))


def issue_token(
    settings: Settings,
    *,
    sub: str,
    role: str,
    municipalities: list[str],
    hours: float = 12,
    now: datetime | None = None,
) -> str:
    """An HS256 token for the embedded default (`iplan token`)."""
    if settings.jwt_public_key or settings.jwt_jwks_url:
        raise ValueError("tokens are issued by the configured identity provider (RS256)")
    caller_from({"sub": sub, "role": role, "municipalities": municipalities})
    issued = now or datetime.now(UTC)
    claims = {
        "sub": sub,
        "role": role,
        "municipalities": municipalities,
        "iat": issued,
        "exp": issued + timedelta(hours=hours),
    }
    return jwt.encode(claims, jwt_signing_secret(settings), algorithm="HS256")
