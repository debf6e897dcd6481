"""Answers of the analysts' figures and the admins' view of the read models."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from api.schemas.common import View
from projections.analytics import Figure


class FigureView(BaseModel):
    """One figure; a small cell (fewer than 5 persons) reads suppressed, value null, never 0."""

    municipality: str
    month: str = Field(description="YYYY-MM")
    metric: str
    dimension: str = Field(description="e.g. the field of action, closure reason or course kind")
    persons: int | None
    value: float | None
    suppressed: bool

    @classmethod
    def of(cls, f: Figure) -> FigureView:
        return cls(
            municipality=f.municipality,
            month=f.month.strftime("%Y-%m"),
            metric=f.metric,
            dimension=f.dimension,
            persons=f.persons,
            value=f.value,
            suppressed=f.suppressed,
        )


class MonthlyStats(BaseModel):
    items: list[FigureView]
    position: int = Field(description="The global position the read model had reached")

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "items": [
                        {
                            "municipality": "08317096",
                            "month": "2026-03",
                            "metric": "plans_opened",
                            "dimension": "",
                            "persons": 7,
                            "value": 7.0,
                            "suppressed": False,
                        },
                        {
                            "municipality": "08317057",
                            "month": "2026-03",
                            "metric": "plans_opened",
                            "dimension": "",
                            "persons": None,
                            "value": None,
                            "suppressed": True,
                        },
                    ],
                    "position": 1021,
                }
            ]
        }
    )


class ProjectionView(View):
    """`state`: running, rebuilding, failed (retrying; see last_error) or stopped."""

    name: str
    version: int
    state: str
    position: int | None
    head: int | None
    lag_events: int
    lag_seconds: float
    last_error: str | None


class Projections(BaseModel):
    items: list[ProjectionView]

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "items": [
                        {
                            "name": "plan_summary",
                            "version": 1,
                            "state": "running",
                            "position": 1021,
                            "head": 1023,
                            "lag_events": 2,
                            "lag_seconds": 0.04,
                            "last_error": None,
                        }
                    ]
                }
            ]
        }
    )


class RebuildStarted(BaseModel):
    name: str
    version: int = Field(description="The generation being built; it serves once caught up")

    model_config = ConfigDict(json_schema_extra={"examples": [{"name": "analytics", "version": 2}]})
