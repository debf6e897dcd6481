"""Tokens: `iplan token` for the embedded default, RS256 from an identity provider (PEM, JWKS)."""

from __future__ import annotations

import json
import stat
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from api.cli import app as cli
from infrastructure.secrets import SECRET_FILE
from infrastructure.settings import Settings
from tests.builders import OFFENBURG
from tests.e2e.session import open_plan_body

PRIVATE_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
PUBLIC_PEM = (
    PRIVATE_KEY.public_key()
    .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    .decode()
)


def rs256_token(role: str = "caseworker", kid: str | None = None) -> str:
    claims = {
        "sub": "idp-user",
        "role": role,
        "municipalities": [OFFENBURG],
        "exp": datetime.now(UTC) + timedelta(hours=1),
    }
    headers = {"kid": kid} if kid else None
    return jwt.encode(claims, PRIVATE_KEY, algorithm="RS256", headers=headers)


def test_iplan_token_prints_a_token_the_app_accepts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IPLAN_DATA_DIR", str(tmp_path))
    result = CliRunner().invoke(
        cli,
        ["token", "--role", "caseworker", "--sub", "cw1", "--municipality", OFFENBURG],
    )
    assert result.exit_code == 0, result.output
    token = result.stdout.strip()
    assert "\n" not in token
    secret_file = tmp_path / SECRET_FILE
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600

    settings = Settings(store="sqlite", data_dir=tmp_path)
    with TestClient(create_app(settings)) as client:
        headers = {"Authorization": f"Bearer {token}"}
        opened = client.post("/v1/plans", json=open_plan_body(), headers=headers)
        assert opened.status_code == 201, opened.text
        assert client.get(opened.headers["location"], headers=headers).status_code == 200


def test_iplan_token_refuses_an_unknown_role_and_signs_with_the_configured_expiry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IPLAN_DATA_DIR", str(tmp_path))
    refused = CliRunner().invoke(
        cli, ["token", "--role", "boss", "--sub", "x", "--municipality", "*"]
    )
    assert refused.exit_code == 2
    assert refused.stdout == ""
    issued = CliRunner().invoke(
        cli,
        ["token", "--role", "auditor", "--sub", "a", "--municipality", "*", "--hours", "1"],
    )
    claims = jwt.decode(issued.stdout.strip(), options={"verify_signature": False})
    assert claims["municipalities"] == ["*"]
    assert claims["exp"] - claims["iat"] == 3600


def test_rs256_tokens_are_checked_against_the_configured_public_key(tmp_path: Path) -> None:
    settings = Settings(store="sqlite", data_dir=tmp_path, jwt_public_key=PUBLIC_PEM)
    with TestClient(create_app(settings)) as client:
        accepted = client.post(
            "/v1/plans",
            json=open_plan_body(),
            headers={"Authorization": f"Bearer {rs256_token()}"},
        )
        assert accepted.status_code == 201, accepted.text
        forged = jwt.encode(
            {"sub": "x", "role": "caseworker", "municipalities": ["*"], "exp": 4102444800},
            "a-guessed-hs256-secret-of-sufficient-length",
            algorithm="HS256",
        )
        refused = client.get("/v1/plans/x", headers={"Authorization": f"Bearer {forged}"})
        assert refused.status_code == 401


@pytest.fixture
def jwks_url() -> Iterator[str]:
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(PRIVATE_KEY.public_key()))
    body = json.dumps({"keys": [{**jwk, "kid": "key-1", "use": "sig", "alg": "RS256"}]})

    class Keys(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body.encode())

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Keys)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/jwks.json"
    server.shutdown()
    server.server_close()


def test_rs256_tokens_are_checked_against_a_jwks_url(tmp_path: Path, jwks_url: str) -> None:
    settings = Settings(store="sqlite", data_dir=tmp_path, jwt_jwks_url=jwks_url)
    with TestClient(create_app(settings)) as client:
        ok = client.post(
            "/v1/plans",
            json=open_plan_body(),
            headers={"Authorization": f"Bearer {rs256_token(kid='key-1')}"},
        )
        assert ok.status_code == 201, ok.text
        unknown_key = client.post(
            "/v1/plans",
            json=open_plan_body(),
            headers={"Authorization": f"Bearer {rs256_token(kid='key-2')}"},
        )
        assert unknown_key.status_code == 401


def test_an_unreachable_jwks_url_is_503_not_401(tmp_path: Path) -> None:
    settings = Settings(
        store="sqlite", data_dir=tmp_path, jwt_jwks_url="http://127.0.0.1:1/jwks.json"
    )
    with TestClient(create_app(settings)) as client:
        response = client.get(
            "/v1/plans/x", headers={"Authorization": f"Bearer {rs256_token(kid='key-1')}"}
        )
    assert response.status_code == 503
    assert response.json()["code"] == "keys_unavailable"
    assert response.headers["retry-after"]
