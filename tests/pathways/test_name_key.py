"""`name_key` drops Latin accents in one pass and sifts anything else character by
character: the same key as sifting every character, for any text."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from pathways.rules import name_key


def sifted(text: str) -> str:
    """The key as it was first written: every character tested on its own."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(plain.replace("-", " ").split())


@given(st.text(max_size=40))
def test_any_text_gets_the_key_of_the_plain_form(text: str) -> None:
    assert name_key(text) == sifted(text)


@given(st.text(alphabet="aåäöeéüAÅÄÖß -\u0301\u034f\u0483\u05b0\u1dc0\u20d0", max_size=30))
def test_accents_and_other_marks_get_the_key_of_the_plain_form(text: str) -> None:
    assert name_key(text) == sifted(text)


def test_swedish_names_fold_as_before() -> None:
    assert name_key("Skarpnäck") == name_key("SKARPNACK") == "skarpnack"
    assert name_key("Malmö-Lund  ") == "malmo lund"
    assert name_key("Upplands Väsby") == "upplands vasby"
