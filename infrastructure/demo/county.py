"""A synthetic county modelled on Ortenaukreis, for demos and benchmarks: deterministic for a
seed, persons per municipality by population, saved through the application in batches."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from uuid import UUID

from application.plans import IntegrationPlans
from domain.plan import IntegrationPlan
from infrastructure.demo.life import County, PlanLife
from infrastructure.reference_data import Municipality, ortenaukreis_municipalities

COUNTY_CASEWORKERS = 25
SELF_SERVED = 11  # the largest municipalities run integration management themselves


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


def seed_demo_county(
    plans: IntegrationPlans,
    *,
    persons: int = 2000,
    seed: int = 2017,
    batch_size: int = 50,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Seeds `persons` plans and returns the number of entries recorded."""
    rng = random.Random(seed)  # noqa: S311 -- synthetic data, reproducible by seed
    county = build_county(rng)
    life = PlanLife(rng, county, plans.today())
    batch: list[IntegrationPlan] = []
    entries = 0
    for municipality in persons_per_municipality(county, persons):
        plan_id = UUID(int=rng.getrandbits(128), version=4)
        plan = life.build(plan_id, municipality, plans.file_numbers.reserve)
        batch.append(plan)
        entries += plan.version
        if len(batch) == batch_size:
            plans.save(*batch)
            if progress:
                progress(len(batch))
            batch = []
    if batch:
        plans.save(*batch)
        if progress:
            progress(len(batch))
    return entries
