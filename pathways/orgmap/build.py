"""Build the organisation map of an area: one box per kind, arrows between kinds.

The seed reports ask for "en organisationskarta som tydliggör vilken vårdgivare som kan
hjälpa till med vad och visar flödet mellan de olika vårdgivarna". Stockholms stad has
hundreds of units and over a thousand referral edges between them, which no one can read
as a drawing; by kind it is about fifteen boxes ("Vårdcentraler (12)") and the ways
between them. Units are shown on demand: the unit map of one kind, or every unit when an
area has only a few. Every coordinate is computed here, so the drawing (`svg`) and the
text alternative (`text`) show the same content.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlencode

from pathways.graph import flow_applies
from pathways.messages import Gettext, Msg
from pathways.models import Flow, Provider
from pathways.orgmap.geometry import (
    BOX_PAD,
    BOX_W,
    CHAR_EM,
    FONT,
    GAP,
    HEAD,
    LEGEND_LINE,
    LINE,
    MARGIN,
    MIN_BOX_H,
    SMALL,
    TITLE_H,
    text_width,
    wrap,
)
from pathways.orgmap.layout import Edge, Item, layered, layers_from_ranks, place_labels
from pathways.orgmap.model import KIND_PLURAL, MECHANISM_SHORT, Arrow, Box, OrgMap
from pathways.registry import Registry
from pathways.vocab import KIND_LABELS, LEVEL_ORDER, Kind, Mechanism, Need, Principal

# An area with this many units or fewer is drawn unit by unit: the boxes stay few.
FEW_UNITS = 10
# A unit map draws at most this many units of its kind (a region has thousands of school
# units); beyond it the kind stays one box and the page lists the units as text.
MAX_UNIT_BOXES = 40
PRINCIPALS: tuple[Principal, ...] = tuple(Principal)
MECHANISMS: tuple[Mechanism, ...] = tuple(Mechanism)
# Steps between professionals: drawn, but they do not decide who comes after whom.
PROFESSIONAL_ONLY = frozenset({Mechanism.orosanmalan, Mechanism.konsultation, Mechanism.sip})


def build_map(
    registry: Registry,
    area: str,
    need: Need | None = None,
    age: int | None = None,
    *,
    kind: Kind | None = None,
    gettext: Gettext = str,
) -> OrgMap:
    """Lay out the kinds of provider working in an area and the flows between them.

    A professional asking about a kommun means every unit in it (`Registry.within`).
    With a need, the kinds with a unit handling it (for the age, when given) and the
    flows that apply to it between them are highlighted: the young person's path.
    `kind` shows that kind unit by unit. Labels are translated before layout, since
    their length decides the boxes' height.
    """
    found = registry.resolve_area(area)
    providers = registry.within(found.id)
    every_unit = len(providers) <= FEW_UNITS
    lit = {
        p.id
        for p in providers
        if need is not None and p.handles(need) and (age is None or p.fits_age(age))
    }
    groups = _groups(providers, kind, every_unit)
    box_of = {p.id: box_id for box_id, (_, units) in groups.items() for p in units}
    links = _Links(found.id, need, age)
    flows = _flows(registry, providers, box_of, need, age, lit)

    items = []
    lines: dict[str, tuple[str, ...]] = {}
    for box_id, (group_kind, units) in groups.items():
        lines[box_id] = wrap(_label(group_kind, units, box_id, gettext), BOX_W - 2 * BOX_PAD, FONT)
        h = max(MIN_BOX_H, len(lines[box_id]) * LINE + 2 * BOX_PAD)
        items.append(Item(box_id, _hint(group_kind, units), h))
    ranks = {i.id: i.hint[0] for i in items}
    passing = [e for e, f in flows.items() if f.mechanisms - PROFESSIONAL_ONLY]
    layers = layers_from_ranks(ranks, passing)
    placed = layered(items, list(flows), layers, MARGIN, MARGIN + TITLE_H)

    labels = {edge: _arrow_label(f.mechanisms, gettext) for edge, f in flows.items()}
    sizes = {
        e: (max(text_width(t, SMALL) for t in lab) + 6, len(lab) * (SMALL + 2) + 2)
        for e, lab in labels.items()
    }
    spots = place_labels(placed.routes, sizes, list(placed.rects.values()))
    boxes = tuple(
        _box(box_id, group_kind, units, lines[box_id], placed.rects[box_id], lit, links)
        for box_id, (group_kind, units) in sorted(groups.items(), key=lambda g: placed.rects[g[0]])
    )
    arrows = tuple(
        Arrow(
            origin=edge[0],
            target=edge[1],
            mechanisms=tuple(m for m in MECHANISMS if m in f.mechanisms),
            flows=tuple(dict.fromkeys(f.flows)),
            edges=f.edges,
            when=tuple(dict.fromkeys(f.when)),
            points=placed.routes[edge],
            label=labels[edge],
            label_at=spots[edge],
            highlighted=f.highlighted,
            backwards=edge in placed.backwards,
        )
        for edge, f in flows.items()
    )
    title = Msg("Organisationskarta: {area}", area=found.name).render(gettext)
    legend_y = MARGIN + TITLE_H + placed.height + 2 * MARGIN
    entries = len({m for a in arrows for m in a.mechanisms}) + (2 if need else 1)
    title_w = text_width(title, HEAD + 4) + 2 * MARGIN
    return OrgMap(
        area=found,
        need=need,
        age=age,
        kind=kind,
        units=every_unit,
        boxes=boxes,
        arrows=arrows,
        title=title,
        width=max(placed.width + 2 * MARGIN, title_w, 560.0),
        height=legend_y + (entries + 1) * LEGEND_LINE + MARGIN,
        legend_y=legend_y,
    )


def _groups(
    providers: list[Provider], kind: Kind | None, every_unit: bool
) -> dict[str, tuple[Kind, tuple[Provider, ...]]]:
    """Box id -> (kind, units): one box per kind, or per unit where units are shown.

    A kind with a single unit here is shown as that unit: its name says more than
    "Socialtjänsten (1)".
    """
    by_kind: dict[Kind, list[Provider]] = defaultdict(list)
    for p in sorted(providers, key=lambda p: (p.name, p.id)):
        by_kind[p.kind].append(p)
    out: dict[str, tuple[Kind, tuple[Provider, ...]]] = {}
    for group_kind, units in by_kind.items():
        asked = group_kind == kind and len(units) <= MAX_UNIT_BOXES
        if every_unit or asked or len(units) == 1:
            for unit in units:
                out[unit.id] = (group_kind, (unit,))
        else:
            out[f"kind-{group_kind.value}"] = (group_kind, tuple(units))
    return out


@dataclass
class _Flow:
    mechanisms: set[Mechanism] = field(default_factory=set)
    flows: list[str] = field(default_factory=list)
    when: list[str] = field(default_factory=list)
    edges: int = 0
    highlighted: bool = False


def _flows(
    registry: Registry,
    providers: list[Provider],
    box_of: dict[str, str],
    need: Need | None,
    age: int | None,
    lit: set[str],
) -> dict[Edge, _Flow]:
    """Every referral edge between two units on the map, gathered per pair of boxes."""
    out: dict[Edge, _Flow] = defaultdict(_Flow)
    for origin in sorted(providers, key=lambda p: p.id):
        for target, keyed in sorted(registry.succ.get(origin.id, {}).items()):
            box = box_of.get(target)
            if box is None:
                continue
            for data in keyed.values():
                flow: Flow = data["flow"]
                entry = out[box_of[origin.id], box]
                entry.mechanisms.add(flow.mechanism)
                entry.flows.append(flow.id)
                entry.edges += 1
                if flow.when:
                    entry.when.append(flow.when)
                if need is not None and origin.id in lit and target in lit:
                    entry.highlighted = entry.highlighted or flow_applies(flow, age, (need,))
    return dict(sorted(out.items()))


def _label(kind: Kind, units: tuple[Provider, ...], box_id: str, gettext: Gettext) -> str:
    if box_id == units[0].id:
        return units[0].name
    plural = KIND_PLURAL.get(kind, KIND_LABELS[kind])
    return f"{gettext(plural)} ({len(units)})"


def _hint(kind: Kind, units: tuple[Provider, ...]) -> tuple[int, ...]:
    """The first position of a box: by level of care, then principal, then kind."""
    unit = units[0]
    return (LEVEL_ORDER[unit.level], PRINCIPALS.index(unit.principal), list(Kind).index(kind))


def _arrow_label(mechanisms: set[Mechanism], gettext: Gettext) -> tuple[str, ...]:
    words = [gettext(MECHANISM_SHORT[m]) for m in MECHANISMS if m in mechanisms]
    width = GAP - 24
    lines: list[str] = []
    for word in words:
        candidate = f"{lines[-1]} · {word}" if lines else word
        if lines and len(candidate) * CHAR_EM * SMALL <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return tuple(lines)


@dataclass(frozen=True)
class _Links:
    area: str
    need: Need | None
    age: int | None

    def unit_map(self, kind: Kind) -> str:
        query: dict[str, str] = {"area": self.area, "kind": kind.value}
        if self.need is not None:
            query["need"] = self.need.value
        if self.age is not None:
            query["age"] = str(self.age)
        return "/karta?" + urlencode(query)


def _box(
    box_id: str,
    kind: Kind,
    units: tuple[Provider, ...],
    lines: tuple[str, ...],
    rect: tuple[float, float, float, float],
    lit: set[str],
    links: _Links,
) -> Box:
    group = box_id != units[0].id
    principal = Counter(u.principal for u in units).most_common(1)[0][0]
    return Box(
        id=box_id,
        kind=kind,
        level=units[0].level,
        principal=principal,
        units=units,
        group=group,
        lines=lines,
        link=links.unit_map(kind) if group else f"/mottagning/{units[0].id}",
        rect=rect,
        highlighted=any(u.id in lit for u in units),
    )
