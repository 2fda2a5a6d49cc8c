"""The organisation map as a text alternative: the same content, as data for lists.

A drawing of forty boxes and a hundred arrows says little to a screen reader, and a
phone shows it only in pieces; the page renders this as lists and tables instead. It is
built from the laid-out map, so the two can never disagree. No HTML here: labels are the
Swedish source strings, for the template to pass through gettext.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pathways.mapsvg import MECHANISM_SHORT
from pathways.models import FORUM_LEVEL_LABELS, Forum, Provider
from pathways.vocab import KIND_LABELS, MECHANISM_LABELS, Kind, Level, Mechanism, Principal

if TYPE_CHECKING:
    from pathways.orgmap import OrgMap


@dataclass(frozen=True)
class TextProvider:
    provider: Provider
    highlighted: bool  # on the young person's path for the chosen need


@dataclass(frozen=True)
class TextLevel:
    level: Level
    label: str  # Swedish
    providers: tuple[TextProvider, ...]


@dataclass(frozen=True)
class TextLane:
    principal: Principal
    label: str  # Swedish
    levels: tuple[TextLevel, ...]  # only the levels with providers


@dataclass(frozen=True)
class TextFlow:
    origin: Provider
    target: Provider
    mechanism: Mechanism
    label: str  # Swedish, the full MECHANISM_LABELS sentence
    short: str  # Swedish, the word on the arrow
    when: tuple[str, ...]
    flows: tuple[str, ...]
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

    lanes: tuple[TextLane, ...]
    flows: tuple[TextFlow, ...]
    forums: tuple[TextForum, ...]
    highlighted: tuple[Provider, ...]

    def as_data(self) -> dict[str, Any]:
        """Plain JSON-ready data (ids, names, Swedish labels) for the page's JSON twin."""

        def ref(p: Provider) -> dict[str, str]:
            return {"id": p.id, "name": p.name, "kind": p.kind.value}

        return {
            "lanes": [
                {
                    "principal": lane.principal.value,
                    "label": lane.label,
                    "levels": [
                        {
                            "level": lv.level.value,
                            "label": lv.label,
                            "providers": [
                                {**ref(t.provider), "highlighted": t.highlighted}
                                for t in lv.providers
                            ],
                        }
                        for lv in lane.levels
                    ],
                }
                for lane in self.lanes
            ],
            "flows": [
                {
                    "from": ref(f.origin),
                    "to": ref(f.target),
                    "mechanism": f.mechanism.value,
                    "label": f.label,
                    "when": list(f.when),
                    "flows": list(f.flows),
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
            "highlighted": [p.id for p in self.highlighted],
        }


def map_text(m: OrgMap) -> MapText:
    """The same content as the drawing: lanes → levels → providers, then every flow."""
    lanes = []
    for lane in m.lanes:
        levels = []
        for column in m.columns:
            here = tuple(
                TextProvider(b.provider, b.highlighted)
                for b in m.boxes
                if b.lane == lane.principal and b.column == column.level
            )
            if here:
                levels.append(TextLevel(column.level, column.label, here))
        lanes.append(TextLane(lane.principal, lane.label, tuple(levels)))
    providers = {b.id: b.provider for b in m.boxes}
    flows = tuple(
        TextFlow(
            origin=providers[a.origin],
            target=providers[a.target],
            mechanism=a.mechanism,
            label=MECHANISM_LABELS[a.mechanism],
            short=MECHANISM_SHORT[a.mechanism],
            when=a.when,
            flows=a.flows,
            highlighted=a.highlighted,
        )
        for a in m.arrows
    )
    forums = []
    for placed in m.forums:
        members = tuple(providers[pid] for pid in placed.members)
        kinds_here = {p.kind.value for p in members}
        missing = tuple(
            KIND_LABELS[Kind(k)]
            for k in placed.forum.members
            if k in Kind.__members__ and k not in kinds_here
        )
        forums.append(
            TextForum(placed.forum, FORUM_LEVEL_LABELS[placed.forum.level], members, missing)
        )
    lit = tuple(b.provider for b in m.boxes if b.highlighted)
    return MapText(tuple(lanes), flows, tuple(forums), lit)
