"""Where should this young person start? Ranked first contacts, with reasons and next steps."""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass

from pathways.errors import InvalidQuery
from pathways.graph import flow_applies
from pathways.messages import Items, Msg, Text
from pathways.models import Area, Flow, Provider
from pathways.queries.emergency import Emergency, emergency_block, needs_emergency
from pathways.queries.sentences import (
    MATURITY_AGE,
    access_text,
    age_text,
    confidentiality_text,
    cost_text,
    how_to_contact,
    where_text,
)
from pathways.question import Question
from pathways.reading.freetext import read_text
from pathways.registry import Registry
from pathways.vocab import (
    LEVEL_ORDER,
    MECHANISM_EFFORT,
    NEED_LABELS,
    Confidentiality,
    Kind,
    Level,
    Mechanism,
    Need,
    Severity,
    Urgency,
)

MAX_LIMIT = 50
NEXT_STEPS = 3

# Which levels come first, by how urgent things are (lower = earlier).
TIERS: dict[str, dict[Level, int]] = {
    "emergency": {Level.akut: 0, Level.stod: 1, Level.specialist: 2, Level.forsta_linjen: 3},
    Urgency.snart: {Level.forsta_linjen: 0, Level.specialist: 1, Level.stod: 2, Level.akut: 3},
    Urgency.planerat: {Level.forsta_linjen: 0, Level.stod: 1, Level.specialist: 2, Level.akut: 3},
}
ASSUMED_SEVERITY: dict[str, frozenset[Severity]] = {
    "emergency": frozenset({Severity.akut, Severity.svar}),
    Urgency.snart: frozenset({Severity.mattlig, Severity.svar}),
    Urgency.planerat: frozenset({Severity.lindrig, Severity.mattlig}),
}
CONFIDENTIAL_RANK = {
    Confidentiality.anonym: 0,
    Confidentiality.utan_vardnadshavare: 0,
    Confidentiality.efter_mognad: 1,
    Confidentiality.vardnadshavare: 2,
}
# Steps between professionals that a young person does not take themselves.
PROFESSIONAL_ONLY = frozenset({Mechanism.orosanmalan, Mechanism.konsultation})
# Where anyone can start when we could not tell what it is about.
GENERAL_FIRST_CONTACTS = frozenset(
    {
        Kind.elevhalsa,
        Kind.vardcentral,
        Kind.ungdomsmottagning,
        Kind.uph,
        Kind.bvc,
        Kind.familjecentral,
        Kind.stodlinje,
    }
)
# Shown in the emergency block already; listing them again as results adds nothing.
IN_EMERGENCY_BLOCK = frozenset({Kind.akut, Kind.stodlinje})

DEFAULT_WHEN: dict[Mechanism, Msg] = {
    Mechanism.egen_kontakt: Msg("Du eller en förälder kan kontakta dem själva."),
    Mechanism.egenremiss: Msg("Du eller en förälder kan skicka en egenremiss."),
    Mechanism.hanvisning: Msg("De kan tipsa dig om att vända dig dit om du behöver mer hjälp."),
    Mechanism.remiss: Msg("Om du behöver mer hjälp kan de skicka en remiss dit, om du vill."),
    Mechanism.sip: Msg(
        "Om du behöver hjälp från flera ställen kan de göra en plan tillsammans (SIP)."
    ),
    Mechanism.overlamning: Msg("De kan lämna över till nästa mottagning på ett planerat sätt."),
    Mechanism.akut: Msg("Om det blir akut."),
    Mechanism.orosanmalan: Msg("Om någon är orolig för att du far illa."),
    Mechanism.konsultation: Msg("De kan rådfråga varandra."),
}


@dataclass(frozen=True)
class NextStep:
    provider: Provider
    mechanism: Mechanism
    when: Text  # the flow's own words from the registry, or ours
    flow: str


@dataclass(frozen=True)
class HelpResult:
    provider: Provider
    reasons: tuple[Text, ...]
    how_to_contact: Text
    self_referral: bool
    matched_needs: tuple[Need, ...]
    next_steps: tuple[NextStep, ...]


@dataclass(frozen=True)
class HelpAnswer:
    age: int
    area: Area
    needs: tuple[Need, ...]
    urgency: Urgency
    confidential: bool
    understood: bool  # False when free text was given but no need was recognised
    emergency: Emergency | None
    results: tuple[HelpResult, ...]
    narrower: tuple[Area, ...]  # districts of the area: choosing one finds help nearer home


def find_help(
    registry: Registry,
    question: Question | None = None,
    *,
    limit: int = 5,
    age: int | None = None,
    area: str | None = None,
    needs: Sequence[Need] = (),
    text: str | None = None,
    urgency: Urgency = Urgency.planerat,
    confidential: bool = False,
) -> HelpAnswer:
    """Rank the places where this young person can start, best first.

    Never returns a provider whose ages or areas exclude the asker. The first line
    comes before specialist care unless a crisis need, crisis words or urgency call
    for acute care first. The web layer passes a `Question` it has read; the keywords
    build one, for scripts and tests.
    """
    if question is None:
        question = Question.ask(
            registry,
            age=age,
            area=area,
            needs=needs,
            text=text,
            urgency=urgency,
            confidential=confidential,
        )
    age, place = question.located()
    needs, text = question.needs, question.text
    urgency, confidential = question.urgency, question.confidential
    _check(needs, text, limit)
    reading = read_text(text) if text else None
    wanted = list(dict.fromkeys([*needs, *(reading.needs if reading else ())]))
    crisis = needs_emergency(urgency, wanted, bool(reading and reading.crisis))
    mode = "emergency" if crisis else urgency.value

    pool = [p for p in registry.serving(place.id) if p.fits_age(age)]
    emergency = emergency_block(age, pool) if crisis else None
    if crisis:
        pool = [p for p in pool if p.kind not in IN_EMERGENCY_BLOCK]
    else:
        pool = [p for p in pool if p.kind != Kind.akut]

    if wanted:
        candidates = [p for p in pool if any(p.handles(n) for n in wanted)]
    else:  # text we did not understand: the general, low-threshold places to start
        candidates = [p for p in pool if p.self_referral and p.kind in GENERAL_FIRST_CONTACTS]

    tiers = TIERS[mode]
    assumed = ASSUMED_SEVERITY[mode]

    def rank(p: Provider) -> tuple[int, int, int, int, int, int, int, str]:
        coverage, fits = 0, False
        for need in wanted:
            severities = p.needs.get(need)
            if severities is not None:
                coverage += 1
                fits = fits or not assumed.isdisjoint(severities)
        return (
            tiers[p.level],
            -coverage,
            0 if fits or not wanted else 1,
            _confidential_rank(p, age) if confidential else 0,
            0 if p.self_referral else 1,
            registry.distance(p, place.id),
            len(p.needs) if wanted else -len(p.needs),  # focused places first; broad if unsure
            p.name,
        )

    ranked = heapq.nsmallest(limit, candidates, key=rank)
    results = tuple(
        _result(registry, p, place, age, wanted, confidential, mode == "emergency") for p in ranked
    )
    return HelpAnswer(
        age=age,
        area=place,
        needs=tuple(wanted),
        urgency=urgency,
        confidential=confidential,
        understood=bool(wanted) or not text,
        emergency=emergency,
        results=results,
        narrower=tuple(registry.areas[a] for a in registry.children.get(place.id, ())),
    )


def _check(needs: Sequence[Need], text: str | None, limit: int) -> None:
    if not needs and not (text and text.strip()):
        raise InvalidQuery("need", "give at least one need, or describe it in q")
    if not 1 <= limit <= MAX_LIMIT:
        raise InvalidQuery("limit", f"must be between 1 and {MAX_LIMIT}")


def _own(provider: Provider, wanted: Sequence[Need]) -> list[Need]:
    return [n for n in wanted if n in provider.needs]


def _confidential_rank(provider: Provider, age: int) -> int:
    if provider.confidentiality == Confidentiality.efter_mognad and age < MATURITY_AGE:
        return CONFIDENTIAL_RANK[Confidentiality.vardnadshavare]
    return CONFIDENTIAL_RANK[provider.confidentiality]


def _result(
    registry: Registry,
    provider: Provider,
    place: Area,
    age: int,
    wanted: Sequence[Need],
    confidential: bool,
    emergency: bool,
) -> HelpResult:
    matched = tuple(_own(provider, wanted))
    return HelpResult(
        provider=provider,
        reasons=_cached_reasons(registry, provider, place, age, matched, confidential, emergency),
        how_to_contact=how_to_contact(provider),
        self_referral=provider.self_referral,
        matched_needs=matched,
        next_steps=next_steps(registry, provider, place.id, age, wanted),
    )


REASONS_KEPT = 20_000


def _cached_reasons(
    registry: Registry,
    provider: Provider,
    place: Area,
    age: int,
    matched: tuple[Need, ...],
    confidential: bool,
    emergency: bool,
) -> tuple[Text, ...]:
    """The same place asked about the same way gets the same reasons: keep them.

    The age matters only through the age of maturity (confidentiality_text), so the key
    holds that, not the age. The memo lives and dies with the registry; it is emptied
    when it outgrows any realistic mix of questions.
    """
    cache: dict[tuple[object, ...], tuple[Text, ...]] = registry.memo.setdefault("reasons", {})
    key = (provider.id, place.id, age >= MATURITY_AGE, matched, confidential, emergency)
    found = cache.get(key)
    if found is None:
        if len(cache) >= REASONS_KEPT:
            cache.clear()
        found = tuple(_reasons(registry, provider, place, age, matched, confidential, emergency))
        cache[key] = found
    return found


def _reasons(
    registry: Registry,
    provider: Provider,
    place: Area,
    age: int,
    matched: Sequence[Need],
    confidential: bool,
    emergency: bool,
) -> list[Text]:
    reasons: list[Text] = []
    if emergency and provider.level == Level.akut:
        reasons.append(Msg("Hit kan du vända dig när det är akut."))
    if matched:
        labels = Items(tuple(NEED_LABELS[n] for n in matched))
        reasons.append(Msg("Kan hjälpa till med: {needs}.", needs=labels))
    reasons.append(where_text(registry, provider, place))
    if provider.age_min is not None or provider.age_max is not None:
        reasons.append(Msg("Tar emot dig som är {ages}.", ages=age_text(provider)))
    reasons.append(access_text(provider))
    if provider.confidentiality_note:
        reasons.append(provider.confidentiality_note)
    elif confidential or provider.confidentiality != Confidentiality.efter_mognad:
        reasons.append(confidentiality_text(provider, age))
    reasons.append(cost_text(provider))
    return reasons


def next_steps(
    registry: Registry, provider: Provider, area_id: str, age: int, wanted: Sequence[Need]
) -> tuple[NextStep, ...]:
    """Where this provider can send someone on if its own help is not enough.

    Steps up a level come first, then the simplest mechanism, then the nearest unit.
    The provider's onward edges are presorted once (`_onward`), so a request reads them
    in order and stops when a group is done and it has enough distinct places.
    """
    chosen: dict[str, tuple[tuple[int, int, int, str], NextStep]] = {}
    group: tuple[int, int] | None = None
    for rank, target, flow in _onward(registry, provider.id):
        if group != rank and len(chosen) >= NEXT_STEPS:
            break
        group = rank
        if not (target.fits_age(age) and registry.serves(target, area_id)):
            continue
        if wanted and not any(target.handles(n) for n in wanted):
            continue
        if not flow_applies(flow, age, wanted):
            continue
        key = (*rank, registry.distance(target, area_id), target.name)
        if target.id not in chosen or key < chosen[target.id][0]:
            when = flow.when or DEFAULT_WHEN[flow.mechanism]
            chosen[target.id] = (key, NextStep(target, flow.mechanism, when, flow.id))
    ordered = sorted(chosen.values(), key=lambda option: option[0])
    return tuple(step for _, step in ordered[:NEXT_STEPS])


def _onward(registry: Registry, provider_id: str) -> list[tuple[tuple[int, int], Provider, Flow]]:
    """A provider's onward edges for young people, best first: computed once per registry."""
    cache: dict[str, list[tuple[tuple[int, int], Provider, Flow]]] = registry.memo.setdefault(
        "onward", {}
    )
    found = cache.get(provider_id)
    if found is None:
        own = LEVEL_ORDER[registry.providers[provider_id].level]
        found = []
        for target_id, keyed in registry.succ[provider_id].items():
            target = registry.providers[target_id]
            up = 0 if LEVEL_ORDER[target.level] > own else 1
            for data in keyed.values():
                flow: Flow = data["flow"]
                if flow.mechanism not in PROFESSIONAL_ONLY:
                    found.append(((up, MECHANISM_EFFORT[flow.mechanism]), target, flow))
        found.sort(key=lambda edge: (edge[0], edge[1].name, edge[2].id))
        cache[provider_id] = found
    return found
