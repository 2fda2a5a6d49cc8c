"""English and any future language: real gettext catalogues, complete and in use."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient

from app.factory import create_app
from app.i18n import LOCALE_DIR, load_languages
from pathways.messages import Items, Msg
from pathways.registry import Registry
from tests.app.html import get_page, one, tel_links, text
from tests.conftest import ROOT

KEYWORDS = {"_": None, "gettext": None, "N_": None, "Msg": None}
PLACEHOLDER = re.compile(r"\{(\w+)\}|%\((\w+)\)s")


def _catalogue(code: str = "en") -> dict[str, str]:
    with (LOCALE_DIR / code / "LC_MESSAGES" / "messages.po").open("rb") as po:
        return {str(m.id): str(m.string) for m in read_po(po) if m.id and not m.fuzzy}


def _source_messages() -> set[str]:
    """Every sentence marked for translation in the code and templates, as Babel sees it."""
    method_map = [
        ("pathways/**.py", "python"),
        ("app/**.py", "python"),
        ("templates/**.html", "jinja2"),
    ]
    options = {"templates/**.html": {"extensions": "jinja2.ext.i18n", "trim_blocks": "True"}}
    found = set()
    for directory in ("pathways", "app", "templates"):
        for _, _, message, _, _ in extract_from_dir(
            ROOT,
            method_map=method_map,
            options_map=options,
            keywords=KEYWORDS,
            callback=None,
            strip_comment_tags=True,
            directory_filter=lambda d, top=directory: _under(d, top),
        ):
            found.add(message if isinstance(message, str) else message[0])
    return found


def _under(path: str, top: str) -> bool:
    relative = Path(path).resolve().relative_to(ROOT)
    return relative.parts[:1] in ((), (top,)) and ".venv" not in relative.parts


def test_english_catalogue_translates_every_sentence() -> None:
    english = _catalogue()
    marked = _source_messages()
    assert len(marked) > 150
    missing = sorted(m for m in marked if not english.get(m))
    assert not missing, f"run `make messages` and translate: {missing[:10]}"


def test_translations_keep_their_placeholders() -> None:
    for source, translated in _catalogue().items():
        assert set(PLACEHOLDER.findall(source)) == set(PLACEHOLDER.findall(translated)), source


def test_english_pages_are_english(bundled_client: TestClient) -> None:
    english = _catalogue()
    soup = get_page(bundled_client, "/en/")
    assert soup.html is not None and soup.html["lang"] == "en"
    assert text(one(soup, "h1")) == english["Hitta rätt hjälp när du mår dåligt"]
    assert one(soup, "main form")["action"] == "/en/hitta"
    nav = [str(a["href"]) for a in soup.select("header nav a")]
    assert "/en/akut" in nav and "/en/om" in nav
    # The way back to Swedish, named in Swedish.
    swedish = one(soup, 'header nav a[hreflang="sv"]')
    assert swedish["href"] == "/" and swedish["lang"] == "sv"
    need = one(soup, 'label[for="need-nedstamdhet"]')
    assert text(need) == english["Nedstämdhet, att må dåligt länge"]


def test_english_results_translate_our_words_and_mark_registry_text(
    bundled_client: TestClient,
) -> None:
    english = _catalogue()
    soup = get_page(
        bundled_client, "/en/hitta?age=16&area=sodermalm&q=I+want+to+die+vill+inte+leva"
    )
    block = one(soup, "main .emergency")
    assert {"112", "90101", "116111"} <= tel_links(block)
    assert text(one(block, "h2")) == english["Är du i fara nu? Vänta inte."]
    reasons = [text(li) for li in soup.select("ul.reasons li")]
    assert english["Det kostar inget."] in reasons or any(
        r.startswith(english["Kan hjälpa till med: {needs}."].split("{")[0]) for r in reasons
    )
    # Provider descriptions are Swedish registry text: marked so screen readers switch.
    assert soup.select('article.place span[lang="sv"]')
    for link in soup.select("article.place h3 a"):
        assert str(link["href"]).startswith("/en/mottagning/")


def test_english_error_page(bundled_client: TestClient) -> None:
    soup = get_page(bundled_client, "/en/mottagning/finns-inte", status=404)
    assert soup.html is not None and soup.html["lang"] == "en"
    assert text(one(soup, "h1")) == _catalogue()["Sidan finns inte"]


def test_a_translator_adds_a_language_without_code(tmp_path: Path, mini: Registry) -> None:
    shutil.copytree(LOCALE_DIR, tmp_path, dirs_exist_ok=True)
    norwegian = tmp_path / "nb" / "LC_MESSAGES"
    norwegian.mkdir(parents=True)
    (norwegian / "messages.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Hitta rätt hjälp när du mår dåligt"\n'
        'msgstr "Finn riktig hjelp når du har det vondt"\n',
        encoding="utf-8",
    )
    with TestClient(create_app(mini, locale_dir=tmp_path)) as client:
        soup = get_page(client, "/nb/")
        assert soup.html is not None and soup.html["lang"] == "nb"
        assert text(one(soup, "h1")) == "Finn riktig hjelp når du har det vondt"
        # Untranslated sentences fall back to Swedish rather than disappear.
        assert text(one(soup, "header .now h2")) == "Behöver du hjälp nu?"
        assert one(get_page(client, "/"), 'header nav a[hreflang="nb"]')


def test_a_broken_catalogue_does_not_take_swedish_down(tmp_path: Path) -> None:
    broken = tmp_path / "xx" / "LC_MESSAGES"
    broken.mkdir(parents=True)
    (broken / "messages.po").write_text('msgid "a"\nmsgstr "b" "', encoding="utf-8")
    languages = load_languages(tmp_path)
    assert list(languages) == ["sv"]


ENGLISH = {
    "Tar emot dig som är {ages}.": "Takes young people aged {ages}.",
    "{low}–{high} år": "{low}–{high}",
    "Kan hjälpa till med: {needs}.": "Can help with: {needs}.",
    "Oro och ångest": "Worry and anxiety",
    "Koncentration, ADHD, autism": "Concentration, ADHD, autism",
    "Finns för dig i {place}.": "Available to you in {place}.",
}


@pytest.mark.parametrize(
    ("msg", "swedish", "english"),
    [
        (
            Msg("Tar emot dig som är {ages}.", ages=Msg("{low}–{high} år", low=13, high=24)),
            "Tar emot dig som är 13–24 år.",
            "Takes young people aged 13–24.",
        ),
        (
            Msg(
                "Kan hjälpa till med: {needs}.",
                needs=Items(("Oro och ångest", "Koncentration, ADHD, autism")),
            ),
            "Kan hjälpa till med: oro och ångest, koncentration, ADHD, autism.",
            "Can help with: worry and anxiety, concentration, ADHD, autism.",
        ),
        (
            Msg("Finns för dig i {place}.", place="Skarpnäck"),
            "Finns för dig i Skarpnäck.",
            "Available to you in Skarpnäck.",
        ),
    ],
)
def test_sentences_render_in_swedish_and_translate_their_parts(
    msg: Msg, swedish: str, english: str
) -> None:
    assert str(msg) == swedish
    # Our words are translated, part by part; registry data (a plain str) is not.
    assert msg.render(lambda s: ENGLISH.get(s, s)) == english
