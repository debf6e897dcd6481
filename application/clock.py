"""Today's date where the caseworkers are: effective dates are judged against it."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")


def today_in_germany() -> date:
    return datetime.now(BERLIN).date()
