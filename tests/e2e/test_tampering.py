"""A hostile database administrator edits the store directly; what the auditor sees: the
finding at `GET /integrity` (200, `ok: false`), never a 500, never a forged value served."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from application.plans import IntegrationPlans
from infrastructure.protection import IntegrityKeyChanged, IntegrityKeyMissing
from infrastructure.settings import Settings
from infrastructure.store import build_plans
from tests.builders import TODAY
from tests.conftest import settings_for
from tests.e2e.session import ApiSession
from tests.integration.raw_database import EVENTS_TABLE, execute, fetch_one, plan_key

COUNTY = ("*",)
FORGED = "Forged-Name-Xq9"
SNAPSHOTS = {"sqlite": "stored_snapshots", "postgres": "integrationplans_snapshots"}


@pytest.fixture(params=("sqlite", "postgres"))
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Settings, ApiSession]]:
    settings = settings_for(request.param, tmp_path, request)
    plans = build_plans(settings, today=lambda: TODAY)
    try:
        with TestClient(create_app(settings, plans)) as client:
            yield settings, ApiSession(client, settings)
    finally:
        plans.close()


def a_plan(api: ApiSession) -> str:
    """A plan of five entries with personal values: opening, two consultations, two goals."""
    plan = api.open_plan()
    for day in ("2025-02-01", "2025-03-01"):
        api.created(
            f"/v1/plans/{plan}/consultations",
            {
                "held_on": day,
                "duration_minutes": 45,
                "setting": "office",
                "interpreter_language": None,
                "topics": ["language"],
                "notes": f"notes of {day}",
            },
        )
    for description in ("Deutsch B1", "Arbeit finden"):
        api.created(
            f"/v1/plans/{plan}/goals",
            {"field": "work", "description": description, "target_on": "2026-12-31"},
        )
    return plan


def integrity(api: ApiSession, plan: str) -> dict[str, Any]:
    answer = api.get(f"/v1/plans/{plan}/integrity", "auditor", COUNTY)
    assert answer.status_code == 200, answer.text
    report: dict[str, Any] = answer.json()
    return report


def nothing_forged_served(api: ApiSession, plan: str) -> None:
    for path in (f"/v1/plans/{plan}", f"/v1/plans/{plan}/history"):
        answer = api.get(path)
        assert answer.status_code in (200, 409), answer.text
        assert FORGED not in answer.text
        if answer.status_code == 409:
            assert answer.json()["code"] == "plan_integrity_failed"


Attack = Callable[[Settings, Any], None]
WHERE = "WHERE originator_id = ? AND originator_version = "


def change_a_topic(s: Settings, key: Any) -> None:
    execute(s, f"UPDATE {EVENTS_TABLE[s.store]} SET topic = 'iplan:WorkshopAttended' {WHERE}2", key)


def swap_two_ciphertexts(s: Settings, key: Any) -> None:
    table = EVENTS_TABLE[s.store]
    two = fetch_one(s, f"SELECT state FROM {table} {WHERE}2", key)
    three = fetch_one(s, f"SELECT state FROM {table} {WHERE}3", key)
    assert two
    assert three
    execute(s, f"UPDATE {table} SET state = ? {WHERE}2", bytes(three[0]), key)
    execute(s, f"UPDATE {table} SET state = ? {WHERE}3", bytes(two[0]), key)


def move_an_entry(s: Settings, key: Any) -> None:
    execute(s, f"UPDATE {EVENTS_TABLE[s.store]} SET originator_version = 9 {WHERE}3", key)


def forge_an_entry(s: Settings, key: Any) -> None:
    table = EVENTS_TABLE[s.store]
    execute(
        s,
        f"INSERT INTO {table} (originator_id, originator_version, topic, state) "
        f"SELECT originator_id, 6, topic, state FROM {table} {WHERE}2",
        key,
    )


def plain_text_in_place_of_the_seal(s: Settings, key: Any) -> None:
    table = EVENTS_TABLE[s.store]
    row = fetch_one(s, f"SELECT state FROM {table} {WHERE}1", key)
    assert row is not None
    state = bytes(row[0])
    start = state.index(b'"personal":"enc1:')
    end = state.index(b'"', start + len(b'"personal":"'))
    forged = b'"personal":{"given_name":"' + FORGED.encode() + b'","family_name":"X"}'
    execute(
        s, f"UPDATE {table} SET state = ? {WHERE}1", state[:start] + forged + state[end + 1 :], key
    )


def another_plans_key_row(s: Settings, key: Any, other: Any) -> None:
    row = fetch_one(s, "SELECT key_id, wrapped FROM plan_keys WHERE plan_id = ?", other)
    assert row is not None
    execute(
        s, "UPDATE plan_keys SET key_id = ?, wrapped = ? WHERE plan_id = ?", row[0], row[1], key
    )


def a_wrong_key_id(s: Settings, key: Any) -> None:
    execute(s, "UPDATE plan_keys SET key_id = 'feedfacefeedface' WHERE plan_id = ?", key)


def delete_the_key_row(s: Settings, key: Any) -> None:
    execute(s, "DELETE FROM plan_keys WHERE plan_id = ?", key)


@pytest.mark.parametrize(
    ("attack", "finding"),
    [
        (change_a_topic, "changed"),
        (swap_two_ciphertexts, "changed"),
        (move_an_entry, "missing"),
        (forge_an_entry, "inserted"),
        (plain_text_in_place_of_the_seal, "changed"),
        (a_wrong_key_id, "master key the store never had"),
        (delete_the_key_row, "never erased"),
    ],
)
def test_each_attack_is_reported_and_nothing_forged_is_served(
    store: tuple[Settings, ApiSession], attack: Attack, finding: str
) -> None:
    settings, api = store
    plan, untouched = a_plan(api), a_plan(api)
    attack(settings, plan_key(settings, plan_uuid(plan)))
    report = integrity(api, plan)
    assert report["ok"] is False
    assert finding in report["problem"], report
    assert integrity(api, untouched)["ok"] is True
    nothing_forged_served(api, plan)


def plan_uuid(plan: str) -> UUID:
    return UUID(plan)


def test_another_plans_key_row_is_reported(store: tuple[Settings, ApiSession]) -> None:
    settings, api = store
    plan, other = a_plan(api), a_plan(api)
    another_plans_key_row(
        settings, plan_key(settings, plan_uuid(plan)), plan_key(settings, plan_uuid(other))
    )
    report = integrity(api, plan)
    assert report["ok"] is False
    assert "not its own" in report["problem"]
    # The plan's state is gone from reads too (the process had it cached: a fresh one).
    fresh = build_plans(settings, today=lambda: TODAY)
    try:
        with TestClient(create_app(settings, fresh)) as client:
            nothing_forged_served(ApiSession(client, settings), plan)
    finally:
        fresh.close()


def delete_the_last_entries(s: Settings, key: Any) -> None:
    execute(
        s,
        f"DELETE FROM {EVENTS_TABLE[s.store]} WHERE originator_id = ? AND originator_version > 3",
        key,
    )
    execute(s, "DELETE FROM plan_chain WHERE plan_id = ? AND version > 3", key)


def delete_the_whole_plan(s: Settings, key: Any) -> None:
    execute(s, f"DELETE FROM {EVENTS_TABLE[s.store]} WHERE originator_id = ?", key)
    execute(s, "DELETE FROM plan_chain WHERE plan_id = ?", key)
    execute(s, "DELETE FROM plan_keys WHERE plan_id = ?", key)


def plans_of(api: ApiSession) -> IntegrationPlans:
    plans: IntegrationPlans = api.client.app.state.plans_source.get()  # type: ignore[attr-defined]
    return plans


def test_truncation_below_the_anchored_head_is_reported(store: tuple[Settings, ApiSession]) -> None:
    settings, api = store
    truncated, deleted, untouched = a_plan(api), a_plan(api), a_plan(api)
    assert plans_of(api).anchor() == 1
    delete_the_last_entries(settings, plan_key(settings, plan_uuid(truncated)))
    delete_the_whole_plan(settings, plan_key(settings, plan_uuid(deleted)))

    report = integrity(api, truncated)
    assert report["ok"] is False
    assert "entries after version 3 were deleted (anchored at version 5)" in report["problem"]
    gone = integrity(api, deleted)
    assert gone["ok"] is False
    assert "whole history was deleted" in gone["problem"]
    assert integrity(api, untouched)["ok"] is True
    failing = {str(r.plan_id) for r in plans_of(api).verify_all() if not r.ok}
    assert failing == {truncated, deleted}


def test_a_snapshot_beyond_the_last_entry_is_reported(store: tuple[Settings, ApiSession]) -> None:
    settings, api = store
    plan = a_plan(api)
    plans_of(api).take_snapshot(plan_uuid(plan))  # version 5
    delete_the_last_entries(settings, plan_key(settings, plan_uuid(plan)))  # no anchor taken
    report = integrity(api, plan)
    assert report["ok"] is False
    assert "snapshot of version 5 survives beyond the last entry (3)" in report["problem"]


def test_a_changed_checkpoint_fails_every_report(store: tuple[Settings, ApiSession]) -> None:
    settings, api = store
    plan = a_plan(api)
    plans_of(api).anchor()
    checkpoint = settings.anchor_path / "checkpoint-00000001.json"
    document = json.loads(checkpoint.read_text())
    document["body"]["heads"][0][1] = 99  # a head raised to hide a later truncation
    checkpoint.write_text(json.dumps(document))
    report = integrity(api, plan)
    assert report["ok"] is False
    assert "anchor checkpoint 1 fails its signature" in report["problem"]


def test_a_deleted_integrity_key_stops_the_service_with_its_reason(
    store: tuple[Settings, ApiSession],
) -> None:
    settings, api = store
    a_plan(api)
    execute(
        settings, "DELETE FROM plan_keys WHERE plan_id = ?", plan_key(settings, plan_uuid("0" * 32))
    )
    with pytest.raises(IntegrityKeyMissing, match="integrity key is missing"):
        build_plans(settings)


def test_a_changed_integrity_key_stops_the_service(
    store: tuple[Settings, ApiSession], tmp_path: Path
) -> None:
    settings, api = store
    a_plan(api)
    # Another store under the same master key: its wrapped integrity key would unwrap here.
    other = Settings(store="sqlite", data_dir=tmp_path / "other", master_key=settings.master_key)
    if settings.master_key is None:
        other = other.model_copy(update={"master_key": None})
        (tmp_path / "other").mkdir()
        (tmp_path / "other" / "master.key").write_bytes(
            (settings.data_dir / "master.key").read_bytes()
        )
    build_plans(other).close()
    stranger = fetch_one(other, "SELECT key_id, wrapped FROM plan_keys WHERE plan_id = ?", "0" * 32)
    assert stranger is not None
    execute(
        settings,
        "UPDATE plan_keys SET wrapped = ? WHERE plan_id = ?",
        bytes(stranger[1]),
        plan_key(settings, plan_uuid("0" * 32)),
    )
    with pytest.raises(IntegrityKeyChanged, match="does not fit the chain"):
        build_plans(settings)
