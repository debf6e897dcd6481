"""How names are made comparable for the blind index: every tolerance DESIGN 4b names."""

from __future__ import annotations

import pytest

from infrastructure.name_tokens import (
    EXACT,
    FOLDED,
    PHONETIC,
    TokenForms,
    forms_of,
    tokens_of,
)


def forms(token: str) -> TokenForms:
    found = forms_of(token)
    assert found is not None
    return found


def exact(text: str) -> list[str]:
    return [t.exact for t in tokens_of(text)]


@pytest.mark.parametrize(
    ("written", "as_indexed"),
    [
        ("Müller", ["mueller"]),
        ("MÜLLER", ["mueller"]),
        ("Mueller", ["mueller"]),
        ("Strauß", ["strauss"]),
        ("STRAUSS", ["strauss"]),
        ("Şahin", ["sahin"]),
        ("José", ["jose"]),
        ("Søren", ["soeren"]),
        ("\u0130brahim", ["ibrahim"]),  # capital I with dot above (Turkish)
        ("Y\u0131lmaz", ["yilmaz"]),  # dotless i (Turkish)
        ("Mohammed Al-Hassan", ["mohammed", "al", "hassan"]),
        ("al hassan", ["al", "hassan"]),
        ("  Anna  -  Maria ", ["anna", "maria"]),
        ("Anna Anna", ["anna"]),
    ],
)
def test_case_umlauts_sharp_s_accents_and_transliteration(
    written: str, as_indexed: list[str]
) -> None:
    assert exact(written) == as_indexed


def test_umlauts_written_without_e_meet_in_the_folded_form() -> None:
    muller, mueller, mueller_plain = forms("Muller"), forms("Müller"), forms("Mueller")
    assert muller.exact != mueller.exact
    assert muller.folded == mueller.folded == mueller_plain.folded == "muller"


@pytest.mark.parametrize(
    "group",
    [
        ("Meier", "Mayer", "Maier", "Meyer"),
        ("Müller", "Mueller", "Muller"),
        ("Schmidt", "Schmitt", "Schmid"),
        ("Mohammed", "Mohamed", "Muhammed"),
    ],
)
def test_names_that_sound_alike_share_their_phonetic_code(group: tuple[str, ...]) -> None:
    codes = {forms(name).phonetic for name in group}
    assert len(codes) == 1
    assert codes != {""}


def test_different_names_do_not_share_codes() -> None:
    meier, haddad = forms("Meier"), forms("Haddad")
    assert meier.phonetic != haddad.phonetic
    assert meier.exact != haddad.exact


def test_forms_come_with_their_rank_strict_to_loose() -> None:
    assert forms("Müller").by_rank() == [(EXACT, "mueller"), (FOLDED, "muller"), (PHONETIC, "657")]


def test_nothing_left_is_no_token() -> None:
    assert forms_of("---") is None
    assert tokens_of("- ' .") == []
