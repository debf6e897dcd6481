from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MetricView")


@_attrs_define
class MetricView:
    """
    Attributes:
        name (str):
        label_de (str):
        label_en (str):
        unit (str):
        kind (str): count, sum, share or median
    """

    name: str
    label_de: str
    label_en: str
    unit: str
    kind: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        label_de = self.label_de

        label_en = self.label_en

        unit = self.unit

        kind = self.kind

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "label_de": label_de,
                "label_en": label_en,
                "unit": unit,
                "kind": kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        label_de = d.pop("label_de")

        label_en = d.pop("label_en")

        unit = d.pop("unit")

        kind = d.pop("kind")

        metric_view = cls(
            name=name,
            label_de=label_de,
            label_en=label_en,
            unit=unit,
            kind=kind,
        )

        metric_view.additional_properties = d
        return metric_view

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
