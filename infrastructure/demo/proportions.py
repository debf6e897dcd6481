"""What a county would recognise: who arrives, which courses lead where, how plans end.

Weights are relative; the sources are the county's own figures where it has them
(reference data) and plausible shares otherwise. Every table here is synthetic.
"""

from __future__ import annotations

import random
from typing import TypeVar

T = TypeVar("T")

NATIONALITIES = [  # (ISO 3166, weight, languages, usual residence status)
    ("SY", 30, ["ar", "ku"], "recognised_refugee"),
    ("UA", 22, ["uk", "ru"], "temporary_protection"),
    ("AF", 18, ["fa", "ps"], "subsidiary_protection"),
    ("IQ", 8, ["ar", "ku"], "recognised_refugee"),
    ("TR", 7, ["tr", "ku"], "asylum_seeker"),
    ("ER", 5, ["ti"], "recognised_refugee"),
    ("NG", 4, ["en"], "toleration"),
    ("GE", 3, ["ka", "ru"], "asylum_seeker"),
    ("SO", 3, ["so"], "subsidiary_protection"),
]
# When plans were opened, in days before today: intake grew, so later years weigh more
# and some persons arrive only in the last months of the period.
INTAKE = [((14, 120), 12), ((120, 365), 26), ((365, 730), 30), ((730, 1250), 32)]
HOUSEHOLD_SIZES = [(1, 30), (2, 15), (3, 18), (4, 17), (5, 12), (6, 8)]
GENDERS = [("female", 46), ("male", 53), ("diverse", 1)]

# Course kinds with their proper target (DESIGN 2): orientation courses teach no level,
# literacy courses aim at A1, integration courses end with the DTZ (B1), job-related
# language courses (Berufssprachkurse) follow them towards B2.
FIRST_COURSES = [("integrationskurs", 80), ("alphabetisierungskurs", 20)]
TARGET_LEVEL = {
    "erstorientierungskurs": None,
    "alphabetisierungskurs": "A1",
    "integrationskurs": "B1",
    "berufssprachkurs": "B2",
}
LEVELS_REACHED = {
    "alphabetisierungskurs": [("A1", 70), ("A2", 30)],
    "integrationskurs": [("A1", 6), ("A2", 34), ("B1", 48), ("B2", 12)],
    "berufssprachkurs": [("B1", 30), ("B2", 62), ("C1", 8)],
}
COURSE_WEEKS = {  # (shortest, longest) from start to the final test
    "erstorientierungskurs": (8, 16),
    "alphabetisierungskurs": (40, 60),
    "integrationskurs": (28, 46),
    "berufssprachkurs": (20, 36),
}
PROVIDERS = ["VHS Ortenau", "Caritas Offenburg", "IB Südwest", "Diakonie Kehl", "Kolping Lahr"]

JOB_KINDS = [
    ("employment", 55),
    ("minijob", 20),
    ("apprenticeship", 12),
    ("internship", 8),
    ("self_employment", 5),
]
JOB_SECTORS = [("N", 22), ("I", 18), ("C", 16), ("Q", 12), ("G", 10), ("H", 10), ("F", 8), ("S", 4)]
HOUSING_KINDS = [("private_rental", 60), ("social_housing", 30), ("other", 10)]
WORKSHOPS = [
    ("wohnungsfuehrerschein", 40),
    ("wertevermittlung", 30),
    ("gewaltfreie_kommunikation", 15),
    ("interkulturelles_training", 15),
]
SETTINGS = [("office", 50), ("accommodation", 30), ("phone", 12), ("video", 3), ("outreach", 5)]
TOPICS = ["orientation", "language", "work", "housing", "authorities", "health", "family"]
MEASURE_FIELDS = ["orientation", "authorities", "work", "housing", "health", "education"]

# Plans that end before their advice period does, and why (every reason of DESIGN 2 but
# the end of the advice period, which ends the others).
EARLY_CLOSURES = [
    ("goals_achieved", 34),
    ("moved_away", 22),
    ("no_contact", 14),
    ("left_germany", 10),
    ("declined", 8),
    ("other", 12),
]
EARLY_CLOSURE_SHARE = 0.3
EXTENSION_SHARE = 0.15  # of plans reaching the end of their advice period

GIVEN = ["Amal", "Omar", "Olena", "Ahmad", "Mariam", "Yusuf", "Iryna", "Karim", "Nadia", "Samir"]
FAMILY = ["Haddad", "Kovalenko", "Rahimi", "Al-Sayed", "Tesfaye", "Okafor", "Beridze", "Yilmaz"]


def weighted(rng: random.Random, pairs: list[tuple[T, int]]) -> T:
    return rng.choices([p for p, _ in pairs], weights=[w for _, w in pairs])[0]
