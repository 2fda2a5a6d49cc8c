"""The referral graph: providers as nodes, expanded flows as edges.

A flow between kinds is a rule; here it becomes one edge per pair of providers of those
kinds that serve a common area inside the flow's `within`. Edges are keyed by flow id, so
two flows between the same providers (a referral and a report, say) stay distinct.

Whether an edge exists depends only on its flow and its two providers (`Expander`), so an
edit that changes a few providers or flows changes only the edges that touch them
(`Change`): `pathways.links` builds the graph's dicts, counts the edges without them,
and rewires only those edges after an edit.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from pathways.links import Fanout, Group, Targets, grouped, overlapping
from pathways.models import Flow, Provider
from pathways.vocab import Kind, Need, Severity

Pair = tuple[Provider, Provider]
# A flow's end as written -> its kind (an end not in it is a provider id): looked up per
# flow end, where `Kind.__members__` (a new mapping each time) and `Kind(end)` cost more.
_KINDS = {kind.value: kind for kind in Kind}
_ID = attrgetter("id")


class Expander:
    """Which providers a flow joins, from a registry's providers and area indices.

    It takes the providers by id, the area chains (an area and its ancestors) and the
    areas below each area rather than the Registry itself, so the graph needs nothing of
    a registry that is still being built, and `graph` does not import `registry`.
    """

    def __init__(
        self,
        providers: Mapping[str, Provider],
        chains: Mapping[str, tuple[str, ...]],
        below: Mapping[str, frozenset[str]],
    ) -> None:
        self.providers = providers
        self._chains = chains
        self._below = below
        self._related: dict[str, frozenset[str]] = {}
        self._scoped: dict[tuple[str, str | None], list[Provider]] = {}
        # The same flow ends as origins grouped and as targets indexed (`fanout`).
        self._groups: dict[tuple[str, str | None], list[Group]] = {}
        self._targets: dict[tuple[str, str | None], Targets] = {}
        self._copied: set[tuple[int, Any]] = set()
        self._by_kind: dict[Kind, list[Provider]] = defaultdict(list)
        self._by_kind_area: dict[tuple[Kind, str], list[Provider]] = defaultdict(list)
        self._national: dict[Kind, list[Provider]] = defaultdict(list)
        for provider in providers.values():
            if not provider.retired:
                self._add(provider)

    def _add(self, provider: Provider) -> None:
        self._by_kind[provider.kind].append(provider)
        if provider.national:
            self._national[provider.kind].append(provider)
        for area in provider.areas:
            self._by_kind_area[provider.kind, area].append(provider)

    def updated(
        self, providers: Mapping[str, Provider], old: Sequence[Provider], new: Sequence[Provider]
    ) -> Expander:
        """The expander of a registry in which providers `old` became `new` (the areas are
        the same): the indices are copied, and only the lists they touch are rebuilt."""
        out = Expander.__new__(Expander)
        out.providers = providers
        out._chains, out._below, out._related = self._chains, self._below, self._related
        out._scoped, out._groups, out._targets = {}, {}, {}
        out._copied = set()
        out._by_kind = defaultdict(list, self._by_kind)
        out._by_kind_area = defaultdict(list, self._by_kind_area)
        out._national = defaultdict(list, self._national)
        gone = {p.id for p in old} | {p.id for p in new}
        for provider in old:
            out._drop(provider, gone)
        for provider in new:
            if not provider.retired:
                out._drop(provider, gone)
                out._add(provider)
        return out

    def _drop(self, provider: Provider, gone: set[str]) -> None:
        """Copy the lists `provider` is in without the providers `gone` (once per list)."""
        keys: list[tuple[dict[Any, list[Provider]], Any]] = [(self._by_kind, provider.kind)]
        keys += [(self._by_kind_area, (provider.kind, a)) for a in provider.areas]
        if provider.national:
            keys.append((self._national, provider.kind))
        for index, key in keys:
            marker = (id(index), key)
            if marker not in self._copied:
                self._copied.add(marker)
                index[key] = [p for p in index.get(key, ()) if p.id not in gone]

    def settle(self) -> None:
        """Drop what was cached for building: an update rebuilds the little it needs."""
        self._scoped.clear()
        self._groups.clear()
        self._targets.clear()
        self._copied.clear()

    def related(self, area_id: str) -> frozenset[str]:
        """Areas that share ground with this one: itself, its ancestors, its descendants."""
        found = self._related.get(area_id)
        if found is None:
            found = self._related[area_id] = frozenset(
                (*self._chains[area_id], *self._below[area_id])
            )
        return found

    def _scope(self, kind: Kind, within: str | None) -> list[Provider]:
        """Providers of a kind working in `within` (all of them when no scope is given)."""
        if within is None:
            found = self._by_kind.get(kind, [])
        else:
            # A rule for one area is about its own units: a national stand-in (`fallback`)
            # is for the places without any, and its flows are national ones.
            scoped = {p.id: p for p in self._national.get(kind, ()) if not p.fallback}
            for area in self.related(within):
                here = self._by_kind_area.get((kind, area))
                if here:
                    scoped.update(zip(map(_ID, here), here, strict=True))  # in C: thousands
            found = list(scoped.values())
        return found

    def ends(self, end: str, within: str | None) -> list[Provider]:
        """The active providers one end of a flow (a kind or a provider id) stands for."""
        kind = _KINDS.get(end)
        if kind is not None:
            found = self._scoped.get((end, within))
            if found is None:
                found = self._scoped[end, within] = self._scope(kind, within)
            return found
        provider = self.providers.get(end)
        if provider is None or provider.retired or not self._inside(provider, within):
            return []
        return [provider]

    def _inside(self, provider: Provider, within: str | None) -> bool:
        if within is None or provider.national:
            return True
        return bool(self.related(within).intersection(provider.areas))

    def is_end(self, provider: Provider, end: str, within: str | None) -> bool:
        """Whether `provider` is one of `ends(end, within)`, without listing them."""
        if provider.retired:
            return False
        if end not in _KINDS:
            return end == provider.id and self._inside(provider, within)
        if provider.kind.value != end:
            return False
        if within is None:
            return True
        if provider.national:
            return not provider.fallback
        return bool(self.related(within).intersection(provider.areas))

    def pairs(self, flow: Flow) -> Iterator[Pair]:
        """Every edge of one flow, as (origin, target) providers."""
        return self._as_pairs(self.fanout(flow))

    def pairs_with(self, flow: Flow, provider: Provider) -> Iterator[Pair]:
        """The edges of one flow that start or end at `provider`."""
        return self._as_pairs(self.fanout_with(flow, provider))

    def _as_pairs(self, fanout: Fanout) -> Iterator[Pair]:
        providers = self.providers
        for origins, targets in fanout:
            ends = [providers[t] for t in targets]
            for origin in origins:
                o = providers[origin]
                yield from ((o, t) for t in ends)

    def fanout(self, flow: Flow) -> Fanout:
        """Every edge of one flow, as groups of origins (ids) with their common targets
        (ids, in order): an edge from each origin of a group to each of its targets.

        Ids, in groups, rather than provider pairs: the build files edges under ids,
        and a kommun's schools all reach the same units (a national registry has 166k
        edges from 90k origins of its flows, in 15k groups).
        """
        if flow.origin not in _KINDS and flow.target not in _KINDS:
            return self._between(flow)
        within = flow.within
        if flow.exclude:
            excluded = frozenset(flow.exclude)
            origins = [p for p in self.ends(flow.origin, within) if p.id not in excluded]
            targets = [p for p in self.ends(flow.target, within) if p.id not in excluded]
            return overlapping(grouped(origins), Targets(targets), bool(within), self.related)
        groups = self._groups.get((flow.origin, within))
        if groups is None:
            groups = self._groups[flow.origin, within] = grouped(self.ends(flow.origin, within))
        index = self._targets.get((flow.target, within))
        if index is None:
            index = self._targets[flow.target, within] = Targets(self.ends(flow.target, within))
        return overlapping(groups, index, bool(within), self.related)

    def fanout_with(self, flow: Flow, provider: Provider) -> Fanout:
        """`fanout` for the edges of one flow that start or end at `provider`."""
        if provider.id in flow.exclude:
            return
        excluded = frozenset(flow.exclude)
        if self.is_end(provider, flow.origin, flow.within):
            targets = [p for p in self.ends(flow.target, flow.within) if p.id not in excluded]
            yield from self._joined(flow, [provider], targets)
        if self.is_end(provider, flow.target, flow.within):
            origins = [p for p in self.ends(flow.origin, flow.within) if p.id not in excluded]
            yield from self._joined(flow, origins, [provider])

    def _between(self, flow: Flow) -> Fanout:
        """The edge of a flow from one provider to another, if both are active in scope."""
        if flow.origin in flow.exclude or flow.target in flow.exclude:
            return
        for o in self.ends(flow.origin, flow.within):
            for t in self.ends(flow.target, flow.within):
                if o.id != t.id and not (flow.within and o.national and t.national):
                    yield (o.id,), (t.id,)

    def _joined(self, flow: Flow, origins: list[Provider], targets: list[Provider]) -> Fanout:
        # A rule for one region never joins two national entries: nothing would tie the
        # edge to that region (Stockholm's route would show in Kiruna).
        scoped = bool(flow.within)
        if flow.origin not in _KINDS and flow.target not in _KINDS:
            return (
                ((o.id,), (t.id,))
                for o in origins
                for t in targets
                if o.id != t.id and not (scoped and o.national and t.national)
            )
        return overlapping(grouped(origins), Targets(targets), scoped, self.related)


@dataclass(frozen=True)
class Change:
    """What an edit changed that the graph depends on: each as (as it was, as it is now).

    Providers and flows that were added are only in the second, removed ones only in the
    first; forums and the other records are not part of the graph.
    """

    providers: tuple[Sequence[Provider], Sequence[Provider]] = ((), ())
    flows: tuple[Sequence[Flow], Sequence[Flow]] = ((), ())

    def rewired(self) -> tuple[list[Provider], list[Provider]]:
        """The changed providers whose edges may differ: added, removed, or changed in a
        field the graph reads (a new phone number rewires nothing)."""
        old, new = self.providers
        was = {p.id: _graph_view(p) for p in old}
        now = {p.id: _graph_view(p) for p in new}
        same = {i for i, view in now.items() if was.get(i) == view}
        return [p for p in old if p.id not in same], [p for p in new if p.id not in same]


def _graph_view(provider: Provider) -> tuple[Any, ...]:
    return (provider.kind, provider.areas, provider.national, provider.fallback, provider.retired)


def changed_flows(change: Change) -> tuple[list[Flow], list[Flow]]:
    """The flows whose edges may differ: added, removed or changed in any field."""
    old, new = change.flows
    now = {f.id: f for f in new}
    same = {f.id for f in old if now.get(f.id) == f}
    return [f for f in old if f.id not in same], [f for f in new if f.id not in same]


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
