from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TableCellView")


@_attrs_define
class TableCellView:
    """
    Attributes:
        municipality (str): AGS, or "*" for the county total
        municipality_name (str):
        period (str): "2026-01", "2026-Q1", "2026-T1", "2026-H1" or "2026"
        category (str): "" or the breakdown's value
        persons (int | None): null when suppressed
        value (float | None): null when suppressed
        suppressed (bool):
    """

    municipality: str
    municipality_name: str
    period: str
    category: str
    persons: int | None
    value: float | None
    suppressed: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        municipality = self.municipality

        municipality_name = self.municipality_name

        period = self.period

        category = self.category

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
                "municipality_name": municipality_name,
                "period": period,
                "category": category,
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

        municipality_name = d.pop("municipality_name")

        period = d.pop("period")

        category = d.pop("category")

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

        table_cell_view = cls(
            municipality=municipality,
            municipality_name=municipality_name,
            period=period,
            category=category,
            persons=persons,
            value=value,
            suppressed=suppressed,
        )

        table_cell_view.additional_properties = d
        return table_cell_view

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
