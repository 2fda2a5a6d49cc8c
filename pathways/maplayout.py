"""Geometry for the organisation map, free of any registry knowledge.

Pages must work without JavaScript and print, so the map is laid out on the server.
Nothing here measures real fonts: text width is estimated from the character count, which
is generous for the sans-serif fonts browsers pick, so text that "fits" here fits there.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence

CHAR_EM = 0.6  # estimated advance of one character, as a share of the font size

# Sizes in SVG user units (px at 100 %).
FONT = 12.0
LINE = 15.0
SMALL = 10.0
HEAD = 14.0
BOX_W = 176.0
BOX_PAD = 8.0
MIN_BOX_H = 40.0
PORT_GAP = 16.0
GUTTER = 112.0
ROW_GAP = 30.0
LABEL_W = 150.0
MARGIN = 16.0
TITLE_H = 36.0
ROWS_TARGET = 6  # boxes stacked in a cell before it gets another sub-column
MAX_SUB = 4
EMPTY_LANE_H = 56.0
LEGEND_LINE = 20.0
FORUM_W = 2 * BOX_W + GUTTER / 2
FORUM_GAP = 16.0

Point = tuple[float, float]


def text_width(text: str, size: float) -> float:
    return len(text) * CHAR_EM * size


def wrap(text: str, width: float, size: float) -> tuple[str, ...]:
    """Break text into lines no wider than `width`; over-long words are hyphenated."""
    limit = max(2, int(width / (CHAR_EM * size)))
    lines: list[str] = []
    current = ""
    for word in text.split():
        while len(word) > limit:  # a word that fits on no line: split it
            if current:
                lines.append(current)
                current = ""
            lines.append(word[: limit - 1] + "-")
            word = word[limit - 1 :]
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= limit:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current or not lines:
        lines.append(current)
    return tuple(lines)


def spread(count: int, start: float, length: float) -> list[float]:
    """`count` positions evenly inside a segment, never on its ends."""
    return [start + length * (i + 1) / (count + 1) for i in range(count)]


def nearest(values: Sequence[float], target: float) -> float:
    """The value closest to `target`; the first one on a tie, so layouts are stable."""
    return min(values, key=lambda v: (abs(v - target), v))


class Tracks:
    """Side-by-side lanes for lines sharing a gutter or a channel, so fewer overlap.

    The n-th line in a channel takes the n-th track, round the centre; with more lines
    than tracks they start to share, which is still readable with the arrowheads.
    """

    def __init__(self, count: int, gap: float) -> None:
        self.count = count
        self.gap = gap
        self._used: defaultdict[Hashable, int] = defaultdict(int)

    def take(self, channel: Hashable) -> float:
        slot = self._used[channel] % self.count
        self._used[channel] += 1
        return (slot - (self.count - 1) / 2) * self.gap


def orthogonal(
    start: Point,
    end: Point,
    out_x: float,
    in_x: float,
    channel_y: float | None,
) -> tuple[Point, ...]:
    """A right-angled path from a box side to another through free space.

    The path leaves `start` horizontally to the gutter line `out_x`, runs along the
    gutter, crosses over in the horizontal channel `channel_y` (when the two gutters
    differ), and enters `end` from the gutter line `in_x`. Gutters and channels hold no
    boxes, so no line crosses a box.
    """
    y0, y1 = start[1], end[1]
    if channel_y is None:
        points: list[Point] = [start, (out_x, y0), (out_x, y1), end]
    else:
        points = [start, (out_x, y0), (out_x, channel_y), (in_x, channel_y), (in_x, y1), end]
    return _without_repeats(points)


def _without_repeats(points: list[Point]) -> tuple[Point, ...]:
    out: list[Point] = []
    for point in points:
        if not out or out[-1] != point:
            out.append(point)
    return tuple(out)


def path_data(points: Sequence[Point]) -> str:
    head, *rest = points
    return f"M{num(head[0])} {num(head[1])}" + "".join(f" L{num(x)} {num(y)}" for x, y in rest)


def num(value: float) -> str:
    """A coordinate as short, stable text: `12`, `12.5`."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """Whether two rectangles (x, y, w, h) share any area."""
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah
