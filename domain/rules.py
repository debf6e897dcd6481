"""The rules of DESIGN section 3: whether an entry may follow the plan's current state.

One check per entry type, used both when a command records an entry and when a
retraction refolds the remaining entries, so each rule is written once.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date
from functools import singledispatch
from typing import Any
from uuid import UUID

from domain import errors
from domain import events as ev
from domain.state import PlanState
from domain.vocabulary import (
    CEFR_LEVELS,
    CLOSURE_REASONS,
    CONSENT_PURPOSES,
    CONSULTATION_SETTINGS,
    COURSE_KINDS,
    EDUCATION_KINDS,
    EXTENDED_ADVICE_PERIOD_YEARS,
    FIELDS_OF_ACTION,
    GENDERS,
    HOUSING_KINDS,
    JOB_KINDS,
    PARTNER_KINDS,
    RESIDENCE_STATUSES,
    RESPONSIBLE_PARTIES,
    ROLES,
    WORKSHOP_KINDS,
    WZ_SECTIONS,
    add_years,
)

# Used with fullmatch: `$` would also match before a trailing newline, and `\d` any
# Unicode digit (e.g. Arabic-Indic), neither of which is an official key or code.
AGS = re.compile(r"[0-9]{8}")
COUNTRY = re.compile(r"[A-Z]{2}")
LANGUAGE = re.compile(r"[a-z]{2,3}")
MAX_TEXT = 10_000


def one_of(value: Any, allowed: Collection[Any], name: str) -> None:
    if value not in allowed:
        raise errors.InvalidValue(f"{name} must be one of {sorted(allowed)}, not {value!r}")


def text(value: Any, name: str, *, required: bool = True) -> None:
    if value is None and not required:
        return
    if not isinstance(value, str) or (required and not value.strip()) or len(value) > MAX_TEXT:
        raise errors.InvalidValue(
            f"{name} must be a non-empty text of at most {MAX_TEXT} characters"
        )


def municipality_key(value: str) -> None:
    if not isinstance(value, str) or not AGS.fullmatch(value):
        raise errors.InvalidValue(
            f"municipality must be an 8-digit official key (AGS), not {value!r}"
        )


def check(entry: ev.PlanEvent, state: PlanState, today: date | None) -> None:
    """Raises a DomainError if `entry` may not follow `state`; `today` None skips the clock."""
    if not isinstance(entry, ev.PlanOpened):
        _check_plan_accepts(entry, state)
    if today is not None and entry.effective_on > today:
        raise errors.EffectiveDateInFuture(
            f"effective date {entry.effective_on} lies in the future (today is {today})"
        )
    one_of(entry.role, ROLES, "role")
    check_entry(entry, state)


def _check_plan_accepts(entry: ev.PlanEvent, state: PlanState) -> None:
    if state.is_erased:
        raise errors.PlanErased(
            "the plan's personal data was erased; it accepts no further entries"
        )
    if state.is_closed and not isinstance(entry, ev.PlanReopened | ev.PersonalDataErased):
        raise errors.PlanClosed("the plan is closed; only a reopening is accepted")
    if entry.effective_on < state.opened_on:
        raise errors.EffectiveDateBeforeOpening(
            f"effective date {entry.effective_on} lies before the opening ({state.opened_on})"
        )
    if entry.effective_on > state.advice_period_ends_on and not isinstance(
        entry, ev.ALLOWED_AFTER_ADVICE_PERIOD
    ):
        raise errors.AdvicePeriodEnded(
            f"the advice period ended on {state.advice_period_ends_on}; extend it first"
        )


@singledispatch
def check_entry(entry: ev.PlanEvent, state: PlanState) -> None:
    """Entry-specific rules; entries without any have nothing more to check."""


@check_entry.register
def _(entry: ev.PlanOpened, state: PlanState) -> None:
    municipality_key(entry.municipality)
    text(entry.caseworker, "caseworker")
    profile = entry.profile
    birth_year = profile.get("birth_year")
    if not isinstance(birth_year, int) or not 1900 <= birth_year <= entry.effective_on.year:
        raise errors.InvalidValue(
            "profile.birth_year must be a year between 1900 and the opening year"
        )
    one_of(profile.get("gender"), GENDERS, "profile.gender")
    if not COUNTRY.fullmatch(str(profile.get("nationality"))):
        raise errors.InvalidValue("profile.nationality must be an ISO 3166 alpha-2 code")
    one_of(profile.get("residence_status"), RESIDENCE_STATUSES, "profile.residence_status")
    household_size = profile.get("household_size")
    if not isinstance(household_size, int) or not 1 <= household_size <= 30:
        raise errors.InvalidValue("profile.household_size must be between 1 and 30")
    languages = profile.get("languages")
    if not isinstance(languages, list) or not all(LANGUAGE.fullmatch(str(x)) for x in languages):
        raise errors.InvalidValue("profile.languages must be ISO 639 codes")
    arrived_on = profile.get("arrived_on")
    if not isinstance(arrived_on, date) or arrived_on > entry.effective_on:
        raise errors.InvalidValue("profile.arrived_on must be a date not after opened_on")


@check_entry.register
def _(entry: ev.ConsentGiven, state: PlanState) -> None:
    _check_consent_kind(entry.purpose, entry.partner_kind)
    if state.active_consent(entry.purpose, entry.partner_kind) is not None:
        raise errors.NothingChanged("this consent is already given")


@check_entry.register
def _(entry: ev.ConsentWithdrawn, state: PlanState) -> None:
    _check_consent_kind(entry.purpose, entry.partner_kind)
    consent = state.active_consent(entry.purpose, entry.partner_kind)
    if consent is None:
        raise errors.UnknownReference("there is no such consent to withdraw")
    _not_before(entry.effective_on, consent.given_on, "withdrawn_on")


def _check_consent_kind(purpose: str, partner_kind: str | None) -> None:
    one_of(purpose, CONSENT_PURPOSES, "purpose")
    if purpose == "share_with_partner":
        one_of(partner_kind, PARTNER_KINDS, "partner_kind")
    elif partner_kind is not None:
        raise errors.InvalidValue("partner_kind is only given for the purpose share_with_partner")


@check_entry.register
def _(entry: ev.CaseworkerAssigned, state: PlanState) -> None:
    text(entry.caseworker, "caseworker")
    if entry.caseworker == state.caseworker:
        raise errors.NothingChanged("the plan is already assigned to this caseworker")


@check_entry.register
def _(entry: ev.PlanTransferred, state: PlanState) -> None:
    municipality_key(entry.municipality)
    text(entry.caseworker, "caseworker")
    if entry.municipality == state.municipality:
        raise errors.NothingChanged(
            "the plan is already in this municipality; assign a caseworker instead"
        )


@check_entry.register
def _(entry: ev.ConsultationHeld, state: PlanState) -> None:
    if not 1 <= entry.duration_minutes <= 24 * 60:
        raise errors.InvalidValue("duration_minutes must be between 1 and 1440")
    one_of(entry.setting, CONSULTATION_SETTINGS, "setting")
    if entry.interpreter_language is not None and not LANGUAGE.fullmatch(
        entry.interpreter_language
    ):
        raise errors.InvalidValue("interpreter_language must be an ISO 639 code or null")
    for topic in entry.topics:
        one_of(topic, FIELDS_OF_ACTION, "topics")
    text(entry.personal_value("notes"), "notes", required=False)


@check_entry.register
def _(entry: ev.GoalSet, state: PlanState) -> None:
    one_of(entry.field, FIELDS_OF_ACTION, "field")
    text(entry.personal_value("description"), "description")
    _not_before(entry.target_on, entry.effective_on, "target_on")


@check_entry.register
def _(entry: ev.GoalAchieved | ev.GoalAbandoned, state: PlanState) -> None:
    goal = _existing(state.goals, entry.goal_id, "goal")
    if goal.status != "open":
        raise errors.InvalidTransition(f"the goal is already {goal.status}")
    _not_before(entry.effective_on, goal.set_on, "the outcome date")


@check_entry.register
def _(entry: ev.MeasureAgreed, state: PlanState) -> None:
    one_of(entry.field, FIELDS_OF_ACTION, "field")
    one_of(entry.responsible, RESPONSIBLE_PARTIES, "responsible")
    if entry.partner_kind is not None:
        one_of(entry.partner_kind, PARTNER_KINDS, "partner_kind")
    text(entry.personal_value("title"), "title")
    _not_before(entry.due_on, entry.effective_on, "due_on")
    if entry.goal_id is not None:
        goal = _existing(state.goals, entry.goal_id, "goal")
        if goal.status != "open":
            raise errors.InvalidTransition(f"the goal is already {goal.status}")
        _not_before(entry.effective_on, goal.set_on, "agreed_on")


@check_entry.register
def _(entry: ev.MeasureCompleted | ev.MeasureCancelled, state: PlanState) -> None:
    measure = _agreed_measure(entry.measure_id, state)
    _not_before(entry.effective_on, measure.agreed_on, "the date")


@check_entry.register
def _(entry: ev.MeasureRescheduled, state: PlanState) -> None:
    measure = _agreed_measure(entry.measure_id, state)
    if entry.due_on == measure.due_on:
        raise errors.NothingChanged("the measure is already due on this date")
    _not_before(entry.effective_on, measure.agreed_on, "the date")
    _not_before(entry.due_on, measure.agreed_on, "due_on")


@check_entry.register
def _(entry: ev.ReferralMade, state: PlanState) -> None:
    one_of(entry.partner_kind, PARTNER_KINDS, "partner_kind")
    text(entry.personal_value("reason"), "reason")
    consent = state.active_consent("share_with_partner", entry.partner_kind)
    # A consent given after the referral's date did not cover it.
    consented = consent is not None and consent.given_on <= entry.effective_on
    if entry.consent_overridden:
        text(entry.personal_value("consent_override_reason"), "consent_override_reason")
    elif not consented:
        raise errors.ConsentRequired(
            f"no consent to share with {entry.partner_kind}: record one or give an override reason"
        )


@check_entry.register
def _(entry: ev.ReferralOutcomeRecorded, state: PlanState) -> None:
    referral = _existing(state.referrals, entry.referral_id, "referral")
    if referral.outcome_on is not None:
        raise errors.InvalidTransition("the referral's outcome is already recorded")
    text(entry.personal_value("outcome"), "outcome")
    _not_before(entry.effective_on, referral.made_on, "the outcome date")


@check_entry.register
def _(entry: ev.CourseEnrolled, state: PlanState) -> None:
    one_of(entry.kind, COURSE_KINDS, "kind")
    text(entry.provider, "provider")
    if entry.target_level is not None:
        one_of(entry.target_level, CEFR_LEVELS, "target_level")


@check_entry.register
def _(entry: ev.CourseCompleted | ev.CourseDiscontinued, state: PlanState) -> None:
    course = _existing(state.courses, entry.course_id, "course")
    if course.status != "enrolled":
        raise errors.InvalidTransition(f"the course is already {course.status}")
    _not_before(entry.effective_on, course.enrolled_on, "the date")
    if isinstance(entry, ev.CourseCompleted) and entry.level_reached is not None:
        one_of(entry.level_reached, CEFR_LEVELS, "level_reached")


@check_entry.register
def _(entry: ev.EducationAccessSecured, state: PlanState) -> None:
    one_of(entry.kind, EDUCATION_KINDS, "kind")
    if entry.for_member is not None:
        members = (state.personal or {}).get("household_members", [])
        if state.personal is not None and not 0 <= entry.for_member < len(members):
            raise errors.UnknownReference(f"there is no household member {entry.for_member}")


@check_entry.register
def _(entry: ev.JobPlaced, state: PlanState) -> None:
    one_of(entry.kind, JOB_KINDS, "kind")
    one_of(entry.sector, WZ_SECTIONS, "sector")
    if not 0 < entry.hours_per_week <= 60:
        raise errors.InvalidValue("hours_per_week must be more than 0 and at most 60")


@check_entry.register
def _(entry: ev.EmploymentEnded, state: PlanState) -> None:
    job = _existing(state.jobs, entry.job_id, "job")
    if job.status != "active":
        raise errors.InvalidTransition("the employment has already ended")
    _not_before(entry.effective_on, job.placed_on, "ended_on")
    text(entry.personal_value("reason"), "reason")


@check_entry.register
def _(entry: ev.HousingSecured, state: PlanState) -> None:
    one_of(entry.kind, HOUSING_KINDS, "kind")


@check_entry.register
def _(entry: ev.WorkshopAttended, state: PlanState) -> None:
    one_of(entry.kind, WORKSHOP_KINDS, "kind")


@check_entry.register
def _(entry: ev.AdvicePeriodExtended, state: PlanState) -> None:
    if state.extended:
        raise errors.ExtensionRefused("the advice period can be extended only once")
    latest = add_years(state.opened_on, EXTENDED_ADVICE_PERIOD_YEARS)
    if not state.advice_period_ends_on < entry.until <= latest:
        raise errors.ExtensionRefused(
            f"the new end must lie after {state.advice_period_ends_on} and not after {latest}"
        )
    text(entry.personal_value("reason"), "reason")


@check_entry.register
def _(entry: ev.PlanClosed, state: PlanState) -> None:
    one_of(entry.reason, CLOSURE_REASONS, "reason")


@check_entry.register
def _(entry: ev.PlanReopened, state: PlanState) -> None:
    if not state.is_closed or state.closed_on is None:
        raise errors.PlanNotClosed("only a closed plan can be reopened")
    _not_before(entry.effective_on, state.closed_on, "reopened_on")
    text(entry.personal_value("reason"), "reason")


@check_entry.register
def _(entry: ev.PersonalDataErased, state: PlanState) -> None:
    text(entry.legal_basis, "legal_basis")


def _existing(items: dict[UUID, Any], item_id: UUID, kind: str) -> Any:
    try:
        return items[item_id]
    except KeyError:
        raise errors.UnknownReference(f"the plan has no {kind} {item_id}") from None


def _agreed_measure(measure_id: UUID, state: PlanState) -> Any:
    measure = _existing(state.measures, measure_id, "measure")
    if measure.status != "agreed":
        raise errors.InvalidTransition(f"the measure is already {measure.status}")
    return measure


def _not_before(day: date, earliest: date, name: str) -> None:
    if day < earliest:
        raise errors.InvalidValue(f"{name} ({day}) must not lie before {earliest}")
