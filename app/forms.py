"""The questions as forms: what was typed, what it means, and what is wrong with it.

The start page and the results page share one form. A wrong or missing answer gives the
form back with a sentence next to the field (STYLE.md #4), never a crash or a bare 422,
and signs of danger are looked for before anything else is checked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from starlette.datastructures import QueryParams

from pathways.messages import Msg, Text
from pathways.models import Area
from pathways.question import ASKERS, MAX_TEXT, Asker, Question, read_question
from pathways.reading.freetext import Reading, read_text
from pathways.registry import Registry
from pathways.vocab import CRISIS_NEEDS, Need, Urgency

TRUE = frozenset({"1", "true", "on", "yes", "ja"})
# CONTRACT.md additions: the danger categories of `emergency.reasons`. Carried as ids in
# the address instead of the words that showed them, so that the emergency block still
# comes first once the text has left the address.
DANGER_IDS = frozenset(
    {"suicidal", "plan_or_method", "overdose", "severe_injury", "psychosis"}
    | {"violence_now", "self_harm"}
)
SUICIDAL = frozenset({"suicidal", "plan_or_method"})  # what the need suicidtankar stands for
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
        if SUICIDAL & set(shown) and not any(n in CRISIS_NEEDS for n in chosen):
            chosen.append(Need.suicidtankar.value)  # as the API reads such words
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
        danger = list(dict.fromkeys([*self.danger, *danger_ids(reading)]))
        # Once in the address, a need counts as chosen, and a chosen sjalvskada brings the
        # safety note: whether words mean self-harm is the crisis reader's to say ("skar
        # mig på kniven" is a kitchen accident), as find_help has it for the same text.
        read = [n.value for n in reading.needs if n != Need.sjalvskada or danger]
        needs = list(dict.fromkeys([*self.needs, *read]))
        return needs, danger, not needs


def danger_ids(reading: Reading) -> tuple[str, ...]:
    """The danger categories the crisis reader found in the text, in its order."""
    return tuple(dict.fromkeys(s.category for s in reading.signals))


@dataclass
class Checked:
    question: Question | None  # None until the form is complete and right
    errors: dict[str, Msg]  # field name -> what to do about it
    suggestions: list[Area]  # areas the asker may have meant


def check(form: HelpForm, registry: Registry) -> Checked:
    """The public form as a `Question`: age, area and a need (or own words) are required.

    A text not understood at all reaches here as `unclear` (the words stayed out of the
    address): it stands as `UNCLEAR_TEXT`, which find_help answers with first contacts.
    """
    unclear = form.unclear and not form.needs and not form.q.strip()
    asked = read_question(
        registry,
        age=form.age,
        area=form.area,
        needs=form.needs,
        text=UNCLEAR_TEXT if unclear else form.q,
        urgency=form.urgency,
        confidential=form.confidential,
        asker=form.asker,
    )
    if form.asker not in ASKERS:
        asked.errors["asker"] = Msg("Välj vem du söker för.")
    asked.require(
        {
            "age": (form.age, Msg("Skriv hur gammal du är, eller den du söker hjälp för.")),
            "area": (form.area, Msg("Välj var du bor.")),
            "need": (
                form.needs or form.q.strip() or unclear,
                Msg("Välj vad det handlar om, eller skriv med egna ord."),
            ),
        }
    )
    complete = not asked.errors
    question = replace(asked.question, danger=tuple(form.danger)) if complete else None
    return Checked(question, asked.errors, asked.suggestions)


class ProfessionalForm:
    """The parameters shared by the professional forms, read leniently, checked strictly.

    Nothing is required until a page says so (`require`): an empty form is a question
    not asked yet. What was typed is kept to echo it back.
    """

    def __init__(self, params: QueryParams, registry: Registry) -> None:
        self.area_text = params.get("area", "").strip()[:100]
        self.age_text = params.get("age", "").strip()[:3]
        self.needs_text = [n for n in dict.fromkeys(params.getlist("need")) if n]
        asked = read_question(
            registry, age=self.age_text, area=self.area_text, needs=self.needs_text
        )
        self.asked = asked
        self.question = asked.question
        self.errors = asked.errors
        self.suggestions = asked.suggestions
        self.area = asked.question.area
        self.age = asked.question.age
        self.needs = list(asked.question.needs)

    def require(self, fields: Sequence[str]) -> None:
        missing = {
            "area": (self.area_text, Msg("Välj område.")),
            "age": (self.age_text, Msg("Skriv barnets ålder.")),
            "need": (self.needs_text, Msg("Välj minst ett behov.")),
        }
        self.asked.require({name: missing[name] for name in fields})

    def context(self, registry: Registry) -> dict[str, Any]:
        return {
            "q": self,
            "errors": self.errors,
            "suggestions": self.suggestions,
            "area_groups": area_groups(registry),
            "need_choices": list(Need),
        }


def area_groups(registry: Registry) -> list[tuple[str, list[tuple[str, Text]]]]:
    """The places to choose from, grouped for a <select>: a city with districts is a
    group of its own; other kommuner are listed under their region, with "another
    kommun in the region" last for someone from a kommun we do not list."""
    groups: list[tuple[str, list[tuple[str, Text]]]] = []
    by_name = sorted(registry.areas.values(), key=lambda a: a.name)
    for region in (a for a in by_name if a.parent is None):
        kommuner = [registry.areas[k] for k in registry.children.get(region.id, ())]
        plain: list[tuple[str, Text]] = []
        for kommun in sorted(kommuner, key=lambda a: a.name):
            parts = [registry.areas[d] for d in registry.children.get(kommun.id, ())]
            if not parts:
                plain.append((kommun.id, kommun.name))
                continue
            options: list[tuple[str, Text]] = [(kommun.id, Msg("Hela {place}", place=kommun.name))]
            options.extend((d.id, d.name) for d in sorted(parts, key=lambda a: a.name))
            groups.append((kommun.name, options))
        plain.append((region.id, Msg("En annan kommun i {region}", region=region.name)))
        groups.append((region.name, plain))
    return groups
