"""Draw a laid-out organisation map as one standalone SVG document.

The pages that show it send a Content-Security-Policy without inline styles, so every
colour, width and font is a presentation attribute: no `<style>`, no `style=`, no script
and nothing fetched from elsewhere. Colours are dark on light (it must print) with text
contrast of at least 4.5:1, and what is highlighted differs by line width and dashes
too, not by colour alone. The tree is built with ElementTree, which escapes all data.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from pathways.maplayout import (
    BOX_PAD,
    FONT,
    HEAD,
    LABEL_W,
    LEGEND_LINE,
    LINE,
    MARGIN,
    SMALL,
    num,
    path_data,
    wrap,
)
from pathways.messages import N_, Gettext, Items, Msg
from pathways.models import FORUM_LEVEL_LABELS
from pathways.vocab import KIND_LABELS, MECHANISM_LABELS, NEED_LABELS, Mechanism, Principal

if TYPE_CHECKING:
    from pathways.orgmap import Arrow, Box, MapForum, OrgMap

SVG_NS = "http://www.w3.org/2000/svg"

# Words on the arrows. MECHANISM_LABELS explain a step in a sentence; an arrow has room
# for one word, so the full label goes to the arrow's tooltip, the legend and the text.
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

# Palette: (lane band, box fill) per principal; all light, so black text reads on each.
LANE_FILLS: dict[Principal, tuple[str, str]] = {
    Principal.kommun: ("#f2f6fb", "#d9e6f5"),
    Principal.kommun_och_region: ("#f6f2fa", "#e6dcf2"),
    Principal.region: ("#f1f8f1", "#d7ecd7"),
    Principal.privat: ("#faf5f0", "#f1e3d3"),
    Principal.ideell: ("#fdf8ee", "#f7e7c4"),
    Principal.stat: ("#f4f4f4", "#e2e2e2"),
}
PAPER = "#ffffff"
INK = "#1a1a1a"  # all text
LINE_INK = "#4d4d4d"  # box borders and arrows
DIM_INK = "#767676"  # not on the highlighted path: lighter, and dashed
HIGHLIGHT = "#0b3d91"  # the highlighted path: dark blue, and thick
HIGHLIGHT_FILL = "#fff1a8"
FORUM_FILL = "#f7f7f7"
DASH = "5 3"


def render_svg(m: OrgMap, gettext: Gettext = str, *, links: bool = True) -> str:
    """The map as an SVG document; every label for people goes through `gettext`.

    With `links`, each box links to the provider's page and the root is a `group`: an
    `img` may not contain links (its children are presentational, so screen readers
    would miss them while the keyboard still stops on them; axe: nested-interactive).
    Without links (for `<img src>` or a download) the root is a plain `role="img"`.
    """
    root = ET.Element(
        "svg",
        {
            "xmlns": SVG_NS,
            "viewBox": f"0 0 {num(m.width)} {num(m.height)}",
            "width": num(m.width),
            "height": num(m.height),
            "role": "group" if links else "img",
            "aria-labelledby": "orgmap-title orgmap-desc",
            "font-family": "sans-serif",
            "class": "orgmap",
        },
    )
    title = Msg("Organisationskarta: {area}", area=m.area.name).render(gettext)
    ET.SubElement(root, "title", {"id": "orgmap-title"}).text = title
    ET.SubElement(root, "desc", {"id": "orgmap-desc"}).text = _description(m, gettext)
    _markers(ET.SubElement(root, "defs"))
    _rect(root, 0, 0, m.width, m.height, fill=PAPER)
    _text(root, MARGIN, MARGIN + HEAD + 4, title, size=HEAD + 4, weight="bold")
    _lanes(root, m, gettext)
    flows = ET.SubElement(root, "g", {"class": "flows", "aria-hidden": "true"})
    lookup = {b.id: b for b in m.boxes}
    for arrow in sorted(m.arrows, key=lambda a: a.highlighted):  # highlighted on top
        _arrow(flows, arrow, lookup, m, gettext)
    boxes = ET.SubElement(root, "g", {"class": "boxes"})
    for box in m.boxes:
        _box(boxes, box, m, gettext, links)
    _legend(root, m, gettext)
    _forums(root, m, gettext)
    return ET.tostring(root, encoding="unicode")


def _description(m: OrgMap, gettext: Gettext) -> str:
    parts = [
        Msg(
            "Mottagningar som arbetar i {area}, i rader efter huvudman och i kolumner efter "
            "vårdnivå. Pilarna visar hur en ung person kan gå vidare mellan dem.",
            area=m.area.name,
        )
    ]
    if m.need is not None:
        need = Items((NEED_LABELS[m.need],))
        parts.append(
            Msg(
                "Markerat med tjock ram och tjocka pilar: mottagningar som hjälper med "
                "{need}, och vägarna mellan dem.",
                need=need,
            )
        )
        if m.age is not None:
            parts.append(Msg("Åldern är {age} år.", age=m.age))
    return " ".join(p.render(gettext) for p in parts)


def _markers(defs: ET.Element) -> None:
    for ident, colour, size in (
        ("orgmap-head", LINE_INK, 8),
        ("orgmap-head-dim", DIM_INK, 7),
        ("orgmap-head-hl", HIGHLIGHT, 12),
    ):
        marker = ET.SubElement(
            defs,
            "marker",
            {
                "id": ident,
                "viewBox": "0 0 10 10",
                "refX": "10",
                "refY": "5",
                "markerWidth": str(size),
                "markerHeight": str(size),
                "markerUnits": "userSpaceOnUse",
                "orient": "auto",
            },
        )
        ET.SubElement(marker, "path", {"d": "M0 0 L10 5 L0 10 z", "fill": colour})


def _lanes(root: ET.Element, m: OrgMap, gettext: Gettext) -> None:
    layer = ET.SubElement(root, "g", {"class": "lanes"})
    right = m.width - MARGIN
    for lane in m.lanes:
        band = ET.SubElement(layer, "g", {"class": "lane", "data-principal": lane.principal})
        _rect(band, MARGIN, lane.y, right - MARGIN, lane.h, fill=LANE_FILLS[lane.principal][0])
        _line(band, MARGIN, lane.y, right, lane.y, LINE_INK)
        lines = wrap(gettext(lane.label), LABEL_W - 2 * BOX_PAD, FONT + 1)
        _lines(
            band, MARGIN + BOX_PAD, lane.y + BOX_PAD + FONT + 1, lines, size=FONT + 1, weight="bold"
        )
    bottom = m.lanes[-1].y + m.lanes[-1].h
    _line(layer, MARGIN, bottom, right, bottom, LINE_INK)
    heads = ET.SubElement(root, "g", {"class": "columns"})
    for column in m.columns:
        group = ET.SubElement(heads, "g", {"class": "column", "data-level": column.level})
        lines = wrap(gettext(column.label), column.w - 2 * BOX_PAD, HEAD)
        _lines(
            group,
            column.x + BOX_PAD,
            m.header_y + HEAD + 4,
            lines,
            size=HEAD,
            weight="bold",
            step=HEAD + 4,
        )
        _line(group, column.x, m.header_y, column.x, bottom, "#b3b3b3", dash="2 4")


def _arrow(
    layer: ET.Element, arrow: Arrow, boxes: dict[str, Box], m: OrgMap, gettext: Gettext
) -> None:
    dim = m.need is not None and not arrow.highlighted
    colour, width, head = (
        (HIGHLIGHT, "3.5", "orgmap-head-hl")
        if arrow.highlighted
        else (DIM_INK, "1", "orgmap-head-dim")
        if dim
        else (LINE_INK, "1.25", "orgmap-head")
    )
    classes = "arrow highlighted" if arrow.highlighted else "arrow"
    group = ET.SubElement(layer, "g", {"class": classes})
    origin, target = boxes[arrow.origin].provider.name, boxes[arrow.target].provider.name
    ET.SubElement(
        group, "title"
    ).text = f"{origin} → {target}: {gettext(MECHANISM_LABELS[arrow.mechanism])}"
    attrs = {
        "d": path_data(arrow.points),
        "class": "flow highlighted" if arrow.highlighted else "flow",
        "data-from": arrow.origin,
        "data-to": arrow.target,
        "data-mechanism": arrow.mechanism,
        "data-flows": " ".join(arrow.flows),
        "fill": "none",
        "stroke": colour,
        "stroke-width": width,
        "stroke-linejoin": "round",
        "marker-end": f"url(#{head})",
    }
    if dim:
        attrs["stroke-dasharray"] = DASH
    ET.SubElement(group, "path", attrs)
    x, y = arrow.label_at
    label = _text(
        group,
        x,
        y,
        gettext(MECHANISM_SHORT[arrow.mechanism]),
        size=SMALL,
        weight="bold" if arrow.highlighted else None,
        fill=HIGHLIGHT if arrow.highlighted else INK,
        anchor=arrow.label_anchor,
    )
    label.set("class", "flow-label")
    # a white halo keeps the word readable where lines cross it
    label.attrib.update({"stroke": PAPER, "stroke-width": "3", "paint-order": "stroke"})


def _box(layer: ET.Element, box: Box, m: OrgMap, gettext: Gettext, links: bool) -> None:
    classes = "box highlighted" if box.highlighted else "box"
    group = ET.SubElement(
        layer, "g", {"id": f"p-{box.id}", "class": classes, "data-provider": box.id}
    )
    holder = ET.SubElement(group, "a", {"href": f"/mottagning/{box.id}"}) if links else group
    kind = gettext(KIND_LABELS[box.provider.kind])
    tip = f"{box.provider.name} ({kind})"
    if not box.provider.verified:
        tip += " – " + gettext(N_("Kontrollera uppgifterna hos mottagningen"))
    ET.SubElement(holder, "title").text = tip
    dim = m.need is not None and not box.highlighted
    rect = _rect(
        holder,
        box.x,
        box.y,
        box.w,
        box.h,
        fill=HIGHLIGHT_FILL if box.highlighted else LANE_FILLS[box.lane][1],
        stroke=HIGHLIGHT if box.highlighted else DIM_INK if dim else LINE_INK,
        width="3.5" if box.highlighted else "1",
    )
    rect.attrib.update({"rx": "6", "ry": "6"})
    if dim:
        rect.set("stroke-dasharray", DASH)
    top = box.y + (box.h - len(box.lines) * LINE) / 2 + FONT
    _lines(holder, box.x + BOX_PAD, top, box.lines, size=FONT)


def _legend(root: ET.Element, m: OrgMap, gettext: Gettext) -> None:
    mechanisms = [mech for mech in Mechanism if any(a.mechanism == mech for a in m.arrows)]
    if not mechanisms and m.need is None:
        return
    layer = ET.SubElement(root, "g", {"class": "legend"})
    y = m.legend_y + FONT
    _text(layer, MARGIN, y, gettext(N_("Pilarna")), size=FONT + 1, weight="bold")
    for mech in mechanisms:
        y += LEGEND_LINE
        _line(layer, MARGIN, y - 4, MARGIN + 40, y - 4, LINE_INK, width="1.25")
        short, full = gettext(MECHANISM_SHORT[mech]), gettext(MECHANISM_LABELS[mech])
        _text(layer, MARGIN + 50, y, short if short == full else f"{short}: {full}", size=FONT)
    if m.need is not None:
        y += LEGEND_LINE
        _line(layer, MARGIN, y - 4, MARGIN + 40, y - 4, HIGHLIGHT, width="3.5")
        need = Items((NEED_LABELS[m.need],))
        text = Msg("Markerat: vägen för {need}", need=need).render(gettext)
        _text(layer, MARGIN + 50, y, text, size=FONT, weight="bold")


def _forums(root: ET.Element, m: OrgMap, gettext: Gettext) -> None:
    if not m.forums:
        return
    layer = ET.SubElement(root, "g", {"class": "forums"})
    heading = gettext(N_("Här möts yrkespersonerna (samverkan)"))
    _text(layer, MARGIN, m.forums_y + FONT + 1, heading, size=FONT + 1, weight="bold")
    for placed in m.forums:
        _forum(layer, placed, gettext)


def _forum(layer: ET.Element, placed: MapForum, gettext: Gettext) -> None:
    forum = placed.forum
    group = ET.SubElement(layer, "g", {"class": "forum", "data-forum": forum.id})
    ET.SubElement(group, "title").text = forum.purpose
    _rect(group, placed.x, placed.y, placed.w, placed.h, fill=FORUM_FILL, stroke=LINE_INK)
    y = placed.y + BOX_PAD + FONT
    _lines(group, placed.x + BOX_PAD, y, placed.lines, size=FONT, weight="bold")
    y += len(placed.lines) * LINE
    _text(group, placed.x + BOX_PAD, y, gettext(FORUM_LEVEL_LABELS[forum.level]), size=SMALL + 1)
    if not forum.verified:
        note = gettext(N_("Uppgifterna är inte bekräftade"))
        _text(group, placed.x + BOX_PAD, y + LINE, note, size=SMALL + 1, italic=True)


# --- small builders ---------------------------------------------------------------------


def _rect(
    parent: ET.Element,
    x: float,
    y: float,
    w: float,
    h: float,
    *,
    fill: str,
    stroke: str | None = None,
    width: str = "1",
) -> ET.Element:
    attrs = {"x": num(x), "y": num(y), "width": num(w), "height": num(h), "fill": fill}
    if stroke:
        attrs.update({"stroke": stroke, "stroke-width": width})
    return ET.SubElement(parent, "rect", attrs)


def _line(
    parent: ET.Element,
    x1: float,
    y1: float,
    x2: float,
    y2: float,
    colour: str,
    *,
    width: str = "1",
    dash: str | None = None,
) -> None:
    attrs = {"x1": num(x1), "y1": num(y1), "x2": num(x2), "y2": num(y2)}
    attrs.update({"stroke": colour, "stroke-width": width})
    if dash:
        attrs["stroke-dasharray"] = dash
    ET.SubElement(parent, "line", attrs)


def _text(
    parent: ET.Element,
    x: float,
    y: float,
    text: str,
    *,
    size: float,
    weight: str | None = None,
    fill: str = INK,
    anchor: str | None = None,
    italic: bool = False,
) -> ET.Element:
    attrs = {"x": num(x), "y": num(y), "font-size": num(size), "fill": fill}
    if weight:
        attrs["font-weight"] = weight
    if anchor:
        attrs["text-anchor"] = anchor
    if italic:
        attrs["font-style"] = "italic"
    element = ET.SubElement(parent, "text", attrs)
    element.text = text
    return element


def _lines(
    parent: ET.Element,
    x: float,
    y: float,
    lines: tuple[str, ...],
    *,
    size: float,
    weight: str | None = None,
    step: float = LINE,
) -> None:
    """Several lines as one `<text>` with a `<tspan>` each, so it reads as one label."""
    text = _text(parent, x, y, "", size=size, weight=weight)
    text.text = None
    for i, line in enumerate(lines):
        span = ET.SubElement(text, "tspan", {"x": num(x), "y": num(y + i * step)})
        span.text = line
