"""The audit as it was written before it was made fast (issue 14): the reference.

Plain loops over networkx's views, one rule at a time, easy to read and check by eye.
`tests/pathways/queries/test_audit_parity.py` asserts that `pathways.queries.audit`
finds exactly what this finds, in the same order, on every registry we have. A change
to an audit rule is made here too, in its plain form.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from functools import cache

from pathways.graph import flow_applies
from pathways.models import Provider
from pathways.queries.audit import (
    AGE_BANDS,
    FIRST_CONTACT_LEVELS,
    OLDER_NEEDS,
    ONWARD_LEVELS,
    SENDING_BACK,
    SEVERE,
    SMALL_CHILD_NEEDS,
    STALE_AFTER,
    Finding,
)
from pathways.registry import Registry
from pathways.vocab import NEED_LABELS, Level, Need, Severity


def reference_audit(registry: Registry, today: date) -> tuple[Finding, ...]:
    findings: list[Finding] = []
    for check in (_stale, _unverified):
        findings.extend(check(registry, today))
    findings.extend(_unreachable(registry))
    findings.extend(_dead_ends(registry))
    findings.extend(_ping_pong(registry))
    findings.extend(_unused_flows(registry))
    findings.extend(_coverage_gaps(registry))
    return tuple(findings)


def _stale(registry: Registry, today: date) -> Iterator[Finding]:
    cutoff = today - STALE_AFTER
    for p in registry.active():
        if p.reviewed < cutoff:
            yield Finding(
                "stale",
                "warning",
                f"{p.name}: uppgifterna granskades senast {p.reviewed.isoformat()}.",
                (p.id,),
            )


def _unverified(registry: Registry, today: date) -> Iterator[Finding]:
    for p in registry.active():
        if not p.verified:
            yield Finding(
                "unverified", "info", f"{p.name}: uppgifterna är inte bekräftade.", (p.id,)
            )


def _unreachable(registry: Registry) -> Iterator[Finding]:
    graph = registry.graph
    for p in registry.active():
        if not p.self_referral and graph.in_degree(p.id) == 0:
            yield Finding(
                "unreachable",
                "warning",
                f"{p.name} tar bara emot remisser, men inget flöde leder dit.",
                (p.id,),
            )


def _dead_ends(registry: Registry) -> Iterator[Finding]:
    """First-line providers with no onward route for severe cases of a need they handle."""
    adjacency = dict(registry.graph.adjacency())

    @cache
    def severe_onward(flow_id: str, target_id: str) -> frozenset[Need]:
        """The needs whose severe cases this edge carries on to a unit that takes them."""
        target = registry.providers[target_id]
        flow = registry.flows[flow_id]
        if target.level not in ONWARD_LEVELS or not flow_applies(flow, severity=Severity.svar):
            return frozenset()
        needs = flow.needs if flow.needs is not None else tuple(target.needs)
        return frozenset(n for n in needs if set(target.needs.get(n, ())) & SEVERE)

    for p in registry.active():
        if p.level != Level.forsta_linjen:
            continue
        onward: set[Need] = set()
        for target_id, keyed in adjacency[p.id].items():
            for flow_id in keyed:
                onward |= severe_onward(flow_id, target_id)
        stuck = tuple(n for n in p.needs if n not in onward)
        if stuck:
            labels = _labels(stuck)
            yield Finding(
                "dead_end",
                "warning",
                f"{p.name} har ingen väg vidare för svåra fall av: {labels}.",
                (p.id,),
            )


@cache
def _labels(needs: tuple[Need, ...]) -> str:
    return ", ".join(NEED_LABELS[n].lower() for n in needs)


def _edge_needs(registry: Registry, flow_needs: tuple[Need, ...] | None, target: str) -> set[Need]:
    return set(flow_needs if flow_needs is not None else registry.providers[target].needs)


def _ping_pong(registry: Registry) -> Iterator[Finding]:
    """A sends to B and B sends back to A for the same need."""
    adjacency = dict(registry.graph.adjacency())
    flows = registry.flows
    for u, targets in adjacency.items():
        for v, keyed in targets.items():
            back = adjacency[v].get(u)
            if not back or v < u:  # each pair once, from its smaller id
                continue
            found = _common_needs(registry, u, v, keyed, back)
            if found:
                there, again, common = found
                labels = ", ".join(sorted(NEED_LABELS[n].lower() for n in common))
                yield Finding(
                    "ping_pong",
                    "warning",
                    f"{registry.providers[u].name} och {registry.providers[v].name} skickar "
                    f"till varandra för samma behov: {labels} "
                    f"(flöden {flows[there].id} och {flows[again].id}).",
                    (u, v),
                )


def _common_needs(
    registry: Registry, u: str, v: str, there: Iterable[str], back: Iterable[str]
) -> tuple[str, str, set[Need]] | None:
    flows = registry.flows
    for out_id in there:
        out = flows[out_id]
        if out.mechanism not in SENDING_BACK:
            continue
        for back_id in back:
            returned = flows[back_id]
            if returned.mechanism not in SENDING_BACK:
                continue
            common = _edge_needs(registry, out.needs, v) & _edge_needs(registry, returned.needs, u)
            if common:
                return out_id, back_id, common
    return None


def _unused_flows(registry: Registry) -> Iterator[Finding]:
    used = {key for _, _, key in registry.graph.edges(keys=True)}
    for flow in registry.document.flows:
        if flow.id not in used:
            yield Finding(
                "unused_flow",
                "warning",
                f"Flödet {flow.id} ({flow.origin} → {flow.target}) passar inget par av "
                "mottagningar som finns i samma område.",
                (flow.id,),
            )


def _coverage_gaps(registry: Registry) -> Iterator[Finding]:
    """Leaf area × age band × need with no provider a young person can contact directly."""

    @cache
    def offers(
        shape: tuple[bool, Level, int | None, int | None, frozenset[Need]],
    ) -> frozenset[tuple[Need, int]]:
        """What a provider of this shape offers; many units share one (a school's, say)."""
        self_referral, level, low, high, needs = shape
        if not self_referral or level not in FIRST_CONTACT_LEVELS:
            return frozenset()
        bands = [i for i, band in enumerate(AGE_BANDS) if _overlaps(low, high, band)]
        return frozenset((n, i) for n in needs for i in bands)

    def shape(p: Provider) -> tuple[bool, Level, int | None, int | None, frozenset[Need]]:
        return (p.self_referral, p.level, p.age_min, p.age_max, frozenset(p.needs))

    wanted = {
        i: [n for n in Need if (n in SMALL_CHILD_NEEDS if high <= 5 else n in OLDER_NEEDS)]
        for i, (_, high) in enumerate(AGE_BANDS)
    }
    leaves = [a for a in registry.areas if not registry.children.get(a)]
    for area_id in leaves:
        covered: set[tuple[Need, int]] = set()
        for each in {shape(p) for p in registry.serving(area_id)}:
            covered |= offers(each)
        for i, (low, high) in enumerate(AGE_BANDS):
            missing = [n for n in wanted[i] if (n, i) not in covered]
            if n_missing := len(missing):
                labels = ", ".join(NEED_LABELS[n].lower() for n in missing)
                yield Finding(
                    "coverage_gap",
                    "warning",
                    f"{registry.areas[area_id].name}, {low}–{high} år: ingen första kontakt "
                    f"för {n_missing} behov: {labels}.",
                    (area_id,),
                )


def _overlaps(age_min: int | None, age_max: int | None, band: tuple[int, int]) -> bool:
    low = age_min if age_min is not None else 0
    high = age_max if age_max is not None else 200
    return low <= band[1] and high >= band[0]
