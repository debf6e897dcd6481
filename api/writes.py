"""How every write runs: scope check, entry context, If-Match, Idempotency-Key, ETag."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Header, Request, Response
from fastapi.types import DecoratedCallable

from api.auth import Caller
from api.deps import AdminCaller, CaseworkerCaller, CorrelationId, PlansDep
from api.errors import problem_responses, with_etag
from api.problems import Forbidden, MalformedRequest, NotFound
from api.schemas.common import Recorded as RecordedAnswer
from api.schemas.entries import EntryBody
from api.schemas.plans import OpenPlanBody
from application.answers import Recorded
from application.plans import IntegrationPlans, P, PlanCommand
from domain.context import EntryContext

WRITE_RESPONSES = with_etag(201, problem_responses(400, 401, 403, 404, 409, 412, 413, 422, 503))
ENTITY_TAG = re.compile(r'^[ \t]*(?:"(\d{1,18})"|(\d{1,18}))[ \t]*$')
# What the document says If-Match may be: an entity tag as above, or * for any version.
IF_MATCH = r'^[ \t]*(?:\*|"\d{1,18}"|\d{1,18})[ \t]*$'

IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        description='The plan version the write expects, as its ETag: "4" (or `*`: any). '
        "Mismatch: 412 version_mismatch; anything else: 400 invalid_if_match.",
        examples=['"4"'],
        json_schema_extra={"pattern": IF_MATCH},
    ),
]
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=200,
        pattern=r"^[\x21-\x7e]+$",
        description="Repeating a request with the same key returns the first answer.",
        examples=["0b8e1d1e-5c2f-4a7c-9d0e-2f4d1b3c6a7e"],
    ),
]


def expected_version(if_match: str | None) -> int | None:
    if if_match is None or if_match.strip(" \t") == "*":
        return None
    match = ENTITY_TAG.match(if_match)
    if match is None:
        raise MalformedRequest(
            'If-Match must be a plan version as an entity tag, e.g. "4"', code="invalid_if_match"
        )
    return int(match.group(1) or match.group(2))


def request_digest(request: Request, body: EntryBody) -> str:
    """Identifies a request for Idempotency-Key: method, path and the canonical body."""
    canonical = json.dumps(body.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
    text = f"{request.method}\n{request.url.path}\n{canonical}"
    return hashlib.sha256(text.encode()).hexdigest()


def etag(version: int) -> str:
    return f'"{version}"'


def plan_in_scope(plans: IntegrationPlans, plan_id: UUID, caller: Caller) -> None:
    """A plan outside the caller's municipalities answers as if it did not exist."""
    if not caller.covers(plans.get_plan(plan_id).state.municipality):
        raise NotFound(f"no plan {plan_id}")


class PlanWriter:
    """Runs one IntegrationPlans command for the caller and shapes the answer."""

    def __init__(
        self,
        plans: IntegrationPlans,
        caller: Caller,
        request: Request,
        response: Response,
        correlation_id: str,
        if_match: str | None,
        idempotency_key: str | None,
    ) -> None:
        self.plans = plans
        self.caller = caller
        # What effective dates the contract leaves optional default to (DESIGN 4a).
        self.today: date = plans.today()
        self._request = request
        self._response = response
        self._correlation_id = correlation_id
        self._expected_version = expected_version(if_match)
        self._idempotency_key = idempotency_key

    def open(self, body: OpenPlanBody) -> dict[str, Any]:
        if not self.caller.covers(body.municipality):
            raise Forbidden(
                f"the token does not cover municipality {body.municipality}",
                code="municipality_out_of_scope",
            )
        recorded = self.plans.open_plan(
            self._context(body),
            municipality=body.municipality,
            caseworker=body.caseworker,
            opened_on=body.opened_on,
            profile=body.profile.model_dump(),
            # Personal values are kept as JSON primitives: they are encrypted as a document.
            personal=body.personal.model_dump(mode="json"),
        )
        self._response.headers["Location"] = f"/v1/plans/{recorded.id}"
        return self._answer(recorded)

    def record(
        self,
        plan_id: UUID,
        body: EntryBody,
        command: PlanCommand[P],
        /,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> dict[str, Any]:
        """Runs the plan's `command` with the details the route took from `body` and its path.

        The scope check happens on the plan the command runs on: one load per write.
        """
        recorded = self.plans.record(plan_id, command, self._context(body), *args, **kwargs)
        return self._answer(recorded)

    def _context(self, body: EntryBody) -> EntryContext:
        key = self._idempotency_key
        return self.plans.context(
            actor=self.caller.sub,
            role=self.caller.role,
            correlation_id=self._correlation_id,
            idempotency_key=key,
            request_digest=None if key is None else request_digest(self._request, body),
            expected_version=self._expected_version,
            scope=self.caller.scope,
        )

    def _answer(self, recorded: Recorded) -> dict[str, Any]:
        # A repeated request answers exactly as the first did: same status, body and ETag.
        self._response.headers["ETag"] = etag(recorded.version)
        answer: dict[str, Any] = {
            "id": recorded.id,
            "version": recorded.version,
            "position": recorded.position,
        }
        if recorded.child_field is not None:
            answer[recorded.child_field] = recorded.child_id
        return answer


async def caseworker_writer(
    caller: CaseworkerCaller,
    plans: PlansDep,
    request: Request,
    response: Response,
    correlation_id: CorrelationId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> PlanWriter:
    # The caller comes first: a missing token is 401 even while the store is down.
    return PlanWriter(plans, caller, request, response, correlation_id, if_match, idempotency_key)


async def admin_writer(
    caller: AdminCaller,
    plans: PlansDep,
    request: Request,
    response: Response,
    correlation_id: CorrelationId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> PlanWriter:
    return PlanWriter(plans, caller, request, response, correlation_id, if_match, idempotency_key)


CaseworkerWriter = Annotated[PlanWriter, Depends(caseworker_writer)]
AdminWriter = Annotated[PlanWriter, Depends(admin_writer)]


def post_entry(
    router: APIRouter, path: str, summary: str, answer: type[RecordedAnswer] = RecordedAnswer
) -> Callable[[DecoratedCallable], DecoratedCallable]:
    """The route of one write: POST, 201 with the write answer, every problem it may get."""
    return router.post(
        path, status_code=201, response_model=answer, responses=WRITE_RESPONSES, summary=summary
    )
