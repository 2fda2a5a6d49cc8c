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
from pathways.models import Area, Forum, Provider
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
# The school is invited when school is part of what the plan must solve; otherwise it
# is not (it may still propose a SIP, and the family may ask for it to come).
SCHOOL_NEEDS = frozenset({Need.skolfranvaro, Need.mobbning, Need.npf})
ADULT_AGE = 18
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
class FamilyMember:
    role: str  # "ung" | "vardnadshavare" | "narstaende"
    label: Msg
    why: Msg


@dataclass(frozen=True)
class SipAnswer:
    area: Area
    age: int
    needs: tuple[Need, ...]
    participants: tuple[Participant, ...]
    legal_basis: tuple[Msg, ...]
    consent: Msg
    both_principals: bool
    family: tuple[FamilyMember, ...] = ()  # at the table first: the plan is theirs
    frameworks: tuple[Forum, ...] = ()  # the local collaboration the SIP is part of
    school_invited: bool = False


def sip(registry: Registry, *, area: str, age: int, needs: Sequence[Need]) -> SipAnswer:
    """The providers of both huvudmän that belong at the table for these needs."""
    if not needs:
        raise InvalidQuery("need", "give at least one need")
    place = registry.resolve_area(area)
    school = bool(SCHOOL_NEEDS.intersection(needs))
    pool = [
        p
        for p in registry.serving(place.id)
        if p.fits_age(age)
        and p.kind not in NOT_AT_TABLE
        and p.level != Level.akut
        and (school or p.kind not in SCHOOL_KINDS)
        and (p.kind != Kind.skolsocialt_team or Need.skolfranvaro in needs)
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
        family=_family(age),
        frameworks=tuple(registry.forums_in(place.id)),
        school_invited=school,
    )


def _family(age: int) -> tuple[FamilyMember, ...]:
    """The child or young person and the guardians sit at the table: consent is theirs.

    The VGR agreement (Överenskommelse om samverkan för barns och ungas hälsa) says that
    the child and the guardians shall be able to influence the efforts (delaktighet).
    """
    if age >= ADULT_AGE:
        return (
            FamilyMember(
                "ung",
                Msg("Den unga"),
                Msg("Planen är hens. Hen samtycker till SIP:en och bestämmer vilka som är med."),
            ),
            FamilyMember(
                "narstaende",
                Msg("Närstående, om den unga vill"),
                Msg("Den unga bestämmer om närstående ska vara med."),
            ),
        )
    return (
        FamilyMember(
            "ung",
            Msg("Barnet eller den unga"),
            Msg(
                "Planen handlar om barnet. Barnet ska kunna vara med och påverka, på sitt sätt "
                "och efter ålder och mognad."
            ),
        ),
        FamilyMember(
            "vardnadshavare",
            Msg("Vårdnadshavarna"),
            Msg(
                "De samtycker till SIP:en och till vilka som deltar. Utan samtycke blir det "
                "ingen SIP."
            ),
        ),
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
