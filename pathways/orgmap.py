"""The organisation map: who helps with what in an area, and how a young person moves on.

The seed reports ask for "en organisationskarta som tydliggör vilken vårdgivare som kan
hjälpa till med vad och visar flödet mellan de olika vårdgivarna". Here it is laid out as
swimlanes by principal (rows) and levels of care (columns); providers are boxes and
flows are arrows. `build_map` computes every coordinate, so the SVG (`render_svg`, drawn
in `pathways.mapsvg`) and the text alternative (`map_text`) show the same content.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from pathways.graph import flow_applies
from pathways.maplayout import (
    BOX_PAD,
    BOX_W,
    EMPTY_LANE_H,
    FONT,
    FORUM_GAP,
    FORUM_W,
    GUTTER,
    HEAD,
    LABEL_W,
    LEGEND_LINE,
    LINE,
    MARGIN,
    MAX_SUB,
    MIN_BOX_H,
    PORT_GAP,
    ROW_GAP,
    ROWS_TARGET,
    TITLE_H,
    Point,
    Tracks,
    nearest,
    orthogonal,
    spread,
    wrap,
)
from pathways.mapsvg import render_svg
from pathways.maptext import MapText, map_text
from pathways.models import Area, Flow, Forum, Provider
from pathways.registry import Registry
from pathways.vocab import (
    LEVEL_LABELS,
    LEVEL_ORDER,
    PRINCIPAL_LABELS,
    Kind,
    Level,
    Mechanism,
    Need,
    Principal,
)

# Joint units sit between the two huvudmän; those of neither come last.
LANE_ORDER: tuple[Principal, ...] = (
    Principal.kommun,
    Principal.kommun_och_region,
    Principal.region,
    Principal.privat,
    Principal.ideell,
    Principal.stat,
)
# Shown even when empty: an empty joint lane is itself worth seeing.
ALWAYS_LANES = frozenset(
    {Principal.kommun, Principal.kommun_och_region, Principal.region, Principal.ideell}
)
LEVELS: tuple[Level, ...] = tuple(sorted(Level, key=LEVEL_ORDER.__getitem__))
MECHANISMS: tuple[Mechanism, ...] = tuple(Mechanism)
KINDS: tuple[Kind, ...] = tuple(Kind)

__all__ = [
    "Arrow",
    "Box",
    "Column",
    "Lane",
    "MapForum",
    "MapText",
    "OrgMap",
    "build_map",
    "map_text",
    "render_svg",
]


@dataclass(frozen=True)
class Lane:
    principal: Principal
    label: str  # Swedish; pass through gettext to show
    y: float
    h: float


@dataclass(frozen=True)
class Column:
    level: Level
    label: str  # Swedish; pass through gettext to show
    x: float
    w: float


@dataclass(frozen=True)
class Box:
    provider: Provider
    lane: Principal
    column: Level
    x: float
    y: float
    w: float
    h: float
    lines: tuple[str, ...]  # the name, wrapped to fit the box
    highlighted: bool = False

    @property
    def id(self) -> str:
        return self.provider.id

    @property
    def rect(self) -> tuple[float, float, float, float]:
        return (self.x, self.y, self.w, self.h)


@dataclass(frozen=True)
class Arrow:
    """All flows with one mechanism from one provider to another, drawn as one line."""

    origin: str  # box (provider) id
    target: str
    mechanism: Mechanism
    flows: tuple[str, ...]  # flow ids, registry order
    when: tuple[str, ...]  # the flows' own words about when, without repeats
    points: tuple[Point, ...]
    label_at: Point
    label_anchor: str  # "start" | "end": the label reads away from the target box
    highlighted: bool = False


@dataclass(frozen=True)
class MapForum:
    """A collaboration forum of the area, with the providers on this map that take part."""

    forum: Forum
    members: tuple[str, ...]  # provider ids on the map
    x: float
    y: float
    w: float
    h: float
    lines: tuple[str, ...]  # the name, wrapped


@dataclass(frozen=True)
class OrgMap:
    area: Area
    need: Need | None
    age: int | None
    lanes: tuple[Lane, ...]
    columns: tuple[Column, ...]
    boxes: tuple[Box, ...]
    arrows: tuple[Arrow, ...]
    forums: tuple[MapForum, ...]
    width: float
    height: float
    header_y: float  # top of the column headings
    legend_y: float  # top of the legend, under the lanes
    forums_y: float  # top of the forum band (the map's height when there is none)

    def box(self, provider_id: str) -> Box:
        return next(b for b in self.boxes if b.id == provider_id)


def build_map(
    registry: Registry, area: str, need: Need | None = None, age: int | None = None
) -> OrgMap:
    """Lay out the providers working in an area and the flows between them.

    A professional asking about a kommun means every unit in it (`Registry.within`).
    With a need, the providers handling it (for the age, when given) and the flows that
    apply to it between them are highlighted: the young person's path through the map.
    """
    found = registry.resolve_area(area)
    providers = sorted(registry.within(found.id), key=_provider_order)
    on_map = {p.id for p in providers}
    lit = {
        p.id
        for p in providers
        if need is not None and p.handles(need) and (age is None or p.fits_age(age))
    }
    present = {p.principal for p in providers}
    lanes = [pr for pr in LANE_ORDER if pr in ALWAYS_LANES or pr in present]
    grid = _Grid.place(providers, lanes)
    grouped = _collapse(registry, providers, on_map)
    ports = _Ports.assign(grouped, grid)
    lines = {p.id: wrap(p.name, BOX_W - 2 * BOX_PAD, FONT) for p in providers}
    row_h: dict[tuple[int, int], float] = defaultdict(float)
    for p in providers:
        lane_i, row, _ = grid.slot[p.id]
        need_h = max(MIN_BOX_H, len(lines[p.id]) * LINE + 2 * BOX_PAD, ports.height(p.id))
        row_h[lane_i, row] = max(row_h[lane_i, row], need_h)

    columns = grid.columns()
    header_y = MARGIN + TITLE_H
    header_h = max(len(wrap(c.label, c.w - 2 * BOX_PAD, HEAD)) for c in columns) * (HEAD + 4) + 16
    stacked, row_y, channels = _stack(lanes, row_h, header_y + header_h)
    boxes = {}
    for p in providers:
        lane_i, row, col = grid.slot[p.id]
        boxes[p.id] = Box(
            provider=p,
            lane=p.principal,
            column=p.level,
            x=grid.box_x(col),
            y=row_y[lane_i, row],
            w=BOX_W,
            h=row_h[lane_i, row],
            lines=lines[p.id],
            highlighted=p.id in lit,
        )
    router = _Router(grid, ports, boxes, channels)
    arrows = tuple(_arrow(key, fl, router, need, age, lit) for key, fl in grouped.items())

    legend_y = stacked[-1].y + stacked[-1].h + MARGIN
    entries = len({a.mechanism for a in arrows}) + (1 if need else 0)
    forums_y = legend_y + ((entries + 1) * LEGEND_LINE + MARGIN if entries else 0.0)
    forums, height = _place_forums(registry, found.id, forums_y, grid.width)
    return OrgMap(
        area=found,
        need=need,
        age=age,
        lanes=stacked,
        columns=columns,
        boxes=tuple(boxes[p.id] for p in providers),
        arrows=arrows,
        forums=forums,
        width=grid.width,
        height=height,
        header_y=header_y,
        legend_y=legend_y,
        forums_y=forums_y,
    )


def _provider_order(p: Provider) -> tuple[int, int, int, str, str]:
    return (LANE_ORDER.index(p.principal), LEVEL_ORDER[p.level], KINDS.index(p.kind), p.name, p.id)


Key = tuple[str, str, Mechanism]  # origin id, target id, mechanism: one arrow
PITCH = BOX_W + GUTTER  # from one sub-column to the next


def _collapse(
    registry: Registry, providers: list[Provider], on_map: set[str]
) -> dict[Key, list[Flow]]:
    """Parallel flows with one mechanism between the same two providers: one arrow."""
    grouped: dict[Key, list[Flow]] = {}
    for origin in providers:
        for target, keyed in sorted(registry.succ.get(origin.id, {}).items()):
            if target not in on_map:
                continue
            for data in keyed.values():
                flow: Flow = data["flow"]
                grouped.setdefault((origin.id, target, flow.mechanism), []).append(flow)
    return grouped


@dataclass(frozen=True)
class _Grid:
    """Where each box sits: lane, row and a global sub-column.

    A level's column splits into sub-columns when one lane has many units at that level
    (Stockholm has 13 elevhälsor and 13 socialtjänster), so cells stay a few rows tall.
    Sub-columns are separated by gutters, and rows by channels, which hold no boxes.
    """

    subs: dict[Level, int]  # sub-columns per level
    first: dict[Level, int]  # the first global sub-column of each level
    slot: dict[str, tuple[int, int, int]]  # provider id -> (lane index, row, sub-column)

    @classmethod
    def place(cls, providers: list[Provider], lanes: list[Principal]) -> _Grid:
        cells: dict[tuple[Principal, Level], list[Provider]] = defaultdict(list)
        for p in providers:
            cells[p.principal, p.level].append(p)
        subs = {}
        for level in LEVELS:
            tallest = max(len(cells[lane, level]) for lane in lanes)
            subs[level] = min(MAX_SUB, max(1, math.ceil(tallest / ROWS_TARGET)))
        first, total = {}, 0
        for level in LEVELS:
            first[level] = total
            total += subs[level]
        slot = {}
        for (principal, level), members in cells.items():
            for i, p in enumerate(members):
                row, sub = divmod(i, subs[level])
                slot[p.id] = (lanes.index(principal), row, first[level] + sub)
        return cls(subs, first, slot)

    @property
    def width(self) -> float:
        return MARGIN + LABEL_W + sum(self.subs.values()) * PITCH + GUTTER + MARGIN

    def box_x(self, sub: int) -> float:
        return MARGIN + LABEL_W + GUTTER + sub * PITCH

    def gutter_x(self, gutter: int) -> float:
        """The middle of gutter `gutter`, which lies left of sub-column `gutter`."""
        return MARGIN + LABEL_W + gutter * PITCH + GUTTER / 2

    def columns(self) -> tuple[Column, ...]:
        return tuple(
            Column(lv, LEVEL_LABELS[lv], self.gutter_x(self.first[lv]), self.subs[lv] * PITCH)
            for lv in LEVELS
        )


@dataclass(frozen=True)
class _Ports:
    """Which side of its boxes each arrow uses, and where on that side.

    Arrows leave towards the target's column and enter from the side facing the source
    (the right side within one column). All arrows of one mechanism entering a side
    share one port, so their labels coincide instead of piling up.
    """

    sides: dict[Key, tuple[str, str]]  # arrow -> (side it leaves, side it enters)
    groups: dict[tuple[str, str], list[tuple[int, int]]]  # (box, side) -> sorted ports

    @classmethod
    def assign(cls, grouped: dict[Key, list[Flow]], grid: _Grid) -> _Ports:
        sides: dict[Key, tuple[str, str]] = {}
        groups: dict[tuple[str, str], set[tuple[int, int]]] = defaultdict(set)
        for origin, target, mech in grouped:
            col_o, col_t = grid.slot[origin][2], grid.slot[target][2]
            out_side = "right" if col_t >= col_o else "left"
            in_side = "left" if col_t > col_o else "right"
            sides[origin, target, mech] = (out_side, in_side)
            groups[origin, out_side].add((0, MECHANISMS.index(mech)))
            groups[target, in_side].add((1, MECHANISMS.index(mech)))
        return cls(sides, {k: sorted(v) for k, v in groups.items()})

    def height(self, box_id: str) -> float:
        """The box height that leaves room between the ports (and their labels)."""
        most = max(len(self.groups.get((box_id, side), ())) for side in ("left", "right"))
        return (most + 1) * PORT_GAP

    def at(self, box: Box, side: str, port: tuple[int, int]) -> Point:
        order = self.groups[box.id, side]
        y = spread(len(order), box.y, box.h)[order.index(port)]
        return (box.x if side == "left" else box.x + box.w, y)


def _stack(
    lanes: list[Principal], row_h: dict[tuple[int, int], float], top: float
) -> tuple[tuple[Lane, ...], dict[tuple[int, int], float], list[float]]:
    """Stack the lanes downwards: their y, each row's y, and the channels' middles."""
    stacked: list[Lane] = []
    row_y: dict[tuple[int, int], float] = {}
    channels: list[float] = []
    y = top
    for lane_i, principal in enumerate(lanes):
        rows = sorted(r for (li, r) in row_h if li == lane_i)
        cursor = y + ROW_GAP
        channels.append(y + ROW_GAP / 2)
        for r in rows:
            row_y[lane_i, r] = cursor
            cursor += row_h[lane_i, r]
            channels.append(cursor + ROW_GAP / 2)
            cursor += ROW_GAP
        label_lines = len(wrap(PRINCIPAL_LABELS[principal], LABEL_W - 2 * BOX_PAD, FONT + 1))
        h = max(cursor - y, label_lines * LINE + 2 * BOX_PAD, 0.0 if rows else EMPTY_LANE_H)
        if not rows:
            channels[-1] = y + h / 2
        stacked.append(Lane(principal, PRINCIPAL_LABELS[principal], y, h))
        y += h
    return tuple(stacked), row_y, channels


class _Router:
    """Right-angled paths through gutters and channels, which hold no boxes.

    Lines sharing a gutter or a channel take side-by-side tracks, so fewer overlap; the
    counters make the routing depend on the order of arrows, which is fixed.
    """

    def __init__(
        self, grid: _Grid, ports: _Ports, boxes: dict[str, Box], channels: list[float]
    ) -> None:
        self.grid, self.ports, self.boxes, self.channels = grid, ports, boxes, channels
        self.gutters = Tracks(7, 5.0)
        self.crossings = Tracks(5, 5.0)

    def route(self, key: Key) -> tuple[tuple[Point, ...], Point, str]:
        """The path of one arrow, where its label goes and which way the label runs."""
        origin, target, mech = key
        out_side, in_side = self.ports.sides[key]
        index = MECHANISMS.index(mech)
        start = self.ports.at(self.boxes[origin], out_side, (0, index))
        end = self.ports.at(self.boxes[target], in_side, (1, index))
        g_out = self.grid.slot[origin][2] + (1 if out_side == "right" else 0)
        g_in = self.grid.slot[target][2] + (1 if in_side == "right" else 0)
        out_x = self.grid.gutter_x(g_out) + self.gutters.take(g_out)
        if g_out == g_in:
            points = orthogonal(start, end, out_x, out_x, None)
        else:
            channel = nearest(self.channels, (start[1] + end[1]) / 2)
            channel_y = channel + self.crossings.take(channel)
            in_x = self.grid.gutter_x(g_in) + self.gutters.take(g_in)
            points = orthogonal(start, end, out_x, in_x, channel_y)
        # the label sits just above the line where it enters, reading away from the box
        away = -1 if in_side == "left" else 1
        label_at = (end[0] + away * 12, end[1] - 3)
        return points, label_at, "end" if in_side == "left" else "start"


def _arrow(
    key: Key,
    flows: list[Flow],
    router: _Router,
    need: Need | None,
    age: int | None,
    lit: set[str],
) -> Arrow:
    origin, target, mech = key
    points, label_at, anchor = router.route(key)
    applies = need is not None and any(flow_applies(f, age=age, needs=(need,)) for f in flows)
    return Arrow(
        origin=origin,
        target=target,
        mechanism=mech,
        flows=tuple(f.id for f in flows),
        when=tuple(dict.fromkeys(f.when for f in flows if f.when)),
        points=points,
        label_at=label_at,
        label_anchor=anchor,
        highlighted=applies and origin in lit and target in lit,
    )


def _place_forums(
    registry: Registry, area_id: str, top: float, width: float
) -> tuple[tuple[MapForum, ...], float]:
    """Forums as cards in rows under the lanes; returns them and the map's full height."""
    forums = registry.forums_in(area_id)
    if not forums:
        return (), top
    per_row = max(1, int((width - 2 * MARGIN + FORUM_GAP) // (FORUM_W + FORUM_GAP)))
    y = top + LINE + 12  # room for the band's heading
    placed: list[MapForum] = []
    for start in range(0, len(forums), per_row):
        row = forums[start : start + per_row]
        wrapped = [wrap(f.name, FORUM_W - 2 * BOX_PAD, FONT) for f in row]
        h = max(len(w) for w in wrapped) * LINE + 2 * LINE + 2 * BOX_PAD
        for i, (forum, name_lines) in enumerate(zip(row, wrapped, strict=True)):
            members = tuple(p.id for p in registry.forum_members(forum, area_id))
            x = MARGIN + i * (FORUM_W + FORUM_GAP)
            placed.append(MapForum(forum, members, x, y, FORUM_W, h, name_lines))
        y += h + FORUM_GAP
    return tuple(placed), y + MARGIN - FORUM_GAP
