"""The referral graph for other tools: node-link JSON, DOT and GraphML."""

from __future__ import annotations

from typing import Any

import networkx as nx

from pathways.graph import flow_applies
from pathways.registry import Registry
from pathways.vocab import Need


def subgraph(
    registry: Registry, area: str | None = None, need: Need | None = None
) -> nx.MultiDiGraph:
    """Providers serving `area` (and handling `need`), with the flows between them.

    Attributes are plain strings so that every format can carry them.
    """
    area_id = registry.resolve_area(area).id if area else None
    pool = registry.within(area_id) if area_id else list(registry.active())
    nodes = [p for p in pool if need is None or p.handles(need)]
    keep = {p.id for p in nodes}
    out = nx.MultiDiGraph(area=area_id or "", need=need.value if need else "")
    for p in nodes:
        out.add_node(
            p.id,
            name=p.name,
            kind=p.kind.value,
            level=p.level.value,
            principal=p.principal.value,
            url=f"/mottagning/{p.id}",
        )
    for u, v, key, data in registry.graph.edges(keys=True, data=True):
        if u in keep and v in keep:
            flow = data["flow"]
            if need is None or flow_applies(flow, needs=(need,)):
                out.add_edge(
                    u, v, key, flow=flow.id, mechanism=flow.mechanism.value, when=flow.when or ""
                )
    return out


def node_link(graph: nx.MultiDiGraph) -> dict[str, Any]:
    data: dict[str, Any] = nx.node_link_data(graph, edges="links")
    return data


def graphml(graph: nx.MultiDiGraph) -> str:
    return "\n".join(nx.generate_graphml(graph)) + "\n"


def dot(graph: nx.MultiDiGraph) -> str:
    """Graphviz DOT text, written here so no Graphviz binding is needed to produce it."""
    lines = ["digraph vardkedjan {", "  rankdir=LR;", "  node [shape=box];"]
    for node, attrs in graph.nodes(data=True):
        lines.append(
            f"  {_quote(node)} [label={_quote(attrs['name'])}, kind={_quote(attrs['kind'])}];"
        )
    for u, v, attrs in graph.edges(data=True):
        label = _quote(attrs["mechanism"])
        lines.append(f"  {_quote(u)} -> {_quote(v)} [label={label}, flow={_quote(attrs['flow'])}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
