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
from enum import IntEnum, StrEnum

from rapidfuzz import fuzz, process

from pathways.errors import InvalidQuery, NotFound, UnknownPlace
from pathways.limits import whole_number
from pathways.messages import N_, Msg
from pathways.models import Area
from pathways.registry import Registry
from pathways.validation import name_key
from pathways.vocab import Need, Urgency

MAX_AGE = 25  # CONTRACT.md: find-help is for children and young people aged 0-25
MAX_TEXT = 200  # characters of free text
SUGGESTIONS = 3  # "did you mean" places offered for a place we do not know

MATURITY_AGE = 12  # DOMAIN.md: from about 12, pupils decide about their own contacts
ADULT_AGE = 18


class Asker(StrEnum):
    """Who is asking: the young person, a parent, or someone else (a friend, a teacher).

    CONTRACT.md additions: find-help's `asker`, default `self`. The same place is
    described differently to each: a parent is not told "without your parents", a friend
    is told what the friend can do. `pathways.queries.sentences` picks its sentences by
    `Asker` and `AgeBand`.
    """

    self = "self"
    parent = "parent"
    other = "other"


ASKERS: tuple[str, ...] = tuple(a.value for a in Asker)
ASKER_LABELS: dict[Asker, str] = {
    Asker.self: N_("mig själv"),
    Asker.parent: N_("mitt barn"),
    Asker.other: N_("någon annan (en kompis, en elev)"),
}


class AgeBand(IntEnum):
    """The ages at which what a young person may decide alone changes."""

    child = 0  # under about 12: guardians usually decide
    young = 1  # about 12 to 17: usually decides about own contacts
    adult = 2  # 18 and over: guardians have no say (nobody is told about guardians)


def age_band(age: int) -> AgeBand:
    if age >= ADULT_AGE:
        return AgeBand.adult
    if age >= MATURITY_AGE:
        return AgeBand.young
    return AgeBand.child


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
    asker: Asker = Asker.self
    danger: tuple[str, ...] = ()
    """Danger categories (`emergency.reasons` ids) a page carried in its address after the
    typed words left it, so that the emergency block still comes first."""

    def __post_init__(self) -> None:
        if self.age is not None and not 0 <= self.age <= MAX_AGE:
            raise InvalidQuery("age", f"must be between 0 and {MAX_AGE}")
        if self.text is not None and len(self.text) > MAX_TEXT:
            raise InvalidQuery("q", f"may be at most {MAX_TEXT} characters")
        if self.asker not in ASKERS:
            raise InvalidQuery("asker", f"must be one of {', '.join(ASKERS)}")
        object.__setattr__(self, "asker", Asker(self.asker))  # one type, however it came

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
        asker: Asker = Asker.self,
    ) -> Question:
        """A question from typed values; an unknown place raises `UnknownPlace` (a 404
        that names the places the asker may have meant)."""
        place = _resolve(registry, area) if isinstance(area, str) else area
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
        asker=Asker(asker) if asker in ASKERS else Asker.self,
    )
    return Asked(question, errors, suggestions)


def _resolve(registry: Registry, text: str) -> Area:
    try:
        return registry.resolve_area(text)
    except NotFound:
        near = suggest_areas(text, registry)
        raise UnknownPlace(text, [(a.id, a.name) for a in near]) from None


def _age(text: str, errors: dict[str, Msg]) -> int | None:
    if not text:
        return None
    age = whole_number(text, 3)
    if age is None:
        errors["age"] = AGE_NOT_A_NUMBER
    elif age > MAX_AGE:
        errors["age"] = AGE_TOO_HIGH
        return None
    return age


def suggest_areas(text: str, registry: Registry) -> list[Area]:
    """Areas whose name or alias looks like what was typed ("Skarpnäk" -> Skarpnäck),
    first those whose name has it as a word ("Upplands": Upplands Väsby, Upplands-Bro)."""
    typed = name_key(text)
    words = set(typed.split())
    out: dict[str, Area] = {i: registry.areas[i] for i in registry.parts.get(typed, ())}
    choices: dict[str, Area] = {}
    for area in registry.areas.values():
        for name in (area.name, *area.aliases):
            choices.setdefault(name_key(name), area)
    found = [
        (key, score)
        for key, score, _ in process.extract(typed, list(choices), scorer=fuzz.WRatio, limit=10)
        # A name much shorter than what was typed matches a piece of it ("Ånge" in
        # "Kungsängen", "Berg" in "Jakobsberg"): noise, unless it is close as a whole or
        # its words are words typed ("Angered" in "Angered centrum").
        if 3 * len(key) >= 2 * len(typed)
        or fuzz.ratio(typed, key) >= 75
        or words.issuperset(key.split())
    ]
    best = max((score for _, score in found), default=0)
    for key, score in found:
        # With every kommun to choose from, a near miss ("Skara" for "Skarpnäk") is noise
        # next to a close match: keep those within reach of the best.
        if score >= 75 and score >= best - 10:
            out.setdefault(choices[key].id, choices[key])
    return list(out.values())[:SUGGESTIONS]
