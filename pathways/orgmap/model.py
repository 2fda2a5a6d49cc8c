"""The shapes of a laid-out organisation map: boxes, arrows and the map itself.

Kept apart from the code that builds, draws and describes a map, so that each of those
imports these and none imports another (no import circle).
"""

from __future__ import annotations

from dataclasses import dataclass

from pathways.messages import N_
from pathways.models import Area, Provider
from pathways.orgmap.geometry import Point, Rect
from pathways.vocab import Kind, Level, Mechanism, Need, Principal

# A box for a kind reads "Vårdcentraler (12)": the plural, then the count.
KIND_PLURAL: dict[Kind, str] = {
    Kind.elevhalsa: N_("Elevhälsan på skolorna"),
    Kind.skolsocialt_team: N_("Skolsociala team"),
    Kind.ungdomsmottagning: N_("Ungdomsmottagningar"),
    Kind.vardcentral: N_("Vårdcentraler"),
    Kind.uph: N_("Vårdcentraler för ungas psykiska hälsa (UPH)"),
    Kind.smabarnsteam: N_("Småbarnsteam"),
    Kind.bvc: N_("Barnavårdscentraler (BVC)"),
    Kind.familjecentral: N_("Familjecentraler"),
    Kind.bup: N_("BUP-mottagningar"),
    Kind.bup_akut: N_("BUP akut"),
    Kind.psykiatrisk_akut: N_("Psykiatriska akutmottagningar (18+)"),
    Kind.socialtjanst: N_("Socialtjänsten"),
    Kind.socialjour: N_("Socialjourer"),
    Kind.beroende_unga: N_("Mottagningar om alkohol, droger och spel"),
    Kind.habilitering: N_("Habiliteringen"),
    Kind.bum: N_("Barn- och ungdomsmedicin (BUM)"),
    Kind.stodlinje: N_("Stödlinjer"),
    Kind.akut: N_("Akut hjälp"),
}

# Words on the arrows: one word per mechanism (the full sentence is in the tooltip).
MECHANISM_SHORT: dict[Mechanism, str] = {
    Mechanism.egen_kontakt: N_("Egen kontakt"),
    Mechanism.egenremiss: N_("Egenremiss"),
    Mechanism.hanvisning: N_("Hänvisning"),
    Mechanism.remiss: N_("Remiss"),
    Mechanism.orosanmalan: N_("Orosanmälan"),
    Mechanism.sip: N_("SIP"),
    Mechanism.konsultation: N_("Konsultation"),
    Mechanism.overlamning: N_("Överlämning"),
    Mechanism.akut: N_("Akut"),
}


@dataclass(frozen=True)
class Box:
    """One box: every unit of a kind in the area (`group`), or one unit."""

    id: str  # "kind-<kind>" for a group, the provider id for a unit
    kind: Kind
    level: Level
    principal: Principal  # the most common among its units: the box's colour
    units: tuple[Provider, ...]
    group: bool
    lines: tuple[str, ...]  # the label, translated and wrapped to fit
    link: str  # a unit's page, or the unit map of the kind
    rect: Rect
    highlighted: bool = False

    @property
    def count(self) -> int:
        return len(self.units)


@dataclass(frozen=True)
class Arrow:
    """Every flow from the units of one box to those of another, as one arrow."""

    origin: str  # box id
    target: str
    mechanisms: tuple[Mechanism, ...]  # in vocabulary order
    flows: tuple[str, ...]  # flow ids, registry order
    edges: int  # how many unit-to-unit referral edges it stands for
    when: tuple[str, ...]  # the flows' own words about when, without repeats
    points: tuple[Point, ...]
    label: tuple[str, ...]  # the mechanisms in words, translated, wrapped
    label_at: Point  # the centre of the label's first line
    highlighted: bool = False
    backwards: bool = False  # drawn right to left, against the layers


@dataclass(frozen=True)
class OrgMap:
    area: Area
    need: Need | None
    age: int | None
    kind: Kind | None  # the kind shown unit by unit, when one was asked for
    units: bool  # every kind shown unit by unit (an area with few units)
    boxes: tuple[Box, ...]
    arrows: tuple[Arrow, ...]
    title: str
    width: float
    height: float
    legend_y: float

    def box(self, box_id: str) -> Box:
        return next(b for b in self.boxes if b.id == box_id)

    def box_of(self, provider_id: str) -> Box:
        return next(b for b in self.boxes if any(u.id == provider_id for u in b.units))
