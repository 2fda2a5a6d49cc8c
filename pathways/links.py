"""The referral graph's dicts, in networkx's layout but without networkx: built for a
registry (`build_graph`), counted without them for `check` (`expand`), and rewired after
an edit (`update_graph`), from the flows' ends an `Expander` works out.

`vardkedjan check` needs nothing of the graph but its dicts (`Links`), and importing
networkx was a sixth of a second of it. Two parts work on them at national scale:

- who a kind-to-kind flow joins (`overlapping`), run per origin of 700 such flows (90k
  origins), so on ids in whole-dict operations: targets indexed by area once per flow
  end (`Targets`), origins grouped by their areas (`grouped`), one merge per group;
- `Rewiring`, for `update_graph`: the edges an edit changes are rewired in a copy that
  shares the rest, since the graph it starts from is still served to requests that
  began before the edit, so it is never written to.

Who a flow joins is `pathways.graph.Expander`'s to say; this module asks only what
`Expanding` names of it, so that it need not import that module, which imports this one.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from itertools import groupby
from operator import attrgetter
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from pathways.limits import EdgeCounter, Limits
from pathways.models import Flow, Provider

if TYPE_CHECKING:
    import networkx as nx

# networkx's layout of a multigraph: node -> neighbour -> key (flow id) -> edge data.
Keyed = dict[str, dict[str, Flow]]
Adjacency = dict[str, dict[str, Keyed]]


class Links(NamedTuple):
    """A MultiDiGraph's dicts without the graph (`as_graph` wraps them):
    all `vardkedjan check` needs of the graph, and no import of networkx."""

    node: dict[str, dict[str, Any]]  # node -> its attributes (none)
    succ: Adjacency  # origin -> target -> flow id -> edge data
    pred: Adjacency  # target -> origin -> the same key dict as in `succ`


Fanout = Iterator[tuple[Sequence[str], Collection[str]]]
# Origins next to each other alike in these have the same targets (a kommun's schools).
Group = tuple[bool, tuple[str, ...], list[str]]  # national, areas, the origins' ids
_PLACE = attrgetter("national", "areas")
_ID = attrgetter("id")


def grouped(origins: Sequence[Provider]) -> list[Group]:
    """Origins in runs of the same place, in their order."""
    return [
        (national, areas, list(map(_ID, run)))
        for (national, areas), run in groupby(origins, _PLACE)
    ]


class Targets:
    """The providers at a flow's target end, by id, indexed by the areas they serve.

    Kept per flow end (kind and `within`) while a graph is built: many flows share one
    (a region's schools refer to its BUP, its vårdcentraler, its socialtjänst...).
    """

    def __init__(self, targets: Sequence[Provider]) -> None:
        self.targets = targets
        self.by_area: dict[str, dict[str, None]] = {}
        self.national: dict[str, None] = {}
        for target in targets:
            tid = target.id
            if target.national:
                self.national[tid] = None
            for area in target.areas:
                found = self.by_area.get(area)
                if found is None:
                    self.by_area[area] = {tid: None}
                else:
                    found[tid] = None
        self._merged: dict[tuple[str, ...], dict[str, None]] = {}
        self._everyone: dict[bool, dict[str, None]] = {}

    def everyone(self, scoped: bool) -> dict[str, None]:
        """What a national origin reaches: every target (no other national one when the
        flow has a `within`: nothing would tie that edge to the region)."""
        found = self._everyone.get(scoped)
        if found is None:
            found = self._everyone[scoped] = {
                t.id: None for t in self.targets if not (scoped and t.national)
            }
        return found

    def reached(
        self, areas: tuple[str, ...], related: Callable[[str], frozenset[str]]
    ) -> dict[str, None]:
        """What an origin in `areas` reaches: the targets of each related area, merged in
        that order by `dict.update` (which keeps each one's first place), then the
        national ones; what a seen set per origin gave, one pair at a time."""
        found = self._merged.get(areas)
        if found is None:
            found = self._merged[areas] = {}
            for area in areas:
                for other in related(area):
                    serving = self.by_area.get(other)
                    if serving:
                        found.update(serving)
            found.update(self.national)
        return found


def overlapping(
    groups: list[Group],
    targets: Targets,
    scoped: bool,
    related: Callable[[str], frozenset[str]],
) -> Fanout:
    """Each group of origins with the different providers that serve an area they share
    with them (two national ones only for a flow without `within`)."""
    for national, areas, ids in groups:
        reached = targets.everyone(scoped) if national else targets.reached(areas, related)
        if not reached:
            continue
        if reached.keys().isdisjoint(ids):
            yield ids, reached
            continue
        for me in ids:  # a flow between providers of one kind: never to itself
            if me in reached:
                own = dict(reached)
                del own[me]
                if own:
                    yield (me,), own
            else:
                yield (me,), reached


class Rewiring:
    """A copy of a multigraph's dicts that shares every adjacency it has not been asked
    to change.

    networkx keeps a multigraph as dicts: node -> neighbour -> key -> edge data, once for
    successors and once for predecessors, the two sharing each key dict. The outer dicts
    are copied (one entry per provider), and a node's inner dict, or a key dict, only when
    an edge of it changes; the old graph is never written to.
    """

    def __init__(self, old: Links) -> None:
        self.old = old
        self.links = Links(dict(old.node), dict(old.succ), dict(old.pred))
        self._own_succ: set[str] = set()
        self._own_pred: set[str] = set()
        self._own_keys: set[tuple[str, str]] = set()
        self.delta = 0  # edges added less edges removed
        self._data: dict[str, dict[str, Flow]] = {}

    def _succ(self, node: str) -> dict[str, Keyed]:
        succ = self.links.succ
        if node not in self._own_succ:
            succ[node] = dict(succ.get(node, {}))
            self._own_succ.add(node)
        return succ[node]

    def _pred(self, node: str) -> dict[str, Keyed]:
        pred = self.links.pred
        if node not in self._own_pred:
            pred[node] = dict(pred.get(node, {}))
            self._own_pred.add(node)
        return pred[node]

    def _keys(self, u: str, v: str) -> Keyed | None:
        """The key dict of edges u -> v, owned by the new graph (None if there are none)."""
        if (u, v) in self._own_keys:
            return self.links.succ[u].get(v)
        current = self.links.succ.get(u, {}).get(v)
        if current is None:
            return None
        keys = dict(current)
        self._succ(u)[v] = keys
        self._pred(v)[u] = keys
        self._own_keys.add((u, v))
        return keys

    def node(self, node: str) -> None:
        if node not in self.links.node:
            self.links.node[node] = {}
            self._succ(node)
            self._pred(node)

    def add(self, u: str, v: str, flow: Flow) -> None:
        self.node(u)
        self.node(v)
        keys = self._keys(u, v)
        if keys is None:
            keys = {}
            self._succ(u)[v] = keys
            self._pred(v)[u] = keys
            self._own_keys.add((u, v))
        if flow.id not in keys:
            self.delta += 1
        data = self._data.get(flow.id)
        if data is None or data["flow"] is not flow:
            data = self._data[flow.id] = {"flow": flow}  # shared, as the build shares it
        keys[flow.id] = data

    def remove(self, u: str, v: str, key: str) -> None:
        keys = self._keys(u, v)
        if keys is None or key not in keys:
            return
        del keys[key]
        self.delta -= 1
        if not keys:
            del self._succ(u)[v]
            del self._pred(v)[u]
            self._own_keys.discard((u, v))

    def isolate(self, node: str) -> None:
        """Take a node and all its edges out (it comes back through `node`)."""
        links = self.links
        if node not in links.node:
            return
        for v, keys in list(links.succ[node].items()):
            self.delta -= len(keys)
            del self._pred(v)[node]
            self._own_keys.discard((node, v))
        for u, keys in list(links.pred[node].items()):
            self.delta -= len(keys)
            del self._succ(u)[node]
            self._own_keys.discard((u, node))
        del links.node[node]
        del links.succ[node]
        del links.pred[node]
        self._own_succ.discard(node)
        self._own_pred.discard(node)


def as_graph(links: Links) -> nx.MultiDiGraph:
    """A networkx graph over the adjacency dicts, sharing them (never copying).

    networkx is imported here, on first use: `vardkedjan check` reads the dicts alone,
    and importing networkx was a sixth of a second of it.
    """
    import networkx as nx

    graph = nx.MultiDiGraph()
    graph._node = links.node
    graph._succ = links.succ  # networkx's setter keeps `_adj` the same dict
    graph._pred = links.pred
    return graph


class Expanding(Protocol):
    """What the graph's builders ask of an expander (`pathways.graph.Expander`)."""

    providers: Mapping[str, Provider]

    def fanout(self, flow: Flow) -> Fanout: ...

    def fanout_with(self, flow: Flow, provider: Provider) -> Fanout: ...


Fanouts = dict[str, list[tuple[Sequence[str], Collection[str]]]]
"""Each flow's edges by flow id, as `Expander.fanout` gives them: groups of origins, each
with its common targets."""


def build_graph(
    expander: Expanding, flows: Iterable[Flow], fanouts: Fanouts | None = None
) -> tuple[Links, int]:
    """The graph of a registry (every active provider, every edge of every flow) as
    networkx's adjacency dicts, and the number of its edges; from `fanouts` when they
    were expanded already (`expand`, by the same expander), else expanded (counted and
    limited) first.

    The dicts are filled directly, in networkx's own layout (node -> neighbour -> flow
    id -> edge data, the key dict shared by successors and predecessors): `add_edge`
    costs 3 µs an edge, a third of a national registry's build. `links.as_graph`
    wraps them.
    """
    flows = list(flows)
    if fanouts is None:
        fanouts, total = expand(expander, flows)
    else:
        total = sum(len(o) * len(t) for groups in fanouts.values() for o, t in groups)
    nodes = [p.id for p in expander.providers.values() if not p.retired]
    succ: Adjacency = {n: {} for n in nodes}
    pred: Adjacency = {n: {} for n in nodes}
    for flow in flows:
        key = flow.id
        data = {"flow": flow}  # one edge-data dict per flow, shared by its edges (never
        # written to): 166k dicts of their own were 30 MB of a national registry's graph
        for origins, targets in fanouts[key]:
            for origin in origins:
                out = succ[origin]
                if out:
                    for target in targets:
                        keys = out.get(target)
                        if keys is None:
                            out[target] = pred[target][origin] = {key: data}
                        else:
                            keys[key] = data
                else:  # the origin's first edges: every key dict is new
                    for target in targets:
                        out[target] = pred[target][origin] = {key: data}
    return Links({n: {} for n in nodes}, succ, pred), total


def expand(expander: Expanding, flows: Iterable[Flow]) -> tuple[Fanouts, int]:
    """Every flow's edges as groups (`Expander.fanout`), and the number of edges, without
    building the graph: all `vardkedjan check` needs for its headline and its audit (15k
    groups stand for a national registry's 166k edges). Past the edge limit it raises at
    the first edge too many, naming the flow and the one that expands the most, so that
    no input makes the graph grow without bound (`pathways.limits.EdgeCounter`)."""
    fanouts: Fanouts = {}
    edges = EdgeCounter()
    for flow in flows:
        key = flow.id
        room, count = edges.limit - edges.total, 0
        groups = fanouts[key] = []
        for origins, targets in expander.fanout(flow):
            count += len(origins) * len(targets)
            if count > room:
                edges.add(key, room + 1)  # raises
            groups.append((origins, targets))
        edges.add(key, count)
    return fanouts, edges.total


def update_graph(
    links: Links,
    total: int,
    expanders: tuple[Expanding, Expanding],
    flows: Sequence[Flow],
    providers: tuple[Sequence[Provider], Sequence[Provider]],
    changed_flows: tuple[Sequence[Flow], Sequence[Flow]],
) -> tuple[Links, int]:
    """A new graph for a registry in which a few providers and flows changed.

    `providers` and `changed_flows` are (as they were, as they are now); `flows` are all
    the flows now. The edges of the changed flows, and the edges touching the changed
    providers, are taken out and expanded again; the rest of `links` is shared, never
    copied (`Rewiring`), so the old graph stays intact for requests still using it.
    Returns the graph's dicts and its number of edges (`total` was the old graph's);
    past the edge limit, `GraphTooLarge`.
    """
    before, after = expanders
    wiring = Rewiring(links)
    for old in changed_flows[0]:
        for o, t in _edges(before.fanout(old)):
            wiring.remove(o, t, old.id)
    for provider in providers[0]:
        wiring.isolate(provider.id)
    for provider in providers[1]:
        if not provider.retired:
            wiring.node(provider.id)
    for new in changed_flows[1]:
        for o, t in _edges(after.fanout(new)):
            wiring.add(o, t, new)
    current = [p for p in providers[1] if not p.retired]
    if current:
        for flow in flows:
            for provider in current:
                for o, t in _edges(after.fanout_with(flow, provider)):
                    wiring.add(o, t, flow)
    total += wiring.delta
    if total > Limits.current().referral_edges:
        raise GraphTooLarge
    return wiring.links, total


def _edges(fanout: Fanout) -> Iterator[tuple[str, str]]:
    return ((o, t) for origins, targets in fanout for o in origins for t in targets)


class GraphTooLarge(Exception):
    """An update took the graph past the edge limit: the caller builds it whole, which
    refuses it with the flow to narrow named (`pathways.limits.EdgeCounter`)."""
