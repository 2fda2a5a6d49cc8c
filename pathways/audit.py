"""Data-quality findings about a loaded registry.

Validation refuses what is wrong; the audit points at what is weak: entries nobody has
checked for a year, providers no one can reach, first-line units with nowhere to send
severe cases, two units that send the same young person back and forth, and places where
a young person finds no first contact for a need.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from pathways.errors import Problem
from pathways.graph import flow_applies
from pathways.models import Provider
from pathways.registry import Registry
from pathways.vocab import NEED_LABELS, Level, Mechanism, Need, Severity

STALE_AFTER = timedelta(days=365)
AGE_BANDS = ((0, 5), (6, 12), (13, 17), (18, 25))
SMALL_CHILD_NEEDS = frozenset(
    {
        Need.utveckling_smabarn,
        Need.somn,
        Need.familj_relationer,
        Need.vald_overgrepp,
        Need.trauma,
        Need.kris_sorg,
        Need.utagerande,
    }
)
OLDER_NEEDS = frozenset(Need) - {Need.utveckling_smabarn}
SENDING_BACK = frozenset({Mechanism.hanvisning, Mechanism.remiss, Mechanism.egenremiss})
SEVERE = frozenset({Severity.svar, Severity.akut})
ONWARD_LEVELS = frozenset({Level.specialist, Level.akut})
FIRST_CONTACT_LEVELS = frozenset({Level.forsta_linjen, Level.specialist})


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str  # error | warning | info
    message: str
    subjects: tuple[str, ...]


def audit(registry: Registry, today: date | None = None) -> list[Finding]:
    today = today or date.today()
    findings: list[Finding] = []
    for check in (_stale, _unverified):
        findings.extend(check(registry, today))
    findings.extend(_unreachable(registry))
    findings.extend(_dead_ends(registry))
    findings.extend(_ping_pong(registry))
    findings.extend(_unused_flows(registry))
    findings.extend(_coverage_gaps(registry))
    return findings


def from_problems(problems: Iterable[Problem]) -> list[Finding]:
    """A refused registry's problems, as error findings."""
    return [Finding(p.code, "error", str(p), (p.subject,) if p.subject else ()) for p in problems]


def _stale(registry: Registry, today: date) -> Iterator[Finding]:
    for p in registry.active():
        if today - p.reviewed > STALE_AFTER:
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
    graph = registry.graph
    for p in registry.active():
        if p.level != Level.forsta_linjen:
            continue
        onward: set[Need] = set()
        for _, target_id, data in graph.out_edges(p.id, data=True):
            target = registry.providers[target_id]
            flow = data["flow"]
            if target.level not in ONWARD_LEVELS or not flow_applies(flow, severity=Severity.svar):
                continue
            needs = flow.needs if flow.needs is not None else tuple(target.needs)
            onward.update(n for n in needs if set(target.needs.get(n, ())) & SEVERE)
        stuck = [n for n in p.needs if n not in onward]
        if stuck:
            labels = ", ".join(NEED_LABELS[n].lower() for n in stuck)
            yield Finding(
                "dead_end",
                "warning",
                f"{p.name} har ingen väg vidare för svåra fall av: {labels}.",
                (p.id,),
            )


def _edge_needs(registry: Registry, flow_needs: tuple[Need, ...] | None, target: str) -> set[Need]:
    return set(flow_needs if flow_needs is not None else registry.providers[target].needs)


def _ping_pong(registry: Registry) -> Iterator[Finding]:
    """A sends to B and B sends back to A for the same need."""
    graph = registry.graph
    reported: set[tuple[str, str]] = set()
    for u, v, data in graph.edges(data=True):
        flow = data["flow"]
        if flow.mechanism not in SENDING_BACK or (v, u) in reported or not graph.has_edge(v, u):
            continue
        there = _edge_needs(registry, flow.needs, v)
        for back in graph[v][u].values():
            back_flow = back["flow"]
            if back_flow.mechanism not in SENDING_BACK:
                continue
            common = there & _edge_needs(registry, back_flow.needs, u)
            if common:
                reported.add((u, v))
                labels = ", ".join(sorted(NEED_LABELS[n].lower() for n in common))
                yield Finding(
                    "ping_pong",
                    "warning",
                    f"{registry.providers[u].name} och {registry.providers[v].name} skickar "
                    f"till varandra för samma behov: {labels} "
                    f"(flöden {flow.id} och {back_flow.id}).",
                    (u, v),
                )
                break


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
    def offers(provider_id: str) -> frozenset[tuple[Need, int]]:
        p = registry.providers[provider_id]
        if not p.self_referral or p.level not in FIRST_CONTACT_LEVELS:
            return frozenset()
        bands = [i for i, band in enumerate(AGE_BANDS) if _overlaps(p, band)]
        return frozenset((n, i) for n in p.needs for i in bands)

    wanted = {
        i: [n for n in Need if (n in SMALL_CHILD_NEEDS if high <= 5 else n in OLDER_NEEDS)]
        for i, (_, high) in enumerate(AGE_BANDS)
    }
    leaves = [a for a in registry.areas if not registry.children.get(a)]
    for area_id in leaves:
        covered: set[tuple[Need, int]] = set()
        for p in registry.serving(area_id):
            covered |= offers(p.id)
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


def _overlaps(provider: Provider, band: tuple[int, int]) -> bool:
    low = provider.age_min if provider.age_min is not None else 0
    high = provider.age_max if provider.age_max is not None else 200
    return low <= band[1] and high >= band[0]


def by_code(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    grouped: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        grouped[finding.code].append(finding)
    return dict(grouped)
