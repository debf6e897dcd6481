"""OpenID Connect login: authorization code flow with PKCE (S256) against the county's
identity provider, the ID token checked with joserfc against the provider's keys, its
claims mapped to a role and municipalities.

Three plain HTTPS calls (discovery, token, keys) use the standard library: the service
needs no HTTP client library at run time.
"""

from __future__ import annotations

import json
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any, cast

from authlib.common.security import generate_token
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from api.auth import Caller, caller_from
from api.problems import ApiProblem
from infrastructure.settings import Settings

TIMEOUT_S = 10
METADATA_TTL_S = 3600


class OidcLoginFailed(Exception):
    """The provider's answer does not log anyone in (the reason is for the log, not the page)."""


@dataclass(frozen=True)
class Pending:
    """What the callback must find again: kept in the signed session cookie."""

    state: str
    verifier: str
    nonce: str
    target: str

    def as_dict(self) -> dict[str, str]:
        return dict(vars(self))

    @classmethod
    def of(cls, data: dict[str, str] | None) -> Pending | None:
        try:
            return None if data is None else cls(**data)
        except TypeError:
            return None


def _fetch(url: str, form: dict[str, str] | None = None) -> dict[str, Any]:
    if not url.startswith(("https://", "http://")):
        raise OidcLoginFailed(f"not an http(s) URL: {url}")
    data = None if form is None else urllib.parse.urlencode(form).encode()
    request = urllib.request.Request(url, data=data, headers={"Accept": "application/json"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as answer:  # noqa: S310
            body: dict[str, Any] = json.loads(answer.read())
    except (OSError, ValueError) as error:
        raise OidcLoginFailed(f"{url}: {error}") from None
    return body


class OidcClient:
    """The service as a client of the county's identity provider."""

    def __init__(self, settings: Settings) -> None:
        assert settings.oidc_issuer is not None
        self.issuer = settings.oidc_issuer.rstrip("/")
        self.client_id = settings.oidc_client_id
        secret = settings.oidc_client_secret
        self.client_secret = None if secret is None else secret.get_secret_value()
        self.redirect_url = settings.oidc_redirect_url
        self.scope = settings.oidc_scope
        self.role_claim = settings.oidc_role_claim
        self.places_claim = settings.oidc_municipalities_claim
        pairs = [p.split("=", 1) for p in settings.oidc_roles.split(",") if "=" in p]
        self.roles = {k.strip(): v.strip() for k, v in pairs}
        self._metadata: dict[str, Any] | None = None
        self._fetched_at = 0.0

    def metadata(self) -> dict[str, Any]:
        if self._metadata is None or time.monotonic() - self._fetched_at > METADATA_TTL_S:
            self._metadata = _fetch(f"{self.issuer}/.well-known/openid-configuration")
            self._fetched_at = time.monotonic()
        return self._metadata

    def start(self, callback: str, target: str) -> tuple[str, Pending]:
        """Where to send the browser, and what to remember until it comes back."""
        pending = Pending(generate_token(32), generate_token(64), generate_token(32), target)
        query = {
            "response_type": "code",
            "client_id": self.client_id,
            "redirect_uri": self.redirect_url or callback,
            "scope": self.scope,
            "state": pending.state,
            "nonce": pending.nonce,
            "code_challenge": create_s256_code_challenge(pending.verifier),
            "code_challenge_method": "S256",
        }
        endpoint = self.metadata()["authorization_endpoint"]
        return f"{endpoint}?{urllib.parse.urlencode(query)}", pending

    def finish(self, callback: str, pending: Pending, code: str, state: str) -> Caller:
        """Exchanges the code (with the PKCE verifier) and maps the ID token to a caller."""
        if state != pending.state:
            raise OidcLoginFailed("the state does not match the login under way")
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": self.redirect_url or callback,
            "client_id": self.client_id,
            "code_verifier": pending.verifier,
        }
        if self.client_secret is not None:
            form["client_secret"] = self.client_secret
        metadata = self.metadata()
        tokens = _fetch(metadata["token_endpoint"], form)
        id_token = tokens.get("id_token")
        if not isinstance(id_token, str):
            raise OidcLoginFailed("the provider answered no ID token")
        return self.caller(self.claims(id_token, pending.nonce))

    def claims(self, id_token: str, nonce: str) -> dict[str, Any]:
        keys = KeySet.import_key_set(cast("Any", _fetch(self.metadata()["jwks_uri"])))
        try:
            token = jwt.decode(id_token, keys, algorithms=["RS256", "ES256", "PS256"])
            jwt.JWTClaimsRegistry(
                leeway=60,
                iss={"essential": True, "value": self.metadata().get("issuer", self.issuer)},
                aud={"essential": True, "value": self.client_id},
                nonce={"essential": True, "value": nonce},
                sub={"essential": True},
                exp={"essential": True},
            ).validate(token.claims)
        except (JoseError, ValueError) as error:
            raise OidcLoginFailed(f"the ID token is not valid: {error}") from None
        return token.claims

    def caller(self, claims: dict[str, Any]) -> Caller:
        role = claims.get(self.role_claim)
        if isinstance(role, list):  # a groups claim: the first group that maps to a role
            role = next((self.roles[r] for r in role if r in self.roles), None)
        elif self.roles:
            role = self.roles.get(str(role))
        places = claims.get(self.places_claim)
        if isinstance(places, str):
            places = [p.strip() for p in places.split(",") if p.strip()]
        try:
            return caller_from({"sub": claims.get("sub"), "role": role, "municipalities": places})
        except ApiProblem as problem:
            raise OidcLoginFailed(problem.detail) from None
