"""Sizes and small geometry for the organisation map, free of any registry knowledge.

Pages must work without JavaScript and print, so the map is laid out on the server.
Nothing here measures real fonts: text width is estimated from the character count, which
is generous for the sans-serif fonts browsers pick, so text that "fits" here fits there.
"""

from __future__ import annotations

from collections.abc import Sequence

CHAR_EM = 0.6  # estimated advance of one character, as a share of the font size

# Sizes in SVG user units (px at 100 %).
FONT = 12.0
LINE = 15.0
SMALL = 10.0
HEAD = 14.0
BOX_W = 190.0
BOX_PAD = 8.0
MIN_BOX_H = 44.0
PORT_GAP = 10.0
GAP = 170.0  # between two layers: the arrows and their labels live here
ROW_GAP = 18.0  # between two boxes of one layer
DUMMY_H = 8.0  # the slot an arrow takes when it passes through a layer
LOOP = 26.0  # how far a flow from a kind to itself reaches out
MARGIN = 16.0
TITLE_H = 40.0
LEGEND_LINE = 20.0

Point = tuple[float, float]
Rect = tuple[float, float, float, float]


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


def path_data(points: Sequence[Point]) -> str:
    head, *rest = points
    return f"M{num(head[0])} {num(head[1])}" + "".join(f" L{num(x)} {num(y)}" for x, y in rest)


def num(value: float) -> str:
    """A coordinate as short, stable text: `12`, `12.5`."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def overlaps(a: Rect, b: Rect) -> bool:
    """Whether two rectangles (x, y, w, h) share any area."""
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def segment_hits(a: Point, b: Point, rect: Rect) -> bool:
    """Whether the segment a–b enters the interior of a rectangle (Liang–Barsky clipping).

    Touching the border does not count: arrows start and end on their boxes' sides.
    """
    x0, y0 = a
    dx, dy = b[0] - x0, b[1] - y0
    rx, ry, rw, rh = rect
    inset = 0.5
    low, high = 0.0, 1.0
    for p, q in (
        (-dx, x0 - (rx + inset)),
        (dx, (rx + rw - inset) - x0),
        (-dy, y0 - (ry + inset)),
        (dy, (ry + rh - inset) - y0),
    ):
        if p == 0:
            if q <= 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low >= high:
            return False
    return True
