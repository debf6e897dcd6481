from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProjectionReadinessView")


@_attrs_define
class ProjectionReadinessView:
    """
    Attributes:
        name (str):
        version (int):
        ready (bool):
        state (str): running, rebuilding, failed, or absent (no worker reports)
        position (int | None):
        lag_events (int | None):
        lag_seconds (float | None):
        problem (None | str):
    """

    name: str
    version: int
    ready: bool
    state: str
    position: int | None
    lag_events: int | None
    lag_seconds: float | None
    problem: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        version = self.version

        ready = self.ready

        state = self.state

        position: int | None
        position = self.position

        lag_events: int | None
        lag_events = self.lag_events

        lag_seconds: float | None
        lag_seconds = self.lag_seconds

        problem: None | str
        problem = self.problem

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "version": version,
                "ready": ready,
                "state": state,
                "position": position,
                "lag_events": lag_events,
                "lag_seconds": lag_seconds,
                "problem": problem,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        version = d.pop("version")

        ready = d.pop("ready")

        state = d.pop("state")

        def _parse_position(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        position = _parse_position(d.pop("position"))

        def _parse_lag_events(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        lag_events = _parse_lag_events(d.pop("lag_events"))

        def _parse_lag_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        lag_seconds = _parse_lag_seconds(d.pop("lag_seconds"))

        def _parse_problem(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        problem = _parse_problem(d.pop("problem"))

        projection_readiness_view = cls(
            name=name,
            version=version,
            ready=ready,
            state=state,
            position=position,
            lag_events=lag_events,
            lag_seconds=lag_seconds,
            problem=problem,
        )

        projection_readiness_view.additional_properties = d
        return projection_readiness_view

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
