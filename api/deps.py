"""Dependencies the routers declare: settings, the plans application, the caller and their role."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.auth import Caller, TokenVerifier
from api.problems import Forbidden, Unauthenticated
from application.plans import IntegrationPlans
from infrastructure.settings import Settings
from infrastructure.store import build_plans


class PlansSource:
    """Builds the plans application on first use, so the API starts while the store is down."""

    def __init__(self, settings: Settings, plans: IntegrationPlans | None = None) -> None:
        self._settings = settings
        self._plans = plans
        self.owned = plans is None
        self._lock = threading.Lock()

    def get(self) -> IntegrationPlans:
        if self._plans is None:
            with self._lock:
                if self._plans is None:
                    self._plans = build_plans(self._settings)
        return self._plans

    def close(self) -> None:
        if self.owned and self._plans is not None:
            self._plans.close()
            self._plans = None


def get_settings(request: Request) -> Settings:
    """The settings the app was created with (built once, by whoever called create_app)."""
    settings: Settings = request.app.state.settings
    return settings


def get_plans(request: Request) -> IntegrationPlans:
    source: PlansSource = request.app.state.plans_source
    return source.get()


def correlation_id(request: Request) -> str:
    """The request's X-Request-ID (or the one generated for it by the logging middleware)."""
    value = getattr(request.state, "correlation_id", None)
    return value if isinstance(value, str) else str(uuid.uuid4())


bearer = HTTPBearer(auto_error=False, description="A JWT from `iplan token` or the county's IdP")


def get_caller(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Caller:
    if credentials is None:
        raise Unauthenticated("an Authorization: Bearer token is required", code="token_missing")
    verifier: TokenVerifier = request.app.state.token_verifier
    caller = verifier.verify(credentials.credentials)
    # For the request log: who asked (never what they sent).
    request.state.caller = caller
    return caller


def requires(*roles: str) -> Callable[[Caller], Caller]:
    """A dependency admitting callers in one of `roles`; anyone else gets 403."""

    def check(caller: Annotated[Caller, Depends(get_caller)]) -> Caller:
        if caller.role not in roles:
            raise Forbidden(
                f"the role {caller.role} may not do this; it needs {' or '.join(roles)}"
            )
        return caller

    return check


SettingsDep = Annotated[Settings, Depends(get_settings)]
PlansDep = Annotated[IntegrationPlans, Depends(get_plans)]
CorrelationId = Annotated[str, Depends(correlation_id)]
CaseworkerCaller = Annotated[Caller, Depends(requires("caseworker"))]
PlanReaderCaller = Annotated[Caller, Depends(requires("caseworker", "auditor", "admin"))]
AdminCaller = Annotated[Caller, Depends(requires("admin"))]
