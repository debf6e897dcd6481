from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FigureView")


@_attrs_define
class FigureView:
    """One figure; a small cell (fewer than 5 persons) reads suppressed, value null, never 0.

    Attributes:
        municipality (str):
        month (str): YYYY-MM
        metric (str):
        dimension (str): e.g. the field of action, closure reason or course kind
        persons (int | None):
        value (float | None):
        suppressed (bool):
    """

    municipality: str
    month: str
    metric: str
    dimension: str
    persons: int | None
    value: float | None
    suppressed: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        municipality = self.municipality

        month = self.month

        metric = self.metric

        dimension = self.dimension

        persons: int | None
        persons = self.persons

        value: float | None
        value = self.value

        suppressed = self.suppressed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "municipality": municipality,
                "month": month,
                "metric": metric,
                "dimension": dimension,
                "persons": persons,
                "value": value,
                "suppressed": suppressed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        municipality = d.pop("municipality")

        month = d.pop("month")

        metric = d.pop("metric")

        dimension = d.pop("dimension")

        def _parse_persons(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        persons = _parse_persons(d.pop("persons"))

        def _parse_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        value = _parse_value(d.pop("value"))

        suppressed = d.pop("suppressed")

        figure_view = cls(
            municipality=municipality,
            month=month,
            metric=metric,
            dimension=dimension,
            persons=persons,
            value=value,
            suppressed=suppressed,
        )

        figure_view.additional_properties = d
        return figure_view

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
