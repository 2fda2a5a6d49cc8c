"""Data-quality findings about a loaded registry.

Validation refuses what is wrong; the audit points at what is weak: entries nobody has
checked for a year, providers no one can reach, first-line units with nowhere to send
severe cases, two units that send the same young person back and forth, and places where
a young person finds no first contact for a need.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from datetime import date, timedelta
from functools import cache
from itertools import chain
from typing import NamedTuple

from pathways import parallel
from pathways.errors import Problem
from pathways.graph import flow_applies
from pathways.links import Fanouts
from pathways.models import Provider
from pathways.queries.ping_pong import SENDING_BACK as SENDING_BACK
from pathways.queries.ping_pong import ping_pongs
from pathways.question import MAX_AGE
from pathways.registry import Registry
from pathways.vocab import NEED_LABELS, Level, Need, Severity

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
SEVERE = frozenset({Severity.svar, Severity.akut})
ONWARD_LEVELS = frozenset({Level.specialist, Level.akut})
FIRST_CONTACT_LEVELS = frozenset({Level.forsta_linjen, Level.specialist})


class Finding(NamedTuple):
    """One thing the audit points at. A named tuple, not a frozen dataclass: a national
    registry gives 50k findings, and a tuple is made in half the time."""

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


def _audit(registry: Registry, today: date) -> tuple[Finding, ...]:
    """Every rule, over one list of active providers, in the rules' order.

    The rules about edges read each flow's groups of origins and targets
    (`Registry.fanouts`: 15k groups for a national registry's 166k edges), not the
    graph; `tests/pathways/queries/audit_reference.py` is the plain form, over the
    graph's views.

    Inside `parallel.allowed()` (`vardkedjan check`) the rules named in BESIDE run in a
    forked child while this process runs the others; outside it, all run here.
    """
    active = [p for p in registry.document.providers if not p.retired]
    fanouts = registry.fanouts()
    rules: dict[str, Callable[[], list[Finding]]] = {
        "stale": lambda: list(_stale(active, today)),
        "unverified": lambda: list(_unverified(active)),
        "unreachable": lambda: list(_unreachable(active, fanouts)),
        "dead_end": lambda: list(_dead_ends(registry, active, fanouts)),
        "ping_pong": lambda: list(_ping_pong(registry, fanouts)),
        "unused_flow": lambda: list(_unused_flows(registry, fanouts)),
        "coverage_gap": lambda: list(_coverage_gaps(registry)),
    }
    there = [code for code in rules if code in BESIDE]
    wait = parallel.beside(lambda: [rules[code]() for code in there]) if there else list
    found = {code: rule() for code, rule in rules.items() if code not in there}
    found.update(zip(there, wait(), strict=True))
    return tuple(chain.from_iterable(found[code] for code in rules))


# The rules a check runs beside the others: those that work and find little. `check`
# builds no graph (`Registry(..., wired=False)`): every rule reads the flows' groups. A
# finding comes back pickled, and unpickling one (~2 µs) costs about what finding it
# does for `stale` and `unverified` (33k findings at national scale) and most of it for
# `dead_end` (20k): those stay here. A child costs more than its fork: each page it
# shares with this process is copied when either writes to it (a reference count is a
# write), so a child for ping-pong alone lost time.
BESIDE = frozenset({"coverage_gap", "ping_pong", "unreachable"})


def from_problems(problems: Iterable[Problem]) -> list[Finding]:
    """A refused registry's problems, as error findings."""
    return [Finding(p.code, "error", str(p), (p.subject,) if p.subject else ()) for p in problems]


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


def _unreachable(active: list[Provider], fanouts: Fanouts) -> Iterator[Finding]:
    """Referral-only providers no edge leads to (every group has origins)."""
    reached: set[str] = set()
    seen: set[int] = set()  # targets are shared by many groups: each read once
    for groups in fanouts.values():
        for _, targets in groups:
            if id(targets) not in seen:
                seen.add(id(targets))
                reached.update(targets)
    for p in active:
        if not p.self_referral and p.id not in reached:
            yield Finding(
                "unreachable",
                "warning",
                f"{p.name} tar bara emot remisser, men inget flöde leder dit.",
                (p.id,),
            )


def _dead_ends(registry: Registry, active: list[Provider], fanouts: Fanouts) -> Iterator[Finding]:
    """First-line providers with no onward route for severe cases of a need they handle.

    An edge carries on the severe cases of the needs its target takes severe cases of
    (only a specialist or emergency target takes any), narrowed to the flow's needs. So
    the senders are gathered per way on (a set of needs; a national registry has a
    handful) in whole-set operations over the flows' groups; what is stuck follows from
    a provider's needs and its way on, once per such pair.
    """
    onward = _onward(registry, active, fanouts)
    stuck_for: dict[tuple[frozenset[Need], tuple[Need, ...]], str] = {}
    for p in active:
        if p.level != Level.forsta_linjen:
            continue
        way_on = onward.get(p.id, _NOTHING)
        needs = tuple(p.needs)
        labels = stuck_for.get((way_on, needs))
        if labels is None:
            stuck = tuple(n for n in needs if n not in way_on)
            labels = stuck_for[way_on, needs] = _labels(stuck) if stuck else ""
        if labels:
            yield Finding(
                "dead_end",
                "warning",
                f"{p.name} har ingen väg vidare för svåra fall av: {labels}.",
                (p.id,),
            )


_NOTHING: frozenset[Need] = frozenset()


def _onward(
    registry: Registry, active: list[Provider], fanouts: Fanouts
) -> dict[str, frozenset[Need]]:
    """Each sender's way on: the needs whose severe cases one of its edges carries on.

    Per flow that admits severe cases, each group of origins gets what its targets take
    of them (the targets of a group are shared by many groups: read once per flow).
    Then the senders are split by the sets that hold them.
    """
    takes: dict[str, frozenset[Need]] = {}
    for target in active:
        if target.level in ONWARD_LEVELS:
            severe = frozenset(n for n, sev in target.needs.items() if SEVERE.intersection(sev))
            if severe:
                takes[target.id] = severe
    given: dict[frozenset[Need], set[str]] = defaultdict(set)
    for flow_id, limited_to in _severe_flows(registry).items():
        read: dict[int, tuple[Collection[str], tuple[frozenset[Need], ...]]] = {}
        for origins, targets in fanouts[flow_id]:
            found = read.get(id(targets))
            if found is None:  # the fanouts hold every targets object: no id is reused
                gifts = {_narrowed(k, limited_to) for t in targets if (k := takes.get(t))}
                gifts.discard(_NOTHING)
                found = read[id(targets)] = (targets, tuple(gifts))
            for gift in found[1]:
                given[gift].update(origins)
    # Split the senders by which of the sets hold them: few sets, whole-set operations.
    ways: dict[frozenset[Need], set[str]] = {}
    for needs, who in given.items():
        if not needs:
            continue
        split: dict[frozenset[Need], set[str]] = {}
        rest = set(who)
        for way, held in ways.items():
            both = held & rest
            if both:
                held -= both
                rest -= both
                split.setdefault(way | needs, set()).update(both)
        for way, held in split.items():
            ways.setdefault(way, set()).update(held)
        if rest:
            ways.setdefault(needs, set()).update(rest)
    onward: dict[str, frozenset[Need]] = {}
    for way, held in ways.items():
        onward.update(dict.fromkeys(held, way))
    return onward


def _narrowed(take: frozenset[Need], needs: tuple[Need, ...] | None) -> frozenset[Need]:
    return take if needs is None else take.intersection(needs)


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


def _ping_pong(registry: Registry, fanouts: Fanouts) -> Iterator[Finding]:
    """A sends to B and B sends back to A for the same need (`ping_pong.ping_pongs`)."""
    for u, v, there, again, needs in ping_pongs(registry, fanouts):
        labels = ", ".join(sorted(NEED_LABELS[n].lower() for n in needs))
        yield Finding(
            "ping_pong",
            "warning",
            f"{registry.providers[u].name} och {registry.providers[v].name} skickar "
            f"till varandra för samma behov: {labels} (flöden {there} och {again}).",
            (u, v),
        )


def _unused_flows(registry: Registry, fanouts: Fanouts) -> Iterator[Finding]:
    for flow in registry.document.flows:
        if not fanouts[flow.id]:  # a group always holds an edge
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
