"""Two units that send the same young person back and forth: the pairs, from the flows.

A pair is two providers u and v where one flow that sends a young person on takes u's
young people to v, another takes v's back to u, and the two have a need in common (the
audit's `ping_pong`). They are read off each flow's groups of origins and targets
(`Registry.fanouts`) rather than the graph's 166k edges, which `vardkedjan check` then
never builds: only flows whose ends could meet a flow the other way (a kind to a kind,
and one from the second kind back) and may share a need with it can make a pair; they
are indexed by origin.

The pairs come in the graph's order, as the audit has always given them: by the first
provider in the registry's order, then by where the second comes among the first's
neighbours in a graph built from the flows in order (`links.build_graph`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable

from pathways.links import Fanouts
from pathways.registry import Registry
from pathways.vocab import Kind, Mechanism, Need

SENDING_BACK = frozenset({Mechanism.hanvisning, Mechanism.remiss, Mechanism.egenremiss})
_KINDS = frozenset(k.value for k in Kind)

Pair = tuple[str, str, str, str, frozenset[Need]]
"""u, v (u < v), the flow from u to v, the flow back, and the needs they have in common."""


def ping_pongs(registry: Registry, fanouts: Fanouts) -> list[Pair]:
    """Every pair that sends back and forth for a common need, in the graph's order."""
    paired = _paired(registry)
    sends: dict[str, list[tuple[str, Collection[str]]]] = defaultdict(list)  # in flow order
    reaches: dict[str, set[str]] = defaultdict(set)
    for flow_id in paired:
        for origins, targets in fanouts[flow_id]:
            for origin in origins:
                sends[origin].append((flow_id, targets))
                reaches[origin].update(targets)
    common = _Common(registry)
    found: dict[str, list[tuple[str, str, str, frozenset[Need]]]] = defaultdict(list)
    for u, reached in reaches.items():
        for v in reached:
            if v > u and u in reaches.get(v, ()):  # each pair once, from its smaller id
                there = [f for f, targets in sends[u] if v in targets]
                back = [f for f, targets in sends[v] if u in targets]
                hit = common.first(u, v, there, back)
                if hit is not None:
                    found[u].append((v, *hit))
    pairs: list[Pair] = []
    order: _Order | None = None
    for provider in registry.document.providers:
        mine = found.get(provider.id)
        if mine is None or provider.retired:
            continue
        if len(mine) > 1:
            order = order or _Order(registry, fanouts)
            places = order.places(provider.id)
            mine.sort(key=lambda pair: places[pair[0]])
        pairs.extend((provider.id, *pair) for pair in mine)
    return pairs


def _paired(registry: Registry) -> list[str]:
    """The sending flows, in order, that meet a sending flow the other way (between the
    same kinds of provider, one back) with which they may have a need in common: no
    other flow can take part in a pair, nor change which pair of flows is named first."""

    def kind(end: str) -> str | None:
        if end in _KINDS:
            return end
        provider = registry.providers.get(end)
        return None if provider is None else provider.kind.value

    ways: dict[str, tuple[str | None, str | None]] = {}
    named: dict[tuple[str | None, str | None], set[Need] | None] = {}  # None: any need
    for flow in registry.document.flows:
        if flow.mechanism in SENDING_BACK:
            way = ways[flow.id] = (kind(flow.origin), kind(flow.target))
            held = named.setdefault(way, set())
            if held is not None:
                named[way] = None if flow.needs is None else held.union(flow.needs)
    kept = []
    for flow_id, (origin, target) in ways.items():
        if origin is None or target is None or (target, origin) not in named:
            continue
        needs, back = registry.flows[flow_id].needs, named[target, origin]
        if needs is None or back is None or not back.isdisjoint(needs):
            kept.append(flow_id)
    return kept


class _Order:
    """Where each provider comes among a provider's neighbours in the graph: the order of
    first edges, flow by flow. Made only when a provider is in more than one pair."""

    def __init__(self, registry: Registry, fanouts: Fanouts) -> None:
        self.reached: dict[str, list[Collection[str]]] = defaultdict(list)
        for flow in registry.document.flows:
            for origins, targets in fanouts[flow.id]:
                for origin in origins:
                    self.reached[origin].append(targets)

    def places(self, u: str) -> dict[str, int]:
        """u's neighbours, each with its place among them."""
        places: dict[str, int] = {}
        for targets in self.reached[u]:
            for v in targets:
                places.setdefault(v, len(places))
        return places


class _Common:
    """The needs two flows sending back and forth between u and v have in common."""

    def __init__(self, registry: Registry) -> None:
        self.providers = registry.providers
        # The flows that send a young person on, each with the needs it names (None: all).
        self.sending = {
            f.id: f.needs for f in registry.flows.values() if f.mechanism in SENDING_BACK
        }
        self.named: dict[tuple[str, str], frozenset[Need]] = {}

    def first(
        self, u: str, v: str, there: Iterable[str], back: Iterable[str]
    ) -> tuple[str, str, frozenset[Need]] | None:
        """The first flow u -> v and flow v -> u (in flow order) with needs in common."""
        sending = self.sending
        for out_id in there:
            out = sending[out_id]
            for back_id in back:
                returned = sending[back_id]
                if out is not None and returned is not None:
                    common = self.named.get((out_id, back_id))
                    if common is None:
                        common = self.named[out_id, back_id] = frozenset(out) & frozenset(returned)
                else:
                    common = self._needs(out, v) & self._needs(returned, u)
                if common:
                    return out_id, back_id, common
        return None

    def _needs(self, flow_needs: tuple[Need, ...] | None, target: str) -> frozenset[Need]:
        return frozenset(flow_needs if flow_needs is not None else self.providers[target].needs)
