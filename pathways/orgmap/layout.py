"""A layered (Sugiyama-style) layout: boxes in columns, arrows between them, few crossings.

The map has at most a few dozen boxes, so the classic steps are done plainly, with
networkx for the graph work. The layers come from the level of care (support anyone
can reach, first line, specialist, acute), and a level splits in two where one kind
passes young people on to another of the same level (`layers_from_ranks`: the flows
inside a level, made acyclic, decide who comes second). Every arrow that spans several
layers gets a slot in each layer it passes, so it runs *between* boxes, never through
one; then each layer is ordered by the barycentre of its neighbours, sweeping both ways
and keeping the order with the fewest crossings. Arrows are straight between layers;
an arrow against the layers is drawn right to left; an arrow between two boxes of one
layer bends out into the free space beside them. The result is deterministic.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx

from pathways.orgmap.geometry import (
    BOX_W,
    DUMMY_H,
    GAP,
    LOOP,
    PORT_GAP,
    ROW_GAP,
    SMALL,
    Point,
    Rect,
    overlaps,
    spread,
)

Edge = tuple[str, str]
SWEEPS = 8
SLACK = 60.0  # how far a box may move down to line up with its neighbours on the left
LABEL_SPOTS = (0.5, 0.32, 0.68, 0.2, 0.8)  # where along its last stretch a label may sit


@dataclass(frozen=True)
class Item:
    """A box to place: its id, a hint for its first position, and the height it needs."""

    id: str
    hint: tuple[int, ...]
    h: float


@dataclass(frozen=True)
class Placed:
    rects: dict[str, Rect]
    routes: dict[Edge, tuple[Point, ...]]  # from the origin's side to the target's side
    backwards: frozenset[Edge]  # drawn right to left, against the layers
    width: float
    height: float


def layers_from_ranks(ranks: dict[str, int], edges: Sequence[Edge]) -> dict[str, int]:
    """Layers from ranks: a rank becomes two layers when boxes of that rank pass young
    people on to each other; the receivers (once the flows are made acyclic) come second.
    Empty layers are dropped."""
    dag = nx.DiGraph()
    dag.add_nodes_from(ranks)
    for a, b in sorted(set(edges)):
        if a != b and ranks[a] == ranks[b] and not nx.has_path(dag, b, a):
            dag.add_edge(a, b)
    second = {n for n in dag if dag.in_degree(n) > 0}
    keys = sorted({(ranks[n], n in second) for n in ranks})
    index = {key: i for i, key in enumerate(keys)}
    return {n: index[ranks[n], n in second] for n in ranks}


def layered(
    items: Sequence[Item], edges: Sequence[Edge], layer: dict[str, int], left: float, top: float
) -> Placed:
    """Place the boxes in their layers from left to right and route every edge."""
    ordered_edges = sorted(set(edges))
    slots: list[list[str]] = [[] for _ in range(max(layer.values(), default=0) + 1)]
    for item in sorted(items, key=lambda i: (i.hint, i.id)):
        slots[layer[item.id]].append(item.id)
    backwards = {e for e in ordered_edges if layer[e[0]] > layer[e[1]]}
    beside = [e for e in ordered_edges if e[0] == e[1] or layer[e[0]] == layer[e[1]]]
    chains: dict[Edge, list[str]] = {}
    for edge in ordered_edges:
        if edge in beside:
            continue
        u, v = (edge[1], edge[0]) if edge in backwards else edge
        chain = [u]
        for k in range(layer[u] + 1, layer[v]):
            dummy = f"~{len(chains)}-{k}"
            slots[k].append(dummy)
            chain.append(dummy)
        chains[edge] = [*chain, v]
    slots = _order(slots, chains)
    heights = _heights(items, chains, beside)
    rects = _coordinates(slots, chains, heights, left, top)
    routes = _routes(rects, chains, backwards, beside)
    boxes = {i.id: rects[i.id] for i in items}
    right = max((x + w for x, _, w, _ in boxes.values()), default=left) + GAP / 2
    bottom = max((y + h for _, y, _, h in rects.values()), default=top)
    return Placed(boxes, routes, frozenset(backwards), right - left, bottom - top)


def _order(slots: list[list[str]], chains: dict[Edge, list[str]]) -> list[list[str]]:
    """Barycentre sweeps, down and up, keeping the order with the fewest crossings."""
    up: dict[str, list[str]] = defaultdict(list)
    down: dict[str, list[str]] = defaultdict(list)
    for chain in chains.values():
        for p, q in itertools.pairwise(chain):
            down[p].append(q)
            up[q].append(p)
    best = [list(s) for s in slots]
    fewest = _crossings(best, down)
    current = [list(s) for s in slots]
    for _ in range(SWEEPS):
        for k in range(1, len(current)):
            current[k] = _by_barycentre(current[k], current[k - 1], up)
        for k in range(len(current) - 2, -1, -1):
            current[k] = _by_barycentre(current[k], current[k + 1], down)
        found = _crossings(current, down)
        if found < fewest:
            best, fewest = [list(s) for s in current], found
    return best


def _by_barycentre(layer: list[str], other: list[str], near: dict[str, list[str]]) -> list[str]:
    where = {n: i for i, n in enumerate(other)}

    def key(item: tuple[int, str]) -> tuple[float, int]:
        index, node = item
        seen = [where[n] for n in near.get(node, ()) if n in where]
        return (sum(seen) / len(seen) if seen else float(index), index)

    return [node for _, node in sorted(enumerate(layer), key=key)]


def _crossings(slots: list[list[str]], down: dict[str, list[str]]) -> int:
    total = 0
    for here, there in itertools.pairwise(slots):
        at = {n: i for i, n in enumerate(there)}
        segments = [(i, at[q]) for i, p in enumerate(here) for q in down.get(p, ()) if q in at]
        for (a1, b1), (a2, b2) in itertools.combinations(segments, 2):
            total += (a1 - a2) * (b1 - b2) < 0
    return total


def _heights(
    items: Sequence[Item], chains: dict[Edge, list[str]], loops: list[Edge]
) -> dict[str, float]:
    """A box is tall enough for its text and for its arrows' ports, on either side."""
    out_ports: dict[str, int] = defaultdict(int)
    in_ports: dict[str, int] = defaultdict(int)
    for chain in chains.values():
        out_ports[chain[0]] += 1
        in_ports[chain[-1]] += 1
    for origin, target in loops:
        out_ports[origin] += 1
        out_ports[target] += 1
    heights: dict[str, float] = defaultdict(lambda: DUMMY_H)
    for item in items:
        ports = max(out_ports[item.id], in_ports[item.id])
        heights[item.id] = max(item.h, (ports + 1) * PORT_GAP)
    return heights


def _coordinates(
    slots: list[list[str]],
    chains: dict[Edge, list[str]],
    heights: dict[str, float],
    left: float,
    top: float,
) -> dict[str, Rect]:
    """Columns from the left; in each, boxes from the top, each as level with its
    neighbours on the left as the boxes above it allow (straighter arrows)."""
    up: dict[str, list[str]] = defaultdict(list)
    for chain in chains.values():
        for p, q in itertools.pairwise(chain):
            up[q].append(p)
    rects: dict[str, Rect] = {}
    for k, layer in enumerate(slots):
        x = left + k * (BOX_W + GAP)
        cursor = top
        for node in layer:
            h = heights[node]
            centres = [rects[p][1] + rects[p][3] / 2 for p in up.get(node, ()) if p in rects]
            wanted = sum(centres) / len(centres) - h / 2 if centres and k else cursor
            y = max(cursor, min(wanted, cursor + SLACK))
            rects[node] = (x, y, BOX_W, h)
            cursor = y + h + ROW_GAP
    return rects


def _routes(
    rects: dict[str, Rect],
    chains: dict[Edge, list[str]],
    backwards: set[Edge],
    beside: list[Edge],
) -> dict[Edge, tuple[Point, ...]]:
    """Polylines from port to port; ports on a side are ordered by where the arrow goes,
    so arrows leaving one box do not cross each other on the way out."""

    def centre(node: str) -> float:
        return rects[node][1] + rects[node][3] / 2

    rights: dict[str, list[tuple[float, int, Edge]]] = defaultdict(list)
    lefts: dict[str, list[tuple[float, int, Edge]]] = defaultdict(list)
    for edge, chain in chains.items():
        rights[chain[0]].append((centre(chain[1]), 0, edge))
        lefts[chain[-1]].append((centre(chain[-2]), 0, edge))
    for edge in beside:
        origin, target = edge
        rights[origin].append((centre(target) if origin != target else 1e9, 0, edge))
        rights[target].append((centre(origin) if origin != target else 1e9, 1, edge))
    port: dict[tuple[str, Edge, str], float] = {}
    for side, table in (("right", rights), ("left", lefts)):
        for node, entries in table.items():
            _, y, _, h = rects[node]
            for spot, (_, end, edge) in zip(
                spread(len(entries), y, h), sorted(entries), strict=True
            ):
                port[node, edge, f"{side}{end}"] = spot
    routes: dict[Edge, tuple[Point, ...]] = {}
    for edge, chain in chains.items():
        u, v = chain[0], chain[-1]
        points: list[Point] = [(rects[u][0] + BOX_W, port[u, edge, "right0"])]
        for dummy in chain[1:-1]:
            x, y, w, h = rects[dummy]
            points += [(x, y + h / 2), (x + w, y + h / 2)]
        points.append((rects[v][0], port[v, edge, "left0"]))
        routes[edge] = tuple(reversed(points)) if edge in backwards else tuple(points)
    tracks: dict[float, int] = defaultdict(int)
    for edge in beside:
        origin, target = edge
        x = rects[origin][0] + BOX_W
        reach = LOOP + (tracks[x] % 8) * 7
        tracks[x] += 1
        y1, y2 = port[origin, edge, "right0"], port[target, edge, "right1"]
        routes[edge] = ((x, y1), (x + reach, y1), (x + reach, y2), (x, y2))
    return routes


def place_labels(
    routes: dict[Edge, tuple[Point, ...]],
    sizes: dict[Edge, tuple[float, float]],
    boxes: Sequence[Rect],
) -> dict[Edge, Point]:
    """A spot on each arrow's last stretch for its label (centred), clear of every box
    and of the labels already placed where that is possible."""
    taken: list[Rect] = []
    out: dict[Edge, Point] = {}
    for edge, points in routes.items():
        (x1, y1), (x2, y2) = points[-2], points[-1]
        width, height = sizes[edge]
        fallback: Point | None = None
        for t in LABEL_SPOTS:
            cx, cy = x1 + (x2 - x1) * t, y1 + (y2 - y1) * t
            if len(points) == 4 and points[0][0] == points[-1][0]:  # beside its boxes
                (x1, y1), (x2, y2) = points[1], points[2]
                cx, cy = x1 + width / 2 + 4, y1 + (y2 - y1) * t + SMALL / 2
            rect = (cx - width / 2, cy - SMALL, width, height)
            if any(overlaps(rect, b) for b in boxes):
                continue
            fallback = fallback or (cx, cy)
            if not any(overlaps(rect, r) for r in taken):
                fallback = (cx, cy)
                break
        spot = fallback or (x1 + (x2 - x1) / 2, y1 + (y2 - y1) / 2)
        taken.append((spot[0] - width / 2, spot[1] - SMALL, width, height))
        out[edge] = spot
    return out
