"""Who belongs at the table of a SIP (samordnad individuell plan)?

DOMAIN.md: a SIP is drawn up when a child needs efforts from both social services and
healthcare; if one huvudman finds it necessary the duty binds both; consent is always
required. Paragraph numbers in the new social services act are unverified, so that act is
cited without one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pathways.errors import InvalidQuery
from pathways.messages import Items, Msg
from pathways.models import Area, Provider
from pathways.registry import Registry
from pathways.vocab import KIND_LABELS, NEED_LABELS, Kind, Level, Need, Principal

LEGAL_BASIS = (
    Msg("16 kap. 4 § hälso- och sjukvårdslagen (2017:30)"),
    Msg("Socialtjänstlagen (2025:400)"),
)
CONSENT = Msg(
    "En SIP kräver alltid samtycke från den det gäller, och för barn oftast från "
    "vårdnadshavarna. Andra, till exempel skolan, deltar bara med samtycke."
)
# Kinds that never sit at a SIP table: emergency units and helplines.
NOT_AT_TABLE = frozenset({Kind.akut, Kind.bup_akut, Kind.psykiatrisk_akut, Kind.stodlinje})
SCHOOL_KINDS = frozenset({Kind.elevhalsa, Kind.skolsocialt_team})
GROUPS: dict[Principal, str] = {
    Principal.kommun: "kommun",
    Principal.region: "region",
    Principal.privat: "region",
    Principal.kommun_och_region: "gemensam",
    Principal.ideell: "ideell",
    Principal.stat: "stat",
}
GROUP_ORDER = ("kommun", "region", "gemensam", "ideell", "stat")


@dataclass(frozen=True)
class Participant:
    provider: Provider
    why: Msg
    group: str  # kommun | region | gemensam | ideell | stat: who is responsible


@dataclass(frozen=True)
class SipAnswer:
    area: Area
    age: int
    needs: tuple[Need, ...]
    participants: tuple[Participant, ...]
    legal_basis: tuple[Msg, ...]
    consent: Msg
    both_principals: bool


def sip(registry: Registry, *, area: str, age: int, needs: Sequence[Need]) -> SipAnswer:
    """The providers of both huvudmän that belong at the table for these needs."""
    if not needs:
        raise InvalidQuery("need", "give at least one need")
    place = registry.resolve_area(area)
    pool = [
        p
        for p in registry.serving(place.id)
        if p.fits_age(age) and p.kind not in NOT_AT_TABLE and p.level != Level.akut
    ]
    chosen: dict[Kind, Participant] = {}
    for provider in sorted(pool, key=lambda p: (registry.distance(p, place.id), p.name)):
        if provider.kind in chosen:
            continue  # the nearest unit of each kind speaks for that kind
        why = _why(provider, needs)
        if why:
            chosen[provider.kind] = Participant(provider, why, GROUPS[provider.principal])
    participants = sorted(
        chosen.values(),
        key=lambda p: (GROUP_ORDER.index(p.group), p.provider.level != Level.forsta_linjen),
    )
    groups = {p.group for p in participants}
    return SipAnswer(
        area=place,
        age=age,
        needs=tuple(dict.fromkeys(needs)),
        participants=tuple(participants),
        legal_basis=LEGAL_BASIS,
        consent=CONSENT,
        both_principals={"kommun", "region"} <= groups,
    )


def _why(provider: Provider, needs: Sequence[Need]) -> Msg | None:
    if provider.kind == Kind.socialtjanst:
        return Msg(
            "Socialtjänsten ansvarar för kommunens stöd till barnet och familjen och är "
            "en av de två huvudmän som SIP:en binder."
        )
    matched = Items(tuple(NEED_LABELS[n] for n in needs if provider.handles(n)))
    if provider.kind in SCHOOL_KINDS:
        if matched.labels:
            return Msg(
                "Skolan kan föreslå en SIP och delta med samtycke; här om {needs}.", needs=matched
            )
        return Msg("Skolan kan föreslå en SIP och delta med samtycke.")
    if not matched.labels:
        return None
    return Msg(
        "{kind} kan hjälpa till med {needs}.",
        kind=Msg(KIND_LABELS[provider.kind]),
        needs=matched,
    )
