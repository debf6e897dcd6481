"""Names in lists and the worklist (DESIGN 4b): who may see them, opened per row, logged.

Caseworkers see the names of the plans in their scope. Auditors and admins see them only
when they ask (`include=personal`), and then each plan whose name is shown is recorded as
a read of personal data before the answer is sent. Analysts never reach these endpoints.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Literal
from uuid import UUID

from fastapi import Query

from api.auth import Caller
from api.personal_reads import LOGGED_READERS, record_personal_read
from api.problems import Forbidden
from application.plans import IntegrationPlans
from projections.people import People
from projections.worklist import WorkItem

Include = Annotated[
    Literal["personal"] | None,
    Query(
        description="`personal`: auditors and admins get the display names too; each plan "
        "whose name is shown is recorded as a read of personal data (GET /v1/audit-log, "
        "kind `read`). Caseworkers always get the names of the plans in their scope."
    ),
]


def shows_names(caller: Caller, include: str | None) -> bool:
    return caller.role == "caseworker" or (caller.role in LOGGED_READERS and include == "personal")


def require_names(caller: Caller, include: str | None, asked: str) -> None:
    """A search by name or birth date is a use of personal data: as showing names."""
    if not shows_names(caller, include):
        raise Forbidden(
            f"searching by {asked} reads personal data: auditors and admins add "
            "include=personal (the read is recorded)",
            code="personal_data_not_included",
        )


class NameOpener:
    """Opens the sealed names of the rows shown, recording logged readers' reads first."""

    def __init__(
        self,
        plans: IntegrationPlans,
        people: People | None,
        caller: Caller,
        correlation_id: str,
        what: tuple[str, str],
    ) -> None:
        self.plans, self.people, self.caller = plans, people, caller
        self.correlation_id, self.what = correlation_id, what

    def open(self, rows: Iterable[tuple[UUID, int, str | None]]) -> dict[UUID, str | None]:
        """Each plan's display name, for rows of (plan, version, sealed name)."""
        names: dict[UUID, str | None] = {}
        for plan_id, version, sealed in rows:
            if plan_id in names or self.people is None:
                continue
            name = self.people.display_name(plan_id, sealed)
            if name is not None:
                record_personal_read(
                    self.plans, self.caller, self.correlation_id, plan_id, self.what, version
                )
            names[plan_id] = name
        return names

    def titles(self, items: Iterable[WorkItem]) -> dict[tuple[UUID, UUID | None], str | None]:
        """Each measure's title, for the worklist items of plans whose name was opened (and
        so whose read, if it is logged, is recorded)."""
        if self.people is None:
            return {}
        return {
            (i.plan_id, i.measure_id): self.people.title(i.plan_id, i.measure_id, i.title)
            for i in items
            if i.measure_id is not None
        }
