"""The fast transcoder writes the library's bytes and reads them back, marks at any depth."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import UUID

from eventsourcing.persistence import JSONTranscoder

from application.plans import IntegrationPlans
from infrastructure.fast_json import FastJSONTranscoder


def test_the_fast_transcoder_writes_and_reads_what_the_librarys_does() -> None:
    library = IntegrationPlans().construct_transcoder()
    assert isinstance(library, JSONTranscoder)
    fast = FastJSONTranscoder.like(library)
    value = {
        "timestamp": datetime(2025, 3, 4, 12, 30, tzinfo=UTC),
        "effective_on": date(2025, 3, 4),
        "plan": UUID(int=7),
        "note": "ä",
        "count": 3,
        "nothing": None,
        "topics": ["language", {"on": date(2024, 1, 2), "ids": [UUID(int=8), 1.5]}],
        "profile": {"arrived_on": date(2023, 9, 1), "languages": ["ar"], "nested": {"a": []}},
    }
    stored = fast.encode(value)
    assert library.decode(stored) == value
    assert fast.decode(stored) == value
    assert fast.decode(library.encode(value)) == value
    assert fast.decode(fast.encode([date(2025, 1, 1), [UUID(int=1)]])) == [
        date(2025, 1, 1),
        [UUID(int=1)],
    ]
