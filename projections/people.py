"""Who a plan is about, as read models may hold it: sealed, or as blind index terms.

Read models never hold a personal value in plain text. A plan's display name is sealed
with the plan's own key (so erasure shreds it), and the person is findable through keyed
digests of the normalised forms of their names and birth date (a blind index). Making
both is the infrastructure's (`People`); a projection only stores what it is given.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from uuid import UUID

from domain.plan import IntegrationPlan

SEARCH_TERMS = "search_terms"  # the table of a plan's blind index terms


@dataclass(frozen=True)
class Person:
    display_name: str | None = None  # given and family name, sealed with the plan's key
    terms: tuple[str, ...] = ()  # blind index terms (keyed digests)


NOBODY = Person()


@dataclass(frozen=True)
class Search:
    """A search by blind index terms: one group of alternative (term, rank) pairs per
    query token (and one for a birth date). A plan matches when it holds a term of every
    group; its score is the sum of each group's best (lowest) rank: exact matches first."""

    groups: tuple[tuple[tuple[str, int], ...], ...] = field(default=())

    def score(self, terms: set[str]) -> int | None:
        """The plan's score for its terms, or None if it does not match."""
        total = 0
        for group in self.groups:
            ranks = [rank for term, rank in group if term in terms]
            if not ranks:
                return None
            total += min(ranks)
        return total


class People(ABC):
    """Seals and indexes the person a plan is about (the plan's key, the search key)."""

    @abstractmethod
    def person(self, plan: IntegrationPlan) -> Person:
        """The plan's sealed display name and index terms; NOBODY once erased."""

    @abstractmethod
    def measure_title(self, plan: IntegrationPlan, measure_id: UUID) -> str | None:
        """The measure's title sealed with the plan's key; None once erased."""

    @abstractmethod
    def display_name(self, plan_id: UUID, sealed: str | None) -> str | None:
        """Opens a sealed display name; None once the plan's key is destroyed."""

    @abstractmethod
    def title(self, plan_id: UUID, measure_id: UUID, sealed: str | None) -> str | None:
        """Opens a sealed measure title; None once the plan's key is destroyed."""
