"""Domain errors: each refusal of a rule is a type with a stable `code` that clients rely on."""

from __future__ import annotations


class DomainError(Exception):
    """A command the plan's rules refuse. `code` is stable; the message is for people."""

    code = "rule_violated"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidValue(DomainError):
    code = "invalid_value"


class ImplausibleDate(InvalidValue):
    """A date before the county's earliest date, or too far ahead (DESIGN 8a)."""

    code = "implausible_date"


class UnknownMunicipality(InvalidValue):
    """A municipality key that is not one of the county's municipalities (DESIGN 8a)."""

    code = "unknown_municipality"


class PlanClosed(DomainError):
    code = "plan_closed"


class PlanErased(DomainError):
    code = "plan_erased"


class PlanNotClosed(DomainError):
    code = "plan_not_closed"


class EffectiveDateInFuture(DomainError):
    code = "effective_date_in_future"


class EffectiveDateBeforeOpening(DomainError):
    code = "effective_date_before_opening"


class AdvicePeriodEnded(DomainError):
    code = "advice_period_ended"


class ExtensionRefused(DomainError):
    code = "extension_refused"


class UnknownReference(DomainError):
    """A follow-up entry names a goal, measure, course, referral, job or consent not there."""

    code = "unknown_reference"


class InvalidTransition(DomainError):
    """The named item exists but its state does not allow this entry."""

    code = "invalid_transition"


class ConsentRequired(DomainError):
    code = "consent_required"


class RetractionRefused(DomainError):
    code = "retraction_refused"


class NothingChanged(DomainError):
    code = "nothing_changed"


class HistoryNeeded(Exception):
    """The plan was restored from a snapshot of its state, without its entries, and what
    is asked (a correction, an erasure) refolds them: load it from its entries instead.

    Not a refusal: the application answers it by loading the plan's whole history."""
