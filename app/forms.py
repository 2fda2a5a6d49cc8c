"""The help question as a form: what was typed, what it means, and what is wrong with it.

The start page and the results page share one form. A wrong or missing answer gives the
form back with a sentence next to the field (STYLE.md #4), never a crash or a bare 422,
and signs of danger are looked for before anything else is checked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from pathways.errors import NotFound
from pathways.find_help import MAX_TEXT
from pathways.models import Area
from pathways.msg import Msg
from pathways.registry import Registry
from pathways.validation import name_key
from pathways.vocab import Need, Urgency

MAX_FORM_AGE = 25  # CONTRACT.md: find-help is for ages 0-25
TRUE = frozenset({"1", "true", "on", "yes", "ja"})
SUGGESTIONS = 3


@dataclass
class HelpForm:
    """The form exactly as typed, so a page can show it back untouched."""

    age: str = ""
    area: str = ""
    needs: list[str] = field(default_factory=list)
    q: str = ""
    urgency: str = Urgency.planerat.value
    confidential: bool = False

    @classmethod
    def from_params(cls, params: Mapping[str, str], needs: Sequence[str]) -> HelpForm:
        return cls(
            age=params.get("age", "").strip(),
            area=params.get("area", "").strip(),
            needs=[n for n in dict.fromkeys(needs) if n],
            q=params.get("q", ""),
            urgency=params.get("urgency", "").strip() or Urgency.planerat.value,
            confidential=params.get("confidential", "").strip().lower() in TRUE,
        )

    @property
    def empty(self) -> bool:
        return not (self.age or self.area or self.needs or self.q.strip())

    def params(self) -> dict[str, str | list[str]]:
        """The form as query parameters, for links back to it ("Ändra")."""
        out: dict[str, str | list[str]] = {"age": self.age, "area": self.area}
        if self.needs:
            out["need"] = self.needs
        if self.q:
            out["q"] = self.q
        if self.urgency != Urgency.planerat:
            out["urgency"] = self.urgency
        if self.confidential:
            out["confidential"] = "1"
        return {k: v for k, v in out.items() if v}


@dataclass(frozen=True)
class HelpQuestion:
    """A valid form: what find_help needs."""

    age: int
    area: Area
    needs: tuple[Need, ...]
    text: str | None
    urgency: Urgency
    confidential: bool


@dataclass
class Checked:
    question: HelpQuestion | None
    errors: dict[str, Msg]  # field name -> what to do about it
    suggestions: list[Area]  # areas the asker may have meant


def check(form: HelpForm, registry: Registry) -> Checked:
    errors: dict[str, Msg] = {}
    age = _age(form.age, errors)
    area, suggestions = _area(form.area, registry, errors)
    needs: list[Need] = []
    if any(n not in Need.__members__ for n in form.needs):
        errors["need"] = Msg("Något av valen känner vi inte igen. Välj igen i listan.")
    else:
        needs = [Need(n) for n in form.needs]
    if len(form.q) > MAX_TEXT:
        errors["q"] = Msg("Skriv högst {max} tecken.", max=MAX_TEXT)
    elif not needs and not form.q.strip() and "need" not in errors:
        errors["need"] = Msg("Välj vad det handlar om, eller skriv med egna ord.")
    if form.urgency not in Urgency.__members__:
        errors["urgency"] = Msg("Välj hur bråttom det är.")
    if errors or age is None or area is None:
        return Checked(None, errors, suggestions)
    question = HelpQuestion(
        age=age,
        area=area,
        needs=tuple(needs),
        text=form.q.strip() or None,
        urgency=Urgency(form.urgency),
        confidential=form.confidential,
    )
    return Checked(question, errors, suggestions)


def _age(text: str, errors: dict[str, Msg]) -> int | None:
    if not text:
        errors["age"] = Msg("Skriv hur gammal du är, eller den du söker hjälp för.")
        return None
    if not text.isdigit() or len(text) > 3:
        errors["age"] = Msg("Skriv åldern med siffror, till exempel 15.")
        return None
    age = int(text)
    if age > MAX_FORM_AGE:
        errors["age"] = Msg(
            "Vårdkedjan visar hjälp för barn och unga upp till 25 år. "
            "Är du äldre kan du ringa 1177 eller kontakta din vårdcentral."
        )
        return None
    return age


def _area(text: str, registry: Registry, errors: dict[str, Msg]) -> tuple[Area | None, list[Area]]:
    if not text:
        errors["area"] = Msg("Välj var du bor.")
        return None, []
    try:
        return registry.resolve_area(text[:100]), []
    except NotFound:
        errors["area"] = Msg("Vi hittar inte {place}. Välj ett område i listan.", place=text[:100])
        return None, suggest_areas(text, registry)


def suggest_areas(text: str, registry: Registry) -> list[Area]:
    """Areas whose name or alias looks like what was typed ("Skarpnäk" -> Skarpnäck)."""
    choices: dict[str, Area] = {}
    for area in registry.areas.values():
        for name in (area.name, *area.aliases):
            choices.setdefault(name_key(name), area)
    found = process.extract(name_key(text), list(choices), scorer=fuzz.WRatio, limit=10)
    out: dict[str, Area] = {}
    best = max((score for _, score, _ in found), default=0)
    for key, score, _ in found:
        # With every kommun to choose from, a near miss ("Skara" for "Skarpnäk") is noise
        # next to a close match: keep those within reach of the best.
        if score >= 75 and score >= best - 10:
            out.setdefault(choices[key].id, choices[key])
    return list(out.values())[:SUGGESTIONS]
