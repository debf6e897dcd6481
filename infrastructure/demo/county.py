"""A synthetic county modelled on Ortenaukreis, for demos and benchmarks: its municipalities,
who serves them, and how many persons each has (by population)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from infrastructure.reference_data import Municipality, ortenaukreis_municipalities

COUNTY_CASEWORKERS = 25
SELF_SERVED = 11  # the largest municipalities run integration management themselves


@dataclass(frozen=True)
class County:
    municipalities: list[Municipality]
    caseworkers: dict[str, list[str]]  # AGS -> caseworkers serving it


def build_county(rng: random.Random) -> County:
    """25 county caseworkers serve 40 municipalities; the 11 largest serve themselves."""
    municipalities = ortenaukreis_municipalities()
    by_size = sorted(municipalities, key=lambda m: -m.population)
    caseworkers: dict[str, list[str]] = {}
    for m in by_size[:SELF_SERVED]:
        own = max(1, m.population // 20_000)
        caseworkers[m.ags] = [f"im-{m.ags}-{i + 1}" for i in range(own)]
    county_served = by_size[SELF_SERVED:]
    for i, m in enumerate(county_served):
        caseworkers[m.ags] = [f"cw-{(i % COUNTY_CASEWORKERS) + 1:02d}"]
    rng.shuffle(county_served)
    return County(municipalities, caseworkers)


def persons_per_municipality(county: County, persons: int) -> Iterator[Municipality]:
    """Roughly by population: the largest remainders get the rounding."""
    total = sum(m.population for m in county.municipalities)
    shares = [(m, persons * m.population / total) for m in county.municipalities]
    counts = {m.ags: int(share) for m, share in shares}
    leftovers = sorted(shares, key=lambda s: -(s[1] - int(s[1])))
    for m, _ in leftovers[: persons - sum(counts.values())]:
        counts[m.ags] += 1
    for m in county.municipalities:
        for _ in range(counts[m.ags]):
            yield m
