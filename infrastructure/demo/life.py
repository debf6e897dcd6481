"""One synthetic person's plan over up to three years: plausible sequences and proportions."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from uuid import UUID

from domain.context import EntryContext
from domain.errors import DomainError
from domain.plan import IntegrationPlan
from infrastructure.reference_data import Municipality

NATIONALITIES = [  # (ISO 3166, weight, languages, usual residence status)
    ("SY", 30, ["ar", "ku"], "recognised_refugee"),
    ("UA", 22, ["uk", "ru"], "temporary_protection"),
    ("AF", 18, ["fa", "ps"], "subsidiary_protection"),
    ("IQ", 8, ["ar", "ku"], "recognised_refugee"),
    ("TR", 7, ["tr", "ku"], "asylum_seeker"),
    ("ER", 5, ["ti"], "recognised_refugee"),
    ("NG", 4, ["en"], "toleration"),
    ("GE", 3, ["ka", "ru"], "asylum_seeker"),
    ("SO", 3, ["so"], "subsidiary_protection"),
]
LEVELS_REACHED = [("A1", 8), ("A2", 32), ("B1", 40), ("B2", 12), ("C1", 1)]
JOB_SECTORS = [("N", 22), ("I", 18), ("C", 16), ("Q", 12), ("G", 10), ("H", 10), ("F", 8), ("S", 4)]
CLOSURE_REASONS = [
    ("goals_achieved", 30),
    ("moved_away", 20),
    ("advice_period_ended", 20),
    ("no_contact", 12),
    ("left_germany", 8),
    ("declined", 5),
    ("other", 5),
]
GIVEN = ["Amal", "Omar", "Olena", "Ahmad", "Mariam", "Yusuf", "Iryna", "Karim", "Nadia", "Samir"]
FAMILY = ["Haddad", "Kovalenko", "Rahimi", "Al-Sayed", "Tesfaye", "Okafor", "Beridze", "Yilmaz"]


@dataclass(frozen=True)
class County:
    municipalities: list[Municipality]
    caseworkers: dict[str, list[str]]  # AGS -> caseworkers serving it


def weighted(rng: random.Random, pairs: list[tuple[str, int]]) -> str:
    return rng.choices([p for p, _ in pairs], weights=[w for _, w in pairs])[0]


class PlanLife:
    """Builds one person's plan entry by entry; entries the rules refuse are skipped."""

    def __init__(self, rng: random.Random, county: County, today: date) -> None:
        self.rng = rng
        self.county = county
        self.today = today

    def ctx(self, actor: str) -> EntryContext:
        return EntryContext(actor, "caseworker", f"demo-{self.rng.getrandbits(32):08x}", self.today)

    def day(self, start: date, low: int, high: int) -> date:
        return start + timedelta(days=self.rng.randint(low, high))

    def build(
        self, plan_id: UUID, municipality: Municipality, number: Callable[[UUID, int], str]
    ) -> IntegrationPlan:
        """The plan's life; `number` gives it its file number (the plan, the year opened)."""
        rng, today = self.rng, self.today
        worker = rng.choice(self.county.caseworkers[municipality.ags])
        opened = today - timedelta(days=rng.randint(14, 1250))
        nationality, _, languages, status = rng.choices(
            NATIONALITIES, weights=[n[1] for n in NATIONALITIES]
        )[0]
        household = rng.choices([1, 2, 3, 4, 5, 6], weights=[30, 15, 18, 17, 12, 8])[0]
        members = [
            {
                "name": f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}",
                "relation": "child",
                "birth_year": rng.randint(2008, 2024),
            }
            for _ in range(household - 1)
        ]
        plan = IntegrationPlan.open(
            plan_id=plan_id,
            file_number=number(plan_id, opened.year),
            municipality=municipality.ags,
            caseworker=worker,
            opened_on=opened,
            profile={
                "birth_year": rng.randint(1965, 2006),
                "gender": rng.choices(["female", "male", "diverse"], weights=[46, 53, 1])[0],
                "nationality": nationality,
                "residence_status": status if rng.random() < 0.85 else "other",
                "household_size": household,
                "languages": languages,
                "arrived_on": opened - timedelta(days=rng.randint(30, 700)),
            },
            personal={
                "given_name": rng.choice(GIVEN),
                "family_name": rng.choice(FAMILY),
                "birth_date": None,
                "phone": f"+49 781 {rng.randint(100000, 999999)}",
                "email": None,
                "address": f"Anschlussunterbringung {rng.randint(1, 40)}",
                "household_members": members,
            },
            ctx=self.ctx(worker),
        )
        self.unfold(plan, worker, opened)
        return plan

    def record(self, command: Callable[..., object], **details: object) -> bool:
        """Records an entry unless the rules refuse it (a refused step is simply skipped)."""
        try:
            command(**details)
        except DomainError:
            return False
        return True

    def unfold(self, plan: IntegrationPlan, worker: str, opened: date) -> None:
        rng, today = self.rng, self.today
        c = self.ctx(worker)
        end = min(today, plan.state.advice_period_ends_on)
        self.record(
            plan.give_consent,
            purpose="processing",
            partner_kind=None,
            given_on=opened,
            ctx=c,
        )
        if rng.random() < 0.8:
            self.record(
                plan.give_consent,
                purpose="statistics",
                partner_kind=None,
                given_on=opened,
                ctx=c,
            )
        for partner in ("sprachkurstraeger", "jobcenter", "auslaenderbehoerde"):
            if rng.random() < 0.7:
                self.record(
                    plan.give_consent,
                    purpose="share_with_partner",
                    partner_kind=partner,
                    given_on=opened,
                    ctx=c,
                )
        # Consultations: every few weeks at first, then every couple of months.
        day = opened
        while day <= end:
            held = day
            self.record(
                plan.hold_consultation,
                held_on=held,
                duration_minutes=rng.choice([30, 45, 60, 90]),
                setting=weighted(
                    rng,
                    [
                        ("office", 50),
                        ("accommodation", 30),
                        ("phone", 12),
                        ("video", 3),
                        ("outreach", 5),
                    ],
                ),
                interpreter_language=rng.choice([None, plan.state.profile["languages"][0]]),
                topics=rng.sample(
                    [
                        "orientation",
                        "language",
                        "work",
                        "housing",
                        "authorities",
                        "health",
                        "family",
                    ],
                    2,
                ),
                notes="Gesprächsnotiz",
                ctx=c,
            )
            day += timedelta(
                days=rng.randint(14, 35) if (day - opened).days < 180 else rng.randint(40, 90)
            )
        language_goal = None
        if rng.random() < 0.8:
            set_on = self.day(opened, 0, 30)
            if set_on <= end:
                language_goal = plan.set_goal(
                    field="language",
                    description="Deutsch lernen",
                    target_on=set_on + timedelta(days=365),
                    set_on=set_on,
                    ctx=c,
                )
        # Integration course, mostly within the first months; ends more often at A2/B1 than B2.
        course_done: date | None = None
        enrolled = self.day(opened, 20, 200)
        if rng.random() < 0.75 and enrolled <= end:
            self.referral(plan, c, "sprachkurstraeger", enrolled, end)
            kind = weighted(
                rng,
                [
                    ("integrationskurs", 70),
                    ("alphabetisierungskurs", 12),
                    ("berufssprachkurs", 10),
                    ("erstorientierungskurs", 8),
                ],
            )
            course_id = plan.enrol_in_course(
                kind=kind,
                provider="VHS Ortenau",
                starts_on=enrolled + timedelta(days=14),
                target_level="B1",
                enrolled_on=enrolled,
                ctx=c,
            )
            finished = self.day(enrolled, 200, 330)
            if finished <= end:
                if rng.random() < 0.88:
                    level = weighted(rng, LEVELS_REACHED)
                    plan.complete_course(
                        course_id=course_id,
                        completed_on=finished,
                        level_reached=level,
                        certificate=level != "A1",
                        ctx=c,
                    )
                    course_done = finished
                    if language_goal is not None and level in ("B1", "B2", "C1"):
                        self.record(
                            plan.record_goal_outcome,
                            goal_id=language_goal,
                            outcome="achieved",
                            on=finished,
                            note=None,
                            ctx=c,
                        )
                else:
                    plan.discontinue_course(
                        course_id=course_id, on=finished, reason="Kinderbetreuung fehlt", ctx=c
                    )
        # Measures, some completed, cancelled or rescheduled.
        for _ in range(rng.randint(1, 4)):
            agreed = self.day(opened, 0, 400)
            if agreed > end:
                continue
            field = rng.choice(
                ["orientation", "authorities", "work", "housing", "health", "education"]
            )
            measure = plan.agree_measure(
                field=field,
                title="Termin vereinbaren",
                responsible=rng.choice(["client", "caseworker", "partner"]),
                partner_kind=None,
                due_on=agreed + timedelta(days=rng.randint(14, 90)),
                goal_id=None,
                agreed_on=agreed,
                ctx=c,
            )
            done = self.day(agreed, 7, 120)
            roll = rng.random()
            if done <= end and roll < 0.6:
                plan.complete_measure(
                    measure_id=measure, completed_on=done, outcome="erledigt", ctx=c
                )
            elif done <= end and roll < 0.7:
                plan.cancel_measure(
                    measure_id=measure, cancelled_on=done, reason="nicht mehr nötig", ctx=c
                )
            elif roll < 0.8:
                self.record(
                    plan.reschedule_measure,
                    measure_id=measure,
                    due_on=agreed + timedelta(days=150),
                    reason="verschoben",
                    on=min(end, agreed + timedelta(days=10)),
                    ctx=c,
                )
        # Children: Kita or school.
        for index, member in enumerate(
            plan.state.personal["household_members"] if plan.state.personal else []
        ):
            secured = self.day(opened, 30, 240)
            if secured <= end and rng.random() < 0.6:
                kind = "kita" if member["birth_year"] >= today.year - 6 else "school"
                plan.secure_education_access(kind=kind, for_member=index, secured_on=secured, ctx=c)
        if language_goal is not None and course_done is None and rng.random() < 0.2:
            abandoned = self.day(opened, 200, 500)
            if abandoned <= end:
                self.record(
                    plan.record_goal_outcome,
                    goal_id=language_goal,
                    outcome="abandoned",
                    on=abandoned,
                    note=None,
                    ctx=c,
                )
        if rng.random() < 0.04:
            withdrawn = self.day(opened, 30, 400)
            if withdrawn <= end:
                self.record(
                    plan.withdraw_consent,
                    purpose="statistics",
                    partner_kind=None,
                    withdrawn_on=withdrawn,
                    ctx=c,
                )
        # Jobs, mostly after a language course; the Jobcenter usually gets a referral first.
        if rng.random() < 0.4:
            referred = self.day(course_done or opened, 10, 200)
            if referred <= end:
                self.referral(plan, c, "jobcenter", referred, end)
        job_chance = 0.55 if course_done else 0.15
        placed = self.day(course_done or opened, 30, 300)
        if rng.random() < job_chance and placed <= end:
            job = plan.place_in_job(
                kind=weighted(
                    rng,
                    [
                        ("employment", 55),
                        ("minijob", 20),
                        ("apprenticeship", 12),
                        ("internship", 8),
                        ("self_employment", 5),
                    ],
                ),
                sector=weighted(rng, JOB_SECTORS),
                starts_on=placed + timedelta(days=14),
                hours_per_week=rng.choice([10, 20, 30, 39]),
                placed_on=placed,
                ctx=c,
            )
            ended = self.day(placed, 60, 500)
            if ended <= end and rng.random() < 0.25:
                plan.end_employment(job_id=job, ended_on=ended, reason="befristet", ctx=c)
        housing = self.day(opened, 120, 900)
        if housing <= end and rng.random() < 0.4:
            plan.secure_housing(
                kind=weighted(rng, [("private_rental", 60), ("social_housing", 30), ("other", 10)]),
                secured_on=housing,
                ctx=c,
            )
        if rng.random() < 0.3:
            attended = self.day(opened, 20, 300)
            if attended <= end:
                plan.attend_workshop(
                    kind=weighted(
                        rng,
                        [
                            ("wohnungsfuehrerschein", 40),
                            ("wertevermittlung", 30),
                            ("gewaltfreie_kommunikation", 15),
                            ("interkulturelles_training", 15),
                        ],
                    ),
                    attended_on=attended,
                    ctx=c,
                )
        self.corrections_and_moves(plan, c, end)
        self.ending(plan, c, end)

    def referral(
        self, plan: IntegrationPlan, c: EntryContext, partner: str, made_on: date, end: date
    ) -> None:
        """A referral with consent, rarely with a recorded override; most get an outcome."""
        rng = self.rng
        consented = plan.state.active_consent("share_with_partner", partner) is not None
        if not consented and rng.random() > 0.1:
            return
        override = None if consented else "Eilfall, Einwilligung wird nachgeholt"
        referral = plan.make_referral(
            partner_kind=partner,
            reason="Vermittlung",
            made_on=made_on,
            consent_override_reason=override,
            ctx=c,
        )
        answered = self.day(made_on, 7, 60)
        if answered <= end and rng.random() < 0.7:
            plan.record_referral_outcome(
                referral_id=referral, outcome="Termin wahrgenommen", on=answered, ctx=c
            )

    def corrections_and_moves(self, plan: IntegrationPlan, c: EntryContext, end: date) -> None:
        rng = self.rng
        last = max(e.effective_on for e in plan.history())
        if rng.random() < 0.04 and plan.state.consultations:
            version = plan.state.consultations[-1].version
            self.record(
                plan.retract,
                version=version,
                reason="doppelt erfasst",
                on=last,
                ctx=c,
            )
        if rng.random() < 0.03:
            target = rng.choice(self.county.municipalities)
            worker = self.county.caseworkers[target.ags][0]
            self.record(
                plan.transfer,
                municipality=target.ags,
                caseworker=worker,
                on=last,
                ctx=c,
            )
        elif rng.random() < 0.05:
            others = [
                w
                for ws in self.county.caseworkers.values()
                for w in ws
                if w != plan.state.caseworker
            ]
            self.record(plan.assign_caseworker, caseworker=rng.choice(others), on=last, ctx=c)
        if end < self.today and rng.random() < 0.15:
            until = min(plan.state.advice_period_ends_on + timedelta(days=365), self.today)
            self.record(
                plan.extend_advice_period,
                until=until,
                reason="Ausbildung läuft",
                on=end,
                ctx=c,
            )

    def ending(self, plan: IntegrationPlan, c: EntryContext, end: date) -> None:
        rng = self.rng
        last = max(e.effective_on for e in plan.history())
        if plan.state.advice_period_ends_on < self.today:
            reason = "advice_period_ended"
        elif rng.random() < 0.25:
            reason = weighted(rng, CLOSURE_REASONS)
        else:
            return
        closed = max(last, min(self.today, plan.state.advice_period_ends_on))
        if not self.record(plan.close_plan, closed_on=closed, reason=reason, ctx=c):
            return
        back = closed + timedelta(days=rng.randint(10, 60))
        if reason == "no_contact" and back <= end and rng.random() < 0.3:
            self.record(plan.reopen_plan, reopened_on=back, reason="wieder erreichbar", ctx=c)
        elif reason in ("left_germany", "moved_away") and rng.random() < 0.05:
            admin = EntryContext("admin-demo", "admin", self.ctx("x").correlation_id, self.today)
            self.record(
                plan.erase_personal_data, legal_basis="Art. 17 DSGVO", on=self.today, ctx=admin
            )
