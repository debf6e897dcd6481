"""The glossary's closed vocabularies (DESIGN section 2) and date arithmetic on them."""

from __future__ import annotations

from datetime import date

FIELDS_OF_ACTION = frozenset(
    {
        "orientation",
        "language",
        "education",
        "work",
        "housing",
        "health",
        "participation",
        "family",
        "authorities",
    }
)
RESPONSIBLE_PARTIES = frozenset({"client", "caseworker", "partner"})
PARTNER_KINDS = frozenset(
    {
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
    }
)
CONSENT_PURPOSES = frozenset({"processing", "share_with_partner", "statistics"})
CONSULTATION_SETTINGS = frozenset({"office", "accommodation", "phone", "video", "outreach"})
GOAL_OUTCOMES = frozenset({"achieved", "abandoned"})
COURSE_KINDS = frozenset(
    {
        "integrationskurs",
        "berufssprachkurs",
        "erstorientierungskurs",
        "alphabetisierungskurs",
        "other",
    }
)
CEFR_LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
EDUCATION_KINDS = frozenset(
    {"kita", "school", "vocational_training", "university", "qualification_recognition"}
)
JOB_KINDS = frozenset({"employment", "apprenticeship", "minijob", "internship", "self_employment"})
# WZ 2008 (NACE Rev. 2) sections.
WZ_SECTIONS = frozenset("ABCDEFGHIJKLMNOPQRSTU")
HOUSING_KINDS = frozenset({"private_rental", "social_housing", "other"})
WORKSHOP_KINDS = frozenset(
    {
        "wohnungsfuehrerschein",
        "wertevermittlung",
        "gewaltfreie_kommunikation",
        "interkulturelles_training",
        "other",
    }
)
CLOSURE_REASONS = frozenset(
    {
        "goals_achieved",
        "moved_away",
        "left_germany",
        "advice_period_ended",
        "declined",
        "no_contact",
        "other",
    }
)
GENDERS = frozenset({"female", "male", "diverse", "unknown"})
RESIDENCE_STATUSES = frozenset(
    {
        "asylum_seeker",
        "recognised_refugee",
        "subsidiary_protection",
        "toleration",
        "temporary_protection",
        "other",
    }
)
ROLES = frozenset({"caseworker", "auditor", "analyst", "admin"})

ADVICE_PERIOD_YEARS = 3
EXTENDED_ADVICE_PERIOD_YEARS = 4


def add_years(day: date, years: int) -> date:
    """The same calendar day `years` later; 29 February falls back to the 28th."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def cefr_rank(level: str) -> int:
    """Orders CEFR levels so that the highest one reached can be found."""
    return CEFR_LEVELS.index(level)
