from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Integrity")


@_attrs_define
class Integrity:
    """Whether the plan's stored history is intact; if not, where it first breaks.

    Attributes:
        plan_id (UUID):
        ok (bool):
        checked (int): How many stored entries were checked
        first_bad_version (int | None):
        problem (None | str):
    """

    plan_id: UUID
    ok: bool
    checked: int
    first_bad_version: int | None
    problem: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        plan_id = str(self.plan_id)

        ok = self.ok

        checked = self.checked

        first_bad_version: int | None
        first_bad_version = self.first_bad_version

        problem: None | str
        problem = self.problem

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "plan_id": plan_id,
                "ok": ok,
                "checked": checked,
                "first_bad_version": first_bad_version,
                "problem": problem,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        plan_id = UUID(d.pop("plan_id"))

        ok = d.pop("ok")

        checked = d.pop("checked")

        def _parse_first_bad_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        first_bad_version = _parse_first_bad_version(d.pop("first_bad_version"))

        def _parse_problem(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        problem = _parse_problem(d.pop("problem"))

        integrity = cls(
            plan_id=plan_id,
            ok=ok,
            checked=checked,
            first_bad_version=first_bad_version,
            problem=problem,
        )

        integrity.additional_properties = d
        return integrity

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
