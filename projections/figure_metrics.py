"""The analysts' metrics and breakdowns, with their German and English labels.

`kind` says how a cell's figure is made: `count` (persons), `sum` (things counted
or added up, with the persons behind them), `share` (a part of a whole, in per
cent), `median` (days). `additive`: the figure of a whole is the sum of its parts
(municipalities, categories, the months of a quarter); persons counted
distinctly over a period are not, so only their parts bound the whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["count", "sum", "share", "median"]


@dataclass(frozen=True)
class Metric:
    name: str
    label_de: str
    label_en: str
    unit: str
    kind: Kind
    additive: bool = True
    # A state on the period's last day: a quarter's figure is its last month's, so only
    # months are kept in the cells.
    at_period_end: bool = False


METRICS: dict[str, Metric] = {
    m.name: m
    for m in (
        Metric("plans_opened", "Eröffnete Integrationspläne", "Plans opened", "Personen", "count"),
        Metric(
            "plans_active",
            "Personen in Beratung (aktive Pläne)",
            "Persons with an open plan",
            "Personen",
            "count",
            additive=False,
        ),
        Metric(
            "plans_closed", "Abgeschlossene Integrationspläne", "Plans closed", "Personen", "sum"
        ),
        Metric("consultations", "Beratungsgespräche", "Consultations", "Gespräche", "sum"),
        Metric("consultation_minutes", "Beratungszeit", "Consultation time", "Minuten", "sum"),
        Metric("goals_agreed", "Vereinbarte Ziele", "Goals agreed", "Ziele", "sum"),
        Metric("goals_achieved", "Erreichte Ziele", "Goals achieved", "Ziele", "sum"),
        Metric("measures_agreed", "Vereinbarte Maßnahmen", "Measures agreed", "Maßnahmen", "sum"),
        Metric(
            "measures_completed", "Erledigte Maßnahmen", "Measures completed", "Maßnahmen", "sum"
        ),
        Metric("courses_enrolled", "Kursanmeldungen", "Course enrolments", "Kurse", "sum"),
        Metric("courses_completed", "Kursabschlüsse", "Course completions", "Kurse", "sum"),
        Metric("job_placements", "Arbeitsaufnahmen", "Job placements", "Stellen", "sum"),
        Metric("housing_secured", "Wohnungen gefunden", "Housing secured", "Wohnungen", "sum"),
        Metric(
            "goals_achieved_share",
            "Anteil erreichter Ziele an abgeschlossenen Zielen",
            "Share of closed goals achieved",
            "%",
            "share",
        ),
        Metric(
            "measures_completed_share",
            "Anteil erledigter Maßnahmen an abgeschlossenen Maßnahmen",
            "Share of closed measures completed",
            "%",
            "share",
        ),
        Metric(
            "courses_b1_share",
            "Anteil der Kursabschlüsse mit B1 oder besser",
            "Share of course completions at B1 or better",
            "%",
            "share",
        ),
        Metric(
            "job_within_12_share",
            "Anteil mit Arbeit binnen 12 Monaten nach Eröffnung",
            "Share with a job within 12 months of opening",
            "%",
            "share",
        ),
        Metric(
            "job_within_24_share",
            "Anteil mit Arbeit binnen 24 Monaten nach Eröffnung",
            "Share with a job within 24 months of opening",
            "%",
            "share",
        ),
        Metric(
            "housing_within_12_share",
            "Anteil mit eigener Wohnung binnen 12 Monaten nach Eröffnung",
            "Share in own housing within 12 months of opening",
            "%",
            "share",
        ),
        Metric(
            "housing_within_24_share",
            "Anteil mit eigener Wohnung binnen 24 Monaten nach Eröffnung",
            "Share in own housing within 24 months of opening",
            "%",
            "share",
        ),
        Metric(
            "contact_90_share",
            "Anteil offener Pläne mit Beratung in den letzten 90 Tagen",
            "Share of open plans with a consultation in the last 90 days",
            "%",
            "share",
            at_period_end=True,
        ),
        Metric(
            "days_to_first_course_completion",
            "Tage bis zum ersten Kursabschluss (Median)",
            "Days to first course completion (median)",
            "Tage",
            "median",
        ),
        Metric(
            "days_to_first_job",
            "Tage bis zur ersten Arbeitsaufnahme (Median)",
            "Days to first job (median)",
            "Tage",
            "median",
        ),
        Metric(
            "days_to_own_housing",
            "Tage bis zur eigenen Wohnung (Median)",
            "Days to own housing (median)",
            "Tage",
            "median",
        ),
    )
}

# Breakdowns (`by=`), one at a time; "" is the whole (no breakdown).
BREAKDOWNS = ("gender", "age_group", "nationality", "residence_status", "household_size")
BREAKDOWN_LABELS = {
    "": "Insgesamt",
    "gender": "Geschlecht",
    "age_group": "Altersgruppe",
    "nationality": "Staatsangehörigkeit",
    "residence_status": "Aufenthaltsstatus",
    "household_size": "Haushaltsgröße",
}
AGE_GROUPS = ((18, "0-17"), (27, "18-26"), (45, "27-44"), (65, "45-64"), (999, "65+"))
HOUSEHOLD_GROUPS = ((2, "1"), (3, "2"), (5, "3-4"), (10**6, "5+"))
TOP_NATIONALITIES = 10
OTHER = "other"
UNKNOWN = "unknown"
CATEGORY_LABELS = {
    "female": "weiblich",
    "male": "männlich",
    "diverse": "divers",
    UNKNOWN: "unbekannt",
    "0-17": "unter 18",
    "18-26": "18 bis 26",
    "27-44": "27 bis 44",
    "45-64": "45 bis 64",
    "65+": "65 und älter",
    "asylum_seeker": "Asylsuchende",
    "recognised_refugee": "Anerkannte Flüchtlinge",
    "subsidiary_protection": "Subsidiär Schutzberechtigte",
    "toleration": "Geduldete",
    "temporary_protection": "Vorübergehender Schutz",
    OTHER: "Sonstige",
    "1": "1 Person",
    "2": "2 Personen",
    "3-4": "3 bis 4 Personen",
    "5+": "5 und mehr Personen",
    "": "Insgesamt",
}


def grouped(value: int | None, groups: tuple[tuple[int, str], ...]) -> str:
    """The group of a number: the first whose (exclusive) upper bound it stays below."""
    if value is None:
        return UNKNOWN
    for bound, name in groups:
        if value < bound:
            return name
    return groups[-1][1]
