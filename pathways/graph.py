"""The referral graph: providers as nodes, expanded flows as edges.

A flow between kinds is a rule; here it becomes one edge per pair of providers of those
kinds that serve a common area inside the flow's `within`. Edges are keyed by flow id, so
two flows between the same providers (a referral and a report, say) stay distinct.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from functools import cache

import networkx as nx

from pathways.limits import EdgeCounter, bounded_edges
from pathways.models import Flow, Provider
from pathways.vocab import Kind, Need, Severity


def build_graph(
    providers: Mapping[str, Provider],
    flows: Iterable[Flow],
    chains: Mapping[str, tuple[str, ...]],
    below: Mapping[str, frozenset[str]],
) -> nx.MultiDiGraph:
    """The graph of a registry, from the indices the registry has already built.

    It takes the providers by id, the area chains (an area and its ancestors) and the
    areas below each area rather than the Registry itself, so the graph needs nothing
    of a registry that is still being built, and `graph` does not import `registry`.
    """
    graph = nx.MultiDiGraph()
    active = [p for p in providers.values() if not p.retired]
    graph.add_nodes_from(p.id for p in active)
    by_kind: dict[Kind, list[Provider]] = defaultdict(list)
    by_kind_area: dict[tuple[Kind, str], list[Provider]] = defaultdict(list)
    national: dict[Kind, list[Provider]] = defaultdict(list)
    for provider in active:
        by_kind[provider.kind].append(provider)
        if provider.national:
            national[provider.kind].append(provider)
        for area in provider.areas:
            by_kind_area[provider.kind, area].append(provider)

    @cache
    def related(area_id: str) -> frozenset[str]:
        """Areas that share ground with this one: itself, its ancestors, its descendants."""
        return frozenset((*chains[area_id], *below[area_id]))

    @cache
    def scoped(kind: Kind, within: str | None) -> list[Provider]:
        """Providers of a kind working in `within` (all of them when no scope is given)."""
        if within is None:
            return by_kind.get(kind, [])
        # A rule for one area is about its own units: a national stand-in (`fallback`)
        # is for the places without any, and its flows are national ones.
        found = {p.id: p for p in national.get(kind, ()) if not p.fallback}
        for area in related(within):
            found.update((p.id, p) for p in by_kind_area.get((kind, area), ()))
        return list(found.values())

    def ends(end: str, within: str | None) -> list[Provider]:
        if end in Kind.__members__:
            return scoped(Kind(end), within)
        provider = providers[end]
        inside = within is None or provider.national or bool(related(within) & set(provider.areas))
        return [provider] if inside and not provider.retired else []

    edges = EdgeCounter()  # bounded input: refuse a graph that grows without bound
    for flow in flows:
        excluded = frozenset(flow.exclude)
        origins = [p for p in ends(flow.origin, flow.within) if p.id not in excluded]
        targets = [p for p in ends(flow.target, flow.within) if p.id not in excluded]
        explicit = flow.origin not in Kind.__members__ and flow.target not in Kind.__members__
        if explicit:
            pairs: Iterable[tuple[Provider, Provider]] = [(o, t) for o in origins for t in targets]
        else:
            pairs = _overlapping(origins, targets, related)
        add = graph.add_edge  # one call per edge: add_edges_from costs twice as much here
        for o, t in bounded_edges(pairs, flow.id, edges):
            # A rule for one region never joins two national entries: nothing would tie
            # the edge to that region (Stockholm's route would show in Kiruna).
            if o.id != t.id and not (flow.within and o.national and t.national):
                add(o.id, t.id, flow.id, flow=flow)
    return graph


def _overlapping(
    origins: list[Provider], targets: list[Provider], related: Callable[[str], frozenset[str]]
) -> Iterable[tuple[Provider, Provider]]:
    """Pairs of providers that serve a common area, found through an area index."""
    by_area: dict[str, list[Provider]] = defaultdict(list)
    national: list[Provider] = []
    for target in targets:
        if target.national:
            national.append(target)
        for area in target.areas:
            by_area[area].append(target)
    for origin in origins:
        if origin.national:
            yield from ((origin, t) for t in targets)
            continue
        seen: set[str] = set()
        for area in origin.areas:
            for other in related(area):
                for target in by_area.get(other, ()):
                    if target.id not in seen:
                        seen.add(target.id)
                        yield origin, target
        yield from ((origin, t) for t in national if t.id not in seen)


def flow_applies(
    flow: Flow,
    age: int | None = None,
    needs: Collection[Need] = (),
    severity: Severity | None = None,
) -> bool:
    """Whether a flow's conditions admit this young person."""
    if age is not None:
        if flow.age_min is not None and age < flow.age_min:
            return False
        if flow.age_max is not None and age > flow.age_max:
            return False
    if needs and flow.needs is not None and not set(needs) & set(flow.needs):
        return False
    return severity is None or flow.severity is None or severity in flow.severity
