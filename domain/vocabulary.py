"""The glossary's closed vocabularies (DESIGN section 2) and date arithmetic on them.

The single source of every allowed value: the rules check against these sets and the
API's request models use the Literal types.
"""

from __future__ import annotations

from datetime import date
from typing import Literal, get_args

# Literal types, so that typed code and the API's OpenAPI list every allowed value.
FieldOfAction = Literal[
    "orientation",
    "language",
    "education",
    "work",
    "housing",
    "health",
    "participation",
    "family",
    "authorities",
]
Responsible = Literal["client", "caseworker", "partner"]
PartnerKind = Literal[
    "auslaenderbehoerde",
    "jobcenter",
    "agentur_fuer_arbeit",
    "migrationsberatung",
    "jugendmigrationsdienst",
    "sprachkurstraeger",
    "wohlfahrtsverband",
    "helferkreis",
    "schule",
    "kita",
    "gesundheit",
    "other",
]
ConsentPurpose = Literal["processing", "share_with_partner", "statistics"]
ConsultationSetting = Literal["office", "accommodation", "phone", "video", "outreach"]
GoalOutcome = Literal["achieved", "abandoned"]
CourseKind = Literal[
    "integrationskurs",
    "berufssprachkurs",
    "erstorientierungskurs",
    "alphabetisierungskurs",
    "other",
]
CefrLevel = Literal["A1", "A2", "B1", "B2", "C1", "C2"]
EducationKind = Literal[
    "kita", "school", "vocational_training", "university", "qualification_recognition"
]
JobKind = Literal["employment", "apprenticeship", "minijob", "internship", "self_employment"]
WzSection = Literal[
    "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K",
    "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U",
]  # fmt: skip
HousingKind = Literal["private_rental", "social_housing", "other"]
WorkshopKind = Literal[
    "wohnungsfuehrerschein",
    "wertevermittlung",
    "gewaltfreie_kommunikation",
    "interkulturelles_training",
    "other",
]
ClosureReason = Literal[
    "goals_achieved",
    "moved_away",
    "left_germany",
    "advice_period_ended",
    "declined",
    "no_contact",
    "other",
]
Gender = Literal["female", "male", "diverse", "unknown"]
ResidenceStatus = Literal[
    "asylum_seeker",
    "recognised_refugee",
    "subsidiary_protection",
    "toleration",
    "temporary_protection",
    "other",
]
Role = Literal["caseworker", "auditor", "analyst", "admin"]

# The same vocabularies as sets, for the rules' membership checks.
FIELDS_OF_ACTION = frozenset(get_args(FieldOfAction))
RESPONSIBLE_PARTIES = frozenset(get_args(Responsible))
PARTNER_KINDS = frozenset(get_args(PartnerKind))
CONSENT_PURPOSES = frozenset(get_args(ConsentPurpose))
CONSULTATION_SETTINGS = frozenset(get_args(ConsultationSetting))
GOAL_OUTCOMES = frozenset(get_args(GoalOutcome))
COURSE_KINDS = frozenset(get_args(CourseKind))
CEFR_LEVELS: tuple[str, ...] = get_args(CefrLevel)  # ordered: A1 lowest
EDUCATION_KINDS = frozenset(get_args(EducationKind))
JOB_KINDS = frozenset(get_args(JobKind))
WZ_SECTIONS = frozenset(get_args(WzSection))  # WZ 2008 (NACE Rev. 2) sections
HOUSING_KINDS = frozenset(get_args(HousingKind))
WORKSHOP_KINDS = frozenset(get_args(WorkshopKind))
CLOSURE_REASONS = frozenset(get_args(ClosureReason))
GENDERS = frozenset(get_args(Gender))
RESIDENCE_STATUSES = frozenset(get_args(ResidenceStatus))
ROLES = frozenset(get_args(Role))

ADVICE_PERIOD_YEARS = 3
EXTENDED_ADVICE_PERIOD_YEARS = 4


def add_years(day: date, years: int) -> date:
    """The same calendar day `years` later; 29 February falls back to the 28th.

    Never fails: past the calendar's last year it answers its last day (the fold and
    the rules compute with it before any plausibility rule could refuse a date).
    """
    year = day.year + years
    if year > date.max.year:
        return date.max
    if year < date.min.year:
        return date.min
    try:
        return day.replace(year=year)
    except ValueError:
        return day.replace(year=year, day=28)


def cefr_rank(level: str) -> int:
    """Orders CEFR levels so that the highest one reached can be found."""
    return CEFR_LEVELS.index(level)
