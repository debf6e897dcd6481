"""How names are written, made comparable: the forms of a name's tokens for the blind index.

A name is split into tokens at spaces, hyphens and apostrophes (`Al-Hassan`: `al`,
`hassan`). Each token has three forms, from strict to loose:
- exact: case folded (`ß` becomes `ss`), umlauts written out (`ü` as `ue`), other accents
  and marks dropped (`Ş` as `s`), letters without a decomposition transliterated (`ø`,
  `ł`, the Turkish dotless i, ...): `Müller`, `MÜLLER` and `Mueller` are all `mueller`;
- folded: the exact form with `ae`, `oe`, `ue` read as `a`, `o`, `u`: `Muller` meets
  `Müller` here;
- phonetic: the Kölner Phonetik code (`cologne-phonetics`): `Meier`, `Mayer`, `Maier`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import cologne_phonetics  # type: ignore[import-untyped]

EXACT, FOLDED, PHONETIC = 0, 1, 2  # also the rank of a match in that form: lower first
TOKEN_SPLIT = re.compile(r"[^\w]+|_")
# Letters that NFKD leaves alone, written as German registry offices transliterate them.
TRANSLITERATION = str.maketrans(
    {"ø": "oe", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "\u0131": "i"}
)
UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})
FOLDS = (("ae", "a"), ("oe", "o"), ("ue", "u"))


@dataclass(frozen=True)
class TokenForms:
    exact: str
    folded: str
    phonetic: str

    def by_rank(self) -> list[tuple[int, str]]:
        """The forms with their rank; an empty phonetic code (a token of vowels only
        beyond its first letter never is) is left out."""
        forms = [(EXACT, self.exact), (FOLDED, self.folded)]
        if self.phonetic:
            forms.append((PHONETIC, self.phonetic))
        return forms


def exact_form(token: str) -> str:
    text = token.casefold().translate(UMLAUTS).translate(TRANSLITERATION)
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "".join(c for c in plain if c.isascii() and c.isalnum())


def folded_form(exact: str) -> str:
    for written, read in FOLDS:
        exact = exact.replace(written, read)
    return exact


def phonetic_form(exact: str) -> str:
    codes = cologne_phonetics.encode(exact)
    return codes[0][1] if codes else ""


def forms_of(token: str) -> TokenForms | None:
    """The token's forms; None for a token with no letter or digit left."""
    exact = exact_form(token)
    if not exact:
        return None
    return TokenForms(exact, folded_form(exact), phonetic_form(exact))


def tokens_of(text: str) -> list[TokenForms]:
    """The forms of every token of a name or a query, in order, without repeats."""
    seen: list[TokenForms] = []
    for token in TOKEN_SPLIT.split(text):
        forms = forms_of(token)
        if forms is not None and forms not in seen:
            seen.append(forms)
    return seen
