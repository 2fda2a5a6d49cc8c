"""The help question as a form: what was typed, what it means, and what is wrong with it.

The start page and the results page share one form. A wrong or missing answer gives the
form back with a sentence next to the field (STYLE.md #4), never a crash or a bare 422,
and signs of danger are looked for before anything else is checked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from pathways.asker import Asker
from pathways.errors import NotFound
from pathways.find_help import MAX_TEXT
from pathways.models import Area
from pathways.msg import Msg
from pathways.registry import Registry
from pathways.text import read_text
from pathways.validation import name_key
from pathways.vocab import CRISIS_NEEDS, Need, Urgency

MAX_FORM_AGE = 25  # CONTRACT.md: find-help is for ages 0-25
TRUE = frozenset({"1", "true", "on", "yes", "ja"})
SUGGESTIONS = 3
# CONTRACT.md additions: the danger categories of `emergency.reasons`. Carried as ids in
# the address instead of the words that showed them, so that the emergency block still
# comes first once the text has left the address.
DANGER_IDS = frozenset(
    {"suicidal", "plan_or_method", "overdose", "severe_injury", "psychosis"}
    | {"violence_now", "self_harm"}
)
UNCLEAR_TEXT = "…"
"""Stands for a text that was not understood at all, once the text itself is gone: it
reads as no need, so find_help answers with the general first contacts."""


@dataclass
class HelpForm:
    """The form exactly as typed, so a page can show it back untouched."""

    age: str = ""
    area: str = ""
    needs: list[str] = field(default_factory=list)
    q: str = ""
    urgency: str = Urgency.planerat.value
    confidential: bool = False
    asker: str = Asker.self.value
    danger: list[str] = field(default_factory=list)  # ids of DANGER_IDS
    unclear: bool = False  # a text was given and not understood at all

    @classmethod
    def from_params(
        cls, params: Mapping[str, str], needs: Sequence[str], danger: Sequence[str] = ()
    ) -> HelpForm:
        shown = [d for d in dict.fromkeys(danger) if d in DANGER_IDS]
        chosen = [n for n in dict.fromkeys(needs) if n]
        if shown and not any(n in CRISIS_NEEDS for n in chosen):
            chosen.append(Need.suicidtankar.value)  # danger always brings the crisis need
        return cls(
            age=params.get("age", "").strip(),
            area=params.get("area", "").strip(),
            needs=chosen,
            q=params.get("q", ""),
            urgency=params.get("urgency", "").strip() or Urgency.planerat.value,
            confidential=params.get("confidential", "").strip().lower() in TRUE,
            asker=params.get("asker", "").strip() or Asker.self.value,
            danger=shown,
            unclear=params.get("unclear", "").strip().lower() in TRUE,
        )

    @property
    def empty(self) -> bool:
        return not (self.age or self.area or self.needs or self.q.strip() or self.unclear)

    def params(self) -> dict[str, str | list[str]]:
        """The form as query parameters, for links and redirects: never the typed text,
        which stays out of the address bar and the history, but the needs it says."""
        needs, danger, unclear = self.understood()
        out: dict[str, str | list[str]] = {"age": self.age, "area": self.area}
        if needs:
            out["need"] = needs
        if danger:
            out["danger"] = danger
        if unclear:
            out["unclear"] = "1"
        if self.urgency != Urgency.planerat:
            out["urgency"] = self.urgency
        if self.confidential:
            out["confidential"] = "1"
        if self.asker != Asker.self:
            out["asker"] = self.asker
        return {k: v for k, v in out.items() if v}

    def understood(self) -> tuple[list[str], list[str], bool]:
        """The needs chosen and read in the text, the danger ids, and whether a text was
        given that said nothing we understood (and nothing was chosen either)."""
        if not self.q.strip():
            return self.needs, self.danger, self.unclear and not self.needs
        reading = read_text(self.q[:MAX_TEXT])
        needs = list(dict.fromkeys([*self.needs, *(n.value for n in reading.needs)]))
        danger = list(dict.fromkeys([*self.danger, *danger_ids(reading.crisis)]))
        return needs, danger, not needs


def danger_ids(crisis: bool) -> tuple[str, ...]:
    """The danger categories a reading found. The reader tells only whether there is a
    crisis; `pathways.crisis` (issue 9) names categories, which belong here once merged."""
    return ("suicidal",) if crisis else ()


@dataclass(frozen=True)
class HelpQuestion:
    """A valid form: what find_help needs."""

    age: int
    area: Area
    needs: tuple[Need, ...]
    text: str | None
    urgency: Urgency
    confidential: bool
    asker: Asker = Asker.self


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
    elif not needs and not form.q.strip() and not form.unclear and "need" not in errors:
        errors["need"] = Msg("Välj vad det handlar om, eller skriv med egna ord.")
    if form.urgency not in Urgency.__members__:
        errors["urgency"] = Msg("Välj hur bråttom det är.")
    if form.asker not in Asker.__members__:
        errors["asker"] = Msg("Välj vem du söker för.")
    if errors or age is None or area is None:
        return Checked(None, errors, suggestions)
    question = HelpQuestion(
        age=age,
        area=area,
        needs=tuple(needs),
        text=form.q.strip() or (UNCLEAR_TEXT if form.unclear and not needs else None),
        urgency=Urgency(form.urgency),
        confidential=form.confidential,
        asker=Asker(form.asker),
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
    for key, score, _ in found:
        if score >= 75:
            out.setdefault(choices[key].id, choices[key])
    return list(out.values())[:SUGGESTIONS]
