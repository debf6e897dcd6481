"""How a synthetic plan goes on and ends: handed over or transferred, extended, corrected,
closed (for every reason of DESIGN 2), sometimes reopened or erased."""

from __future__ import annotations

from datetime import timedelta

from domain.plan import IntegrationPlan as Plan
from domain.vocabulary import add_years
from infrastructure.demo.proportions import (
    EARLY_CLOSURE_SHARE,
    EARLY_CLOSURES,
    EXTENSION_SHARE,
    weighted,
)
from infrastructure.demo.steps import Ref
from infrastructure.demo.story import Handover, Story

ADMIN = "admin-demo"


def decide(story: Story) -> None:
    """The plan's last day of activity, its extension and who serves it (before the steps
    are told, so that none falls after the plan's end or names the wrong caseworker)."""
    rng, today = story.rng, story.today
    story.end = horizon = min(today, story.advice_ends)
    early = story.day(story.opened, 120, 1000)
    if rng.random() < EARLY_CLOSURE_SHARE and early < horizon:
        story.end = early
    elif story.advice_ends < today and rng.random() < EXTENSION_SHARE:
        on = story.advice_ends - timedelta(days=rng.randint(10, 60))
        until = min(story.day(story.advice_ends, 90, 365), add_years(story.opened, 4))
        story.add(on, Plan.extend_advice_period, until=until, reason="Ausbildung läuft", on=on)
        story.end = min(today, until)
    handover_on = story.day(story.opened, 90, 900)
    if handover_on < story.end:
        roll = rng.random()
        county = story.county
        if roll < 0.03:
            target = rng.choice(county.municipalities)
            story.handover = Handover(handover_on, county.caseworkers[target.ags][0], target.ags)
            story.add(
                handover_on,
                Plan.transfer,
                municipality=target.ags,
                caseworker=story.handover.caseworker,
                on=handover_on,
            )
        elif roll < 0.08:
            others = [w for ws in county.caseworkers.values() for w in ws]
            others.remove(story.person.caseworker)
            story.handover = Handover(handover_on, rng.choice(others), None)
            story.add(
                handover_on,
                Plan.assign_caseworker,
                caseworker=story.handover.caseworker,
                on=handover_on,
            )


def corrections(story: Story) -> None:
    """Now and then a consultation recorded twice is retracted a few days later."""
    if story.consultations and story.rng.random() < 0.04:
        ref, held = story.rng.choice(story.consultations)
        on = min(story.day(held, 0, 5), story.end)
        story.add(
            on, Plan.retract, version=Ref(ref.step, version=True), reason="doppelt erfasst", on=on
        )


def close(story: Story) -> None:
    """Closes a plan whose advice period ended or which ended early; the measures still open
    are cancelled with it. Some who could not be reached come back; some who left have
    their personal data erased later."""
    rng, end, today = story.rng, story.end, story.today
    if end >= today:
        return
    reason = "advice_period_ended" if end >= story.advice_ends else weighted(rng, EARLY_CLOSURES)
    for ref in story.open_measures:
        story.add(
            end, Plan.cancel_measure, measure_id=ref, cancelled_on=end, reason="Beratung beendet"
        )
    story.add(end, Plan.close_plan, closed_on=end, reason=reason)
    story.end = today
    back = story.day(end, 10, 60)
    if reason == "no_contact" and back <= today and rng.random() < 0.3:
        story.add(back, Plan.reopen_plan, reopened_on=back, reason="wieder erreichbar")
    erased = story.day(end, 30, 300)
    if reason in ("left_germany", "moved_away") and erased <= today and rng.random() < 0.08:
        story.life.add(
            erased, Plan.erase_personal_data, ADMIN, "admin", legal_basis="Art. 17 DSGVO", on=erased
        )
