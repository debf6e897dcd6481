"""Finding people over HTTP (DESIGN 4b): names and file numbers in lists and the worklist,
a search tolerant of how names are written, scope and roles, the auditor's logged read."""

from __future__ import annotations

from typing import Any

from tests.builders import KEHL, OFFENBURG
from tests.e2e.session import ApiSession, open_plan_body
from tests.e2e.test_access_log_api import head, reads_of

PEOPLE = (
    ("Jürgen", "Müller", "1980-01-02"),
    ("Hans", "Mueller", "1981-02-03"),
    ("Eva", "Muller", "1982-03-04"),
    ("Karl", "Meier", "1983-04-05"),
    ("Anna", "Mayer", "1984-05-06"),
    ("Emre", "Şahin", "1985-06-07"),
    ("Mohammed", "Al-Hassan", "1986-07-08"),
    ("Lena", "Strauß", "1987-08-09"),
)


def open_person(api: ApiSession, given: str, family: str, born: str, place: str = OFFENBURG) -> str:
    personal = {**open_plan_body()["personal"], "given_name": given, "family_name": family}
    personal["birth_date"] = born
    # The session's caseworker token has the subject caseworker-1: their own plan.
    return api.open_plan(municipality=place, personal=personal, caseworker="caseworker-1")


def search(api: ApiSession, role: str = "caseworker", **params: Any) -> Any:
    response = api.get("/v1/plans", role, (OFFENBURG,), min_position=head(api), **params)
    assert response.status_code == 200, response.text
    return response.json()


def names(answer: Any) -> list[str]:
    return [item["display_name"] for item in answer["items"]]


def test_search_is_tolerant_and_ranks_exact_matches_first(api: ApiSession) -> None:
    for given, family, born in PEOPLE:
        open_person(api, given, family, born)
    open_person(api, "Jürgen", "Müller", "1980-01-02", place=KEHL)  # out of scope

    # Müller and Mueller are written the same way (exact), Muller only nearly.
    found = names(search(api, q="Müller"))
    assert sorted(found[:2]) == ["Hans Mueller", "Jürgen Müller"]
    assert found[2:] == ["Eva Muller"]
    assert sorted(names(search(api, q="MUELLER"))[:2]) == ["Hans Mueller", "Jürgen Müller"]
    assert names(search(api, q="muller"))[0] == "Eva Muller"
    assert set(names(search(api, q="Muller"))) == {"Jürgen Müller", "Hans Mueller", "Eva Muller"}
    assert sorted(names(search(api, q="Maier"))) == ["Anna Mayer", "Karl Meier"]
    assert names(search(api, q="Meier"))[0] == "Karl Meier"  # exact first
    assert names(search(api, q="Sahin")) == ["Emre Şahin"]
    assert names(search(api, q="al hassan")) == ["Mohammed Al-Hassan"]
    assert names(search(api, q="mohammed al-hassan")) == ["Mohammed Al-Hassan"]
    assert names(search(api, q="STRAUSS")) == ["Lena Strauß"]
    assert names(search(api, q="Müller", birth_date="1981-02-03")) == ["Hans Mueller"]
    assert names(search(api, birth_date="1984-05-06")) == ["Anna Mayer"]
    assert names(search(api, q="Nobody")) == []

    # Paged: the cursor keeps the ranking.
    first = search(api, q="Müller", limit=2)
    assert names(first) == found[:2]
    rest = search(api, q="Müller", limit=2, cursor=first["next_cursor"])
    assert names(rest) == ["Eva Muller"]
    assert rest["next_cursor"] is None

    # Combined with the other filters, and by file number.
    assert search(api, q="Müller", status="closed")["items"] == []
    number = search(api, q="Strauß")["items"][0]["file_number"]
    assert names(search(api, file_number=number)) == ["Lena Strauß"]


def test_scope_roles_and_the_auditors_logged_read(api: ApiSession) -> None:
    plan = open_person(api, "Karl", "Meier", "1983-04-05")
    api.open_plan(municipality=KEHL)

    # Another municipality's caseworker finds nothing.
    kehl = api.get("/v1/plans", "caseworker", (KEHL,), q="Meier", min_position=head(api))
    assert kehl.status_code == 200
    assert kehl.json()["items"] == []
    # Analysts never.
    assert api.get("/v1/plans", "analyst", ("*",), q="Meier").status_code == 403
    # Auditors: no names, no search, unless they ask for personal data.
    plain = api.get("/v1/plans", "auditor", ("*",), min_position=head(api)).json()
    assert plain["items"]
    assert all(i["display_name"] is None for i in plain["items"])
    refused = api.get("/v1/plans", "auditor", ("*",), q="Meier")
    assert refused.status_code == 403
    assert refused.json()["code"] == "personal_data_not_included"
    assert reads_of(api, plan) == []
    asked = api.get(
        "/v1/plans", "auditor", ("*",), q="Meier", include="personal", min_position=head(api)
    )
    assert asked.status_code == 200
    assert names(asked.json()) == ["Karl Meier"]
    reads = reads_of(api, plan)
    assert [(r["actor"], r["role"], r["type"]) for r in reads] == [
        ("auditor-1", "auditor", "GET /v1/plans")
    ]
    # Bad searches are 422, never 500.
    bad = api.get("/v1/plans", q="---")
    assert bad.status_code == 422
    assert bad.json()["code"] == "invalid_search"


def test_worklist_names_the_person_and_erasure_removes_them_from_search(api: ApiSession) -> None:
    plan = open_person(api, "Anna", "Mayer", "1984-05-06")
    measure = {
        "field": "language",
        "title": "Enrol in an integration course",
        "responsible": "client",
        "partner_kind": None,
        "due_on": "2026-06-05",
        "goal_id": None,
    }
    api.created(f"/v1/plans/{plan}/measures", measure)
    work = api.get("/v1/worklist", "caseworker", (OFFENBURG,), min_position=head(api)).json()
    mine = [i for i in work["items"] if i["plan_id"] == plan]
    assert mine
    assert all(i["display_name"] == "Anna Mayer" for i in mine)
    assert all(i["file_number"] for i in mine)
    due = [i for i in mine if i["kind"] == "measure_due"]
    assert [i["title"] for i in due] == ["Enrol in an integration course"]
    admin = api.get("/v1/worklist", "admin", ("*",), min_position=head(api)).json()
    assert all(i["display_name"] is None and i["title"] is None for i in admin["items"])
    shown = api.get(
        "/v1/worklist", "admin", ("*",), include="personal", min_position=head(api)
    ).json()
    assert {i["display_name"] for i in shown["items"] if i["plan_id"] == plan} == {"Anna Mayer"}
    reads = reads_of(api, plan)
    assert [(r["role"], r["type"]) for r in reads] == [("admin", "GET /v1/worklist")]

    erased = api.post(
        f"/v1/plans/{plan}/erasure", {"legal_basis": "Art. 17 GDPR"}, "admin", (OFFENBURG,)
    )
    assert erased.status_code == 201, erased.text
    assert search(api, q="Mayer")["items"] == []
    listed = search(api)["items"]
    assert [(i["display_name"], i["status"]) for i in listed] == [(None, "erased")]
