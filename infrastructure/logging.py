"""structlog, configured once: key-value events, JSON off a terminal, personal fields refused."""

from __future__ import annotations

import logging
import sys
from collections.abc import Mapping, MutableMapping
from typing import Any

import structlog

from infrastructure.settings import Settings

# Keys that hold personal data (DESIGN section 6). A log event carrying one is not
# written with its value: the value is replaced, so a mistake cannot leak it.
PERSONAL_KEYS = frozenset(
    {
        "personal",
        "given_name",
        "family_name",
        "birth_date",
        "phone",
        "email",
        "address",
        "household_members",
        "notes",
        "description",
        "title",
        "reason",
        "outcome",
        "note",
        "consent_override_reason",
        "name",
        "body",
    }
)
REDACTED = "[personal data withheld]"
MAX_DEPTH = 8


def refuse_personal_fields(
    _logger: Any, _method: str, event_dict: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    """Withholds the value of every personal key, also inside nested dicts and lists."""
    for key, value in list(event_dict.items()):
        event_dict[key] = REDACTED if key in PERSONAL_KEYS else _withhold(value)
    return event_dict


def _withhold(value: Any, depth: int = 0) -> Any:
    if depth > MAX_DEPTH:
        return REDACTED  # deeper than any log event should be: not worth the risk
    if isinstance(value, Mapping):
        return {
            k: REDACTED if k in PERSONAL_KEYS else _withhold(v, depth + 1) for k, v in value.items()
        }
    if isinstance(value, tuple):  # keeps exc_info tuples what they are
        return tuple(_withhold(v, depth + 1) for v in value)
    if isinstance(value, list | set | frozenset):
        return [_withhold(v, depth + 1) for v in value]
    if not isinstance(value, str | bytes) and hasattr(value, "personal"):
        # An entry, a plan's state or a history line: its repr would show personal values.
        return f"<{type(value).__name__}: {REDACTED}>"
    return value


class CurrentStandardError:
    """Standard error as it is when a line is written, not as it was at configuration:
    whoever swaps sys.stderr (a test runner capturing output) gets the lines, and a
    background thread never writes to a stream closed meanwhile."""

    def write(self, text: str) -> int:
        return sys.stderr.write(text)

    def flush(self) -> None:
        sys.stderr.flush()


def configure_logging(settings: Settings) -> None:
    use_json = settings.log_format == "json" or (
        settings.log_format == "auto" and not sys.stderr.isatty()
    )
    renderer: Any = (
        structlog.processors.JSONRenderer() if use_json else structlog.dev.ConsoleRenderer()
    )
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            refuse_personal_fields,
            structlog.processors.format_exc_info,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(
            logging.getLevelNamesMapping().get(settings.log_level.upper(), logging.INFO)
        ),
        logger_factory=structlog.PrintLoggerFactory(CurrentStandardError()),  # type: ignore[arg-type]
        cache_logger_on_first_use=False,
    )
