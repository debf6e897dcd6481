from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.job_kind import JobKind
from ..models.wz_section import WzSection
from ..types import UNSET, Unset

T = TypeVar("T", bound="JobBody")


@_attrs_define
class JobBody:
    """
    Attributes:
        kind (JobKind):
        sector (WzSection): WZ 2008 (NACE Rev. 2) section letter
        starts_on (datetime.date):
        hours_per_week (float):
        placed_on (datetime.date | None | Unset): Effective date; defaults to today
    """

    kind: JobKind
    sector: WzSection
    starts_on: datetime.date
    hours_per_week: float
    placed_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        sector = self.sector.value

        starts_on = self.starts_on.isoformat()

        hours_per_week = self.hours_per_week

        placed_on: None | str | Unset
        if isinstance(self.placed_on, Unset):
            placed_on = UNSET
        elif isinstance(self.placed_on, datetime.date):
            placed_on = self.placed_on.isoformat()
        else:
            placed_on = self.placed_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "sector": sector,
                "starts_on": starts_on,
                "hours_per_week": hours_per_week,
            }
        )
        if placed_on is not UNSET:
            field_dict["placed_on"] = placed_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = JobKind(d.pop("kind"))

        sector = WzSection(d.pop("sector"))

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        hours_per_week = d.pop("hours_per_week")

        def _parse_placed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                placed_on_type_0 = datetime.date.fromisoformat(data)

                return placed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        placed_on = _parse_placed_on(d.pop("placed_on", UNSET))

        job_body = cls(
            kind=kind,
            sector=sector,
            starts_on=starts_on,
            hours_per_week=hours_per_week,
            placed_on=placed_on,
        )

        return job_body
