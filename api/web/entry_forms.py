"""Every entry and follow-up a page can record: its body model and the API route that
records it. A form is sent to exactly the handler the API runs (no second write path)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from api.routers import entries, goals, lifecycle, placements
from api.routers import plans as plan_routes
from api.schemas import entries as bodies
from api.web.i18n import N_


@dataclass(frozen=True)
class EntryForm:
    slug: str
    title: str
    body: type[bodies.EntryBody]
    route: Callable[..., dict[str, object]]
    item: str | None = None  # the path parameter naming the followed-up item
    role: str = "caseworker"


FORMS: dict[str, EntryForm] = {
    f.slug: f
    for f in (
        EntryForm(
            "consultation", N_("Record a consultation"), bodies.ConsultationBody,
            entries.hold_consultation,
        ),
        EntryForm("goal", N_("Agree a goal"), bodies.GoalBody, goals.set_goal),
        EntryForm(
            "goal-outcome", N_("Record a goal's outcome"), bodies.GoalOutcomeBody,
            goals.record_goal_outcome, "goal_id",
        ),
        EntryForm("measure", N_("Agree a measure"), bodies.MeasureBody, goals.agree_measure),
        EntryForm(
            "measure-completion", N_("Record a measure completed"),
            bodies.MeasureCompletionBody, goals.complete_measure, "measure_id",
        ),
        EntryForm(
            "measure-cancellation", N_("Record a measure cancelled"),
            bodies.MeasureCancellationBody, goals.cancel_measure, "measure_id",
        ),
        EntryForm(
            "measure-reschedule", N_("Move a measure's due date"),
            bodies.MeasureRescheduleBody, goals.reschedule_measure, "measure_id",
        ),
        EntryForm("referral", N_("Refer to a partner"), bodies.ReferralBody,
                  placements.make_referral),
        EntryForm(
            "referral-outcome", N_("Record a referral's outcome"), bodies.ReferralOutcomeBody,
            placements.record_referral_outcome, "referral_id",
        ),
        EntryForm("course", N_("Enrol in a course"), bodies.CourseBody,
                  placements.enrol_in_course),
        EntryForm(
            "course-completion", N_("Record a course completed"), bodies.CourseCompletionBody,
            placements.complete_course, "course_id",
        ),
        EntryForm(
            "course-discontinuation", N_("Record a course discontinued"),
            bodies.CourseDiscontinuationBody, placements.discontinue_course, "course_id",
        ),
        EntryForm("job", N_("Record a job taken up"), bodies.JobBody, placements.place_in_job),
        EntryForm("job-end", N_("Record an employment ended"), bodies.JobEndBody,
                  placements.end_employment, "job_id"),
        EntryForm("education", N_("Record access to education"), bodies.EducationBody,
                  entries.secure_education_access),
        EntryForm("housing", N_("Record an own home"), bodies.HousingBody,
                  entries.secure_housing),
        EntryForm("workshop", N_("Record a workshop attended"), bodies.WorkshopBody,
                  entries.attend_workshop),
        EntryForm("consent", N_("Record a consent given"), bodies.ConsentBody,
                  entries.give_consent),
        EntryForm(
            "consent-withdrawal", N_("Record a consent withdrawn"),
            bodies.ConsentWithdrawalBody, entries.withdraw_consent, "purpose",
        ),
        EntryForm("assignment", N_("Hand the plan over"), bodies.AssignmentBody,
                  lifecycle.assign_caseworker),
        EntryForm("transfer", N_("Transfer to another municipality"), bodies.TransferBody,
                  lifecycle.transfer),
        EntryForm("extension", N_("Extend the advice period"), bodies.ExtensionBody,
                  lifecycle.extend_advice_period),
        EntryForm("retraction", N_("Retract an entry"), bodies.RetractionBody,
                  lifecycle.retract),
        EntryForm("closure", N_("Close the plan"), bodies.ClosureBody, lifecycle.close_plan),
        EntryForm("reopening", N_("Reopen the plan"), bodies.ReopeningBody,
                  lifecycle.reopen_plan),
        EntryForm(
            "erasure", N_("Erase the personal data"), bodies.ErasureBody,
            plan_routes.erase_personal_data, role="admin",
        ),
    )
}  # fmt: skip

# The forms the plan page offers for the plan as a whole (follow-ups sit beside their item).
PLAN_FORMS = (
    "consultation", "goal", "measure", "referral", "course", "job", "education", "housing",
    "workshop", "consent", "assignment", "transfer", "extension", "closure", "reopening",
)  # fmt: skip


def call(form: EntryForm, **arguments: Any) -> dict[str, object]:
    """Runs the form's API route with the arguments it declares."""
    return form.route(**arguments)
