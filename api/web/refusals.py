"""The one table from a refusal's stable `code` to what the page says, in the users' words.

Codes come from the domain's and the application's errors and from the API's problems
(DESIGN 4); the page shows the sentence in the chosen language, never the code alone.
"""

from __future__ import annotations

from api.web.i18n import N_

REFUSALS: dict[str, str] = {
    # Rules of the plan (DESIGN 3)
    "plan_closed": N_("The plan is closed. Reopen it before recording anything else."),
    "plan_erased": N_("The personal data of this plan was erased; nothing more can be recorded."),
    "plan_not_closed": N_("The plan is not closed, so it cannot be reopened."),
    "effective_date_in_future": N_("The date lies in the future. Entries record what happened."),
    "effective_date_before_opening": N_("The date lies before the plan was opened."),
    "advice_period_ended": N_(
        "The advice period has ended. Extend it first (once, to at most 4 years)."
    ),
    "extension_refused": N_(
        "The advice period cannot be extended like this: only once, to at most 4 years "
        "after opening, and with a reason."
    ),
    "unknown_reference": N_("The entry refers to something this plan does not contain."),
    "invalid_transition": N_(
        "This is not possible in its current state (for example, a cancelled measure "
        "cannot be completed, a course is completed only once)."
    ),
    "consent_required": N_(
        "The person has not consented to sharing with this partner. Record the consent "
        "first, or give a reason for referring without it."
    ),
    "retraction_refused": N_(
        "This entry cannot be retracted: it does not exist, was retracted already, or "
        "opened the plan."
    ),
    "nothing_changed": N_("Nothing would change: the plan already says so."),
    "invalid_value": N_("A value is not allowed here."),
    "implausible_date": N_("A date lies too far in the past or the future."),
    "unknown_municipality": N_("This municipality does not belong to the county."),
    "rule_violated": N_("The plan's rules do not allow this entry."),
    # The application and the API
    "plan_not_found": N_("There is no such plan, or it is not in your municipalities."),
    "not_found": N_("This page does not exist."),
    "version_not_found": N_("The plan has no such version."),
    "version_mismatch": N_("Someone else changed the plan meanwhile. Please check and try again."),
    "concurrent_writes": N_("Someone else changed the plan at the same time. Please try again."),
    "idempotency_key_reused": N_("This form was sent already with other values."),
    "plan_integrity_failed": N_(
        "The plan's stored history does not check out. An auditor must look at it."
    ),
    "municipality_out_of_scope": N_("You do not work for this municipality."),
    "store_unavailable": N_("The database cannot be reached at the moment. Please try again."),
    "master_key_unavailable": N_("The service cannot read protected data right now."),
    "projection_lagging": N_("The lists are still catching up. Please reload in a moment."),
    "forbidden": N_("Your role may not do this."),
    "csrf_refused": N_(
        "The form has expired or did not come from this page. Please fill it in again."
    ),
    "invalid_field": N_("Please check your input."),
    "invalid_period": N_("The period's start lies after its end, or it is too long."),
    "invalid_cursor": N_("This page of the list is no longer valid."),
}
FALLBACK = N_("The request could not be carried out.")


def refusal(code: str) -> str:
    """The message id of what to say about `code` (translated when shown)."""
    return REFUSALS.get(code, FALLBACK)
