"""Folding entries into a plan's state, optionally re-applying the rules on the way."""

from __future__ import annotations

from collections.abc import Iterable

from domain import events as ev
from domain import rules
from domain.state import PlanState, evolve


def fold(entries: Iterable[ev.PlanEvent], *, checked: bool = False) -> PlanState:
    """The state after `entries`; `checked` re-applies the rules (used to vet a retraction)."""
    state = PlanState()
    for entry in entries:
        if checked:
            rules.check(entry, state, today=None)
        evolve(entry, state)
    return state
