"""The web pages' texts: every one in the German catalogue, placeholders kept; English shows
the ids. The catalogue is compiled at start, so a fresh clone needs no build step."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from api.web.i18n import catalogue_path, translations

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"%\(\w+\)s")


def extracted() -> set[str]:
    method_map = [("**.py", "python"), ("**/templates/**.html", "jinja2")]
    options = {"**/templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    keywords = {"_": None, "N_": None, "gettext": None}
    found = extract_from_dir(
        ROOT / "api" / "web", method_map, options_map=options, keywords=keywords
    )
    return {message for _, _, message, _, _ in found if isinstance(message, str)}


def test_every_text_of_the_pages_is_translated_to_german() -> None:
    with catalogue_path("de").open("rb") as po:
        catalogue = {m.id: str(m.string) for m in read_po(po) if isinstance(m.id, str) and m.id}
    texts = extracted()
    assert len(texts) > 300
    missing = sorted(t for t in texts if not catalogue.get(t))
    assert missing == []
    for text in texts:
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(catalogue[text]))


def test_german_is_compiled_from_the_catalogue_and_english_shows_the_ids() -> None:
    assert translations("de").gettext("Log in") == "Anmelden"
    assert translations("en").gettext("Log in") == "Log in"
    assert translations("xx").gettext("Log in") == "Log in"
