"""Building blocks shared by the bodies: texts, keys, the write answer and the problem."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints


def _encodable(value: str) -> str:
    # A lone surrogate is valid JSON but cannot be stored as UTF-8: refuse it as a client error.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("text must be valid Unicode (no lone surrogates)") from None
    return value


Text = Annotated[str, StringConstraints(max_length=10_000), AfterValidator(_encodable)]
ShortText = Annotated[
    str, StringConstraints(min_length=1, max_length=200), AfterValidator(_encodable)
]
Municipality = Annotated[
    str,
    StringConstraints(pattern=r"^\d{8}$"),
    Field(description="8-digit official municipality key (AGS)", examples=["08317096"]),
]
LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]


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
