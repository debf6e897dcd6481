"""No personal value reaches a log line, however it is passed to the logger."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Literal
from uuid import uuid4

import pytest
import structlog
from structlog.typing import FilteringBoundLogger

from domain import events as ev
from infrastructure.logging import REDACTED, configure_logging
from infrastructure.settings import Settings

SECRETS = ("Zebulon-Qx7", "ULTRASECRET-NOTE-42", "Geheimweg 99", "Quirinus-Vb3", "+49 781 555")


def an_entry() -> ev.PlanEvent:
    return ev.ConsultationHeld(
        originator_id=uuid4(),
        originator_version=2,
        timestamp=ev.ConsultationHeld.create_timestamp(),
        effective_on=date(2025, 2, 1),
        actor="cw-anna",
        role="caseworker",
        correlation_id="req-1",
        idempotency_key=None,
        request_digest=None,
        personal={"notes": "ULTRASECRET-NOTE-42"},
        duration_minutes=45,
        setting="office",
        interpreter_language=None,
        topics=["language"],
    )


@pytest.fixture(params=["json", "console"])
def log_lines(request: pytest.FixtureRequest) -> Callable[[], FilteringBoundLogger]:
    """A logger configured as the service does; call it inside the test, where the
    captured standard error is in place."""
    log_format: Literal["json", "console"] = request.param

    def configured() -> FilteringBoundLogger:
        configure_logging(Settings(log_format=log_format, log_level="DEBUG"))
        logger: FilteringBoundLogger = structlog.get_logger()
        return logger

    return configured


def written(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    return captured.err + captured.out


def test_personal_keys_are_withheld_at_the_top_level(
    log_lines: Callable[[], FilteringBoundLogger], capsys: pytest.CaptureFixture[str]
) -> None:
    log_lines().info(
        "plan_opened",
        plan_id="p-1",
        caseworker="cw-visible-Kq2",
        given_name="Zebulon-Qx7",
        notes="ULTRASECRET-NOTE-42",
        address="Geheimweg 99",
        phone="+49 781 555 0101",
    )
    line = written(capsys)
    assert "plan_opened" in line
    assert "cw-visible-Kq2" in line  # what is not personal is still logged
    assert REDACTED in line
    for secret in SECRETS:
        assert secret not in line, secret


def test_personal_keys_are_withheld_inside_nested_values(
    log_lines: Callable[[], FilteringBoundLogger], capsys: pytest.CaptureFixture[str]
) -> None:
    log_lines().warning(
        "request_rejected",
        body_fields={"personal": {"given_name": "Zebulon-Qx7"}, "municipality": "08317096"},
        details=[
            {"household_members": [{"name": "Quirinus-Vb3"}]},
            {"notes": "ULTRASECRET-NOTE-42"},
        ],
        changes=({"address": "Geheimweg 99"},),
    )
    line = written(capsys)
    assert "08317096" in line
    for secret in SECRETS:
        assert secret not in line, secret


def test_entries_and_bound_context_never_show_their_personal_values(
    log_lines: Callable[[], FilteringBoundLogger], capsys: pytest.CaptureFixture[str]
) -> None:
    logger = log_lines()
    bound = logger.bind(personal={"phone": "+49 781 555 0101"})
    bound.error("entry_saved", entry=an_entry(), entries=[an_entry()])
    structlog.contextvars.bind_contextvars(given_name="Zebulon-Qx7")
    try:
        logger.info("request_done", status=201)
    finally:
        structlog.contextvars.clear_contextvars()
    line = written(capsys)
    assert "entry_saved" in line
    assert "request_done" in line
    assert "ConsultationHeld" in line
    for secret in SECRETS:
        assert secret not in line, secret


def test_exceptions_are_still_rendered(
    log_lines: Callable[[], FilteringBoundLogger], capsys: pytest.CaptureFixture[str]
) -> None:
    logger = log_lines()
    try:
        raise RuntimeError("database went away")
    except RuntimeError as error:
        logger.error("write_failed", exc_info=(type(error), error, error.__traceback__))
    assert "database went away" in written(capsys)
