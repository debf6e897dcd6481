from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.personal import Personal
    from ..models.profile import Profile


T = TypeVar("T", bound="OpenPlanBody")


@_attrs_define
class OpenPlanBody:
    """The person's birth date and year lie between 1900 and the opening; the opening itself
    neither in the future nor before the county's earliest date (422 `implausible_date`).

        Attributes:
            municipality (str): 8-digit official municipality key (AGS)
            caseworker (str):
            opened_on (datetime.date):
            profile (Profile): Statistical, non-personal facts about the person.
            personal (Personal): Personal data: stored encrypted, erased on request.
    """

    municipality: str
    caseworker: str
    opened_on: datetime.date
    profile: Profile
    personal: Personal

    def to_dict(self) -> dict[str, Any]:
        municipality = self.municipality

        caseworker = self.caseworker

        opened_on = self.opened_on.isoformat()

        profile = self.profile.to_dict()

        personal = self.personal.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "municipality": municipality,
                "caseworker": caseworker,
                "opened_on": opened_on,
                "profile": profile,
                "personal": personal,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.personal import Personal  # noqa: PLC0415
        from ..models.profile import Profile  # noqa: PLC0415

        d = dict(src_dict)
        municipality = d.pop("municipality")

        caseworker = d.pop("caseworker")

        opened_on = datetime.date.fromisoformat(d.pop("opened_on"))

        profile = Profile.from_dict(d.pop("profile"))

        personal = Personal.from_dict(d.pop("personal"))

        open_plan_body = cls(
            municipality=municipality,
            caseworker=caseworker,
            opened_on=opened_on,
            profile=profile,
            personal=personal,
        )

        return open_plan_body
