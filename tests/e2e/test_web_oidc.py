"""OpenID Connect login against a small identity provider the test starts: authorization
code with PKCE, the ID token's claims mapped to role and municipalities."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from infrastructure.settings import Settings
from tests.oidc_provider import Provider, running_provider


@pytest.fixture
def provider() -> Iterator[Provider]:
    with running_provider() as running:
        yield running


@pytest.fixture
def client(provider: Provider, tmp_path: Path) -> Iterator[TestClient]:
    settings = Settings(
        store="sqlite", data_dir=tmp_path, oidc_issuer=provider.url,
        oidc_roles="im-team=caseworker,revision=auditor", oidc_role_claim="groups",
    )  # fmt: skip
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def log_in(client: TestClient) -> httpx.Response:
    """The browser's way: to the provider, which signs in at once, and back."""
    start = client.get("/login/oidc?next=/plans", follow_redirects=False)
    assert start.status_code == 303
    authorize = start.headers["location"]
    asked = parse_qs(urlsplit(authorize).query)
    assert asked["code_challenge_method"] == ["S256"]
    assert len(asked["code_challenge"][0]) == 43
    back = httpx.get(authorize, follow_redirects=False)
    assert back.status_code == 302
    callback = urlsplit(back.headers["location"])
    page: httpx.Response = client.get(f"{callback.path}?{callback.query}")
    return page


def test_a_county_account_logs_in_with_its_mapped_role_and_places(
    client: TestClient, provider: Provider
) -> None:
    provider.user = {
        "sub": "k.klein",
        "groups": ["staff", "im-team"],
        "municipalities": ["08317096"],
    }
    assert "Mit dem Konto des Landkreises anmelden" in client.get("/login").text
    page = log_in(client)
    assert page.url.path == "/plans"
    assert "k.klein (Integrationsmanager:in)" in page.text
    assert provider.refused == []


def test_an_account_without_a_role_in_iplan_is_refused(
    client: TestClient, provider: Provider
) -> None:
    provider.user = {"sub": "guest", "groups": ["staff"], "municipalities": ["*"]}
    page = log_in(client)
    assert page.status_code == 401
    assert "hat keine Rolle in iplan" in page.text
    assert client.get("/plans").url.path == "/login"


def test_a_callback_with_another_state_logs_no_one_in(
    client: TestClient, provider: Provider
) -> None:
    provider.user = {"sub": "k.klein", "groups": ["im-team"], "municipalities": ["*"]}
    start = client.get("/login/oidc", follow_redirects=False)
    back = httpx.get(start.headers["location"], follow_redirects=False)
    callback = urlsplit(back.headers["location"])
    code = parse_qs(callback.query)["code"][0]
    page = client.get(f"{callback.path}?code={code}&state=forged")
    assert page.status_code == 401
    assert client.get("/plans").url.path == "/login"


def test_a_code_without_its_pkce_verifier_is_refused_by_the_provider(
    provider: Provider,
) -> None:
    answer = httpx.post(
        f"{provider.url}/token", data={"code": "made-up", "code_verifier": "x" * 43}
    )
    assert answer.status_code == 400
