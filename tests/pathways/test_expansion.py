"""The fast expansion builds exactly the graph a plain one builds, in the same order.

`Expander.fanout` merges per-area dicts of target ids and `build_graph` fills networkx's
dicts directly (issue 14). The reference here is the expansion as first written: a seen
set per origin, one (origin, target) pair at a time, each edge added with networkx's own
`add_edge`. Both must give the same nodes, the same successors and predecessors in the
same order, the same flow ids in the same order on each pair, and the same edge data;
`pairs` and `pairs_with` (which an edit's rewiring uses) the same pairs in the same order.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

from bench.generate import dump, generate
from pathways.graph import Expander, Pair
from pathways.models import Flow, Provider
from pathways.registry import Registry
from pathways.vocab import Kind
from tests.conftest import BUNDLED, MINI


def reference_pairs(expander: Expander, flow: Flow) -> Iterator[Pair]:
    """Every edge of one flow, one pair at a time (the expansion before issue 14)."""
    excluded = frozenset(flow.exclude)
    origins = [p for p in expander.ends(flow.origin, flow.within) if p.id not in excluded]
    targets = [p for p in expander.ends(flow.target, flow.within) if p.id not in excluded]
    return _reference_joined(expander, flow, origins, targets)


def _reference_joined(
    expander: Expander, flow: Flow, origins: list[Provider], targets: list[Provider]
) -> Iterator[Pair]:
    scoped = bool(flow.within)
    if flow.origin not in Kind.__members__ and flow.target not in Kind.__members__:
        for o in origins:
            for t in targets:
                if o.id != t.id and not (scoped and o.national and t.national):
                    yield o, t
        return
    by_area: dict[str, list[Provider]] = {}
    national = [t for t in targets if t.national]
    for target in targets:
        for area in target.areas:
            by_area.setdefault(area, []).append(target)
    for origin in origins:
        if origin.national:
            for t in targets:
                if t.id != origin.id and not (scoped and t.national):
                    yield origin, t
            continue
        seen = {origin.id}
        for area in origin.areas:
            for other in expander.related(area):
                for target in by_area.get(other, ()):
                    if target.id not in seen:
                        seen.add(target.id)
                        yield origin, target
        for t in national:
            if t.id not in seen:
                yield origin, t


def reference_pairs_with(expander: Expander, flow: Flow, provider: Provider) -> Iterator[Pair]:
    if provider.id in flow.exclude:
        return
    excluded = frozenset(flow.exclude)
    if expander.is_end(provider, flow.origin, flow.within):
        targets = [p for p in expander.ends(flow.target, flow.within) if p.id not in excluded]
        yield from _reference_joined(expander, flow, [provider], targets)
    if expander.is_end(provider, flow.target, flow.within):
        origins = [p for p in expander.ends(flow.origin, flow.within) if p.id not in excluded]
        yield from _reference_joined(expander, flow, origins, [provider])


def reference_graph(registry: Registry) -> nx.MultiDiGraph:
    expander = registry._expander
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(p.id for p in registry.providers.values() if not p.retired)
    for flow in registry.document.flows:
        for o, t in reference_pairs(expander, flow):
            graph.add_edge(o.id, t.id, key=flow.id, flow=flow)
    return graph


def _layout(adjacency: dict[str, dict[str, dict[str, dict[str, Flow]]]]) -> list[object]:
    """Everything about adjacency dicts that order or content could differ in."""
    return [
        (
            node,
            [(other, [(k, d["flow"]) for k, d in keyed.items()]) for other, keyed in nbrs.items()],
        )
        for node, nbrs in adjacency.items()
    ]


def same_graph(registry: Registry) -> None:
    expected = reference_graph(registry)
    assert list(registry.links.node) == list(expected._node)
    assert _layout(registry.succ) == _layout(expected._succ)
    assert _layout(registry.pred) == _layout(expected._pred)
    assert registry.edges == expected.number_of_edges()
    for node, nbrs in registry.succ.items():  # one key dict per pair, shared with pred
        for other, keyed in nbrs.items():
            assert registry.pred[other][node] is keyed
    graph = registry.graph
    assert graph._succ is registry.succ and graph._pred is registry.pred
    assert list(graph.edges(keys=True)) == list(expected.edges(keys=True))


def same_pairs(registry: Registry, providers: list[Provider]) -> None:
    expander = registry._expander

    def ids(pairs: Iterator[Pair]) -> list[tuple[str, str]]:
        return [(o.id, t.id) for o, t in pairs]

    for flow in registry.document.flows:
        assert ids(expander.pairs(flow)) == ids(reference_pairs(expander, flow))
        for provider in providers:
            assert ids(expander.pairs_with(flow, provider)) == ids(
                reference_pairs_with(expander, flow, provider)
            )


def reshaped(registry: Registry) -> Registry:
    """Shapes the files do not have: national units with areas and without, units in
    several areas at several levels, flows with exceptions, retired units."""
    areas = list(registry.areas)
    providers = []
    for i, p in enumerate(registry.document.providers):
        changes: dict[str, object] = {}
        if i % 17 == 3:
            changes["national"] = True
        if i % 23 == 5:
            changes["national"] = True
            changes["areas"] = ()
        if i % 7 == 1:
            changes["areas"] = (*p.areas, areas[i % len(areas)])
        if i % 29 == 0:
            changes["retired"] = True
        providers.append(p.model_copy(update=changes) if changes else p)
    ids = [p.id for p in providers]
    flows = []
    for i, f in enumerate(registry.document.flows):
        if i % 5 == 2:
            f = f.model_copy(update={"exclude": (ids[i % len(ids)], ids[(3 * i) % len(ids)])})
        flows.append(f)
    document = registry.document.model_copy(
        update={"providers": tuple(providers), "flows": tuple(flows)}
    )
    return Registry(document)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Registry:
    path = tmp_path_factory.mktemp("generated") / "kommuner-12.yaml"
    path.write_text(dump(generate(12)), encoding="utf-8")
    return Registry.from_file(path)


@pytest.mark.parametrize("path", [BUNDLED, MINI])
def test_project_registries(path: Path) -> None:
    registry = Registry.from_file(path)
    same_graph(registry)
    same_pairs(registry, list(registry.providers.values()))


def test_a_generated_registry(generated: Registry) -> None:
    assert generated.edges > 5000  # a real workout
    same_graph(generated)
    same_pairs(generated, list(generated.providers.values())[::40])


@pytest.mark.parametrize("path", [BUNDLED, MINI])
def test_reshaped_project_registries(path: Path) -> None:
    registry = reshaped(Registry.from_file(path))
    same_graph(registry)
    same_pairs(registry, list(registry.providers.values()))


def test_a_reshaped_generated_registry(generated: Registry) -> None:
    registry = reshaped(generated)
    same_graph(registry)
    same_pairs(registry, list(registry.providers.values())[::40])
