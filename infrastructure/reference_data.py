"""Reference data shipped with the product: Ortenaukreis municipalities (data/*.sources.txt)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Municipality:
    ags: str
    name: str
    kind: str
    population: int


def ortenaukreis_municipalities() -> list[Municipality]:
    """The county's 51 municipalities with official keys and populations."""
    source = resources.files("infrastructure") / "data" / "ortenaukreis_municipalities.csv"
    with source.open(encoding="utf-8") as file:
        return [
            Municipality(row["ags"], row["name"], row["kind"], int(row["population"]))
            for row in csv.DictReader(file)
        ]
