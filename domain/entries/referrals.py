"""Referrals to partners, with the person's consent to share (or an override), and outcomes."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from uuid import UUID

from domain import errors
from domain.entries.consents import active_consent
from domain.entry import PlanEvent, entry
from domain.rules import check_entry, existing, not_before, one_of, text
from domain.state import Part, PlanState, fold_entry
from domain.vocabulary import PARTNER_KINDS


@entry
class ReferralMade(PlanEvent):
    CHILD_ID = "referral_id"
    referral_id: UUID
    partner_kind: str
    consent_overridden: bool


@entry
class ReferralOutcomeRecorded(PlanEvent):
    referral_id: UUID


@dataclass
class Referral:
    id: UUID
    partner_kind: str
    made_on: date
    reason: str | None
    consent_overridden: bool
    consent_override_reason: str | None
    outcome: str | None = None
    outcome_on: date | None = None


REFERRALS: Part[dict[UUID, Referral]] = Part("referrals", dict)


@check_entry.register
def check_referral(entry: ReferralMade, state: PlanState) -> None:
    one_of(entry.partner_kind, PARTNER_KINDS, "partner_kind")
    text(entry.personal_value("reason"), "reason")
    consent = active_consent(state, "share_with_partner", entry.partner_kind)
    # A consent given after the referral's date did not cover it.
    consented = consent is not None and consent.given_on <= entry.effective_on
    if entry.consent_overridden:
        text(entry.personal_value("consent_override_reason"), "consent_override_reason")
    elif not consented:
        raise errors.ConsentRequired(
            f"the person has not consented to sharing with {entry.partner_kind}: "
            "record the consent first, or give a reason to refer without it"
        )


@check_entry.register
def check_referral_outcome(entry: ReferralOutcomeRecorded, state: PlanState) -> None:
    referral = existing(state[REFERRALS], entry.referral_id, "referral")
    if referral.outcome_on is not None:
        raise errors.InvalidTransition("the referral's outcome is already recorded")
    text(entry.personal_value("outcome"), "outcome")
    not_before(entry.effective_on, referral.made_on, "the outcome date")


@fold_entry.register
def add_referral(entry: ReferralMade, state: PlanState) -> None:
    state[REFERRALS][entry.referral_id] = Referral(
        id=entry.referral_id,
        partner_kind=entry.partner_kind,
        made_on=entry.effective_on,
        reason=entry.personal_value("reason"),
        consent_overridden=entry.consent_overridden,
        consent_override_reason=entry.personal_value("consent_override_reason"),
    )


@fold_entry.register
def add_referral_outcome(entry: ReferralOutcomeRecorded, state: PlanState) -> None:
    referral = state[REFERRALS].get(entry.referral_id)
    if referral is not None:
        state[REFERRALS][entry.referral_id] = replace(
            referral, outcome=entry.personal_value("outcome"), outcome_on=entry.effective_on
        )
