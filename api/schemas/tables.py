"""Answers of the analysts' tables and metric list (DESIGN 5a's contract)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class TableCellView(BaseModel):
    municipality: str = Field(description='AGS, or "*" for the county total')
    municipality_name: str
    period: str = Field(description='"2026-01", "2026-Q1", "2026-T1", "2026-H1" or "2026"')
    category: str = Field(description='"" or the breakdown\'s value')
    persons: int | None = Field(description="null when suppressed")
    value: float | None = Field(description="null when suppressed")
    suppressed: bool


class TableAnswer(BaseModel):
    metric: str
    period: str = Field(description="The period level: month, quarter, tertial, half, year")
    year: int
    by: str | None
    cells: list[TableCellView]
    position: int

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "metric": "plans_active",
                    "period": "quarter",
                    "year": 2026,
                    "by": None,
                    "cells": [
                        {
                            "municipality": "*",
                            "municipality_name": "Landkreis insgesamt",
                            "period": "2026-Q1",
                            "category": "",
                            "persons": 412,
                            "value": 412.0,
                            "suppressed": False,
                        },
                        {
                            "municipality": "08317001",
                            "municipality_name": "Achern",
                            "period": "2026-Q1",
                            "category": "",
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


class MetricView(BaseModel):
    name: str
    label_de: str
    label_en: str
    unit: str
    kind: str = Field(description="count, sum, share or median")


class MetricList(BaseModel):
    items: list[MetricView]
