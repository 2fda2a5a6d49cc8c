"""Languages of the public pages: Swedish first, others from gettext catalogues.

Swedish is the source language: every sentence in templates and in `pathways` is written
in Swedish and marked for translation. A language exists when `locale/<code>/LC_MESSAGES/
messages.po` exists; a translator adds one with `make messages LANG=<code>`, translates
the file, and the pages appear under `/<code>/` without a code change. Catalogues are
compiled in memory at start-up, so no build step stands between a translator and a page.
"""

from __future__ import annotations

import gettext
import io
import logging
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from app.paths import ROOT

LOCALE_DIR = ROOT / "locale"
SOURCE = "sv"

log = logging.getLogger("vardkedjan")


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # the language's own name for itself: "svenska", "English"
    direction: str  # "ltr" or "rtl", for <html dir>
    translations: gettext.NullTranslations = field(compare=False, repr=False)

    @property
    def prefix(self) -> str:
        """URL prefix: the source language lives at the root, others under /<code>."""
        return "" if self.code == SOURCE else f"/{self.code}"

    def gettext(self, text: str) -> str:
        return self.translations.gettext(text)


def _language(code: str, translations: gettext.NullTranslations) -> Language:
    locale = Locale.parse(code)
    name = locale.get_display_name(locale) or code
    return Language(code, name[:1].upper() + name[1:], locale.text_direction, translations)


def compile_po(path: Path) -> gettext.GNUTranslations:
    """A .po file as ready translations; fuzzy (unchecked) entries are left out."""
    with path.open("rb") as po:
        catalog = read_po(po)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def load_languages(locale_dir: Path = LOCALE_DIR) -> dict[str, Language]:
    """Swedish plus every language with a catalogue, in a stable order."""
    languages = {SOURCE: _language(SOURCE, gettext.NullTranslations())}
    for po in sorted(locale_dir.glob("*/LC_MESSAGES/messages.po")):
        code = po.parent.parent.name
        if code == SOURCE:
            continue
        try:
            languages[code] = _language(code, compile_po(po))
        except (UnknownLocaleError, ValueError) as exc:
            # A broken catalogue must not take the Swedish pages down with it.
            log.error("skipping catalogue %s: %s", po, exc)
    return languages
