"""The Question: one validation for the public form, the professional forms and API v1."""

from __future__ import annotations

import pytest

from pathways.errors import InvalidQuery, NotFound
from pathways.queries.find_help import find_help
from pathways.question import (
    AGE_NOT_A_NUMBER,
    AGE_TOO_HIGH,
    MAX_AGE,
    UNKNOWN_NEED,
    Question,
    read_question,
)
from pathways.registry import Registry
from pathways.vocab import Need, Urgency


def test_a_question_resolves_its_area_once_and_keeps_it(mini: Registry) -> None:
    question = Question.ask(mini, age=15, area="Norra", needs=[Need.somn, Need.somn])
    assert question.area is mini.areas["norra"]
    assert question.needs == (Need.somn,)
    assert question.asker == "self"


@pytest.mark.parametrize("age", [-1, MAX_AGE + 1, 120])
def test_an_age_outside_0_to_25_is_refused_wherever_it_comes_from(mini: Registry, age: int) -> None:
    with pytest.raises(InvalidQuery) as refused:
        Question.ask(mini, age=age, area="norra", needs=[Need.somn])
    assert refused.value.parameter == "age"
    with pytest.raises(InvalidQuery):
        find_help(mini, age=age, area="norra", needs=[Need.somn])


def test_the_limits_are_inclusive(mini: Registry) -> None:
    assert Question.ask(mini, age=0, area="norra").age == 0
    assert Question.ask(mini, age=MAX_AGE, area="norra").age == MAX_AGE


def test_an_unknown_place_is_not_found(mini: Registry) -> None:
    with pytest.raises(NotFound):
        Question.ask(mini, age=15, area="ingenstans")


def test_an_unknown_asker_is_refused(mini: Registry) -> None:
    area = mini.areas["norra"]
    with pytest.raises(InvalidQuery) as refused:
        Question(area=area, age=15, asker="granne")  # type: ignore[arg-type]
    assert refused.value.parameter == "asker"
    assert Question(area=area, age=15, asker="parent").asker == "parent"


def test_find_help_answers_a_question_the_same_as_its_keywords(mini: Registry) -> None:
    question = Question.ask(mini, age=16, area="norra", needs=[Need.oro_angest])
    by_question = find_help(mini, question)
    by_keywords = find_help(mini, age=16, area="norra", needs=[Need.oro_angest])
    assert [r.provider.id for r in by_question.results] == [
        r.provider.id for r in by_keywords.results
    ]
    assert by_question.area is question.area


def test_find_help_needs_an_age_and_a_place(mini: Registry) -> None:
    with pytest.raises(InvalidQuery) as refused:
        find_help(mini, Question(area=mini.areas["norra"], needs=(Need.somn,)))
    assert refused.value.parameter == "age"


@pytest.mark.parametrize(
    ("typed", "field", "message"),
    [
        ({"age": "femton"}, "age", AGE_NOT_A_NUMBER),
        ({"age": "26"}, "age", AGE_TOO_HIGH),
        ({"age": "1234"}, "age", AGE_NOT_A_NUMBER),
        ({"needs": ["inte-ett-behov"]}, "need", UNKNOWN_NEED),
    ],
)
def test_a_form_gets_one_sentence_per_wrong_field(
    mini: Registry, typed: dict[str, object], field: str, message: object
) -> None:
    asked = read_question(mini, area="norra", **typed)  # type: ignore[arg-type]
    assert asked.errors == {field: message}
    assert asked.question.area is mini.areas["norra"], "what is right is still read"


def test_a_misspelt_place_gets_suggestions(mini: Registry) -> None:
    asked = read_question(mini, age="15", area="Norrra")
    assert set(asked.errors) == {"area"}
    assert "Norrra" in asked.errors["area"].render()
    assert [a.id for a in asked.suggestions][:1] == ["norra"]
    assert asked.question.age == 15


def test_a_form_reads_urgency_and_text(mini: Registry) -> None:
    asked = read_question(mini, age="15", area="norra", text="  kan inte sova  ", urgency="akut")
    assert asked.errors == {}
    assert asked.question.text == "kan inte sova"
    assert asked.question.urgency == Urgency.akut
    too_long = read_question(mini, text="x" * 201, urgency="snart-kanske")
    assert set(too_long.errors) == {"q", "urgency"}
