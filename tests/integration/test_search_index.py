"""The blind index and the sealed names on every store: no name in plain text anywhere in
the database, found all the same, gone from the index with erasure, rebuilt as built live."""

from __future__ import annotations

from collections.abc import Iterator
from uuid import UUID

import pytest
from pydantic import SecretStr

from application.plans import IntegrationPlans
from domain.plan import IntegrationPlan
from infrastructure.crypto import encode_key, new_key
from infrastructure.read_models import ReadModels
from infrastructure.settings import Settings
from infrastructure.store import build_plans, rotate_master_key
from projections.people import SEARCH_TERMS
from projections.plan_summary import PlanFilter
from tests.builders import TODAY, ctx, open_details, personal
from tests.integration.raw_database import raw_bytes
from tests.integration.test_projections import assert_equal_to_rebuild, running_read_models

# Yilmaz written with the Turkish dotless i (\u0131).
NAMES = (("Jürgen", "Müller"), ("Ayşe", "Y\u0131lmaz"), ("Zoltán", "Brückenbauer"))
# Every way the names could have been written into the database in plain text.
WRITTEN = (
    "Jürgen", "Müller", "Mueller", "Muller", "Ayşe", "Ayse", "Y\u0131lmaz", "Yilmaz", "Zoltán",
    "Zoltan", "Brückenbauer", "Brueckenbauer", "Bruckenbauer",
)  # fmt: skip


@pytest.fixture
def read_models(plans: IntegrationPlans, store_settings: Settings) -> Iterator[ReadModels]:
    with running_read_models(plans, store_settings) as models:
        yield models


def open_people(plans: IntegrationPlans) -> list[UUID]:
    return [
        plans.open_plan(
            ctx(), **open_details(personal=personal(given_name=given, family_name=family))
        ).id
        for given, family in NAMES
    ]


def found(models: ReadModels, text: str) -> list[UUID]:
    assert models.people is not None
    search = models.people.search(text, None)
    page = models.summary.list_plans(PlanFilter(search=search), limit=50)
    return [s.plan_id for s in page.items]


def terms_of(models: ReadModels, plan_id: UUID) -> list[str]:
    rows = models.summary.dump()[SEARCH_TERMS]
    return [r["term"] for r in rows if r["plan_id"] == plan_id]


def test_no_name_in_plain_text_and_found_all_the_same(
    plans: IntegrationPlans, read_models: ReadModels, store_settings: Settings
) -> None:
    ids = open_people(plans)
    read_models.catch_up()
    assert found(read_models, "mueller") == [ids[0]]
    assert found(read_models, "ayse yilmaz") == [ids[1]]
    assert found(read_models, "BRUCKENBAUER zoltan") == [ids[2]]
    summary = read_models.summary.get_summary(ids[0])
    assert summary is not None
    assert summary.display_name is not None
    assert read_models.people is not None
    assert read_models.people.display_name(ids[0], summary.display_name) == "Jürgen Müller"

    raw = raw_bytes(store_settings, plans).lower()
    assert raw  # the scan saw the store
    for written in WRITTEN:
        assert written.lower().encode() not in raw, written
    for view in ("plan_summary", "worklist"):
        dumped = repr(read_models.view(view).dump()).lower()
        for written in WRITTEN:
            assert written.lower() not in dumped, (view, written)


def test_erasure_deletes_the_plans_index_rows_and_sealed_name(
    plans: IntegrationPlans, read_models: ReadModels
) -> None:
    ids = open_people(plans)
    read_models.catch_up()
    assert terms_of(read_models, ids[0])
    admin = ctx("admin-1", "admin")
    plans.record(
        ids[0], IntegrationPlan.erase_personal_data, admin, legal_basis="Art. 17", on=TODAY
    )
    read_models.catch_up()
    assert terms_of(read_models, ids[0]) == []
    assert terms_of(read_models, ids[1])
    assert found(read_models, "Müller") == []
    summary = read_models.summary.get_summary(ids[0])
    assert summary is not None
    assert (summary.status, summary.display_name) == ("erased", None)
    assert_equal_to_rebuild(read_models)


def test_the_index_rebuilt_from_the_entries_equals_the_one_built_live(
    plans: IntegrationPlans, read_models: ReadModels
) -> None:
    read_models.start()
    open_people(plans)
    read_models.wait_for(plans.recorder.max_notification_id(), timeout=30)
    assert_equal_to_rebuild(read_models)


def test_the_search_key_is_rewrapped_with_the_plans_keys_on_rotation(
    store_settings: Settings,
) -> None:
    if store_settings.store == "memory":
        pytest.skip("the memory store lives in one process only")
    old, new = SecretStr(encode_key(new_key())), SecretStr(encode_key(new_key()))
    with_old = store_settings.model_copy(update={"master_key": old})
    plans = build_plans(with_old, today=lambda: TODAY)
    with running_read_models(plans, with_old) as models:
        ids = open_people(plans)
        models.catch_up()
        assert found(models, "Muller") == [ids[0]]
    plans.close()

    rotating = store_settings.model_copy(update={"master_key": new, "previous_master_keys": old})
    # Three plans' keys, the chain's key and the search key.
    assert rotate_master_key(rotating).rewrapped == 5

    with_new = store_settings.model_copy(update={"master_key": new})
    plans = build_plans(with_new, today=lambda: TODAY)
    try:
        models = ReadModels(plans, drop_delay=0)
        models.catch_up()
        assert found(models, "Muller") == [ids[0]]  # the terms stored before still match
        summary = models.summary.get_summary(ids[0])
        assert summary is not None
        assert models.people is not None
        assert models.people.display_name(ids[0], summary.display_name) == "Jürgen Müller"
        models.stop()
    finally:
        plans.close()
