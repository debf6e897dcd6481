"""Personal values are stored sealed with the plan's own key, and erasure destroys that key."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import cast
from uuid import UUID, uuid4

import pytest
from pydantic import SecretStr

from application.plans import IntegrationPlans
from domain.errors import PlanErased
from domain.plan import IntegrationPlan
from infrastructure.crypto import (
    KeyMaterialError,
    MasterKeys,
    encode_key,
    master_key_path,
    master_keys,
    new_key,
    read_key_file,
    unseal,
)
from infrastructure.encrypting_mapper import personal_context
from infrastructure.keystore import KeyRing, KeyRowMissing
from infrastructure.memory_key_table import MemoryKeyTable
from infrastructure.settings import Settings
from infrastructure.store import build_plans, rotate_master_key
from tests.builders import TODAY, ctx, open_details, personal
from tests.integration.raw_database import raw_bytes

SECRETS = (
    b"Zebulon-Qx7",
    b"Quirinus-Vb3",
    b"Geheimweg 99",
    b"ULTRASECRET-NOTE-42",
    b"HIDDEN-GOAL-DESCRIPTION-58",
)
VISIBLE = b"cw-visible-Kq2"  # a caseworker id: not personal, so stored as it is
KEPT = b"Kept-Person-Wm4"  # the personal name of a plan that is not erased
SEALED = re.compile(rb"enc1:[A-Za-z0-9+/=]+")


def write_secret_plan(plans: IntegrationPlans) -> UUID:
    c = ctx()
    details = open_details(
        caseworker=VISIBLE.decode(),
        personal=personal(
            given_name="Zebulon-Qx7",
            address="Geheimweg 99, 77652 Offenburg",
            household_members=[{"name": "Quirinus-Vb3", "relation": "child"}],
        ),
    )
    plan_id = plans.open_plan(c, **details).id
    plans.record(
        plan_id,
        IntegrationPlan.hold_consultation,
        c,
        held_on=date(2025, 2, 1),
        duration_minutes=45,
        setting="office",
        interpreter_language="ar",
        topics=["language"],
        notes="ULTRASECRET-NOTE-42",
    )
    plans.record(
        plan_id,
        IntegrationPlan.set_goal,
        c,
        field="language",
        description="HIDDEN-GOAL-DESCRIPTION-58",
        target_on=date(2026, 3, 1),
        set_on=date(2025, 2, 1),
    )
    plans.take_snapshot(plan_id)  # snapshots hold the entries, personal parts included
    return plan_id


def write_kept_plan(plans: IntegrationPlans) -> UUID:
    return plans.open_plan(
        ctx(), **open_details(personal=personal(given_name="Kept-Person-Wm4"))
    ).id


def erase(plans: IntegrationPlans, plan_id: UUID) -> None:
    plans.record(
        plan_id, IntegrationPlan.erase_personal_data, ctx(), legal_basis="art_17_gdpr", on=TODAY
    )


def keys_of(plans: IntegrationPlans) -> KeyRing:
    return cast(KeyRing, plans._protection().keys)


def everything_decryptable(plans: IntegrationPlans, plan_ids: list[UUID], raw: bytes) -> bytes:
    """Every sealed value in the raw store opened with every data key the store still holds."""
    ring = keys_of(plans)
    data_keys = [ring.masters.unwrap(plan_id, *row) for plan_id, row in ring.table.select_all()]
    contexts = [personal_context(p, v) for p in plan_ids for v in range(1, 10)]
    opened = []
    for sealed in set(SEALED.findall(raw)):
        for key in data_keys:
            for context in contexts:
                try:
                    opened.append(unseal(key, sealed.decode(), context))
                except KeyMaterialError:
                    continue
    return b"\n".join(opened)


def test_personal_values_are_readable_but_never_stored_in_plain_text(
    plans: IntegrationPlans, store_settings: Settings
) -> None:
    plan_id = write_secret_plan(plans)

    plan = plans.get_plan(plan_id)
    assert plan.state.personal is not None
    assert plan.state.personal["given_name"] == "Zebulon-Qx7"
    assert plans.history(plan_id)[1].personal == {"notes": "ULTRASECRET-NOTE-42"}
    raw = raw_bytes(store_settings, plans)
    assert VISIBLE in raw  # the scan sees what is stored in the clear
    for secret in SECRETS:
        assert secret not in raw, secret
    # With the master key, the sealed values open again: they are there, only sealed.
    assert b"ULTRASECRET-NOTE-42" in everything_decryptable(plans, [plan_id], raw)


def test_a_fresh_process_reads_the_sealed_values_and_the_snapshot(
    plans: IntegrationPlans, store_settings: Settings
) -> None:
    if store_settings.store == "memory":
        pytest.skip("the memory store lives in one process only")
    plan_id = write_secret_plan(plans)
    other = build_plans(store_settings, today=lambda: TODAY)
    try:
        plan = other.get_plan(plan_id)
        assert plan.state.personal is not None
        assert plan.state.personal["household_members"][0]["name"] == "Quirinus-Vb3"
        assert [c.notes for c in plan.state.consultations] == ["ULTRASECRET-NOTE-42"]
    finally:
        other.close()


def test_erasure_leaves_no_personal_value_recoverable_even_with_the_master_key(
    plans: IntegrationPlans, store_settings: Settings
) -> None:
    plan_id = write_secret_plan(plans)
    kept_id = write_kept_plan(plans)
    wrapped = keys_of(plans).table.select(plan_id)
    assert wrapped is not None

    erase(plans, plan_id)

    raw = raw_bytes(store_settings, plans)
    assert wrapped[1] not in raw  # not even a stale copy of the wrapped key is left
    opened = everything_decryptable(plans, [plan_id, kept_id], raw)
    assert KEPT in opened  # the other plan's key still opens its values
    for secret in SECRETS:
        assert secret not in raw, secret
        assert secret not in opened, secret
    assert keys_of(plans).table.select(plan_id) is None


def test_an_erased_plan_still_replays_and_shows_its_history_without_personal_values(
    plans: IntegrationPlans, store_settings: Settings
) -> None:
    plan_id = write_secret_plan(plans)
    erase(plans, plan_id)

    readers = [plans]
    if store_settings.store != "memory":
        readers.append(build_plans(store_settings, today=lambda: TODAY))  # cold caches
    try:
        for reader in readers:
            plan = reader.get_plan(plan_id)
            assert plan.state.personal is None
            assert plan.state.is_erased
            # Its non-personal facts remain, so statistics still count it.
            assert plan.state.municipality == open_details()["municipality"]
            assert plan.state.profile["nationality"] == "SY"
            assert [c.duration_minutes for c in plan.state.consultations] == [45]
            assert [c.notes for c in plan.state.consultations] == [None]
            history = reader.history(plan_id)
            assert [h.type for h in history][-1] == "PersonalDataErased"
            assert all(h.personal is None for h in history)
            assert all(e.personal is None for e in reader.events.get(plan_id))  # type: ignore[attr-defined]
            assert reader.get_plan(plan_id, version=1).state.personal is None
    finally:
        for reader in readers[1:]:
            reader.close()

    with pytest.raises(PlanErased):
        plans.record(
            plan_id, IntegrationPlan.assign_caseworker, ctx(), caseworker="cw-ben", on=TODAY
        )
    with pytest.raises(PlanErased):
        erase(plans, plan_id)
    assert plans.verify_integrity(plan_id).ok


def test_rotating_the_generated_master_key_rewraps_the_keys_without_rewriting_entries(
    tmp_path: Path,
) -> None:
    store_settings = Settings(store="sqlite", data_dir=tmp_path)
    plans = build_plans(store_settings, today=lambda: TODAY)
    plan_id = write_secret_plan(plans)
    entries_before = plans.recorder.select_events(plan_id)
    plans.close()
    old_key = read_key_file(master_key_path(store_settings))

    assert rotate_master_key(store_settings).rewrapped == 2  # the plan's and the chain's key

    new_keys = read_key_file(master_key_path(store_settings))
    assert len(new_keys) == 1
    assert new_keys != old_key
    assert master_key_path(store_settings).stat().st_mode & 0o777 == 0o600
    plans = build_plans(store_settings, today=lambda: TODAY)
    try:
        assert plans.get_plan(plan_id).state.personal is not None
        assert plans.verify_integrity(plan_id).ok
        assert plans.recorder.select_events(plan_id) == entries_before
    finally:
        plans.close()
    retired = store_settings.model_copy(update={"master_key": SecretStr(encode_key(old_key[0]))})
    with pytest.raises(KeyMaterialError):
        build_plans(retired)


def test_rotating_a_configured_master_key_keeps_the_old_one_readable_until_done(
    store_settings: Settings,
) -> None:
    if store_settings.store == "memory":
        pytest.skip("the memory store lives in one process only")
    old, new = SecretStr(encode_key(new_key())), SecretStr(encode_key(new_key()))
    with_old = store_settings.model_copy(update={"master_key": old})
    plans = build_plans(with_old, today=lambda: TODAY)
    plan_id = write_secret_plan(plans)
    plans.close()

    rotating = store_settings.model_copy(update={"master_key": new, "previous_master_keys": old})
    assert rotate_master_key(rotating).rewrapped == 2
    assert rotate_master_key(rotating).rewrapped == 0  # nothing left under the old key

    with_new = store_settings.model_copy(update={"master_key": new})
    plans = build_plans(with_new, today=lambda: TODAY)
    try:
        plan = plans.get_plan(plan_id)
        assert plan.state.personal is not None
        assert plan.state.personal["given_name"] == "Zebulon-Qx7"
    finally:
        plans.close()
    with pytest.raises(KeyMaterialError):
        build_plans(with_old)


def test_the_embedded_default_generates_its_master_key_once_owner_readable(
    tmp_path: Path,
) -> None:
    store_settings = Settings(store="sqlite", data_dir=tmp_path)
    first = master_keys(store_settings)
    second = master_keys(store_settings)
    assert isinstance(first, MasterKeys)
    assert first.current == second.current
    assert master_key_path(store_settings).stat().st_mode & 0o777 == 0o600


def test_a_destroyed_key_reads_as_erased_and_a_vanished_one_as_tampering() -> None:
    table = MemoryKeyTable()
    masters = MasterKeys(new_key())
    plan_id, other_plan = uuid4(), uuid4()
    writer = KeyRing(table, masters)
    assert writer.data_key(plan_id, create=True) == KeyRing(table, masters).data_key(plan_id)

    writer.destroy(plan_id)

    assert writer.data_key(plan_id) is None
    assert KeyRing(table, masters).data_key(plan_id) is None
    assert table.erasure(plan_id) is not None
    KeyRing(table, masters).data_key(other_plan, create=True)
    table.destroy(other_plan)  # as an erasure would, then the record of it vanishes
    table._erasures.clear()
    with pytest.raises(KeyRowMissing):
        KeyRing(table, masters).data_key(other_plan)


def test_an_erasure_saved_in_a_batch_also_destroys_the_key(plans: IntegrationPlans) -> None:
    plan = IntegrationPlan.open(
        **open_details(personal=personal(given_name="Zebulon-Qx7")), ctx=ctx()
    )
    plan.erase_personal_data(legal_basis="art_17_gdpr", on=TODAY, ctx=ctx())
    plans.save(plan)

    assert keys_of(plans).table.select(plan.id) is None
    assert plans.history(plan.id)[0].personal is None
    assert plans.verify_integrity(plan.id).ok


def test_a_plan_opened_without_personal_values_can_record_some_later(
    plans: IntegrationPlans, store_settings: Settings
) -> None:
    plan_id = plans.open_plan(ctx(), **open_details(personal={})).id
    plans.record(
        plan_id,
        IntegrationPlan.hold_consultation,
        ctx(),
        held_on=date(2025, 2, 1),
        duration_minutes=30,
        setting="phone",
        interpreter_language=None,
        topics=[],
        notes="ULTRASECRET-NOTE-42",
    )
    assert plans.history(plan_id)[1].personal == {"notes": "ULTRASECRET-NOTE-42"}
    assert b"ULTRASECRET-NOTE-42" not in raw_bytes(store_settings, plans)
