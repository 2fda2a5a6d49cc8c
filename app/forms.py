"""The questions as forms: what was typed, what it means, and what is wrong with it.

The start page and the results page share one form. A wrong or missing answer gives the
form back with a sentence next to the field (STYLE.md #4), never a crash or a bare 422,
and signs of danger are looked for before anything else is checked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import QueryParams

from pathways.messages import Msg, Text
from pathways.models import Area
from pathways.question import Question, read_question
from pathways.registry import Registry
from pathways.vocab import Need, Urgency

TRUE = frozenset({"1", "true", "on", "yes", "ja"})


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


@dataclass
class Checked:
    question: Question | None  # None until the form is complete and right
    errors: dict[str, Msg]  # field name -> what to do about it
    suggestions: list[Area]  # areas the asker may have meant


def check(form: HelpForm, registry: Registry) -> Checked:
    """The public form as a `Question`: age, area and a need (or own words) are required."""
    asked = read_question(
        registry,
        age=form.age,
        area=form.area,
        needs=form.needs,
        text=form.q,
        urgency=form.urgency,
        confidential=form.confidential,
    )
    asked.require(
        {
            "age": (form.age, Msg("Skriv hur gammal du är, eller den du söker hjälp för.")),
            "area": (form.area, Msg("Välj var du bor.")),
            "need": (
                form.needs or form.q.strip(),
                Msg("Välj vad det handlar om, eller skriv med egna ord."),
            ),
        }
    )
    complete = not asked.errors
    return Checked(asked.question if complete else None, asked.errors, asked.suggestions)


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
