"""The young person's path for one need: numbered steps, from where to start onwards.

A BUS group prints this for their city and one need: where to start, what happens
there, who decides to pass the young person on and how (egen kontakt, hänvisning,
remiss with consent), the next level, and acute help beside the path. It is derived
from `find_help` for the same question (its first places and their next steps), so the
map never tells a professional something else than the young person is told.
"""

from __future__ import annotations

from dataclasses import dataclass

from pathways.messages import Msg, Text
from pathways.models import Area, Provider
from pathways.queries.emergency import Emergency, emergency_block
from pathways.queries.find_help import HelpAnswer, HelpResult, find_help
from pathways.queries.guidance import REQUIREMENTS
from pathways.queries.next_steps import NextStep
from pathways.queries.routes import CONSENT_REQUIRES
from pathways.queries.sentences import helps_text, how_to_contact
from pathways.registry import Registry
from pathways.vocab import Mechanism, Need

FIRST_PLACES = 2  # as the public results page: "the one or two right places to start"
HOPS = 3
"""Ways on from the first places, one per receiving place: the path prints on one A4 page."""

# Who decides to pass the young person on, and how, in one sentence per mechanism.
PASS_ON: dict[Mechanism, Msg] = {
    Mechanism.egen_kontakt: Msg("Den unga eller familjen tar kontakt själva."),
    Mechanism.egenremiss: Msg(
        "Den unga eller vårdnadshavaren skickar en egenremiss. Mottagningen kan hjälpa till."
    ),
    Mechanism.hanvisning: Msg(
        "Mottagningen tipsar om vart ni kan vända er. Inget skickas: familjen tar kontakten själv."
    ),
    Mechanism.remiss: Msg(
        "Mottagningen bedömer att mer hjälp behövs och skickar en remiss, med samtycke."
    ),
    Mechanism.overlamning: Msg(
        "Mottagningen lämnar över till nästa på ett planerat sätt, med samtycke."
    ),
    Mechanism.sip: Msg("Behövs hjälp från flera håll görs en gemensam plan (SIP), med samtycke."),
    Mechanism.akut: Msg("Ring 112 eller åk till akuten nu."),
    Mechanism.orosanmalan: Msg("En yrkesperson gör en orosanmälan till socialtjänsten."),
    Mechanism.konsultation: Msg("Yrkespersonerna rådfrågar varandra, ofta utan namn."),
}


@dataclass(frozen=True)
class PathPlace:
    provider: Provider
    what: Text  # what happens there
    how: Text  # how to get there, or when the step is taken
    origin: Provider | None = None  # who passes the young person on (a pass-on step)
    mechanism: Mechanism | None = None
    who: Msg | None = None  # who decides and how
    consent: tuple[Msg, ...] = ()


@dataclass(frozen=True)
class PathStep:
    number: int
    role: str  # "start" | "pass_on" | "next"
    title: Msg
    places: tuple[PathPlace, ...]


@dataclass(frozen=True)
class NeedPath:
    area: Area
    need: Need
    age: int
    steps: tuple[PathStep, ...]
    emergency: Emergency  # acute help, shown beside the path
    answer: HelpAnswer  # the find-help answer the path was read from


def need_path(registry: Registry, *, area: str, need: Need, age: int) -> NeedPath:
    """The steps for this need and age in this area, read from find-help's answer."""
    answer = find_help(registry, age=age, area=area, needs=[need])
    first = answer.results[:FIRST_PLACES]
    steps = [
        PathStep(
            1,
            "start",
            Msg("Börja här"),
            tuple(PathPlace(r.provider, _what(r.provider, need), r.how_to_contact) for r in first),
        )
    ]
    hops: dict[str, tuple[HelpResult, NextStep]] = {}
    for result in first:
        for step in result.next_steps:
            hops.setdefault(step.provider.id, (result, step))
    passing = tuple(
        PathPlace(
            step.provider,
            _what(step.provider, need),
            step.when,
            origin=result.provider,
            mechanism=step.mechanism,
            who=PASS_ON[step.mechanism],
            consent=_consent(registry, step.flow, step.mechanism),
        )
        for result, step in list(hops.values())[:HOPS]
    )
    if passing:
        steps.append(PathStep(2, "pass_on", Msg("Om det inte räcker"), passing))
        started = {r.provider.id for r in first}
        onward = [p.provider for p in passing if p.provider.id not in started]
        if onward:  # the places a step leads to, unless they were a place to start
            arrive = tuple(PathPlace(p, _what(p, need), _arrival(p)) for p in onward)
            steps.append(PathStep(3, "next", Msg("Nästa nivå"), arrive))
    acute = [p for p in registry.serving(answer.area.id) if p.fits_age(age)]
    return NeedPath(answer.area, need, age, tuple(steps), emergency_block(age, acute), answer)


def _what(provider: Provider, need: Need) -> Text:
    if provider.description:
        return provider.description
    return helps_text((need,))


def _arrival(provider: Provider) -> Text:
    if provider.typical_wait:
        return provider.typical_wait
    return how_to_contact(provider)


def _consent(registry: Registry, flow_id: str, mechanism: Mechanism) -> tuple[Msg, ...]:
    flow = registry.flows.get(flow_id)
    needed = [CONSENT_REQUIRES[c] for c in flow.consent] if flow else []
    if mechanism in (Mechanism.remiss, Mechanism.overlamning) and not needed:
        needed = ["samtycke_ung"]  # DOMAIN.md: a referral is sent with consent
    return tuple(REQUIREMENTS[r] for r in needed)
