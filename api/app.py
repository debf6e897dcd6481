"""The FastAPI application factory: everything the app uses is built from the given settings."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

from api.auth import TokenVerifier
from api.deps import PlansSource, ReadModelsSource
from api.errors import install_error_handlers
from api.metrics import Metrics
from api.middleware import (
    BodyLimitMiddleware,
    ConcurrencyLimitMiddleware,
    RequestLogMiddleware,
)
from api.openapi import describe_with_contract, operation_id
from api.routers import (
    audit,
    entries,
    goals,
    health,
    lifecycle,
    meeting,
    placements,
    plan_lists,
    projections_admin,
    stats,
    subject_access,
    tables,
)
from api.routers import plans as plan_routes
from api.web.app import install_web
from application.plans import IntegrationPlans
from infrastructure.housekeeping import Periodic
from infrastructure.logging import configure_logging
from infrastructure.readiness import StoreProbe
from infrastructure.retention import erase_expired
from infrastructure.settings import Settings
from infrastructure.store import events_table_name

RETENTION_INTERVAL_S = 3600.0
# The collector's full passes: after this many passes over the middle generation (the
# interpreter's default is 10).
FULL_COLLECTION_EVERY = 100
DESCRIPTION = """\
Integration plans of refugees in follow-up accommodation, recorded as immutable entries.

Authenticate with `Authorization: Bearer <JWT>` (claims `sub`, `role`, `municipalities`).
For the embedded default, `iplan token --role caseworker --sub cw1 --municipality 08317096`
prints one. A plan outside the token's municipalities answers 404 as if it did not exist;
opening a plan in such a municipality answers 403 (the caller named it, nothing is hidden).
Writes answer `ETag: "<version>"`; send it back as `If-Match` to refuse lost updates (412).

Lists, the worklist, the audit log and the figures are served by read models that follow
the entries. Every write answers its global `position`; pass it as `min_position` to such a
read to see your write: the read waits a few seconds at most (then 503 `projection_lagging`
with `Retry-After`) and answers its own `position` (also as `X-Projection-Position`).

Dates are `YYYY-MM-DD`, times RFC 3339 with an offset. An entry's effective date (`held_on`,
`given_on`, `completed_on`, `on`, …) lies neither in the future (409
`effective_date_in_future`) nor before the plan was opened (409
`effective_date_before_opening`); no date lies before the county's earliest date, and due,
target and start dates lie at most 10 years ahead (422 `implausible_date`). A write sent
with `Idempotency-Key` may be repeated safely; with `If-Match` it is refused (412) if the
plan changed since. Every error is `application/problem+json` with a stable `code`.
"""


def housekeeping(
    settings: Settings, source: PlansSource, read_models: ReadModelsSource
) -> list[Periodic]:
    """Anchor checkpoints and retention, if configured (the memory store keeps nothing)."""
    jobs = []
    if settings.store != "memory" and settings.anchor_interval_seconds > 0:
        jobs.append(
            Periodic("anchor", settings.anchor_interval_seconds, lambda: source.get().anchor())
        )
    years = settings.retention_years
    if years is not None:
        jobs.append(
            Periodic(
                "retention",
                RETENTION_INTERVAL_S,
                lambda: erase_expired(source.get(), read_models.get(), years),
            )
        )
    return jobs


def create_app(settings: Settings, plans: IntegrationPlans | None = None) -> FastAPI:
    """An app on `plans`, or on a plans application it builds from `settings` when first used."""
    configure_logging(settings)
    source = PlansSource(settings, plans)
    read_models = ReadModelsSource(settings, source)
    probe = (
        None if settings.store == "memory" else StoreProbe(settings, events_table_name(settings))
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Sync endpoints run in anyio's thread pool: on PostgreSQL no more threads than
        # pooled connections; the concurrency limit sheds what would only queue.
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.threads
        # In process, the read models catch up in the background: the API serves at once.
        read_models.start()
        jobs = housekeeping(settings, source, read_models)
        for job in jobs:
            job.start()
        # What starting made (modules, the app, the catalogues) lives as long as the process:
        # kept out of the collector's full passes, which a table query would otherwise pay.
        gc.freeze()
        # A full pass stops every thread, 26 to 65 ms at a time under a stream of writes
        # (measured), and found next to nothing to free: it runs a tenth as often.
        young, middle, _ = gc.get_threshold()
        gc.set_threshold(young, middle, FULL_COLLECTION_EVERY)
        try:
            yield
        finally:
            for job in jobs:
                job.stop()
            read_models.close()
            source.close()
            if probe is not None:
                probe.close()

    # The docs' Swagger UI and ReDoc are served from the package, not a CDN: the service
    # runs on county intranets without internet (no validator badge, no web fonts).
    app = FastAPIOffline(
        title="iplan — integration plans",
        version="1",
        description=DESCRIPTION,
        lifespan=lifespan,
        swagger_ui_parameters={"validatorUrl": None},
        generate_unique_id_function=operation_id,
    )
    app.openapi = describe_with_contract(app)  # type: ignore[method-assign]
    app.state.settings = settings
    app.state.plans_source = source
    app.state.read_models_source = read_models
    app.state.store_probe = probe
    app.state.token_verifier = TokenVerifier(settings)
    app.state.metrics = Metrics()
    install_error_handlers(app)
    routers = (
        plan_lists,
        plan_routes,
        subject_access,
        entries,
        goals,
        placements,
        lifecycle,
        audit,
        stats,
        tables,
        meeting,
    )
    for module in (*routers, projections_admin, health):
        app.include_router(module.router)
    install_web(app, settings, source)
    app.add_middleware(
        BodyLimitMiddleware,
        max_bytes=settings.api_max_body_bytes,
        timeout=settings.body_timeout_seconds,
    )
    app.add_middleware(
        ConcurrencyLimitMiddleware,
        limit=settings.concurrency_limit,
        connect_timeout=settings.postgres_connect_timeout,
    )
    app.add_middleware(RequestLogMiddleware, metrics=app.state.metrics)
    return app
