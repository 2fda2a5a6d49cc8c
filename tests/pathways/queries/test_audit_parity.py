"""The fast audit finds exactly what the plain reference finds, in the same order.

`pathways.queries.audit` works per provider shape and reads networkx's adjacency dicts
directly (issue 14: `vardkedjan check` under a second on the national registry); the
reference (`audit_reference`) is the audit as first written, one rule at a time over
networkx's views. They must agree finding for finding on the registries we ship and test with, on a
generated national one (small: 20 kommuner), and on registries with flows taken away,
which is where unreachable units, dead ends and ping-pong appear and disappear.
"""

from __future__ import annotations

import os
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.generate import dump, generate
from pathways import parallel
from pathways.loader import load_text
from pathways.models import Flow
from pathways.queries import audit as audit_module
from pathways.queries.audit import Finding, audit
from pathways.registry import Registry
from pathways.vocab import Access, Level
from tests.conftest import BUNDLED, MINI
from tests.pathways.queries.audit_reference import reference_audit

DAYS = (date(2024, 6, 1), date(2026, 11, 23), date(2028, 1, 1))


def same_findings(registry: Registry) -> None:
    """The audit of a registry, and of the same document built as `vardkedjan check`
    builds it (edges counted, no graph), are the reference's."""
    unwired = Registry(registry.document, wired=False)
    assert unwired.edges == registry.edges == registry.graph.number_of_edges()  # headline
    for day in DAYS:
        expected = list(reference_audit(registry, day))
        assert audit(registry, day) == expected, day
        assert audit(unwired, day) == expected, day
    assert audit(registry, DAYS[0]) == list(reference_audit(registry, DAYS[0]))  # memo reset
    assert unwired.succ == registry.succ and unwired.pred == registry.pred  # built on use


@pytest.mark.parametrize("path", [BUNDLED, MINI])
def test_project_registries(path: Path) -> None:
    same_findings(Registry.from_file(path))


@pytest.fixture(scope="module")
def national() -> Registry:
    return Registry(load_text(dump(generate(20)), "national-20.yaml"))


def test_a_generated_national_registry(national: Registry) -> None:
    kinds = {f.code for f in audit(national, DAYS[1])}
    assert {"stale", "unverified", "dead_end", "coverage_gap"} <= kinds  # a real workout
    same_findings(national)


BUNDLED_REGISTRY = Registry.from_file(BUNDLED)  # hypothesis draws from it outside fixtures
MINI_REGISTRY = Registry.from_file(MINI)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from([BUNDLED_REGISTRY, MINI_REGISTRY]), st.data())
def test_registries_with_flows_taken_away(base: Registry, data: st.DataObject) -> None:
    flows = base.document.flows
    kept = data.draw(st.lists(st.sampled_from(range(len(flows))), unique=True), label="kept")
    document = base.document.model_copy(update={"flows": tuple(flows[i] for i in sorted(kept))})
    same_findings(Registry(document))


def test_registries_with_providers_changed(national: Registry) -> None:
    """Shapes the generator does not write: referral-only schools, first-line specialists."""
    providers = []
    for i, p in enumerate(national.document.providers):
        changes: dict[str, object] = {}
        if i % 7 == 0:
            changes["access"] = (Access.remiss,) if p.self_referral else (Access.egen_kontakt,)
        if i % 11 == 0:
            changes["verified"] = not p.verified
        if i % 13 == 0:
            changes["level"] = Level.forsta_linjen if p.level != Level.forsta_linjen else Level.stod
        providers.append(p.model_copy(update=changes) if changes else p)
    document = national.document.model_copy(update={"providers": tuple(providers)})
    same_findings(Registry(document))


@pytest.mark.parametrize("which", ["bundled", "national"])
def test_the_audit_forked_beside_finds_the_same(
    which: str, national: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Inside `parallel.allowed()` (as in `vardkedjan check`) some rules run in a child:
    the findings are the plain audit's, in the same order, and a child did run them."""
    registry = national if which == "national" else BUNDLED_REGISTRY
    for day in DAYS:
        registry.memo.clear()
        plain = audit(registry, day)
        registry.memo.clear()
        with parallel.allowed():
            forked = audit(registry, day)
        assert forked == plain == list(reference_audit(registry, day))
    rule = audit_module._unused_flows

    def unused_flows(*args: object) -> list[Finding]:
        found = list(rule(*args))  # type: ignore[arg-type]
        return [*found, Finding("pid", "info", str(os.getpid()), ())]

    monkeypatch.setattr(audit_module, "_unused_flows", unused_flows)
    monkeypatch.setattr(audit_module, "BESIDE", frozenset({"unused_flow"}))
    registry.memo.clear()
    with parallel.allowed():
        forked = audit(registry, DAYS[0])
    registry.memo.clear()
    ran_in = [int(f.message) for f in forked if f.code == "pid"]
    assert ran_in and ran_in[0] != os.getpid()


def test_check_never_builds_the_graph(national: Registry) -> None:
    """`check`'s registry counts its edges without a graph, and its audit, forked or
    not, reads the flows' groups: the graph is never built, and the findings are the
    reference's."""
    unwired = Registry(national.document, wired=False)
    with parallel.allowed():
        forked = audit(unwired, DAYS[1])
    plain = audit(unwired, DAYS[2])
    assert forked == list(reference_audit(national, DAYS[1]))
    assert plain == list(reference_audit(national, DAYS[2]))
    assert "succ" not in vars(unwired) and "links" not in vars(unwired)
    assert unwired.edges == national.edges


def test_many_pairs_back_and_forth_come_in_the_graphs_order(national: Registry) -> None:
    """Flows back from the vårdcentral and BUP to the schools, one region-wide and others
    national, behind a consultation that reaches the same units first: each unit is in
    many pairs, which must come in the order of its neighbours in the graph."""
    flows = national.document.flows
    back = [
        Flow.model_validate(f)
        for f in (
            {"id": "bup-konsult", "from": "bup", "to": "elevhalsa", "mechanism": "konsultation"},
            {
                "id": "vc-tillbaka",
                "from": "vardcentral",
                "to": "elevhalsa",
                "mechanism": "hanvisning",
                "within": national.document.areas[0].id,
                "needs": ["stress", "somn"],
            },
            {"id": "bup-tillbaka", "from": "bup", "to": "elevhalsa", "mechanism": "remiss"},
            {"id": "vc-alla", "from": "vardcentral", "to": "elevhalsa", "mechanism": "remiss"},
        )
    ]
    document = national.document.model_copy(update={"flows": (back[0], *flows, *back[1:])})
    registry = Registry(document)
    pairs = [f for f in audit(registry, DAYS[1]) if f.code == "ping_pong"]
    per_unit = Counter(f.subjects[0] for f in pairs)
    assert len(pairs) > 50 and max(per_unit.values()) > 3  # a real workout
    same_findings(registry)
