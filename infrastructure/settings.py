"""The service's settings, read once from `IPLAN_*` environment variables and passed down."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every setting of the service; see the README's configuration table."""

    model_config = SettingsConfigDict(env_prefix="IPLAN_", extra="ignore")

    store: Literal["memory", "sqlite", "postgres"] = Field(
        "sqlite", description="Event store: embedded SQLite (default), PostgreSQL, or memory."
    )
    data_dir: Path = Field(
        Path("var"), description="Embedded mode: SQLite files, generated secret and master key."
    )
    postgres_host: str = "127.0.0.1"
    postgres_port: int = 5432
    postgres_dbname: str = "iplan"
    postgres_user: str = "postgres"
    postgres_password: SecretStr = SecretStr("")
    postgres_schema: str = Field("", description="Schema for the event store (default public).")
    postgres_pool_size: int = Field(8, description="Connections kept; size it to the threads.")
    postgres_max_overflow: int = Field(4, description="Extra connections under load.")
    postgres_connect_timeout: int = Field(
        5, description="Seconds to wait for a connection before failing with 503."
    )
    postgres_lock_timeout: int = Field(
        5, description="Seconds a write waits for the table lock before failing."
    )
    jwt_secret: SecretStr | None = Field(
        None, description="HS256 signing secret; embedded default: generated in data_dir."
    )
    jwt_public_key: str | None = Field(
        None, description="RS256: the identity provider's public key (PEM)."
    )
    jwt_jwks_url: str | None = Field(
        None, description="RS256: the identity provider's JWKS URL (instead of a PEM key)."
    )
    api_max_body_bytes: int = Field(65536, description="Request bodies above this get 413.")
    projections_in_process: bool | None = Field(
        None,
        description="Run the read models in the API process; false when `iplan project` "
        "workers run them (the API then only reads them). Default: true on the embedded "
        "store, false on PostgreSQL (its deployment runs `iplan project` workers).",
    )
    projection_wait_seconds: float = Field(
        5.0, description="How long a read with min_position waits for the read models (503 after)."
    )
    earliest_date: date = Field(
        date(2015, 1, 1), description="No effective date of an entry may lie before this day."
    )
    municipalities_file: Path | None = Field(
        None,
        description="The county's municipalities as CSV (columns ags,name,kind,population, like "
        "the shipped list); default: the shipped Ortenaukreis list.",
    )
    ready_max_lag_seconds: float = Field(
        60.0,
        description="Readiness fails while a read model is further behind the entries than this.",
    )
    request_threads: int | None = Field(
        None,
        description="Threads serving requests; default: the PostgreSQL pool's size plus "
        "overflow, or 16 on SQLite.",
    )
    max_concurrent_requests: int | None = Field(
        None,
        description="Requests in flight at most; past it a request gets 503 with Retry-After "
        "at once. Default: twice the request threads.",
    )
    header_timeout_seconds: float = Field(
        10.0, description="A connection whose request headers take longer is closed."
    )
    body_timeout_seconds: float = Field(
        30.0, description="A request whose body takes longer to arrive gets 408."
    )
    anchor_dir: Path | None = Field(
        None,
        description="Append-only directory of the signed chain-head checkpoints "
        "(default: data_dir/anchors); in production a WORM or separate store.",
    )
    anchor_key_file: Path | None = Field(
        None,
        description="The checkpoints' Ed25519 signing key, kept apart from the database "
        "(default: data_dir/anchor.key, made with the first checkpoint).",
    )
    anchor_public_key: str | None = Field(
        None,
        description="Base64 Ed25519 public key to verify checkpoints with where the signing "
        "key is not at hand (auditors): `iplan anchor --public-key` prints it.",
    )
    anchor_interval_seconds: float = Field(
        300.0, description="How often the service writes a checkpoint; 0: only `iplan anchor`."
    )
    min_cell_persons: int = Field(
        5,
        ge=2,
        le=100,
        description="Analysts' figures counting fewer persons than this are suppressed.",
    )
    retention_years: int | None = Field(
        None,
        ge=1,
        le=100,
        description="Erase the personal data of plans closed longer ago than this, "
        "automatically (unset: never).",
    )
    oidc_issuer: str | None = Field(
        None,
        description="Web login through the county's OpenID Connect provider: its issuer URL "
        "(discovery at /.well-known/openid-configuration). Unset: local accounts only.",
    )
    oidc_client_id: str = Field("iplan", description="This service's client id at the provider.")
    oidc_client_secret: SecretStr | None = Field(
        None, description="The client secret, if the provider gave one (PKCE is used anyway)."
    )
    oidc_redirect_url: str | None = Field(
        None,
        description="The callback URL registered at the provider "
        "(default: this service's /login/oidc/callback as the browser reached it).",
    )
    oidc_scope: str = Field("openid profile", description="Scopes asked for.")
    oidc_role_claim: str = Field("role", description="The ID token's claim naming the role.")
    oidc_roles: str = Field(
        "",
        description="Claim values to roles, e.g. 'im-team=caseworker,revision=auditor'; "
        "unset: the claim holds the role's own name.",
    )
    oidc_municipalities_claim: str = Field(
        "municipalities", description="The ID token's claim listing AGS keys (or '*')."
    )
    log_level: str = "INFO"
    log_format: Literal["auto", "json", "console"] = Field(
        "auto", description="auto: JSON unless standard error is a terminal."
    )
    master_key: SecretStr | None = Field(
        None,
        description="Base64 256-bit key wrapping each plan's data key; "
        "embedded default: generated once in data_dir/master.key.",
    )
    previous_master_keys: SecretStr = Field(
        SecretStr(""),
        description="Comma-separated base64 master keys still readable until `iplan keys rotate`.",
    )

    @property
    def runs_projections(self) -> bool:
        """Whether the API process runs the read models (see projections_in_process)."""
        if self.projections_in_process is not None:
            return self.projections_in_process
        return self.store != "postgres"

    @property
    def threads(self) -> int:
        """How many requests are served at once (the sync endpoints' thread pool)."""
        if self.request_threads is not None:
            return self.request_threads
        if self.store == "postgres":
            return self.postgres_pool_size + self.postgres_max_overflow
        return 16

    @property
    def concurrency_limit(self) -> int:
        return self.max_concurrent_requests or 2 * self.threads

    def postgres_connection_kwargs(self) -> dict[str, str | int]:
        """How to reach PostgreSQL with psycopg directly (probes, bulk tools)."""
        return {
            "host": self.postgres_host,
            "port": self.postgres_port,
            "dbname": self.postgres_dbname,
            "user": self.postgres_user,
            "password": self.postgres_password.get_secret_value(),
        }

    @property
    def anchor_path(self) -> Path:
        return self.anchor_dir or self.data_dir / "anchors"

    @property
    def anchor_key_path(self) -> Path:
        return self.anchor_key_file or self.data_dir / "anchor.key"

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "iplan.sqlite3"

    def eventsourcing_env(self) -> dict[str, str]:
        """The library's configuration, built in this one place."""
        if self.store == "memory":
            return {"PERSISTENCE_MODULE": "eventsourcing.popo"}
        if self.store == "sqlite":
            return {
                "PERSISTENCE_MODULE": "eventsourcing.sqlite",
                "SQLITE_DBNAME": str(self.sqlite_path),
                "SQLITE_LOCK_TIMEOUT": "10",
            }
        return {
            "PERSISTENCE_MODULE": "eventsourcing.postgres",
            "POSTGRES_HOST": self.postgres_host,
            "POSTGRES_PORT": str(self.postgres_port),
            "POSTGRES_DBNAME": self.postgres_dbname,
            "POSTGRES_USER": self.postgres_user,
            "POSTGRES_PASSWORD": self.postgres_password.get_secret_value(),
            "POSTGRES_SCHEMA": self.postgres_schema,
            "POSTGRES_POOL_SIZE": str(self.postgres_pool_size),
            "POSTGRES_MAX_OVERFLOW": str(self.postgres_max_overflow),
            "POSTGRES_CONNECT_TIMEOUT": str(self.postgres_connect_timeout),
            "POSTGRES_LOCK_TIMEOUT": str(self.postgres_lock_timeout),
            # No round trip per checkout: dead connections are found by their socket
            # (infrastructure/postgres_connections.py).
            "POSTGRES_PRE_PING": "n",
            "POSTGRES_IDLE_IN_TRANSACTION_SESSION_TIMEOUT": "30",
        }
