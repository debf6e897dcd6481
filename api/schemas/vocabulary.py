"""The glossary's closed vocabularies as Literal types, so OpenAPI lists every allowed value.

tests/e2e/test_vocabulary.py keeps them equal to domain/vocabulary.py.
"""

from __future__ import annotations

from typing import Literal

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
