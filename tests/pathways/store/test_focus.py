"""`focus.spliced` puts a new middle in a text exactly as slicing and concatenating would,
whichever way it makes the string (one `replace`, or a join when the replaced text also
occurs earlier, is empty, or the middle is empty)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pathways.store.focus import spliced

# Few letters, so that a replaced span often also occurs earlier in the text.
TEXTS = st.text(alphabet="ab\nå-", max_size=40)


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.integers(0, 40), st.integers(0, 40), st.text(alphabet="abå\n", max_size=8))
def test_spliced_is_slicing_and_concatenating(text: str, one: int, two: int, middle: str) -> None:
    start, stop = sorted((min(one, len(text)), min(two, len(text))))
    assert spliced(text, start, stop, middle) == text[:start] + middle + text[stop:]


def test_a_span_that_also_occurs_earlier_is_replaced_where_it_was_asked() -> None:
    text = "- id: a\n- id: a\n- id: b\n"
    assert spliced(text, 8, 16, "- id: c\n") == "- id: a\n- id: c\n- id: b\n"


def test_an_insertion_inserts_at_its_place() -> None:
    assert spliced("abc", 2, 2, "X") == "abXc"
