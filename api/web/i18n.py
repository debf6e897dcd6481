"""Translations: the German catalogue (and any other) compiled from its .po file at start.

Message ids are English; `de` is the default language, `en` shows the ids themselves.
Compiling at start means a fresh clone needs no build step and no compiled file in git.
"""

from __future__ import annotations

import gettext
import io
from datetime import datetime
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALES = Path(__file__).parent / "locale"
LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "de"
DOMAIN = "messages"
BERLIN = ZoneInfo("Europe/Berlin")


def catalogue_path(language: str) -> Path:
    return LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The language's translations, compiled from its .po in memory; English is the ids."""
    path = catalogue_path(language)
    if language not in LANGUAGES or not path.exists():
        return gettext.NullTranslations()
    with path.open("rb") as po:
        catalogue = read_po(po, locale=language)
    compiled = io.BytesIO()
    write_mo(compiled, catalogue)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def language_of(cookie: str | None) -> str:
    """The chosen language (cookie), else German: the service is for German offices."""
    return cookie if cookie in LANGUAGES else DEFAULT_LANGUAGE


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for "translated later"
    """Marks a message for the catalogue; it is translated when shown."""
    return message


def local_moment(text: str | None) -> datetime | None:
    """A datetime-local field's value, taken as the time in Germany; ValueError if none."""
    if not text:
        return None
    return datetime.fromisoformat(text).replace(tzinfo=BERLIN)
