"""The organisation map as a text alternative: the same content, as data for lists.

A drawing says little to a screen reader, and a phone shows it only in pieces; the page
renders this as lists and a table instead. It is built from the laid-out map, so the two
can never disagree. No HTML here: labels are the Swedish source strings, for the
template to pass through gettext.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pathways.models import FORUM_LEVEL_LABELS, Forum, Provider
from pathways.orgmap.model import KIND_PLURAL, MECHANISM_SHORT, Box, OrgMap
from pathways.registry import Registry
from pathways.vocab import KIND_LABELS, LEVEL_LABELS, MECHANISM_LABELS, Kind, Mechanism


@dataclass(frozen=True)
class TextBox:
    box: Box
    label: str  # Swedish: the kind's plural, or the unit's name (data)
    translate: bool  # whether `label` is a sentence to translate or a name
    level_label: str  # Swedish
    lit: tuple[str, ...]  # ids of the units on the young person's path


@dataclass(frozen=True)
class TextFlow:
    origin: TextBox
    target: TextBox
    mechanisms: tuple[Mechanism, ...]
    labels: tuple[str, ...]  # Swedish, the full MECHANISM_LABELS sentences
    when: tuple[str, ...]
    edges: int
    highlighted: bool


@dataclass(frozen=True)
class TextForum:
    forum: Forum
    level_label: str  # Swedish
    members: tuple[Provider, ...]
    member_kinds: tuple[str, ...]  # Swedish kind labels of kind members with no unit here


@dataclass(frozen=True)
class MapText:
    """The map as data a template renders as lists and tables (no HTML here)."""

    boxes: tuple[TextBox, ...]
    flows: tuple[TextFlow, ...]
    forums: tuple[TextForum, ...]

    def as_data(self) -> dict[str, Any]:
        """Plain JSON-ready data (ids, names, Swedish labels) for the page's JSON twin."""

        def ref(p: Provider) -> dict[str, str]:
            return {"id": p.id, "name": p.name, "kind": p.kind.value}

        return {
            "boxes": [
                {
                    "id": t.box.id,
                    "kind": t.box.kind.value,
                    "label": t.label,
                    "count": t.box.count,
                    "level": t.box.level.value,
                    "link": t.box.link,
                    "highlighted": t.box.highlighted,
                    "units": [{**ref(u), "highlighted": u.id in t.lit} for u in t.box.units],
                }
                for t in self.boxes
            ],
            "flows": [
                {
                    "from": f.origin.box.id,
                    "to": f.target.box.id,
                    "mechanisms": [m.value for m in f.mechanisms],
                    "labels": list(f.labels),
                    "when": list(f.when),
                    "edges": f.edges,
                    "highlighted": f.highlighted,
                }
                for f in self.flows
            ],
            "forums": [
                {
                    "id": f.forum.id,
                    "name": f.forum.name,
                    "level": f.forum.level.value,
                    "level_label": f.level_label,
                    "purpose": f.forum.purpose,
                    "members": [ref(p) for p in f.members],
                    "member_kinds_missing": list(f.member_kinds),
                    "website": f.forum.website,
                    "source": f.forum.source,
                    "reviewed": f.forum.reviewed.isoformat(),
                    "verified": f.forum.verified,
                }
                for f in self.forums
            ],
        }


def map_text(m: OrgMap, registry: Registry) -> MapText:
    """The same content as the drawing: every box with its units, then every arrow."""
    boxes = {
        b.id: TextBox(
            box=b,
            label=KIND_PLURAL.get(b.kind, KIND_LABELS[b.kind]) if b.group else b.units[0].name,
            translate=b.group,
            level_label=LEVEL_LABELS[b.level],
            lit=tuple(u.id for u in b.units if _lit(u, m)),
        )
        for b in m.boxes
    }
    flows = tuple(
        TextFlow(
            origin=boxes[a.origin],
            target=boxes[a.target],
            mechanisms=a.mechanisms,
            labels=tuple(MECHANISM_LABELS[mech] for mech in a.mechanisms),
            when=a.when,
            edges=a.edges,
            highlighted=a.highlighted,
        )
        for a in m.arrows
    )
    return MapText(tuple(boxes.values()), flows, tuple(_forums(m, registry)))


def _lit(unit: Provider, m: OrgMap) -> bool:
    return m.need is not None and unit.handles(m.need) and (m.age is None or unit.fits_age(m.age))


def _forums(m: OrgMap, registry: Registry) -> list[TextForum]:
    out = []
    for forum in registry.forums_in(m.area.id):
        members = tuple(registry.forum_members(forum, m.area.id))
        kinds_here = {p.kind.value for p in members}
        missing = tuple(
            KIND_LABELS[Kind(k)]
            for k in forum.members
            if k in Kind.__members__ and k not in kinds_here
        )
        out.append(TextForum(forum, FORUM_LEVEL_LABELS[forum.level], members, missing))
    return out


__all__ = ["MECHANISM_SHORT", "MapText", "TextBox", "TextFlow", "TextForum", "map_text"]
