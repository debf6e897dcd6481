"""The admin's and the person's side of personal data: anchors, key status, retention,
the subject-access export, and the files of the embedded store."""

from __future__ import annotations

import json
import re
import sqlite3
import stat
import time
from datetime import date
from pathlib import Path
from uuid import UUID

import pytest

from api import app as app_module
from application.plans import IntegrationPlans
from domain.plan import IntegrationPlan
from infrastructure.read_models import ReadModels
from infrastructure.retention import LEGAL_BASIS, RETENTION_ACTOR, erase_expired
from infrastructure.settings import Settings
from infrastructure.store import build_plans
from projections.audit_log import AuditQuery
from tests.builders import ctx, open_details, personal
from tests.e2e.session import ApiSession
from tests.e2e.test_cli import Store
from tests.e2e.test_read_models_api import COUNTY, read

SECRET = "Zebulon-Export-5"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_embedded_store_and_its_keys_are_readable_by_their_owner_only(tmp_path: Path) -> None:
    settings = Settings(store="sqlite", data_dir=tmp_path / "data")
    data = settings.data_dir
    plans = build_plans(settings)
    try:
        plans.open_plan(ctx(today=date.today()), **open_details())
        assert plans.anchor() == 1
        # The write-ahead log and shared memory exist while the store is open.
        companions = list(data.glob("iplan.sqlite3-*"))
        assert len(companions) == 2, companions
        files = [settings.sqlite_path, data / "master.key", data / "anchor.key", *companions]
        files += list(settings.anchor_path.glob("*.json"))
        for path in files:
            assert mode(path) == 0o600, path
    finally:
        plans.close()
    assert mode(data) == 0o700


def test_an_existing_world_readable_database_is_tightened(tmp_path: Path) -> None:
    settings = Settings(store="sqlite", data_dir=tmp_path)
    with sqlite3.connect(settings.sqlite_path):
        pass
    settings.sqlite_path.chmod(0o644)
    build_plans(settings).close()
    assert mode(settings.sqlite_path) == 0o600


def cli_store(tmp_path: Path) -> Store:
    return Store(tmp_path / "data", UUID(int=0))


def test_anchor_verify_and_the_public_key_from_the_command_line(tmp_path: Path) -> None:
    store = cli_store(tmp_path)
    plans = build_plans(store.settings())
    try:
        plan = plans.open_plan(ctx(today=date.today()), **open_details()).id
        plans.record(
            plan,
            IntegrationPlan.hold_consultation,
            ctx(today=date.today()),
            held_on=date(2025, 2, 1),
            duration_minutes=30,
            setting="office",
            interpreter_language=None,
            topics=[],
            notes="n",
        )
    finally:
        plans.close()
    first = store.run("anchor")
    assert first.exit_code == 0, first.output
    assert "Checkpoint 1 written" in first.stdout
    assert "Nothing recorded since the last checkpoint" in store.run("anchor").stdout
    public = store.run("anchor", "--public-key")
    assert re.fullmatch(r"[A-Za-z0-9+/]{43}=\n", public.stdout), public.stdout
    assert store.run("verify", "--all").exit_code == 0
    with sqlite3.connect(store.settings().sqlite_path) as db:  # truncate the plan
        db.execute(
            "DELETE FROM stored_events WHERE originator_id = ? AND originator_version = 2",
            (plan.hex,),
        )
        db.execute("DELETE FROM plan_chain WHERE plan_id = ? AND version = 2", (plan.hex,))
    failed = store.run("verify", "--all")
    assert failed.exit_code == 1
    assert "deleted (anchored at version 2)" in failed.stdout


def test_keys_status_names_erasures_until_their_wrapping_key_retires(tmp_path: Path) -> None:
    store = cli_store(tmp_path)
    plans = build_plans(store.settings())
    try:
        plan = plans.open_plan(ctx(today=date.today()), **open_details()).id
    finally:
        plans.close()
    assert "Every erasure is final" in store.run("keys", "status").stdout
    erased = store.run("erase", str(plan), "--legal-basis", "Art. 17 DSGVO", "--yes")
    assert erased.exit_code == 0, erased.output
    pending = store.run("keys", "status")
    assert str(plan) in pending.stdout
    assert "rotate the master key" in pending.stderr
    assert store.run("keys", "rotate").exit_code == 0
    final = store.run("keys", "status")
    assert "Every erasure is final" in final.stdout
    assert "retired" in final.stdout


def closed_plan(plans: IntegrationPlans, closed_on: date, name: str) -> UUID:
    today = ctx(today=date.today())
    plan = plans.open_plan(today, **open_details(personal=personal(given_name=name))).id
    plans.record(plan, IntegrationPlan.close_plan, today, closed_on=closed_on, reason="moved_away")
    return plan


def test_retention_erases_plans_closed_too_long_ago_as_the_system(tmp_path: Path) -> None:
    store = cli_store(tmp_path)
    plans = build_plans(store.settings())
    try:
        old = closed_plan(plans, date(2025, 2, 1), "Old-Closed")
        recent = closed_plan(plans, date.today(), "Recently-Closed")
    finally:
        plans.close()
    result = store.run("retention", "run", "--years", "1")
    assert result.exit_code == 0, result.output
    assert "Erased the personal data of 1 plans" in result.stdout
    plans = build_plans(store.settings())
    try:
        assert plans.get_plan(old).state.is_erased
        erasure = plans.history(old)[-1]
        assert (erasure.type, erasure.actor, erasure.data["legal_basis"]) == (
            "PersonalDataErased",
            RETENTION_ACTOR,
            LEGAL_BASIS,
        )
        assert plans.get_plan(recent).state.personal is not None
    finally:
        plans.close()
    assert store.run("retention", "run").exit_code == 2  # no period given or set


def test_retention_runs_in_the_service_on_its_own(
    api: ApiSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    plans = api.client.app.state.plans_source.get()  # type: ignore[attr-defined]
    old = closed_plan(plans, date(2025, 2, 1), "Old-Closed")
    models = ReadModels(plans)
    models.catch_up()
    assert erase_expired(plans, models, years=1) == [old]
    assert erase_expired(plans, models, years=1) == []  # erased plans are not closed any more
    monkeypatch.setattr(app_module, "RETENTION_INTERVAL_S", 0.1)
    settings = api.settings.model_copy(update={"retention_years": 1})
    source = api.client.app.state.plans_source  # type: ignore[attr-defined]
    other = closed_plan(plans, date(2025, 3, 1), "Other-Closed")
    jobs = app_module.housekeeping(settings, source, api.client.app.state.read_models_source)  # type: ignore[attr-defined]
    for job in jobs:
        job.start()
    try:
        deadline = time.monotonic() + 20
        while not plans.get_plan(other).state.is_erased:
            assert time.monotonic() < deadline
            time.sleep(0.1)
    finally:
        for job in jobs:
            job.stop()


def test_the_subject_access_export_is_complete_german_and_recorded(api: ApiSession) -> None:
    plan = api.open_plan(personal={**open_details()["personal"], "given_name": SECRET})
    api.created(
        f"/v1/plans/{plan}/consultations",
        {
            "held_on": "2025-02-01",
            "duration_minutes": 45,
            "setting": "office",
            "interpreter_language": None,
            "topics": ["language"],
            "notes": "Kurs gesucht",
        },
    )
    exported = api.get(f"/v1/plans/{plan}/export")
    assert exported.status_code == 200, exported.text
    document = exported.json()
    assert document["format"] == "iplan-subject-access-1"
    assert document["plan"]["personal"]["given_name"] == SECRET
    assert [e["type"] for e in document["history"]] == ["PlanOpened", "ConsultationHeld"]
    assert document["history"][1]["personal"] == {"notes": "Kurs gesucht"}
    page = api.get(f"/v1/plans/{plan}/export", format="html")
    assert page.headers["content-type"].startswith("text/html")
    assert "Auskunft über Ihre gespeicherten Daten (Art. 15 DSGVO)" in page.text
    assert "Beratungsgespräch" in page.text
    assert SECRET in page.text
    assert not re.search(r"""(?:src|href)=["']?https?:""", page.text)
    assert api.get(f"/v1/plans/{plan}/export", "auditor", COUNTY).status_code == 403
    assert api.get(f"/v1/plans/{plan}/export", municipalities=["08317057"]).status_code == 404
    deadline = time.monotonic() + 20
    while True:  # the audit log's read model follows within moments
        reads = read(api, "/v1/audit-log", "auditor", COUNTY, kind="read")["items"]
        if len(reads) >= 2:
            break
        assert time.monotonic() < deadline, reads
        time.sleep(0.1)
    assert [(r["type"], r["actor"]) for r in reads] == [
        ("GET /v1/plans/{plan_id}/export", "caseworker-1")
    ] * 2


def test_the_export_from_the_command_line_is_recorded(tmp_path: Path) -> None:
    store = cli_store(tmp_path)
    plans = build_plans(store.settings())
    try:
        plan = plans.open_plan(
            ctx(today=date.today()), **open_details(personal=personal(given_name=SECRET))
        ).id
    finally:
        plans.close()
    target = tmp_path / "auskunft.html"
    result = store.run("export", str(plan), "--format", "html", "--output", str(target))
    assert result.exit_code == 0, result.output
    assert SECRET in target.read_text()
    as_json = store.run("export", str(plan))
    assert json.loads(as_json.stdout)["plan"]["personal"]["given_name"] == SECRET
    plans = build_plans(store.settings())
    try:
        models = ReadModels(plans)
        models.catch_up()
        records = models.audit_log.entries(AuditQuery(kind="read", plan_id=plan)).items
        assert [r.type for r in records] == ["iplan export", "iplan export"]
    finally:
        plans.close()
