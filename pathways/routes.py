"""How does a young person get from one provider (or kind) to another?"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx

from pathways.errors import InvalidQuery, NotFound
from pathways.graph import flow_applies
from pathways.models import Flow, Provider
from pathways.registry import Registry
from pathways.vocab import MECHANISM_EFFORT, MECHANISM_LABELS, Consent, Kind, Mechanism, Need

MAX_STEPS = 4
MAX_ROUTES = 50
# Mechanisms that carry no need of their own: a report or a meeting is about the child.
NEED_NEUTRAL = frozenset({Mechanism.orosanmalan, Mechanism.konsultation, Mechanism.sip})
MECHANISM_REQUIRES: dict[Mechanism, tuple[str, ...]] = {
    Mechanism.remiss: ("remiss",),
    Mechanism.egenremiss: ("egenremiss",),
    Mechanism.orosanmalan: ("orosanmalan",),
    Mechanism.sip: ("sip_mote",),
    Mechanism.overlamning: ("overlamning",),
}
CONSENT_REQUIRES = {Consent.ung: "samtycke_ung", Consent.vardnadshavare: "samtycke_vardnadshavare"}


@dataclass(frozen=True)
class Step:
    origin: Provider
    target: Provider
    flow: Flow
    requires: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class Route:
    steps: tuple[Step, ...]

    @property
    def effort(self) -> int:
        return sum(MECHANISM_EFFORT[s.flow.mechanism] for s in self.steps)


def routes(
    registry: Registry,
    origin: str,
    target: str,
    *,
    area: str | None = None,
    age: int | None = None,
    needs: Sequence[Need] = (),
    limit: int = 10,
    max_steps: int = 3,
) -> list[Route]:
    """Simple paths from `origin` to `target`, shortest and simplest first.

    Each end is a provider id or a kind; a kind needs an area. Every provider on the way
    must serve the area and the age, and every step's conditions must admit the case.
    """
    if not 1 <= limit <= MAX_ROUTES:
        raise InvalidQuery("limit", f"must be between 1 and {MAX_ROUTES}")
    if not 1 <= max_steps <= MAX_STEPS:
        raise InvalidQuery("max_steps", f"must be between 1 and {MAX_STEPS}")
    area_id = registry.resolve_area(area).id if area else None
    sources = _ends(registry, origin, "from", area_id, age)
    targets = _ends(registry, target, "to", area_id, age)

    def node_ok(node: str) -> bool:
        p = registry.providers[node]
        in_area = area_id is None or registry.in_area(p, area_id)
        return in_area and (age is None or p.fits_age(age))

    def edge_ok(u: str, v: str, key: str) -> bool:
        flow: Flow = registry.graph[u][v][key]["flow"]
        if not flow_applies(flow, age, needs):
            return False
        if needs and flow.needs is None and flow.mechanism not in NEED_NEUTRAL:
            return any(registry.providers[v].handles(n) for n in needs)
        return True

    keep = {p.id for p in (*sources, *targets)}
    view = nx.subgraph_view(
        registry.graph, filter_node=lambda n: n in keep or node_ok(n), filter_edge=edge_ok
    )
    found: list[Route] = []
    target_ids = {t.id for t in targets}
    # Deepen one step at a time, so the shortest routes are found first and we stop early.
    for cutoff in range(1, max_steps + 1):
        batch: list[Route] = []
        for source in sources:
            for path in nx.all_simple_edge_paths(view, source.id, target_ids, cutoff=cutoff):
                if len(path) == cutoff:
                    batch.append(Route(tuple(_step(registry, u, v, k) for u, v, k in path)))
        found.extend(_distinct_first(sorted(batch, key=_order)))
        if len(found) >= limit:
            break
    return found[:limit]


def _ends(
    registry: Registry, end: str, parameter: str, area_id: str | None, age: int | None
) -> list[Provider]:
    if end in Kind.__members__:
        if area_id is None:
            raise InvalidQuery("area", f"is required when '{parameter}' is a kind")
        found = registry.of_kind(Kind(end), area_id)
        return [p for p in found if age is None or p.fits_age(age)]
    try:
        provider = registry.provider(end)
    except NotFound:
        raise NotFound("provider or kind", end) from None
    return [] if provider.retired else [provider]


def _distinct_first(ordered: list[Route]) -> list[Route]:
    """One route per sequence of mechanisms first, then the rest in order.

    Across a whole kommun the same route repeats once per district; a professional
    should see the different ways (consultation, report, referral) before the repeats.
    """
    seen: set[tuple[Mechanism, ...]] = set()
    first: list[Route] = []
    rest: list[Route] = []
    for route in ordered:
        signature = tuple(s.flow.mechanism for s in route.steps)
        (rest if signature in seen else first).append(route)
        seen.add(signature)
    return first + rest


def _order(route: Route) -> tuple[int, int, tuple[str, ...]]:
    return (len(route.steps), route.effort, tuple(s.target.name for s in route.steps))


def _step(registry: Registry, u: str, v: str, key: str) -> Step:
    flow: Flow = registry.graph[u][v][key]["flow"]
    requires = MECHANISM_REQUIRES.get(flow.mechanism, ())
    requires += tuple(CONSENT_REQUIRES[c] for c in flow.consent)
    note = flow.note or flow.when or MECHANISM_LABELS[flow.mechanism]
    return Step(registry.providers[u], registry.providers[v], flow, requires, note)
