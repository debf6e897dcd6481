from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.household_member import HouseholdMember


T = TypeVar("T", bound="Personal")


@_attrs_define
class Personal:
    """Personal data: stored encrypted, erased on request.

    Attributes:
        given_name (str):
        family_name (str):
        birth_date (datetime.date | None | Unset): From 1900-01-01, not after opened_on (422 invalid_field)
        phone (None | str | Unset):
        email (None | str | Unset):
        address (None | str | Unset):
        household_members (list[HouseholdMember] | Unset):
    """

    given_name: str
    family_name: str
    birth_date: datetime.date | None | Unset = UNSET
    phone: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    address: None | str | Unset = UNSET
    household_members: list[HouseholdMember] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        given_name = self.given_name

        family_name = self.family_name

        birth_date: None | str | Unset
        if isinstance(self.birth_date, Unset):
            birth_date = UNSET
        elif isinstance(self.birth_date, datetime.date):
            birth_date = self.birth_date.isoformat()
        else:
            birth_date = self.birth_date

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        household_members: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.household_members, Unset):
            household_members = []
            for household_members_item_data in self.household_members:
                household_members_item = household_members_item_data.to_dict()
                household_members.append(household_members_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "given_name": given_name,
                "family_name": family_name,
            }
        )
        if birth_date is not UNSET:
            field_dict["birth_date"] = birth_date
        if phone is not UNSET:
            field_dict["phone"] = phone
        if email is not UNSET:
            field_dict["email"] = email
        if address is not UNSET:
            field_dict["address"] = address
        if household_members is not UNSET:
            field_dict["household_members"] = household_members

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.household_member import HouseholdMember  # noqa: PLC0415

        d = dict(src_dict)
        given_name = d.pop("given_name")

        family_name = d.pop("family_name")

        def _parse_birth_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                birth_date_type_0 = datetime.date.fromisoformat(data)

                return birth_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        birth_date = _parse_birth_date(d.pop("birth_date", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        _household_members = d.pop("household_members", UNSET)
        household_members: list[HouseholdMember] | Unset = UNSET
        if _household_members is not UNSET:
            household_members = []
            for household_members_item_data in _household_members:
                household_members_item = HouseholdMember.from_dict(household_members_item_data)

                household_members.append(household_members_item)

        personal = cls(
            given_name=given_name,
            family_name=family_name,
            birth_date=birth_date,
            phone=phone,
            email=email,
            address=address,
            household_members=household_members,
        )

        return personal
