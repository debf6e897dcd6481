from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.table_cell_view import TableCellView


T = TypeVar("T", bound="TableAnswer")


@_attrs_define
class TableAnswer:
    """
    Attributes:
        metric (str):
        period (str): The period level: month, quarter, tertial, half, year
        year (int):
        by (None | str):
        cells (list[TableCellView]):
        position (int):
    """

    metric: str
    period: str
    year: int
    by: None | str
    cells: list[TableCellView]
    position: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        metric = self.metric

        period = self.period

        year = self.year

        by: None | str
        by = self.by

        cells = []
        for cells_item_data in self.cells:
            cells_item = cells_item_data.to_dict()
            cells.append(cells_item)

        position = self.position

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "metric": metric,
                "period": period,
                "year": year,
                "by": by,
                "cells": cells,
                "position": position,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.table_cell_view import TableCellView  # noqa: PLC0415

        d = dict(src_dict)
        metric = d.pop("metric")

        period = d.pop("period")

        year = d.pop("year")

        def _parse_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        by = _parse_by(d.pop("by"))

        cells = []
        _cells = d.pop("cells")
        for cells_item_data in _cells:
            cells_item = TableCellView.from_dict(cells_item_data)

            cells.append(cells_item)

        position = d.pop("position")

        table_answer = cls(
            metric=metric,
            period=period,
            year=year,
            by=by,
            cells=cells,
            position=position,
        )

        table_answer.additional_properties = d
        return table_answer

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
