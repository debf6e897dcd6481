from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.projection_readiness_view import ProjectionReadinessView


T = TypeVar("T", bound="ReadinessView")


@_attrs_define
class ReadinessView:
    """
    Attributes:
        status (str):
        projections (list[ProjectionReadinessView]): Each read model's serving generation, as its workers last reported
        position (int | None | Unset):
    """

    status: str
    projections: list[ProjectionReadinessView]
    position: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        projections = []
        for projections_item_data in self.projections:
            projections_item = projections_item_data.to_dict()
            projections.append(projections_item)

        position: int | None | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        else:
            position = self.position

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "projections": projections,
            }
        )
        if position is not UNSET:
            field_dict["position"] = position

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.projection_readiness_view import ProjectionReadinessView  # noqa: PLC0415

        d = dict(src_dict)
        status = d.pop("status")

        projections = []
        _projections = d.pop("projections")
        for projections_item_data in _projections:
            projections_item = ProjectionReadinessView.from_dict(projections_item_data)

            projections.append(projections_item)

        def _parse_position(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        position = _parse_position(d.pop("position", UNSET))

        readiness_view = cls(
            status=status,
            projections=projections,
            position=position,
        )

        readiness_view.additional_properties = d
        return readiness_view

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
