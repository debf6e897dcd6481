"""Web sessions: a signed HttpOnly, SameSite=Strict cookie with the user, a CSRF token and
the time of the last request; a session idle for longer than the timeout is over."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass, replace
from typing import Any

from itsdangerous import BadSignature, URLSafeSerializer
from starlette.requests import Request
from starlette.responses import Response

from api.auth import Caller, caller_from
from api.problems import ApiProblem
from infrastructure.secrets import jwt_signing_secret
from infrastructure.settings import Settings

COOKIE = "iplan_session"
LANGUAGE_COOKIE = "iplan_lang"
IDLE_TIMEOUT_S = 30 * 60


@dataclass(frozen=True)
class Session:
    csrf: str
    seen_at: float
    caller: Caller | None = None
    via: str = ""  # "local" or "oidc": how the user logged in
    pending: dict[str, str] | None = None  # an OpenID Connect login under way

    @classmethod
    def anonymous(cls) -> Session:
        return cls(csrf=secrets.token_urlsafe(32), seen_at=time.time())

    def logged_in(self, caller: Caller, via: str) -> Session:
        # A new CSRF token at login: nothing fixed before the login carries over.
        return Session(csrf=secrets.token_urlsafe(32), seen_at=time.time(), caller=caller, via=via)

    def csrf_matches(self, token: str | None) -> bool:
        return token is not None and hmac.compare_digest(token, self.csrf)


class SessionCookies:
    """Signs and reads the session cookie with a key derived from the service's secret."""

    def __init__(self, settings: Settings, idle_timeout: float = IDLE_TIMEOUT_S) -> None:
        secret = jwt_signing_secret(settings)
        key = hashlib.sha256(b"iplan web session\0" + secret.encode()).hexdigest()
        self._serializer = URLSafeSerializer(key, salt="iplan-session")
        self.idle_timeout = idle_timeout

    def read(self, request: Request) -> Session:
        """The request's session; a missing, forged or idle one is a fresh anonymous one."""
        raw = request.cookies.get(COOKIE)
        if raw is None:
            return Session.anonymous()
        try:
            data: dict[str, Any] = self._serializer.loads(raw)
            session = Session(
                csrf=str(data["csrf"]),
                seen_at=float(data["seen_at"]),
                caller=None if data.get("caller") is None else caller_from(data["caller"]),
                via=str(data.get("via", "")),
                pending=data.get("pending"),
            )
        except (BadSignature, KeyError, TypeError, ValueError, ApiProblem):
            return Session.anonymous()
        if time.time() - session.seen_at > self.idle_timeout:
            return Session.anonymous()
        return replace(session, seen_at=time.time())

    def write(self, response: Response, session: Session, *, secure: bool = False) -> None:
        """Sets the cookie; `secure` (the request came over HTTPS) keeps it off plain HTTP."""
        caller = session.caller
        data = {
            "csrf": session.csrf,
            "seen_at": session.seen_at,
            "via": session.via,
            "pending": session.pending,
            "caller": None
            if caller is None
            else {
                "sub": caller.sub,
                "role": caller.role,
                "municipalities": sorted(caller.municipalities),
            },
        }
        response.set_cookie(
            COOKIE,
            self._serializer.dumps(data),
            httponly=True,
            samesite="strict",
            secure=secure,
            path="/",
        )

    @staticmethod
    def clear(response: Response) -> None:
        response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict")
