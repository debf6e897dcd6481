"""A synthetic life's referrals, jobs, housing and workshops."""

from __future__ import annotations

from datetime import date, timedelta

from domain.plan import IntegrationPlan as Plan
from infrastructure.demo.proportions import (
    HOUSING_KINDS,
    JOB_KINDS,
    JOB_SECTORS,
    WORKSHOPS,
    weighted,
)
from infrastructure.demo.story import Story


def unfold(story: Story, course_done: date | None) -> None:
    """Jobs mostly after a language course, the Jobcenter usually asked first; housing
    outside follow-up accommodation for some; a workshop for others."""
    rng, opened = story.rng, story.opened
    start = course_done or opened
    if rng.random() < 0.4:
        referral(story, "jobcenter", story.day(start, 10, 200))
    if rng.random() < (0.55 if course_done else 0.15):
        placed = story.day(start, 30, 300)
        job = story.add(
            placed,
            Plan.place_in_job,
            kind=weighted(rng, JOB_KINDS),
            sector=weighted(rng, JOB_SECTORS),
            starts_on=placed + timedelta(days=14),
            hours_per_week=rng.choice([10, 20, 30, 39]),
            placed_on=placed,
        )
        ended = story.day(placed, 60, 500)
        if job is not None and rng.random() < 0.25:
            story.add(ended, Plan.end_employment, job_id=job, ended_on=ended, reason="befristet")
    if rng.random() < 0.4:
        housed = story.day(opened, 120, 900)
        story.add(housed, Plan.secure_housing, kind=weighted(rng, HOUSING_KINDS), secured_on=housed)
    if rng.random() < 0.3:
        attended = story.day(opened, 20, 300)
        story.add(
            attended, Plan.attend_workshop, kind=weighted(rng, WORKSHOPS), attended_on=attended
        )


def referral(story: Story, partner: str, made_on: date) -> None:
    """A referral with consent, rarely with a recorded override; most get an outcome."""
    rng = story.rng
    consented = partner in story.consented
    if not consented and rng.random() > 0.1:
        return
    override = None if consented else "Eilfall, Einwilligung wird nachgeholt"
    ref = story.add(
        made_on,
        Plan.make_referral,
        partner_kind=partner,
        reason="Vermittlung",
        made_on=made_on,
        consent_override_reason=override,
    )
    answered = story.day(made_on, 7, 60)
    if ref is not None and rng.random() < 0.7:
        story.add(
            answered,
            Plan.record_referral_outcome,
            referral_id=ref,
            outcome="Termin wahrgenommen",
            on=answered,
        )
