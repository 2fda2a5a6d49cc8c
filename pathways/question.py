"""The question people ask: an age, a place, needs, their own words, urgency, privacy.

One type for every way in: the public form, the professional forms and API v1 all build
a `Question`, and `find_help` answers one. It validates once, when it is made, and keeps
the resolved `Area`, so a request resolves its place once. The age limit and the
sentences for a bad age or an unknown place are written here and nowhere else.

Forms are read leniently with `read_question` (what was typed, and a sentence per field
that is wrong); code that already has typed values calls `Question.ask`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, get_args

from rapidfuzz import fuzz, process

from pathways.errors import InvalidQuery, NotFound
from pathways.messages import Msg
from pathways.models import Area
from pathways.registry import Registry
from pathways.validation import name_key
from pathways.vocab import Need, Urgency

MAX_AGE = 25  # CONTRACT.md: find-help is for children and young people aged 0-25
MAX_TEXT = 200  # characters of free text
SUGGESTIONS = 3  # "did you mean" places offered for a place we do not know

Asker = Literal["self", "parent", "other"]  # who is asking: the young person, a parent...
ASKERS: tuple[str, ...] = get_args(Asker)

AGE_NOT_A_NUMBER = Msg("Skriv åldern med siffror, till exempel 15.")
AGE_TOO_HIGH = Msg(
    "Vårdkedjan visar hjälp för barn och unga upp till {max} år. "
    "Är du äldre kan du ringa 1177 eller kontakta din vårdcentral.",
    max=MAX_AGE,
)
UNKNOWN_NEED = Msg("Något av valen känner vi inte igen. Välj igen i listan.")
TEXT_TOO_LONG = Msg("Skriv högst {max} tecken.", max=MAX_TEXT)
UNKNOWN_URGENCY = Msg("Välj hur bråttom det är.")


def unknown_place(text: str) -> Msg:
    return Msg("Vi hittar inte {place}. Välj ett område i listan.", place=text)


@dataclass(frozen=True)
class Question:
    """A valid question. Age and area may be missing where a page can answer without."""

    area: Area | None = None
    age: int | None = None
    needs: tuple[Need, ...] = ()
    text: str | None = None
    urgency: Urgency = Urgency.planerat
    confidential: bool = False
    asker: Asker = "self"

    def __post_init__(self) -> None:
        if self.age is not None and not 0 <= self.age <= MAX_AGE:
            raise InvalidQuery("age", f"must be between 0 and {MAX_AGE}")
        if self.text is not None and len(self.text) > MAX_TEXT:
            raise InvalidQuery("q", f"may be at most {MAX_TEXT} characters")
        if self.asker not in ASKERS:
            raise InvalidQuery("asker", f"must be one of {', '.join(ASKERS)}")

    @classmethod
    def ask(
        cls,
        registry: Registry,
        *,
        age: int | None,
        area: str | Area | None,
        needs: Sequence[Need] = (),
        text: str | None = None,
        urgency: Urgency = Urgency.planerat,
        confidential: bool = False,
        asker: Asker = "self",
    ) -> Question:
        """A question from typed values; an unknown place raises `NotFound` (a 404)."""
        place = registry.resolve_area(area) if isinstance(area, str) else area
        return cls(place, age, tuple(dict.fromkeys(needs)), text, urgency, confidential, asker)

    def located(self) -> tuple[int, Area]:
        """The age and the place, for the queries that need both."""
        if self.age is None:
            raise InvalidQuery("age", "is required")
        if self.area is None:
            raise InvalidQuery("area", "is required")
        return self.age, self.area


@dataclass
class Asked:
    """A question read from a form: what it means, and a sentence per field that is wrong.

    `question` holds every field that could be read; a wrong field is left out of it (a
    wrong age is no age), so a page can still answer what it can, danger first.
    """

    question: Question
    errors: dict[str, Msg] = field(default_factory=dict)
    suggestions: list[Area] = field(default_factory=list)  # places the asker may have meant

    def require(self, missing: dict[str, tuple[object, Msg]]) -> None:
        """Name each required field that was left empty: field -> (what was typed, what to do)."""
        for name, (given, message) in missing.items():
            if not given and name not in self.errors:
                self.errors[name] = message


def read_question(
    registry: Registry,
    *,
    age: str = "",
    area: str = "",
    needs: Sequence[str] = (),
    text: str = "",
    urgency: str = "",
    confidential: bool = False,
    asker: str = "",
) -> Asked:
    """Read a form's strings; nothing here is required (the page says what it needs)."""
    errors: dict[str, Msg] = {}
    suggestions: list[Area] = []
    place: Area | None = None
    if area:
        try:
            place = registry.resolve_area(area[:100])
        except NotFound:
            errors["area"] = unknown_place(area[:100])
            suggestions = suggest_areas(area, registry)
    read_needs: tuple[Need, ...] = ()
    if any(n not in Need.__members__ for n in needs):
        errors["need"] = UNKNOWN_NEED
    else:
        read_needs = tuple(Need(n) for n in dict.fromkeys(needs))
    if len(text) > MAX_TEXT:
        errors["q"] = TEXT_TOO_LONG
    if urgency and urgency not in Urgency.__members__:
        errors["urgency"] = UNKNOWN_URGENCY
    question = Question(
        area=place,
        age=_age(age, errors),
        needs=read_needs,
        text=(text.strip() or None) if "q" not in errors else None,
        urgency=Urgency(urgency) if urgency in Urgency.__members__ else Urgency.planerat,
        confidential=confidential,
        asker=asker if asker in ASKERS else "self",  # type: ignore[arg-type]
    )
    return Asked(question, errors, suggestions)


def _age(text: str, errors: dict[str, Msg]) -> int | None:
    if not text:
        return None
    if not text.isdigit() or len(text) > 3:
        errors["age"] = AGE_NOT_A_NUMBER
        return None
    if int(text) > MAX_AGE:
        errors["age"] = AGE_TOO_HIGH
        return None
    return int(text)


def suggest_areas(text: str, registry: Registry) -> list[Area]:
    """Areas whose name or alias looks like what was typed ("Skarpnäk" -> Skarpnäck)."""
    choices: dict[str, Area] = {}
    for area in registry.areas.values():
        for name in (area.name, *area.aliases):
            choices.setdefault(name_key(name), area)
    found = process.extract(name_key(text), list(choices), scorer=fuzz.WRatio, limit=10)
    out: dict[str, Area] = {}
    for key, score, _ in found:
        if score >= 75:
            out.setdefault(choices[key].id, choices[key])
    return list(out.values())[:SUGGESTIONS]
