"""A replaced registry is freed at once, not at the next full garbage collection."""

from __future__ import annotations

import gc

from pathways.queries.audit import audit
from pathways.registry import Registry
from tests.conftest import BUNDLED


def test_a_released_registry_leaves_no_cycles() -> None:
    registry = Registry.from_file(BUNDLED)
    audit(registry)  # uses the graph's views, which networkx caches on the graph
    list(registry.graph.edges(keys=True))
    provider = next(iter(registry.providers))
    list(registry.graph.out_edges(provider, data=True))
    gc.collect()
    registry.release()
    del registry
    assert gc.collect() == 0  # reference counting freed it all: nothing left for the collector


def test_an_unreleased_registry_needs_the_collector() -> None:
    """The reason for `release`: without it the graph is a cycle (so the test above can fail)."""
    registry = Registry.from_file(BUNDLED)
    list(registry.graph.edges(keys=True))
    gc.collect()
    del registry
    assert gc.collect() > 0
