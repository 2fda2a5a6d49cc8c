"""Where should this young person start? Ranked first contacts, with reasons and next steps."""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pathways.errors import InvalidQuery
from pathways.messages import Msg, Text
from pathways.models import Area, Provider
from pathways.queries.coverage import has_local_details, narrower_areas
from pathways.queries.emergency import URGENT, Assessment, Emergency, assess, emergency_block
from pathways.queries.first_place import (
    NOT_FIRST,
    SMALL_CHILD_MAX_AGE,
    start_ranks,
    universal_entrances,
)
from pathways.queries.next_steps import NextStep, next_steps
from pathways.queries.sentences import (
    access_text,
    ages_text,
    confidentiality_text,
    cost_text,
    helps_text,
    how_to_contact,
    where_text,
)
from pathways.question import MATURITY_AGE, Asker, Question, age_band
from pathways.reading.freetext import read_text
from pathways.registry import Registry
from pathways.vocab import (
    Confidentiality,
    Kind,
    Level,
    Need,
    Severity,
    Urgency,
)

MAX_LIMIT = 50

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
    asker: Asker  # who asked, so that every sentence fits
    emergency: Emergency | None
    results: tuple[HelpResult, ...]
    # Districts of the area whose own places would change this answer: choosing one finds
    # help nearer home. Empty when the districts have nothing of their own for it.
    narrower: tuple[Area, ...]
    # False where the registry has no entries of its own for the kommun yet, so that the
    # answer is what exists everywhere (and in the region).
    local_details: bool = True


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
    asker: Asker = Asker.self,
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
            asker=asker,
        )
    age, place = question.located()
    needs, text = question.needs, question.text
    urgency, confidential = question.urgency, question.confidential
    asker = question.asker
    _check(needs, text, limit)
    reading = read_text(text) if text else None
    wanted = list(dict.fromkeys([*needs, *(reading.needs if reading else ())]))
    # Self-harm alone brings a calm note, and the first line still comes first.
    # The chosen needs and the crisis reader decide; the need reader's words do not (it
    # reads "skar mig på kniven" as self-harm too).
    assessment = assess(urgency, needs, reading.signals if reading else (), question.danger)
    choices = (urgency, confidential, asker, bool(wanted) or not text)
    key = (place.id, age, tuple(wanted), assessment, choices, limit)
    memo: dict[tuple[object, ...], HelpAnswer] = registry.memo.setdefault("answers", {})
    found = memo.get(key)
    if found is None:
        if len(memo) >= ANSWERS_KEPT:
            memo.clear()
        found = memo[key] = _answer(registry, place, age, wanted, assessment, choices, limit)
    return found


ANSWERS_KEPT = 2_048
"""Answers kept per registry. An answer is a function of the registry and the question as
understood: the place, the age, the needs chosen and read, the danger found, and the
choices. Free text reaches the key only as the needs and danger categories read in it,
so no typed word is kept; the memo lives and dies with the registry."""


def _answer(
    registry: Registry,
    place: Area,
    age: int,
    wanted: list[Need],
    assessment: Assessment | None,
    choices: tuple[Urgency, bool, Asker, bool],
    limit: int,
) -> HelpAnswer:
    """The ranked answer to a question as understood (see `find_help`)."""
    urgency, confidential, asker, understood = choices
    crisis = assessment is not None and assessment.tone == URGENT
    mode = "emergency" if crisis else urgency.value

    pool = [p for p in registry.serving(place.id) if p.fits_age(age)]
    emergency = (
        emergency_block(age, pool, assessment.reasons, assessment.tone) if assessment else None
    )
    if crisis:
        pool = [p for p in pool if p.kind not in IN_EMERGENCY_BLOCK]
    else:  # acute units are for danger now: the emergency block and the strip show them
        pool = [p for p in pool if p.level != Level.akut]

    entrances = frozenset() if crisis else universal_entrances(age)
    general = [p for p in pool if p.self_referral and p.kind in GENERAL_FIRST_CONTACTS]
    if wanted:
        candidates = [p for p in pool if p.kind in entrances or any(p.handles(n) for n in wanted)]
        if not crisis:  # places anyone can start at, after those that fit the need
            listed = {p.id for p in candidates}
            candidates.extend(p for p in _backfill(general, entrances) if p.id not in listed)
    else:  # text we did not understand: the general, low-threshold places to start
        candidates = general

    tiers = TIERS[mode]
    assumed = ASSUMED_SEVERITY[mode]
    starts = {} if crisis else start_ranks(age, wanted)

    def rank(p: Provider) -> tuple[int, int, int, int, int, int, int, int, int, str]:
        coverage, fits = 0, False
        for need in wanted:
            severities = p.needs.get(need)
            if severities is not None:
                coverage += 1
                fits = fits or not assumed.isdisjoint(severities)
        matched = coverage > 0 or p.kind in entrances or not wanted
        return (
            starts.get(p.kind, NOT_FIRST) if matched else NOT_FIRST,
            tiers[p.level],
            _relevance(matched, fits or p.kind in entrances, crisis),
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
        _result(registry, p, place, (age, asker), wanted, confidential, crisis) for p in ranked
    )
    return HelpAnswer(
        age=age,
        area=place,
        needs=tuple(wanted),
        urgency=urgency,
        confidential=confidential,
        understood=understood,
        asker=asker,
        emergency=emergency,
        results=results,
        narrower=narrower_areas(registry, place, age, wanted),
        local_details=has_local_details(registry, place),
    )


def _backfill(general: list[Provider], entrances: frozenset[Kind]) -> list[Provider]:
    """General first contacts to list after the places for the need. A helpline is there
    only for what it takes (Mind is for thoughts of not wanting to live, not for a
    toddler's development); for a small child, only the child health entrances."""
    if entrances:
        return [p for p in general if p.kind in entrances]
    return [p for p in general if p.kind != Kind.stodlinje]


def _relevance(matched: bool, fits: bool, crisis: bool) -> int:
    """Within a level, for a planned question: places for this need at this severity,
    then places anyone can start at, and last those that take the need only when it is
    severe. With the first line before specialists, BUP is not among the first places
    for bullying: it is the next step if help at school is not enough."""
    if crisis or (matched and fits):
        return 0
    return 1 if not matched else 2


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
    who: tuple[int, Asker],  # the age asked about, and who asks
    wanted: Sequence[Need],
    confidential: bool,
    emergency: bool,
) -> HelpResult:
    age = who[0]
    matched = tuple(_own(provider, wanted))
    return HelpResult(
        provider=provider,
        reasons=_cached_reasons(registry, provider, place, who, matched, confidential, emergency),
        how_to_contact=how_to_contact(provider),
        self_referral=provider.self_referral,
        matched_needs=matched,
        next_steps=next_steps(registry, provider, place.id, age, wanted, crisis=emergency),
    )


REASONS_KEPT = 20_000


def _cached_reasons(
    registry: Registry,
    provider: Provider,
    place: Area,
    who: tuple[int, Asker],
    matched: tuple[Need, ...],
    confidential: bool,
    emergency: bool,
) -> tuple[Text, ...]:
    """The same place asked about the same way gets the same reasons: keep them.

    The age matters only through its band (about 12, and 18: confidentiality_text), so the
    key holds that and the asker, not the age. The memo lives and dies with the registry;
    it is emptied when it outgrows any realistic mix of questions.
    """
    cache: dict[tuple[object, ...], tuple[Text, ...]] = registry.memo.setdefault("reasons", {})
    shared: dict[object, Any] = registry.memo.setdefault("reason-parts", {})
    small = who[0] <= SMALL_CHILD_MAX_AGE
    key = (provider.id, place.id, age_band(who[0]), who[1], small, matched, confidential, emergency)
    found = cache.get(key)
    if found is None:
        if len(cache) >= REASONS_KEPT:
            cache.clear()
            shared.clear()
        made = _reasons(registry, provider, place, who, matched, confidential, emergency)
        found = _shared(shared, tuple(_shared(shared, reason) for reason in made))
        cache[key] = found
    return found


def _shared(shared: dict[object, Any], value: Any) -> Any:
    """One object for equal sentences and equal lists of them. Most reasons are one of a
    few sentences ("Det kostar inget.", how to get there), and places of one kind in one
    area get the same list: keeping each once made the memo of 20,000 entries about a
    quarter of the size (21 MB before, on the national registry)."""
    return shared.setdefault(value, value)


def _reasons(
    registry: Registry,
    provider: Provider,
    place: Area,
    who: tuple[int, Asker],
    matched: Sequence[Need],
    confidential: bool,
    emergency: bool,
) -> list[Text]:
    age, asker = who
    reasons: list[Text] = []
    if emergency and provider.level == Level.akut:
        reasons.append(Msg("Hit kan du vända dig när det är akut."))
    if matched:
        reasons.append(helps_text(tuple(matched)))
    elif provider.kind in universal_entrances(age):
        reasons.append(Msg("För barn 0–5 år är det här första stället att vända sig till."))
    elif not emergency:
        reasons.append(
            Msg("Hit kan alla vända sig för att prata om hur de mår och få hjälp vidare.")
        )
    reasons.append(where_text(registry, provider, place))
    if provider.age_min is not None or provider.age_max is not None:
        reasons.append(ages_text(provider, asker))
    reasons.append(access_text(provider, asker, age))
    if (
        provider.confidentiality_note
        or confidential
        or provider.confidentiality != Confidentiality.efter_mognad
    ):
        reasons.append(confidentiality_text(provider, age, asker))
    reasons.append(cost_text(provider))
    return reasons
