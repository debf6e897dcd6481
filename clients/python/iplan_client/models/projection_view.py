from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProjectionView")


@_attrs_define
class ProjectionView:
    """`state`: running, rebuilding, failed (retrying; see last_error) or stopped.

    Attributes:
        name (str):
        version (int):
        state (str):
        position (int | None):
        head (int | None):
        lag_events (int):
        lag_seconds (float):
        last_error (None | str):
    """

    name: str
    version: int
    state: str
    position: int | None
    head: int | None
    lag_events: int
    lag_seconds: float
    last_error: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        version = self.version

        state = self.state

        position: int | None
        position = self.position

        head: int | None
        head = self.head

        lag_events = self.lag_events

        lag_seconds = self.lag_seconds

        last_error: None | str
        last_error = self.last_error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "version": version,
                "state": state,
                "position": position,
                "head": head,
                "lag_events": lag_events,
                "lag_seconds": lag_seconds,
                "last_error": last_error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        version = d.pop("version")

        state = d.pop("state")

        def _parse_position(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        position = _parse_position(d.pop("position"))

        def _parse_head(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        head = _parse_head(d.pop("head"))

        lag_events = d.pop("lag_events")

        lag_seconds = d.pop("lag_seconds")

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))

        projection_view = cls(
            name=name,
            version=version,
            state=state,
            position=position,
            head=head,
            lag_events=lag_events,
            lag_seconds=lag_seconds,
            last_error=last_error,
        )

        projection_view.additional_properties = d
        return projection_view

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
