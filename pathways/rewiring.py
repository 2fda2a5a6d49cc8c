"""A copy of the referral graph that shares every adjacency an edit did not touch.

`pathways.graph.update_graph` rewires the edges an edit changes; the graph it starts
from is still served to requests that began before the edit, so it is never written to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from pathways.models import Flow

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
