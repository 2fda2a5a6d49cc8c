"""How does a young person get from one provider (or kind) to another?

A route is the way referrals really go: contact, hänvisning, remiss, orosanmälan,
handover. A SIP meeting or a consultation is not a step on that way: either can be
called beside it at any point, so they are listed as `also` next to the route.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import networkx as nx

from pathways.errors import InvalidQuery, NotFound
from pathways.graph import flow_applies
from pathways.messages import Msg, Text
from pathways.models import Flow, Provider
from pathways.queries.guidance import WHO_ACTS, receiver_needs
from pathways.registry import Registry
from pathways.vocab import MECHANISM_EFFORT, MECHANISM_LABELS, Consent, Kind, Mechanism, Need

MAX_STEPS = 4
MAX_ROUTES = 50
CANDIDATES = 500  # routes of one length considered before the simplest are chosen
# Mechanisms that carry no need of their own: a report or a meeting is about the child.
NEED_NEUTRAL = frozenset({Mechanism.orosanmalan, Mechanism.konsultation, Mechanism.sip})
# Called beside a route, never a step of it.
BESIDE = frozenset({Mechanism.sip, Mechanism.konsultation})
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
    note: Text  # the flow's own words from the registry, or the mechanism in words
    sender: Msg  # what the one passing the young person on does
    receiver: tuple[Text, ...]  # what the receiving unit needs: criteria, consent, wait


@dataclass(frozen=True)
class Route:
    steps: tuple[Step, ...]
    also: tuple[Step, ...] = ()  # SIP or consultation that can be called beside it

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
    if not sources or not targets:
        return []  # e.g. no provider of that kind takes this age here
    keep = {p.id for p in (*sources, *targets)}

    # The filtered view asks these again on every look at a node's neighbours: remember.
    @cache
    def node_ok(node: str) -> bool:
        if node in keep:
            return True
        p = registry.providers[node]
        in_area = area_id is None or registry.in_area(p, area_id)
        return in_area and (age is None or p.fits_age(age))

    @cache
    def edge_ok(u: str, v: str, key: str) -> bool:
        flow: Flow = registry.succ[u][v][key]["flow"]
        if flow.mechanism in BESIDE or not flow_applies(flow, age, needs):
            return False
        if needs and flow.needs is None and flow.mechanism not in NEED_NEUTRAL:
            return any(registry.providers[v].handles(n) for n in needs)
        return True

    view = nx.subgraph_view(registry.graph, filter_node=node_ok, filter_edge=edge_ok)
    target_ids = {t.id for t in targets}
    # How many steps each provider is from a target, found backwards from the targets:
    # the search below only takes steps that can still arrive in time, so its work grows
    # with the routes it finds, not with the size of the region.
    to_go = nx.multi_source_dijkstra_path_length(
        nx.reverse_view(view), target_ids, cutoff=max_steps
    )
    found: list[Route] = []
    for length in range(1, max_steps + 1):
        paths = _paths(view, [s.id for s in sources], target_ids, to_go, length)
        batch = [Route(tuple(_step(registry, u, v, k, age) for u, v, k in path)) for path in paths]
        found.extend(sorted(batch, key=_order))
    distinct = sorted(_distinct(found), key=_order)[:limit]
    return [Route(r.steps, _beside(registry, r, age)) for r in distinct]


def also_called(
    registry: Registry,
    origin: str,
    target: str,
    *,
    area: str | None = None,
    age: int | None = None,
) -> list[Step]:
    """SIP and consultation flows from the start to the end, whatever the route."""
    area_id = registry.resolve_area(area).id if area else None
    sources = _ends(registry, origin, "from", area_id, age)
    targets = {p.id for p in _ends(registry, target, "to", area_id, age)}
    seen: dict[tuple[str, str, Mechanism], Step] = {}
    for source in sources:
        for v, keyed in registry.succ.get(source.id, {}).items():
            for key, data in keyed.items():
                flow: Flow = data["flow"]
                if v in targets and flow.mechanism in BESIDE and flow_applies(flow, age, ()):
                    kinds = (source.kind.value, registry.providers[v].kind.value, flow.mechanism)
                    seen.setdefault(kinds, _step(registry, source.id, v, key, age))
    return list(seen.values())


def _beside(registry: Registry, route: Route, age: int | None) -> tuple[Step, ...]:
    """SIP and consultation flows between the providers on a route."""
    on_route = [route.steps[0].origin.id, *(s.target.id for s in route.steps)]
    out: list[Step] = []
    for u in on_route:
        for v, keyed in registry.succ.get(u, {}).items():
            if v not in on_route or v == u:
                continue
            for key, data in keyed.items():
                flow: Flow = data["flow"]
                if flow.mechanism in BESIDE and flow_applies(flow, age, ()):
                    out.append(_step(registry, u, v, key, age))
    return tuple({(s.origin.id, s.target.id, s.flow.mechanism): s for s in out}.values())


Edge = tuple[str, str, str]


def _paths(
    view: nx.MultiDiGraph,
    sources: list[str],
    targets: set[str],
    to_go: dict[str, int],
    length: int,
) -> list[list[Edge]]:
    """Simple paths of exactly `length` steps from a source to a target, at most
    `CANDIDATES` of them (they are sorted by effort afterwards)."""
    out: list[list[Edge]] = []
    path: list[Edge] = []
    on_path: set[str] = set()

    def walk(node: str, left: int) -> None:
        if left == 0:
            if node in targets:
                out.append(list(path))
            return
        for _, nxt, key in view.out_edges(node, keys=True):
            if len(out) >= CANDIDATES:
                return
            if nxt in on_path or to_go.get(nxt, MAX_STEPS + 1) > left - 1:
                continue
            path.append((node, nxt, key))
            on_path.add(nxt)
            walk(nxt, left - 1)
            on_path.discard(nxt)
            path.pop()

    for source in sources:
        if to_go.get(source, MAX_STEPS + 1) <= length:
            on_path.add(source)
            walk(source, length)
            on_path.discard(source)
        if len(out) >= CANDIDATES:
            break
    return out


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


def _distinct(ordered: list[Route]) -> list[Route]:
    """One route per way: the same kinds in the same order with the same mechanisms.

    Across a whole kommun the same route repeats once per district, and two flows with
    one mechanism between the same units give the same route twice; a professional
    needs each way once (the first is the shortest and nearest).
    """
    seen: set[tuple[tuple[str, str, Mechanism], ...]] = set()
    out: list[Route] = []
    for route in ordered:
        signature = tuple(
            (s.origin.kind.value, s.target.kind.value, s.flow.mechanism) for s in route.steps
        )
        if signature not in seen:
            seen.add(signature)
            out.append(route)
    return out


def _order(route: Route) -> tuple[int, int, tuple[str, ...]]:
    return (len(route.steps), route.effort, tuple(s.target.name for s in route.steps))


def _step(registry: Registry, u: str, v: str, key: str, age: int | None) -> Step:
    flow: Flow = registry.graph[u][v][key]["flow"]
    requires = MECHANISM_REQUIRES.get(flow.mechanism, ())
    requires += tuple(CONSENT_REQUIRES[c] for c in flow.consent)
    note = flow.note or flow.when or Msg(MECHANISM_LABELS[flow.mechanism])
    target = registry.providers[v]
    receiver = receiver_needs(target, flow, age)
    return Step(
        registry.providers[u], target, flow, requires, note, WHO_ACTS[flow.mechanism], receiver
    )
