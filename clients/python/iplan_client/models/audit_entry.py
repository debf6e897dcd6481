from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AuditEntry")


@_attrs_define
class AuditEntry:
    """An entry recorded (`kind` entry) or a read of personal data (`kind` read).

    Attributes:
        kind (str):
        seq (int): For entries their global position
        plan_id (UUID):
        version (int | None):
        type_ (str):
        actor (str):
        role (str):
        correlation_id (str):
        recorded_at (datetime.datetime):
        effective_on (datetime.date | None):
        retracted_by (int | None): The version of the retraction, if retracted
    """

    kind: str
    seq: int
    plan_id: UUID
    version: int | None
    type_: str
    actor: str
    role: str
    correlation_id: str
    recorded_at: datetime.datetime
    effective_on: datetime.date | None
    retracted_by: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        seq = self.seq

        plan_id = str(self.plan_id)

        version: int | None
        version = self.version

        type_ = self.type_

        actor = self.actor

        role = self.role

        correlation_id = self.correlation_id

        recorded_at = self.recorded_at.isoformat()

        effective_on: None | str
        if isinstance(self.effective_on, datetime.date):
            effective_on = self.effective_on.isoformat()
        else:
            effective_on = self.effective_on

        retracted_by: int | None
        retracted_by = self.retracted_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "seq": seq,
                "plan_id": plan_id,
                "version": version,
                "type": type_,
                "actor": actor,
                "role": role,
                "correlation_id": correlation_id,
                "recorded_at": recorded_at,
                "effective_on": effective_on,
                "retracted_by": retracted_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = d.pop("kind")

        seq = d.pop("seq")

        plan_id = UUID(d.pop("plan_id"))

        def _parse_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        version = _parse_version(d.pop("version"))

        type_ = d.pop("type")

        actor = d.pop("actor")

        role = d.pop("role")

        correlation_id = d.pop("correlation_id")

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        def _parse_effective_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_on_type_0 = datetime.date.fromisoformat(data)

                return effective_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        effective_on = _parse_effective_on(d.pop("effective_on"))

        def _parse_retracted_by(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        retracted_by = _parse_retracted_by(d.pop("retracted_by"))

        audit_entry = cls(
            kind=kind,
            seq=seq,
            plan_id=plan_id,
            version=version,
            type_=type_,
            actor=actor,
            role=role,
            correlation_id=correlation_id,
            recorded_at=recorded_at,
            effective_on=effective_on,
            retracted_by=retracted_by,
        )

        audit_entry.additional_properties = d
        return audit_entry

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
