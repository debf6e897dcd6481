from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_view_status import JobViewStatus

T = TypeVar("T", bound="JobView")


@_attrs_define
class JobView:
    """
    Attributes:
        id (UUID):
        kind (str):
        sector (str):
        placed_on (datetime.date):
        starts_on (datetime.date):
        hours_per_week (float):
        status (JobViewStatus):
        ended_on (datetime.date | None):
        reason (None | str):
    """

    id: UUID
    kind: str
    sector: str
    placed_on: datetime.date
    starts_on: datetime.date
    hours_per_week: float
    status: JobViewStatus
    ended_on: datetime.date | None
    reason: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        kind = self.kind

        sector = self.sector

        placed_on = self.placed_on.isoformat()

        starts_on = self.starts_on.isoformat()

        hours_per_week = self.hours_per_week

        status = self.status.value

        ended_on: None | str
        if isinstance(self.ended_on, datetime.date):
            ended_on = self.ended_on.isoformat()
        else:
            ended_on = self.ended_on

        reason: None | str
        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "sector": sector,
                "placed_on": placed_on,
                "starts_on": starts_on,
                "hours_per_week": hours_per_week,
                "status": status,
                "ended_on": ended_on,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        kind = d.pop("kind")

        sector = d.pop("sector")

        placed_on = datetime.date.fromisoformat(d.pop("placed_on"))

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        hours_per_week = d.pop("hours_per_week")

        status = JobViewStatus(d.pop("status"))

        def _parse_ended_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_on_type_0 = datetime.date.fromisoformat(data)

                return ended_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ended_on = _parse_ended_on(d.pop("ended_on"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        job_view = cls(
            id=id,
            kind=kind,
            sector=sector,
            placed_on=placed_on,
            starts_on=starts_on,
            hours_per_week=hours_per_week,
            status=status,
            ended_on=ended_on,
            reason=reason,
        )

        job_view.additional_properties = d
        return job_view

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
