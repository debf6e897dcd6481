"""The generated Python client (clients/python) against a live service: the caseworker's
tool of its README opens a plan and records a consultation with Idempotency-Key and
If-Match; a stale ETag is 412, a repeated key records once, refusals come back as typed
problems with their code."""

from __future__ import annotations

import datetime
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from iplan_client import AuthenticatedClient
from iplan_client.api.entries import hold_consultation
from iplan_client.api.lifecycle import close_plan
from iplan_client.api.plans import get_history, get_plan, open_plan
from iplan_client.models import (
    ClosureBody,
    ClosureReason,
    ConsultationBody,
    ConsultationSetting,
    FieldOfAction,
    HistoryView,
    OpenPlanBody,
    PlanView,
    Problem,
    Recorded,
)
from pydantic import SecretStr

from api.auth import issue_token
from infrastructure.settings import Settings
from tests.e2e.session import open_plan_body
from tests.live import ROOT, live_server

README = ROOT / "clients" / "python" / "README.md"
SECRET = "client-test-secret-" + "x" * 32
CODE_BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def readme_blocks() -> list[str]:
    return CODE_BLOCK.findall(README.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    tmp_path: Path = tmp_path_factory.mktemp("client")
    with live_server(tmp_path, {"IPLAN_JWT_SECRET": SECRET}) as server:
        token = issue_token(
            Settings(jwt_secret=SecretStr(SECRET)),
            sub="cw-anna",
            role="caseworker",
            municipalities=["08317096"],
        )
        yield server.url, token


@pytest.fixture
def client(service: tuple[str, str]) -> Iterator[AuthenticatedClient]:
    url, token = service
    with AuthenticatedClient(base_url=url, token=token, raise_on_unexpected_status=True) as c:
        yield c


@pytest.fixture
def tool() -> dict[str, Any]:
    """The caseworker's tool, as the README shows it."""
    namespace: dict[str, Any] = {}
    exec(compile(readme_blocks()[0], str(README), "exec"), namespace)
    return namespace


def consultation(notes: str = "Discussed the B1 course") -> ConsultationBody:
    return ConsultationBody(
        held_on=datetime.date(2025, 3, 2),
        duration_minutes=45,
        setting=ConsultationSetting.OFFICE,
        topics=[FieldOfAction.LANGUAGE],
        notes=notes,
    )


def new_plan(client: AuthenticatedClient, tool: dict[str, Any]) -> Recorded:
    recorded = tool["open_new_plan"](client, OpenPlanBody.from_dict(open_plan_body()))
    assert isinstance(recorded, Recorded)
    return recorded


def test_the_readme_usage_runs_as_written(service: tuple[str, str], tool: dict[str, Any]) -> None:
    url, token = service
    usage = readme_blocks()[1].replace("http://127.0.0.1:8000", url)
    namespace = {**tool, "TOKEN": token, "NEW_PLAN": open_plan_body()}
    exec(compile(usage, str(README), "exec"), namespace)
    assert namespace["recorded"].version == 2


def test_open_and_record_with_if_match_and_idempotency_key(
    client: AuthenticatedClient, tool: dict[str, Any]
) -> None:
    plan = new_plan(client, tool)
    seen = tool["current_version"](client, plan.id)
    assert seen == '"1"'
    recorded = tool["record_consultation"](client, plan.id, consultation(), seen)
    assert (recorded.id, recorded.version) == (plan.id, 2)
    state = get_plan.sync(plan.id, client=client)
    assert isinstance(state, PlanView)
    assert [c.notes for c in state.consultations] == ["Discussed the B1 course"]
    assert (state.profile.nationality, state.profile.birth_year) == ("SY", 1991)
    assert state.personal is not None
    assert state.personal.given_name == "Amira"


def test_a_stale_etag_is_a_typed_412_and_records_nothing(
    client: AuthenticatedClient, tool: dict[str, Any]
) -> None:
    plan = new_plan(client, tool)
    seen = tool["current_version"](client, plan.id)
    tool["record_consultation"](client, plan.id, consultation("first"), seen)
    with pytest.raises(tool["Refused"]) as refused:
        tool["record_consultation"](client, plan.id, consultation("second"), seen)
    assert refused.value.problem.status == 412
    assert refused.value.problem.code == "version_mismatch"
    history = get_history.sync(plan.id, client=client)
    assert isinstance(history, HistoryView)
    assert history.version == 2


def test_a_repeated_idempotency_key_records_once(client: AuthenticatedClient) -> None:
    plan = OpenPlanBody.from_dict(open_plan_body())
    opened = open_plan.sync(client=client, body=plan)
    assert isinstance(opened, Recorded)
    key = str(uuid.uuid4())
    answers = [
        hold_consultation.sync_detailed(
            opened.id, client=client, body=consultation(), idempotency_key=key, if_match='"1"'
        )
        for _ in range(3)
    ]
    assert [a.status_code for a in answers] == [201, 201, 201]
    assert {a.headers["ETag"] for a in answers} == {'"2"'}
    assert len({a.content for a in answers}) == 1
    state = get_plan.sync(opened.id, client=client)
    assert isinstance(state, PlanView)
    assert len(state.consultations) == 1
    reused = hold_consultation.sync_detailed(
        opened.id, client=client, body=consultation("other"), idempotency_key=key
    )
    assert isinstance(reused.parsed, Problem)
    assert (reused.status_code, reused.parsed.code) == (422, "idempotency_key_reused")


def test_refusals_are_typed_problems_with_their_code(
    client: AuthenticatedClient, tool: dict[str, Any]
) -> None:
    plan = new_plan(client, tool)
    closed = close_plan.sync(
        plan.id,
        client=client,
        body=ClosureBody(closed_on=datetime.date(2025, 3, 1), reason=ClosureReason.DECLINED),
    )
    assert isinstance(closed, Recorded)
    seen = tool["current_version"](client, plan.id)
    with pytest.raises(tool["Refused"]) as refused:
        tool["record_consultation"](client, plan.id, consultation(), seen)
    problem = refused.value.problem
    assert isinstance(problem, Problem)
    assert (problem.status, problem.code) == (409, "plan_closed")
    missing = get_plan.sync(uuid.uuid4(), client=client)
    assert isinstance(missing, Problem)
    assert (missing.status, missing.code) == (404, "plan_not_found")
