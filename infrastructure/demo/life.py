"""One synthetic person's plan over up to four years, told as steps: consents,
consultations, a language goal, courses with their proper targets, measures and children's
schooling; work and settling (work.py) and how the plan ends (fate.py)."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from uuid import UUID

from domain.plan import IntegrationPlan as Plan
from infrastructure.demo import fate, work
from infrastructure.demo.county import County
from infrastructure.demo.person import make_person
from infrastructure.demo.proportions import (
    COURSE_WEEKS,
    FIRST_COURSES,
    LEVELS_REACHED,
    MEASURE_FIELDS,
    PROVIDERS,
    SETTINGS,
    TARGET_LEVEL,
    TOPICS,
    weighted,
)
from infrastructure.demo.steps import Life, Ref, schedule
from infrastructure.demo.story import Story
from infrastructure.reference_data import Municipality

ACHIEVING = ("B1", "B2", "C1")


def tell_life(
    rng: random.Random,
    county: County,
    municipality: Municipality,
    number: int,
    today: date,
    now: datetime,
) -> Life:
    """A person's life in the order it was recorded (steps.schedule)."""
    person = make_person(rng, county, municipality, today)
    life = Life(number, UUID(int=rng.getrandbits(128), version=4))
    story = Story(rng, county, today, person, life)
    life.add(person.opened_on, None, person.caseworker, **person.opening())
    fate.decide(story)
    consents(story)
    consultations(story)
    goal = None
    if rng.random() < 0.8:
        set_on = story.day(story.opened, 0, 30)
        goal = story.add(
            set_on,
            Plan.set_goal,
            field="language",
            description="Deutsch lernen",
            target_on=set_on + timedelta(days=365),
            set_on=set_on,
        )
    done = courses(story, goal)
    measures(story)
    education(story)
    work.unfold(story, done)
    fate.corrections(story)
    fate.close(story)
    schedule(life, rng, now)
    return life


def consents(story: Story) -> None:
    on = story.opened
    story.add(on, Plan.give_consent, purpose="processing", partner_kind=None, given_on=on)
    if story.rng.random() < 0.8:
        story.add(on, Plan.give_consent, purpose="statistics", partner_kind=None, given_on=on)
    for partner in ("sprachkurstraeger", "jobcenter", "auslaenderbehoerde"):
        if story.rng.random() < 0.7:
            story.consented.add(partner)
            story.add(
                on,
                Plan.give_consent,
                purpose="share_with_partner",
                partner_kind=partner,
                given_on=on,
            )


def consultations(story: Story) -> None:
    """Every few weeks at first, then every couple of months."""
    rng, day = story.rng, story.opened
    while day <= story.end:
        ref = story.add(
            day,
            Plan.hold_consultation,
            held_on=day,
            duration_minutes=rng.choice([30, 45, 60, 90]),
            setting=weighted(rng, SETTINGS),
            interpreter_language=rng.choice([None, story.person.languages[0]]),
            topics=rng.sample(TOPICS, 2),
            notes="Gesprächsnotiz",
        )
        if ref is not None:
            story.consultations.append((ref, day))
        early = (day - story.opened).days < 180
        day += timedelta(days=rng.randint(14, 35) if early else rng.randint(40, 90))


def courses(story: Story, goal: Ref | None) -> date | None:
    """An orientation course for some, then a literacy or integration course, and for
    some who reached B1 a job-related course; answers when the last level was reached."""
    rng, start = story.rng, story.opened
    if rng.random() < 0.15:
        oriented, _ = course(story, "erstorientierungskurs", story.day(start, 7, 60))
        start = oriented or story.opened
    if rng.random() > 0.78:
        return None
    first = weighted(rng, FIRST_COURSES)
    done, level = course(story, first, story.day(start, 20, 150))
    if done is None or level is None:
        if goal is not None and rng.random() < 0.2:
            on = story.day(story.opened, 200, 500)
            story.add(
                on, Plan.record_goal_outcome, goal_id=goal, outcome="abandoned", on=on, note=None
            )
        return None
    if goal is not None and level in ACHIEVING:
        story.add(
            done, Plan.record_goal_outcome, goal_id=goal, outcome="achieved", on=done, note=None
        )
    if first == "integrationskurs" and level in ACHIEVING and rng.random() < 0.35:
        later, better = course(story, "berufssprachkurs", story.day(done, 30, 120))
        if later is not None and better is not None:
            return later
    return done


def course(story: Story, kind: str, enrolled: date) -> tuple[date | None, str | None]:
    """Enrolment (after a referral), then completion with a level, or discontinuation."""
    rng = story.rng
    if enrolled > story.end:
        return None, None
    work.referral(story, "sprachkurstraeger", enrolled)
    starts = story.day(enrolled, 7, 28)
    ref = story.add(
        enrolled,
        Plan.enrol_in_course,
        kind=kind,
        provider=rng.choice(PROVIDERS),
        starts_on=starts,
        target_level=TARGET_LEVEL[kind],
        enrolled_on=enrolled,
    )
    low, high = COURSE_WEEKS[kind]
    ended = starts + timedelta(weeks=rng.randint(low, high))
    if ref is None or ended > story.end:
        return None, None
    if rng.random() > 0.86:
        reason = rng.choice(["Kinderbetreuung fehlt", "Arbeitsaufnahme", "Krankheit", "Umzug"])
        story.add(ended, Plan.discontinue_course, course_id=ref, on=ended, reason=reason)
        return None, None
    level = weighted(rng, LEVELS_REACHED[kind]) if kind in LEVELS_REACHED else None
    certificate = level not in (None, "A1") and kind != "alphabetisierungskurs"
    story.add(
        ended,
        Plan.complete_course,
        course_id=ref,
        completed_on=ended,
        level_reached=level,
        certificate=certificate,
    )
    return ended, level


def measures(story: Story) -> None:
    """Agreed steps, nearly all completed or cancelled once their time has passed: only
    measures due in the last weeks may still be open (the fate cancels them at closure)."""
    rng = story.rng
    for _ in range(rng.randint(1, 5)):
        agreed = story.day(story.opened, 0, 500)
        due = story.day(agreed, 14, 90)
        ref = story.add(
            agreed,
            Plan.agree_measure,
            field=rng.choice(MEASURE_FIELDS),
            title="Termin vereinbaren",
            responsible=rng.choice(["client", "caseworker", "partner"]),
            partner_kind=None,
            due_on=due,
            goal_id=None,
            agreed_on=agreed,
        )
        if ref is None:
            continue
        since = agreed + timedelta(days=4)
        if rng.random() < 0.12:
            moved = story.day(agreed, 3, max(3, (due - agreed).days))
            later = story.day(due, 30, 90)
            if story.add(
                moved,
                Plan.reschedule_measure,
                measure_id=ref,
                due_on=later,
                reason="verschoben",
                on=moved,
            ):
                due, since = later, moved
        closes = story.day(since, 1, (due - since).days + 21)
        if closes > story.end:
            story.open_measures.append(ref)
        elif rng.random() < 0.8:
            story.add(
                closes,
                Plan.complete_measure,
                measure_id=ref,
                completed_on=closes,
                outcome="erledigt",
            )
        else:
            story.add(
                closes,
                Plan.cancel_measure,
                measure_id=ref,
                cancelled_on=closes,
                reason="nicht mehr nötig",
            )


def education(story: Story) -> None:
    """Kita or school for the children."""
    for index, member in enumerate(story.person.members):
        secured = story.day(story.opened, 30, 240)
        if story.rng.random() < 0.6:
            kind = "kita" if member["birth_year"] >= secured.year - 6 else "school"
            story.add(
                secured,
                Plan.secure_education_access,
                kind=kind,
                for_member=index,
                secured_on=secured,
            )
