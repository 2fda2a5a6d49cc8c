"""If a place's own help is not enough: the next step for the same need, age and area.

"Om det inte räcker" leads on to the next level of care for the same need (first line →
specialist: Mini-Maria → Maria Ungdom, BUP or socialtjänst), never to a step between
professionals (a report of concern is their duty, not a child's next step), and to acute
help only when the question is a crisis.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pathways.graph import flow_applies
from pathways.messages import Msg, Text
from pathways.models import Flow, Provider
from pathways.registry import Registry
from pathways.vocab import LEVEL_ORDER, MECHANISM_EFFORT, Level, Mechanism, Need

NEXT_STEPS = 3
# Steps between professionals that a young person does not take themselves.
PROFESSIONAL_ONLY = frozenset({Mechanism.orosanmalan, Mechanism.konsultation})
DEFAULT_WHEN: dict[Mechanism, Msg] = {
    # Said to whoever asks (self, parent or friend), so without "du" or "förälder".
    Mechanism.egen_kontakt: Msg("Det går att kontakta dem direkt."),
    Mechanism.egenremiss: Msg("Det går att skicka en egenremiss dit."),
    Mechanism.hanvisning: Msg("De kan tipsa om att vända sig dit om det behövs mer hjälp."),
    Mechanism.remiss: Msg("Om det behövs mer hjälp kan de skicka en remiss dit, med samtycke."),
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


def next_steps(
    registry: Registry,
    provider: Provider,
    area_id: str,
    age: int,
    wanted: Sequence[Need],
    *,
    crisis: bool = False,
) -> tuple[NextStep, ...]:
    """Where this provider can send someone on if its own help is not enough.

    Steps up a level come first, then the simplest mechanism, then the nearest unit. The
    step must take the same need, at this age and in this area; a planned handover
    (`overlamning`) may lead to a unit that takes over at an age still ahead (BUP →
    vuxenpsykiatri at 18). Acute help is a next step only when the question is a crisis:
    otherwise it lives in the emergency block and the strip. The provider's onward edges
    are presorted and indexed by the targets' areas once (`_onward`), so a request reads
    only the edges to units that can serve its area, in order, and stops when a group is
    done and it has enough distinct places.
    """
    chosen: dict[str, tuple[tuple[int, int, int, str], NextStep]] = {}
    group: tuple[int, int] | None = None
    for rank, target, flow in _onward_here(registry, provider.id, area_id):
        if group != rank and len(chosen) >= NEXT_STEPS:
            break
        group = rank
        # Cheapest tests first: a provider can have hundreds of onward edges.
        if not crisis and (target.level == Level.akut or flow.mechanism == Mechanism.akut):
            continue
        if not flow_applies(flow, age, wanted):
            continue
        if wanted and not any(target.handles(n) for n in wanted):
            continue
        if not (_fits_later(target, flow, age) and registry.serves(target, area_id)):
            continue
        key = (*rank, registry.distance(target, area_id), target.name)
        if target.id not in chosen or key < chosen[target.id][0]:
            when = flow.when or DEFAULT_WHEN[flow.mechanism]
            chosen[target.id] = (key, NextStep(target, flow.mechanism, when, flow.id))
    ordered = sorted(chosen.values(), key=lambda option: option[0])
    return tuple(step for _, step in ordered[:NEXT_STEPS])


def _fits_later(target: Provider, flow: Flow, age: int) -> bool:
    """The target takes this age, or takes over by a planned handover when it is reached."""
    if target.fits_age(age):
        return True
    return (
        flow.mechanism == Mechanism.overlamning
        and target.age_min is not None
        and age < target.age_min
        and (target.age_max is None or target.age_max >= target.age_min)
    )


Edge = tuple[tuple[int, int], Provider, Flow]
# An edge's rank (up a level or not, the mechanism's effort): one tuple per value, shared
# by every edge kept in the "onward" memo rather than one per edge.
_RANKS: dict[tuple[int, Mechanism], tuple[int, int]] = {
    (up, m): (up, MECHANISM_EFFORT[m]) for up in (0, 1) for m in Mechanism
}


def _onward_here(registry: Registry, provider_id: str, area_id: str) -> list[Edge]:
    """The provider's onward edges to units that may serve the area, best first.

    A national line points to every vårdcentral in Sweden; only those of the asker's
    area, its kommun and region (and national units) can be a next step.
    """
    order, by_area, national = _onward(registry, provider_id)
    picked = list(national)
    for area in registry.chain(area_id):
        picked.extend(by_area.get(area, ()))
    picked.sort()
    return [order[i] for i in dict.fromkeys(picked)]


Onward = tuple[list[Edge], dict[str, tuple[int, ...]], tuple[int, ...]]


def _onward(registry: Registry, provider_id: str) -> Onward:
    """A provider's onward edges for young people, best first, with the positions of
    those to each area's units and to national ones: computed once per registry."""
    cache: dict[str, Onward] = registry.memo.setdefault("onward", {})
    found = cache.get(provider_id)
    if found is None:
        own = LEVEL_ORDER[registry.providers[provider_id].level]
        edges: list[Edge] = []
        for target_id, keyed in registry.succ[provider_id].items():
            target = registry.providers[target_id]
            up = 0 if LEVEL_ORDER[target.level] > own else 1
            for data in keyed.values():
                flow: Flow = data["flow"]
                if flow.mechanism not in PROFESSIONAL_ONLY:
                    edges.append((_RANKS[up, flow.mechanism], target, flow))
        edges.sort(key=lambda edge: (edge[0], edge[1].name, edge[2].id))
        by_area: dict[str, list[int]] = {}
        national: list[int] = []
        for i, (_, target, _) in enumerate(edges):
            if target.national:
                national.append(i)
            for area in target.areas:
                by_area.setdefault(area, []).append(i)
        # Tuples, not lists: kept for every provider asked about, they are the memo's
        # bulk at national scale (with the shared ranks, 17 MB became 11).
        found = (edges, {a: tuple(at) for a, at in by_area.items()}, tuple(national))
        cache[provider_id] = found
    return found
