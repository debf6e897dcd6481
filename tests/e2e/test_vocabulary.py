"""The API's Literal types list exactly the glossary's values (domain/vocabulary.py)."""

from __future__ import annotations

from typing import Any, get_args

import pytest

from api.schemas import vocabulary as api_vocabulary
from domain import vocabulary

PAIRS: list[tuple[Any, Any]] = [
    (api_vocabulary.FieldOfAction, vocabulary.FIELDS_OF_ACTION),
    (api_vocabulary.Responsible, vocabulary.RESPONSIBLE_PARTIES),
    (api_vocabulary.PartnerKind, vocabulary.PARTNER_KINDS),
    (api_vocabulary.ConsentPurpose, vocabulary.CONSENT_PURPOSES),
    (api_vocabulary.ConsultationSetting, vocabulary.CONSULTATION_SETTINGS),
    (api_vocabulary.GoalOutcome, vocabulary.GOAL_OUTCOMES),
    (api_vocabulary.CourseKind, vocabulary.COURSE_KINDS),
    (api_vocabulary.CefrLevel, vocabulary.CEFR_LEVELS),
    (api_vocabulary.EducationKind, vocabulary.EDUCATION_KINDS),
    (api_vocabulary.JobKind, vocabulary.JOB_KINDS),
    (api_vocabulary.WzSection, vocabulary.WZ_SECTIONS),
    (api_vocabulary.HousingKind, vocabulary.HOUSING_KINDS),
    (api_vocabulary.WorkshopKind, vocabulary.WORKSHOP_KINDS),
    (api_vocabulary.ClosureReason, vocabulary.CLOSURE_REASONS),
    (api_vocabulary.Gender, vocabulary.GENDERS),
    (api_vocabulary.ResidenceStatus, vocabulary.RESIDENCE_STATUSES),
    (api_vocabulary.Role, vocabulary.ROLES),
]


@pytest.mark.parametrize(("literal", "values"), PAIRS, ids=[str(sorted(v)[0]) for _, v in PAIRS])
def test_each_literal_equals_the_glossary(literal: Any, values: Any) -> None:
    assert set(get_args(literal)) == set(values)
