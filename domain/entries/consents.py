"""Consents: given for a purpose (and a partner kind when sharing), later withdrawn."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from domain import errors
from domain.entry import PlanEvent, entry
from domain.rules import check_entry, not_before, one_of
from domain.state import Part, PlanState, fold_entry
from domain.vocabulary import CONSENT_PURPOSES, PARTNER_KINDS


@entry
class ConsentGiven(PlanEvent):
    purpose: str
    partner_kind: str | None


@entry
class ConsentWithdrawn(PlanEvent):
    purpose: str
    partner_kind: str | None


@dataclass
class Consent:
    purpose: str
    partner_kind: str | None
    given_on: date
    version: int
    withdrawn_on: date | None = None

    @property
    def active(self) -> bool:
        return self.withdrawn_on is None


CONSENTS: Part[list[Consent]] = Part("consents", list)


def active_consent(state: PlanState, purpose: str, partner_kind: str | None) -> Consent | None:
    for consent in state[CONSENTS]:
        if consent.active and consent.purpose == purpose and consent.partner_kind == partner_kind:
            return consent
    return None


def check_purpose(purpose: str, partner_kind: str | None) -> None:
    one_of(purpose, CONSENT_PURPOSES, "purpose")
    if purpose == "share_with_partner":
        one_of(partner_kind, PARTNER_KINDS, "partner_kind")
    elif partner_kind is not None:
        raise errors.InvalidValue("partner_kind is given only for the purpose share_with_partner")


@check_entry.register
def check_consent_given(entry: ConsentGiven, state: PlanState) -> None:
    check_purpose(entry.purpose, entry.partner_kind)
    if active_consent(state, entry.purpose, entry.partner_kind) is not None:
        raise errors.NothingChanged("this consent is already given")


@check_entry.register
def check_consent_withdrawn(entry: ConsentWithdrawn, state: PlanState) -> None:
    check_purpose(entry.purpose, entry.partner_kind)
    consent = active_consent(state, entry.purpose, entry.partner_kind)
    if consent is None:
        raise errors.UnknownReference("the person has not given this consent, or withdrew it")
    not_before(entry.effective_on, consent.given_on, "withdrawn_on")


@fold_entry.register
def add_consent(entry: ConsentGiven, state: PlanState) -> None:
    consent = Consent(
        entry.purpose, entry.partner_kind, entry.effective_on, entry.originator_version
    )
    state[CONSENTS].append(consent)


@fold_entry.register
def end_consent(entry: ConsentWithdrawn, state: PlanState) -> None:
    withdrawn = active_consent(state, entry.purpose, entry.partner_kind)
    consents = state[CONSENTS]
    for i, consent in enumerate(consents):
        if consent is withdrawn:
            consents[i] = replace(consent, withdrawn_on=entry.effective_on)
