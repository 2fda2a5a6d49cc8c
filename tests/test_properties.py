"""Invariants of find_help over generated questions against the bundled registry."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pathways.emergency import needs_emergency
from pathways.find_help import find_help
from pathways.registry import Registry
from pathways.text import read_text
from pathways.vocab import LEVEL_ORDER, Level, Need, Urgency
from tests.conftest import BUNDLED

REGISTRY = Registry.from_file(BUNDLED)  # hypothesis needs it outside function fixtures
AREAS = sorted(REGISTRY.areas)
WORDS = [
    "kan inte sova",
    "ångest",
    "vill inte leva",
    "mobbad",
    "röker på",
    "ledsen",
    "självmord",
    "pappa slår mamma",
    "adhd",
    "bråk hemma",
    "hej",
    "stressad",
    "äter inte",
    "",
]

questions = st.fixed_dictionaries(
    {
        "age": st.integers(0, 25),
        "area": st.sampled_from(AREAS),
        "needs": st.lists(st.sampled_from(list(Need)), max_size=3, unique=True),
        "text": st.one_of(
            st.none(), st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)
        ),
        "urgency": st.sampled_from(list(Urgency)),
        "confidential": st.booleans(),
        "limit": st.integers(1, 20),
    }
).filter(lambda q: bool(q["needs"]) or bool(q["text"] and q["text"].strip()))


@settings(max_examples=400, deadline=None)
@given(questions)
def test_find_help_invariants(q: dict) -> None:  # type: ignore[type-arg]
    answer = find_help(REGISTRY, **q)
    assert len(answer.results) <= q["limit"]
    for result in answer.results:
        provider = result.provider
        assert provider.fits_age(q["age"]), (provider.id, q)
        assert REGISTRY.serves(provider, q["area"]), (provider.id, q)
        assert not provider.retired
        for step in result.next_steps:
            assert step.provider.fits_age(q["age"]) and REGISTRY.serves(step.provider, q["area"])

    crisis_text = bool(q["text"]) and read_text(q["text"]).crisis
    expected = needs_emergency(q["urgency"], q["needs"], crisis_text)
    assert (answer.emergency is not None) == expected
    if answer.emergency is not None:
        phones = [c.phone for c in answer.emergency.contacts]
        assert phones[0] == "112" and "90101" in phones
        assert ("116 111" in phones) == (q["age"] < 18)
        assert Need.suicidtankar in answer.needs or q["urgency"] == Urgency.akut
        for place in answer.emergency.places:
            assert place.fits_age(q["age"]) and REGISTRY.serves(place, q["area"])
    elif q["urgency"] == Urgency.planerat:
        levels = [LEVEL_ORDER[r.provider.level] for r in answer.results]
        first_line = LEVEL_ORDER[Level.forsta_linjen]
        specialist = [i for i, lv in enumerate(levels) if lv >= LEVEL_ORDER[Level.specialist]]
        firsts = [i for i, lv in enumerate(levels) if lv == first_line]
        if specialist and firsts:
            assert max(firsts) < min(specialist), levels


@settings(max_examples=200, deadline=None)
@given(age=st.integers(0, 25), area=st.sampled_from(AREAS))
def test_someone_in_danger_always_has_an_acute_place(age: int, area: str) -> None:
    answer = find_help(REGISTRY, age=age, area=area, needs=[Need.suicidtankar])
    assert answer.emergency is not None
    assert answer.emergency.places, f"no acute unit for age {age} in {area}"
