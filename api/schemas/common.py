"""Building blocks shared by the bodies: texts, keys, the write answer and the problem."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, Self
from uuid import UUID

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
)

CONTROL = re.compile(r"[\x00-\x1f\x7f]")
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
RFC_3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:[Zz]|[+-]\d{2}:\d{2})$"
)


def _encodable(value: str) -> str:
    # A lone surrogate is valid JSON but cannot be stored as UTF-8, and PostgreSQL text
    # cannot hold NUL: refuse both as client errors rather than fail while storing.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("text must be valid Unicode (no lone surrogates)") from None
    if "\x00" in value:
        raise ValueError("text must not contain NUL characters")
    return value


def _one_line(value: str) -> str:
    if CONTROL.search(value):
        raise ValueError("must not contain control characters")
    return value


def _iso_day(value: object) -> object:
    # Without this, pydantic reads 0, "0" or a timestamp as a day of 1970.
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not ISO_DAY.match(value):
        raise ValueError("must be a date as YYYY-MM-DD")
    return value


def _rfc_3339(value: object) -> object:
    # Without this, pydantic reads a number such as 0.5 as seconds since 1970.
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not RFC_3339.match(value):
        raise ValueError("must be an RFC 3339 time with its offset, e.g. 2026-03-02T09:30:00Z")
    return value


# Newlines and tabs are fine in free text; NUL cannot be stored (PostgreSQL text).
Text = Annotated[
    str,
    StringConstraints(max_length=10_000, pattern=r"^[^\x00]*$"),
    AfterValidator(_encodable),
]
ShortText = Annotated[
    str,
    StringConstraints(min_length=1, max_length=200, pattern=r"^[^\x00-\x1f\x7f]*$"),
    AfterValidator(_encodable),
    AfterValidator(_one_line),
]


def _a_number(value: object) -> object:
    # JSON numbers only: "5" and true are refused, not read as 5 and 1; 5.0 is JSON Schema's
    # integer 5, so it is taken where an integer is asked for (5.5 is not).
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("must be a JSON number")
    return value


StrictInt = Annotated[int, BeforeValidator(_a_number)]
StrictFloat = Annotated[float, BeforeValidator(_a_number)]
StrictBool = Annotated[bool, Strict()]
Day = Annotated[date, BeforeValidator(_iso_day)]
Timestamp = Annotated[AwareDatetime, BeforeValidator(_rfc_3339)]
# Versions are stored as 32-bit integers by some stores: larger ones cannot exist.
Version = Annotated[StrictInt, Field(ge=1, le=2_147_483_647)]
Municipality = Annotated[
    str,
    StringConstraints(pattern=r"^\d{8}$"),
    Field(description="8-digit official municipality key (AGS)", examples=["08317096"]),
]
LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]


class View(BaseModel):
    """An answer read off a domain or read-model object with the same field names."""

    model_config = ConfigDict(from_attributes=True)

    @classmethod
    def of(cls, source: object) -> Self:
        return cls.model_validate(source)


class Body(BaseModel):
    """A request body: unknown fields are refused, so a misspelt name is a 422, not ignored."""

    model_config = ConfigDict(extra="forbid")


class Recorded(BaseModel):
    """What every write answers."""

    id: UUID = Field(description="The plan")
    version: int = Field(description="The plan's version after the write (also the ETag)")
    position: int | None = Field(description="The entry's global position, for min_position")

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"id": "5f0c6f8e-3c1d-4f55-9a53-2b9e3f1d2a10", "version": 4, "position": 1021}
            ]
        }
    )


class GoalRecorded(Recorded):
    goal_id: UUID


class MeasureRecorded(Recorded):
    measure_id: UUID


class ReferralRecorded(Recorded):
    referral_id: UUID


class CourseRecorded(Recorded):
    course_id: UUID


class JobRecorded(Recorded):
    job_id: UUID


class Problem(BaseModel):
    """An RFC 9457 problem; `code` is stable and meant for programs."""

    type: str = Field(examples=["https://iplan.example/problems/plan_closed"])
    title: str = Field(examples=["Conflict"])
    status: int = Field(examples=[409])
    detail: str = Field(examples=["the plan is closed; only a reopening is accepted"])
    code: str = Field(examples=["plan_closed"])
    errors: list[dict[str, Any]] | None = Field(
        None, description="For 422: each invalid field's location and what is wrong"
    )
