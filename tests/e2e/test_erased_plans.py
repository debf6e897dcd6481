"""An erased plan stays in every list, as erased, with nothing of it due any more."""

from __future__ import annotations

from tests.e2e.session import ApiSession
from tests.e2e.test_read_models_api import COUNTY, agree_measure, opened, read


def test_an_erased_open_plan_is_listed_as_erased_with_no_due_items(api: ApiSession) -> None:
    plan, _ = opened(api)
    agree_measure(api, plan, "2026-05-01")  # overdue on the tests' today
    erased = api.post(f"/v1/plans/{plan}/erasure", {"legal_basis": "Art. 17 DSGVO"}, "admin")
    assert erased.status_code == 201, erased.text
    position = erased.json()["position"]

    listed = read(api, "/v1/plans", "admin", COUNTY, min_position=position)["items"]
    assert [(p["id"], p["status"]) for p in listed] == [(plan, "erased")]
    assert listed[0]["open_measures"] == 0
    assert listed[0]["overdue_measures"] == 0
    assert listed[0]["next_due_on"] is None
    assert read(api, "/v1/plans", "admin", COUNTY, status="erased")["items"] == listed
    assert read(api, "/v1/plans", "admin", COUNTY, overdue="true")["items"] == []
    worklist = read(api, "/v1/worklist", "admin", COUNTY, min_position=position)
    assert [i for i in worklist["items"] if i["plan_id"] == plan] == []
