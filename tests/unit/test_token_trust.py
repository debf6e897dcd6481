"""A verified token is taken on trust for a minute at most, and never past its expiry."""

from __future__ import annotations

import time
from typing import Any

import jwt
import pytest

from api.auth import TokenVerifier, issue_token
from api.problems import Unauthenticated
from infrastructure.settings import Settings

SETTINGS = Settings(jwt_secret="a-test-secret-of-enough-length-for-hs256")


def counted_decodes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    decode = jwt.decode

    def counting(token: str, *args: Any, **kwargs: Any) -> Any:
        calls.append(token)
        return decode(token, *args, **kwargs)

    monkeypatch.setattr(jwt, "decode", counting)
    return calls


def test_a_token_is_checked_once_a_minute(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = counted_decodes(monkeypatch)
    now = [1000.0]
    verifier = TokenVerifier(SETTINGS, clock=lambda: now[0])
    token = issue_token(SETTINGS, sub="cw", role="caseworker", municipalities=["08317096"])
    first = verifier.verify(token)
    now[0] += 59
    assert verifier.verify(token) == first
    assert len(calls) == 1
    now[0] += 2
    assert verifier.verify(token) == first
    assert len(calls) == 2


def test_a_trusted_token_still_expires() -> None:
    verifier = TokenVerifier(SETTINGS)
    token = issue_token(
        SETTINGS, sub="cw", role="caseworker", municipalities=["*"], hours=1.2 / 3600
    )
    verifier.verify(token)
    time.sleep(1.3)
    with pytest.raises(Unauthenticated, match="expired"):
        verifier.verify(token)


def test_an_invalid_token_is_never_trusted() -> None:
    verifier = TokenVerifier(SETTINGS)
    token = issue_token(SETTINGS, sub="cw", role="caseworker", municipalities=["*"])
    forged = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    for _ in range(2):
        with pytest.raises(Unauthenticated):
            verifier.verify(forged)
    assert verifier.verify(token).sub == "cw"
