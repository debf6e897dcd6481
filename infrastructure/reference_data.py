"""Reference data: the county's municipalities, shipped for Ortenaukreis (data/*.sources.txt)
or configured for another county (`IPLAN_MUNICIPALITIES_FILE`, a CSV in the same format)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from infrastructure.settings import Settings

COLUMNS = ("ags", "name", "kind", "population")


@dataclass(frozen=True)
class Municipality:
    ags: str
    name: str
    kind: str
    population: int


class ReferenceDataError(ValueError):
    """A configured municipalities file that cannot be read as the county's list."""


def ortenaukreis_municipalities() -> list[Municipality]:
    """The county's 51 municipalities with official keys and populations."""
    source = resources.files("infrastructure") / "data" / "ortenaukreis_municipalities.csv"
    with source.open(encoding="utf-8") as file:
        return municipalities_from(csv.DictReader(file), str(source))


def county_municipalities(settings: Settings) -> list[Municipality]:
    """The configured county's municipalities: the file in the settings, or Ortenaukreis."""
    path = settings.municipalities_file
    if path is None:
        return ortenaukreis_municipalities()
    try:
        with Path(path).open(encoding="utf-8-sig", newline="") as file:
            return municipalities_from(csv.DictReader(file), str(path))
    except OSError as error:
        raise ReferenceDataError(f"cannot read the municipalities file {path}: {error}") from None


def municipalities_from(rows: Iterable[dict[str, str]], source: str) -> list[Municipality]:
    municipalities: list[Municipality] = []
    try:
        for row in rows:
            ags = (row.get("ags") or "").strip()
            if len(ags) != 8 or not ags.isascii() or not ags.isdigit():
                raise ValueError(f"{ags!r} is not an 8-digit official key (AGS)")
            population = int((row.get("population") or "").strip())
            name, kind = (row.get("name") or "").strip(), (row.get("kind") or "").strip()
            municipalities.append(Municipality(ags, name, kind, population))
    except (ValueError, csv.Error) as error:
        line = len(municipalities) + 2  # the header is line 1
        raise ReferenceDataError(f"{source}, line {line}: {error}") from None
    if not municipalities:
        raise ReferenceDataError(f"{source} lists no municipality (columns: {', '.join(COLUMNS)})")
    return municipalities
