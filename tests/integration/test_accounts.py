"""Local accounts of the web interface on every store: Argon2id hashes, never passwords."""

from __future__ import annotations

import pytest

from application.plans import IntegrationPlans
from infrastructure.accounts import AccountError, accounts_of
from infrastructure.read_model_kinds import database_of

PASSWORD = "correct horse battery"


def test_an_account_logs_in_with_its_password_only(plans: IntegrationPlans) -> None:
    accounts = accounts_of(plans)
    accounts.add("anna", PASSWORD, "caseworker", ["08317096"])

    found = accounts.authenticate("anna", PASSWORD)
    assert found is not None
    assert found.role == "caseworker"
    assert found.municipalities == ("08317096",)
    assert accounts.authenticate("anna", PASSWORD + "!") is None
    assert accounts.authenticate("nobody", PASSWORD) is None


def test_accounts_are_added_changed_listed_and_removed(plans: IntegrationPlans) -> None:
    accounts = accounts_of(plans)
    accounts.add("anna", PASSWORD, "caseworker", ["08317096"])
    accounts.add("bert", PASSWORD, "auditor", ["*"])
    with pytest.raises(AccountError, match="exists already"):
        accounts.add("anna", PASSWORD, "admin", ["*"])

    accounts.set_password("anna", "another long secret")
    assert accounts.authenticate("anna", PASSWORD) is None
    assert accounts.authenticate("anna", "another long secret") is not None
    assert [a.username for a in accounts.list()] == ["anna", "bert"]

    accounts.remove("bert")
    assert accounts.find("bert") is None
    with pytest.raises(AccountError, match="no account"):
        accounts.remove("bert")
    with pytest.raises(AccountError, match="no account"):
        accounts.set_password("bert", PASSWORD)


@pytest.mark.parametrize(
    ("username", "password", "why"),
    [("", PASSWORD, "user name"), ("an na", PASSWORD, "user name"), ("anna", "short", "10")],
)
def test_bad_names_and_short_passwords_are_refused(
    plans: IntegrationPlans, username: str, password: str, why: str
) -> None:
    with pytest.raises(AccountError, match=why):
        accounts_of(plans).add(username, password, "caseworker", ["08317096"])


def test_the_store_holds_an_argon2id_hash_not_the_password(plans: IntegrationPlans) -> None:
    db = database_of(plans)
    if db is None:
        pytest.skip("the memory store keeps nothing")
    accounts_of(plans).add("anna", PASSWORD, "caseworker", ["08317096"])
    rows = db.select(f"SELECT * FROM {db.table('web_accounts')}", [], {})
    assert len(rows) == 1
    assert rows[0]["password_hash"].startswith("$argon2id$")
    assert PASSWORD not in str(rows[0])
