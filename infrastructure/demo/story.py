"""What a synthetic life's parts share: the person, the dice, the days, the steps so far."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from domain.vocabulary import add_years
from infrastructure.demo.county import County
from infrastructure.demo.person import Person
from infrastructure.demo.steps import Life, Ref

ADVICE_YEARS = 3  # DESIGN 2: a plan runs up to 3 years, extendable once to 4


@dataclass(frozen=True)
class Handover:
    on: date
    caseworker: str
    municipality: str | None  # a transfer: the person moved within the county


@dataclass
class Story:
    rng: random.Random
    county: County
    today: date
    person: Person
    life: Life
    end: date = date.max  # the last day anything happens to the plan (set by its fate)
    handover: Handover | None = None
    consented: set[str] = field(default_factory=set)  # partner kinds the person agreed to
    open_measures: list[Ref] = field(default_factory=list)
    consultations: list[tuple[Ref, date]] = field(default_factory=list)

    @property
    def opened(self) -> date:
        return self.person.opened_on

    @property
    def advice_ends(self) -> date:
        return add_years(self.opened, ADVICE_YEARS)

    def day(self, start: date, low: int, high: int) -> date:
        return start + timedelta(days=self.rng.randint(low, high))

    def actor(self, on: date) -> str:
        if self.handover is not None and on >= self.handover.on:
            return self.handover.caseworker
        return self.person.caseworker

    def add(self, on: date, command: Callable[..., object], /, **details: object) -> Ref | None:
        """A caseworker's step on `on`, if the plan still runs then (else nothing)."""
        if on > self.end:
            return None
        return self.life.add(on, command, self.actor(on), **details)
