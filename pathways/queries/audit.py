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
from itertools import chain
from typing import Any

from pathways.errors import Problem
from pathways.graph import flow_applies
from pathways.models import Provider
from pathways.question import MAX_AGE
from pathways.registry import Registry
from pathways.vocab import NEED_LABELS, Level, Mechanism, Need, Severity

STALE_AFTER = timedelta(days=365)
AGE_BANDS = ((0, 5), (6, 12), (13, 17), (18, MAX_AGE))
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
    """All findings for a registry as of `today`; computed once per registry and day.

    Kept in the registry's own memo, so it goes when the registry goes: a cache keyed by
    registry outside it would keep replaced national registries alive after edits.
    """
    day = today or date.today()
    memo: dict[date, tuple[Finding, ...]] = registry.memo.setdefault("audit", {})
    found = memo.get(day)
    if found is None:
        memo.clear()
        found = memo[day] = _audit(registry, day)
    return list(found)


Adjacency = dict[str, dict[str, dict[str, Any]]]  # networkx's: target -> flow id -> data


def _audit(registry: Registry, today: date) -> tuple[Finding, ...]:
    """Every rule in turn, over one list of active providers and networkx's own adjacency
    dicts: at national scale (21k providers, 166k edges) the graph's views cost more
    than the rules (`tests/pathways/queries/audit_reference.py` is the plain form)."""
    active = [p for p in registry.document.providers if not p.retired]
    adjacency: Adjacency = dict(registry.graph.adjacency())
    findings: list[Finding] = []
    findings.extend(_stale(active, today))
    findings.extend(_unverified(active))
    findings.extend(_unreachable(active, adjacency))
    findings.extend(_dead_ends(registry, active))
    findings.extend(_ping_pong(registry, adjacency))
    findings.extend(_unused_flows(registry, adjacency))
    findings.extend(_coverage_gaps(registry))
    return tuple(findings)


def from_problems(problems: Iterable[Problem]) -> list[Finding]:
    """A refused registry's problems, as error findings."""
    return [Finding(p.code, "error", str(p), (p.subject,) if p.subject else ()) for p in problems]


def edge_count(registry: Registry) -> int:
    """The referral edges, counted in networkx's dicts (its `number_of_edges` walks every
    node's degree view: a tenth of a second at national scale)."""
    keyed = chain.from_iterable(targets.values() for _, targets in registry.graph.adjacency())
    return sum(map(len, keyed))


def _stale(active: list[Provider], today: date) -> Iterator[Finding]:
    cutoff = today - STALE_AFTER
    for p in active:
        if p.reviewed < cutoff:
            yield Finding(
                "stale",
                "warning",
                f"{p.name}: uppgifterna granskades senast {p.reviewed.isoformat()}.",
                (p.id,),
            )


def _unverified(active: list[Provider]) -> Iterator[Finding]:
    for p in active:
        if not p.verified:
            yield Finding(
                "unverified", "info", f"{p.name}: uppgifterna är inte bekräftade.", (p.id,)
            )


def _unreachable(active: list[Provider], adjacency: Adjacency) -> Iterator[Finding]:
    """Referral-only providers with no edge in. networkx drops a neighbour with its last
    edge, so a provider is reached exactly when it is someone's neighbour."""
    reached: set[str] = set()
    for targets in adjacency.values():
        reached.update(targets)
    for p in active:
        if p.id not in reached and not p.self_referral:
            yield Finding(
                "unreachable",
                "warning",
                f"{p.name} tar bara emot remisser, men inget flöde leder dit.",
                (p.id,),
            )


def _dead_ends(registry: Registry, active: list[Provider]) -> Iterator[Finding]:
    """First-line providers with no onward route for severe cases of a need they handle.

    An edge carries on the severe cases of the needs its target takes severe cases of
    (only a specialist or emergency target takes any), narrowed to the flow's needs. So
    the edges are read from those few targets back to their senders: at national scale
    a quarter of the edges, each target's needs worked out once rather than per edge.
    """
    carries = _severe_flows(registry)
    senders = registry.graph.pred
    onward: dict[str, set[Need]] = defaultdict(set)
    for target in active:
        if target.level not in ONWARD_LEVELS:
            continue
        take = frozenset(n for n, severity in target.needs.items() if SEVERE.intersection(severity))
        for sender, keyed in senders[target.id].items():
            found = onward[sender]
            for flow_id in keyed:
                if flow_id in carries:
                    narrowed = carries[flow_id]
                    found.update(take if narrowed is None else take.intersection(narrowed))
    for p in active:
        if p.level != Level.forsta_linjen:
            continue
        way_on = onward.get(p.id, ())
        stuck = tuple(n for n in p.needs if n not in way_on)
        if stuck:
            yield Finding(
                "dead_end",
                "warning",
                f"{p.name} har ingen väg vidare för svåra fall av: {_labels(stuck)}.",
                (p.id,),
            )


def _severe_flows(registry: Registry) -> dict[str, tuple[Need, ...] | None]:
    """The flows that admit severe cases, each with the needs it is limited to (None: all)."""
    return {
        flow.id: flow.needs
        for flow in registry.flows.values()
        if flow_applies(flow, severity=Severity.svar)
    }


@cache
def _labels(needs: tuple[Need, ...]) -> str:
    return ", ".join(NEED_LABELS[n].lower() for n in needs)


def _edge_needs(registry: Registry, flow_needs: tuple[Need, ...] | None, target: str) -> set[Need]:
    return set(flow_needs if flow_needs is not None else registry.providers[target].needs)


def _ping_pong(registry: Registry, adjacency: Adjacency) -> Iterator[Finding]:
    """A sends to B and B sends back to A for the same need."""
    flows = registry.flows
    for u, targets in adjacency.items():
        for v, keyed in targets.items():
            if v < u:  # each pair once, from its smaller id
                continue
            back = adjacency[v].get(u)
            if not back:
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


def _unused_flows(registry: Registry, adjacency: Adjacency) -> Iterator[Finding]:
    used: set[str] = set()
    for targets in adjacency.values():
        if targets:
            used.update(*targets.values())  # each target's flow ids, in one call per unit
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


def by_code(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    grouped: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        grouped[finding.code].append(finding)
    return dict(grouped)
