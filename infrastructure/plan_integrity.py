"""The application's PlanIntegrity port: a history checked against its hash chain, its
anchored head outside the database, and the snapshots taken of it.

Verification fails closed: anchors that cannot be trusted make every report fail, and
nothing here raises for what tampering can do to the stored bytes.
"""

from __future__ import annotations

from dataclasses import replace
from uuid import UUID

from eventsourcing.persistence import AggregateRecorder

from application.protection import PLAN, IntegrityReport
from domain.events import PersonalDataErased
from infrastructure.anchors import AnchorBook, Anchored, AnchorError, anchor_findings
from infrastructure.chained_recorders import ChainedRecorder
from infrastructure.integrity import subject_of, verify
from infrastructure.keystore import KeyRing

ERASED_TOPIC = PersonalDataErased.TOPIC


class RecorderIntegrity:
    def __init__(
        self,
        recorder: ChainedRecorder,
        keys: KeyRing,
        anchors: AnchorBook | None = None,
    ) -> None:
        self.recorder = recorder
        self.keys = keys
        self.anchors = anchors
        self.snapshots: AggregateRecorder | None = None  # plugged in once constructed

    def verify(self, plan_id: UUID) -> IntegrityReport | None:
        stored, links = self.recorder.select_history(plan_id)
        anchored, anchor_problem = self._anchored()
        if not stored and not links and not (anchored and plan_id in anchored.heads):
            return None
        report = replace(
            verify(self.recorder.chain, plan_id, stored, links), subject=subject_of(stored)
        )
        if not report.ok:
            return report
        if anchor_problem is not None:
            return replace(report, ok=False, problem=anchor_problem)
        last = stored[-1].originator_version if stored else 0
        found = anchor_findings(anchored, plan_id, last, dict(links).get)
        if found is not None:
            return replace(report, ok=False, first_bad_version=found[0], problem=found[1])
        if report.subject == PLAN and stored:
            erased = any(s.topic == ERASED_TOPIC for s in stored)
            key_problem = self.keys.problem(plan_id, erased)
            if key_problem is not None:
                return replace(report, ok=False, problem=key_problem)
        beyond = self._snapshot_beyond(plan_id, last)
        if beyond is not None:
            problem = (
                f"a snapshot of version {beyond} survives beyond the last entry ({last}): "
                "entries were deleted"
            )
            return replace(report, ok=False, first_bad_version=last + 1, problem=problem)
        return report

    def plan_ids(self) -> list[UUID]:
        """Every history stored, and every one anchored (a deleted plan is reported too)."""
        anchored, _ = self._anchored()
        stored = set(self.recorder.plan_ids())
        return sorted(stored | set(anchored.heads if anchored else ()))

    def _anchored(self) -> tuple[Anchored | None, str | None]:
        if self.anchors is None:
            return None, None
        try:
            return self.anchors.read(), None
        except AnchorError as error:
            return None, f"the anchor checkpoints cannot be trusted: {error}"

    def _snapshot_beyond(self, plan_id: UUID, last: int) -> int | None:
        if self.snapshots is None:
            return None
        newest = self.snapshots.select_events(plan_id, desc=True, limit=1)
        if newest and newest[0].originator_version > last:
            return newest[0].originator_version
        return None
