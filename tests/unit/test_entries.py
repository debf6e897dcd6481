"""Every entry of DESIGN section 3 is recorded with its metadata and shows in the plan's state."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from eventsourcing.utils import resolve_topic

from domain import events as ev
from domain.entry import entry_types
from domain.plan import IntegrationPlan, PlanLists
from tests.builders import KEHL, OFFENBURG, ctx, open_details, personal, profile
from tests.unit.given import (
    LATEST_EXTENSION,
    OPENED_ON,
    RECORDERS,
    Refs,
    a_furnished_plan,
    an_open_plan,
    day,
)

DESIGN_ENTRIES = [
    "PlanOpened",
    "ConsentGiven",
    "ConsentWithdrawn",
    "CaseworkerAssigned",
    "PlanTransferred",
    "ConsultationHeld",
    "GoalSet",
    "GoalAchieved",
    "GoalAbandoned",
    "MeasureAgreed",
    "MeasureCompleted",
    "MeasureCancelled",
    "MeasureRescheduled",
    "ReferralMade",
    "ReferralOutcomeRecorded",
    "CourseEnrolled",
    "CourseCompleted",
    "CourseDiscontinued",
    "EducationAccessSecured",
    "JobPlaced",
    "EmploymentEnded",
    "HousingSecured",
    "WorkshopAttended",
    "AdvicePeriodExtended",
    "EntryRetracted",
    "PlanClosed",
    "PlanReopened",
    "PersonalDataErased",
]
# Recorded by the service itself, never through the API: file numbers for plans opened
# before they existed, given on upgrade (DESIGN 4b).
SYSTEM_ENTRIES = ["FileNumberAssigned"]

Effect = Callable[[PlanLists, Refs], bool]

# What each entry, recorded on a furnished plan, changes in its state.
EFFECTS: dict[str, Effect] = {
    "ConsentGiven": lambda s, r: s.active_consent("statistics", None) is not None,
    "ConsentWithdrawn": lambda s, r: (
        s.active_consent("share_with_partner", "jobcenter") is None
        and s.consents[0].withdrawn_on == day(20)
    ),
    "CaseworkerAssigned": lambda s, r: (s.municipality, s.caseworker) == (OFFENBURG, "cw-ben"),
    "PlanTransferred": lambda s, r: (s.municipality, s.caseworker) == (KEHL, "cw-carla"),
    "ConsultationHeld": lambda s, r: (
        [(c.held_on, c.setting, c.notes) for c in s.consultations]
        == [(day(20), "video", "flat in Kehl")]
    ),
    "GoalSet": lambda s, r: sorted(g.field for g in s.goals.values()) == ["language", "work"],
    "GoalAchieved": lambda s, r: (
        (s.goals[r.goal].status, s.goals[r.goal].outcome_on) == ("achieved", day(20))
    ),
    "GoalAbandoned": lambda s, r: s.goals[r.goal].status == "abandoned",
    "MeasureAgreed": lambda s, r: (
        sorted(m.title or "" for m in s.measures.values())
        == ["register for a course", "write a CV"]
    ),
    "MeasureCompleted": lambda s, r: (
        (s.measures[r.measure].status, s.measures[r.measure].outcome) == ("completed", "registered")
    ),
    "MeasureCancelled": lambda s, r: s.measures[r.measure].status == "cancelled",
    "MeasureRescheduled": lambda s, r: s.measures[r.measure].due_on == day(80),
    "ReferralMade": lambda s, r: len(s.referrals) == 2,
    "ReferralOutcomeRecorded": lambda s, r: s.referrals[r.referral].outcome_on == day(20),
    "CourseEnrolled": lambda s, r: (
        sorted(c.kind for c in s.courses.values()) == ["berufssprachkurs", "integrationskurs"]
    ),
    "CourseCompleted": lambda s, r: (
        s.courses[r.course].ended_on == day(20) and s.highest_level_reached() == "B1"
    ),
    "CourseDiscontinued": lambda s, r: s.courses[r.course].status == "discontinued",
    "EducationAccessSecured": lambda s, r: (
        [(e.kind, e.for_member) for e in s.education] == [("school", 0)]
    ),
    "JobPlaced": lambda s, r: sorted(j.sector for j in s.jobs.values()) == ["G", "Q"],
    "EmploymentEnded": lambda s, r: (
        (s.jobs[r.job].status, s.jobs[r.job].ended_on) == ("ended", day(20))
    ),
    "HousingSecured": lambda s, r: [h.kind for h in s.housing] == ["private_rental"],
    "WorkshopAttended": lambda s, r: [w.kind for w in s.workshops] == ["wohnungsfuehrerschein"],
    "AdvicePeriodExtended": lambda s, r: s.extended and s.advice_period_ends_on == LATEST_EXTENSION,
    "EntryRetracted": lambda s, r: r.job not in s.jobs,
    "PlanClosed": lambda s, r: (
        (s.status, s.closed_on, s.closure_reason) == ("closed", day(20), "moved_away")
    ),
    "PersonalDataErased": lambda s, r: s.status == "erased" and s.personal is None,
}


def test_every_entry_of_the_design_is_an_entry_type_with_a_stable_topic() -> None:
    assert sorted(t.__name__ for t in entry_types()) == sorted(DESIGN_ENTRIES + SYSTEM_ENTRIES)
    for entry_type in entry_types():
        assert f"iplan:{entry_type.__name__}" == entry_type.TOPIC
        assert resolve_topic(entry_type.TOPIC) is entry_type
    assert resolve_topic("iplan:IntegrationPlan") is IntegrationPlan
    assert resolve_topic(IntegrationPlan.Snapshot.TOPIC) is IntegrationPlan.Snapshot


@pytest.mark.parametrize("entry", EFFECTS)
def test_an_entry_shows_in_the_state(entry: str) -> None:
    plan, refs = a_furnished_plan()
    assert not EFFECTS[entry](plan.state, refs)
    RECORDERS[entry](plan, refs, day(20), ctx())
    assert EFFECTS[entry](plan.state, refs)
    assert plan.version == 8
    assert type(plan.pending_events[-1]).__name__ == entry


def test_an_opening_shows_in_the_state() -> None:
    plan = an_open_plan()
    state = plan.state
    assert (state.municipality, state.caseworker, state.opened_on) == (
        OFFENBURG,
        "cw-anna",
        OPENED_ON,
    )
    assert state.advice_period_ends_on == date(2028, 1, 15)
    assert (state.profile, state.personal) == (profile(), personal())
    assert (state.status, plan.version) == ("open", 1)


def test_a_reopening_shows_in_the_state() -> None:
    plan, refs = a_furnished_plan()
    RECORDERS["PlanClosed"](plan, refs, day(20), ctx())
    RECORDERS["PlanReopened"](plan, refs, day(21), ctx())
    state = plan.state
    assert (state.status, state.closed_on, state.closure_reason) == ("open", None, None)


@pytest.mark.parametrize("entry", EFFECTS)
def test_every_entry_carries_its_history_metadata(entry: str) -> None:
    plan, refs = a_furnished_plan()
    RECORDERS[entry](plan, refs, day(20), ctx("cw-ben", "admin"))
    events = [e for e in plan.collect_events() if isinstance(e, ev.PlanEvent)]
    assert [e.originator_version for e in events] == list(range(1, 9))
    for event in events:
        assert event.correlation_id == "req-test"
        assert event.role in {"caseworker", "admin"}
        assert event.timestamp.tzinfo is not None
    assert [e.effective_on for e in events[:3]] == [OPENED_ON, day(1), day(2)]
    assert {e.actor for e in events[:-1]} == {"cw-anna"}
    last = events[-1]
    assert (last.actor, last.role, last.effective_on) == ("cw-ben", "admin", day(20))


def test_the_idempotency_key_is_recorded_in_the_entry() -> None:
    plan = an_open_plan()
    keyed = ctx(idempotency_key="k-7", request_digest="d-7")
    plan.secure_housing(kind="other", secured_on=day(3), ctx=keyed)
    assert plan.recorded_request("cw-anna", "k-7") == ("d-7", 2)
    assert plan.recorded_request("cw-ben", "k-7") is None


def test_the_opening_records_the_statistical_profile_apart_from_personal_data() -> None:
    event = an_open_plan(**open_details()).collect_events()[0]
    assert isinstance(event, ev.PlanOpened)
    assert event.profile == profile()
    assert event.personal == personal()
    assert "given_name" not in event.profile
