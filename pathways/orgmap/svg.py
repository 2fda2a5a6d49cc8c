"""Draw a laid-out organisation map as one standalone SVG document.

The pages that show it send a Content-Security-Policy without inline styles, so every
colour, width and font is a presentation attribute: no `<style>`, no `style=`, no script
and nothing fetched from elsewhere. Colours are dark on light (it must print) with text
contrast of at least 4.5:1, and what is highlighted differs by line width and dashes
too, not by colour alone. The tree is built with ElementTree, which escapes all data.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from pathways.messages import N_, Gettext, Items, Msg
from pathways.orgmap.geometry import (
    BOX_PAD,
    FONT,
    HEAD,
    LEGEND_LINE,
    LINE,
    MARGIN,
    SMALL,
    num,
    path_data,
)
from pathways.orgmap.model import KIND_PLURAL, MECHANISM_SHORT, Arrow, Box, OrgMap
from pathways.vocab import KIND_LABELS, MECHANISM_LABELS, NEED_LABELS, Mechanism, Principal

SVG_NS = "http://www.w3.org/2000/svg"

# Box fills per principal; all light, so black text reads on each.
FILLS: dict[Principal, str] = {
    Principal.kommun: "#d9e6f5",
    Principal.kommun_och_region: "#e6dcf2",
    Principal.region: "#d7ecd7",
    Principal.privat: "#f1e3d3",
    Principal.ideell: "#f7e7c4",
    Principal.stat: "#e2e2e2",
}
PAPER = "#ffffff"
INK = "#1a1a1a"  # all text
LINE_INK = "#4d4d4d"  # box borders and arrows
DIM_INK = "#767676"  # not on the highlighted path: lighter, and dashed
HIGHLIGHT = "#0b3d91"  # the highlighted path: dark blue, and thick
HIGHLIGHT_FILL = "#fff1a8"
DASH = "5 3"


def render_svg(m: OrgMap, gettext: Gettext = str, *, links: bool = True, prefix: str = "") -> str:
    """The map as an SVG document; every label for people goes through `gettext`.

    With `links`, each box links to its page (`prefix` is the language's path prefix)
    and the root is a `group`: an `img` may not contain links (its children are
    presentational, so screen readers would miss them while the keyboard still stops on
    them; axe: nested-interactive). Without links the root is a plain `role="img"`.
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
    ET.SubElement(root, "title", {"id": "orgmap-title"}).text = m.title
    ET.SubElement(root, "desc", {"id": "orgmap-desc"}).text = _description(m, gettext)
    _markers(ET.SubElement(root, "defs"))
    _rect(root, 0, 0, m.width, m.height, fill=PAPER)
    _text(root, MARGIN, MARGIN + HEAD + 4, m.title, size=HEAD + 4, weight="bold")
    flows = ET.SubElement(root, "g", {"class": "flows", "aria-hidden": "true"})
    names = {b.id: _name(b, gettext) for b in m.boxes}
    for arrow in sorted(m.arrows, key=lambda a: a.highlighted):  # highlighted on top
        _arrow(flows, arrow, names, m, gettext)
    boxes = ET.SubElement(root, "g", {"class": "boxes"})
    for box in m.boxes:
        _box(boxes, box, m, gettext, prefix if links else None)
    _legend(root, m, gettext)
    return ET.tostring(root, encoding="unicode")


def _name(box: Box, gettext: Gettext) -> str:
    if not box.group:
        return box.units[0].name
    return gettext(KIND_PLURAL.get(box.kind, KIND_LABELS[box.kind]))


def _description(m: OrgMap, gettext: Gettext) -> str:
    parts = [
        Msg(
            "Verksamheter som arbetar i {area}, en ruta per slag med antalet enheter. "
            "Pilarna visar hur en ung person kan gå vidare mellan dem, från vänster till höger.",
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
        ("orgmap-head", LINE_INK, 9),
        ("orgmap-head-dim", DIM_INK, 8),
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


def _arrow(
    layer: ET.Element, arrow: Arrow, names: dict[str, str], m: OrgMap, gettext: Gettext
) -> None:
    dim = m.need is not None and not arrow.highlighted
    colour, width, head = (
        (HIGHLIGHT, "3.5", "orgmap-head-hl")
        if arrow.highlighted
        else (DIM_INK, "1", "orgmap-head-dim")
        if dim
        else (LINE_INK, "1.25", "orgmap-head")
    )
    group = ET.SubElement(
        layer, "g", {"class": "arrow highlighted" if arrow.highlighted else "arrow"}
    )
    words = ", ".join(gettext(MECHANISM_LABELS[mech]) for mech in arrow.mechanisms)
    ET.SubElement(group, "title").text = f"{names[arrow.origin]} → {names[arrow.target]}: {words}"
    attrs = {
        "d": path_data(arrow.points),
        "class": "flow highlighted" if arrow.highlighted else "flow",
        "data-from": arrow.origin,
        "data-to": arrow.target,
        "data-mechanisms": " ".join(arrow.mechanisms),
        "data-edges": str(arrow.edges),
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
        "",
        size=SMALL,
        weight="bold" if arrow.highlighted else None,
        fill=HIGHLIGHT if arrow.highlighted else INK,
        anchor="middle",
    )
    label.text = None
    for i, line in enumerate(arrow.label):
        span = ET.SubElement(label, "tspan", {"x": num(x), "y": num(y + i * (SMALL + 2))})
        span.text = line
    label.set("class", "flow-label")
    # a white halo keeps the words readable where lines cross them
    label.attrib.update({"stroke": PAPER, "stroke-width": "3", "paint-order": "stroke"})


def _box(layer: ET.Element, box: Box, m: OrgMap, gettext: Gettext, prefix: str | None) -> None:
    classes = "box highlighted" if box.highlighted else "box"
    attrs = {"id": f"b-{box.id}", "class": classes, "data-kind": box.kind.value}
    attrs["data-units"] = " ".join(u.id for u in box.units)
    if not box.group:
        attrs["data-provider"] = box.id
    group = ET.SubElement(layer, "g", attrs)
    holder = group if prefix is None else ET.SubElement(group, "a", {"href": prefix + box.link})
    kind = gettext(KIND_LABELS[box.kind])
    if box.group:
        tip = Msg("{kind}: {count} enheter. Visa dem en och en.", kind=kind, count=box.count)
        text = tip.render(gettext)
    else:
        text = f"{box.units[0].name} ({kind})"
        if not box.units[0].verified:
            text += " – " + gettext(N_("Kontrollera uppgifterna hos mottagningen"))
    ET.SubElement(holder, "title").text = text
    dim = m.need is not None and not box.highlighted
    x, y, w, h = box.rect
    rect = _rect(
        holder,
        x,
        y,
        w,
        h,
        fill=HIGHLIGHT_FILL if box.highlighted else FILLS[box.principal],
        stroke=HIGHLIGHT if box.highlighted else DIM_INK if dim else LINE_INK,
        width="3.5" if box.highlighted else "1.5" if box.group else "1",
    )
    rect.attrib.update({"rx": "6", "ry": "6"})
    if dim:
        rect.set("stroke-dasharray", DASH)
    top = y + (h - len(box.lines) * LINE) / 2 + FONT
    _lines(holder, x + BOX_PAD, top, box.lines, size=FONT, weight="bold" if box.group else None)


def _legend(root: ET.Element, m: OrgMap, gettext: Gettext) -> None:
    mechanisms = [mech for mech in Mechanism if any(mech in a.mechanisms for a in m.arrows)]
    layer = ET.SubElement(root, "g", {"class": "legend"})
    y = m.legend_y + FONT
    _text(layer, MARGIN, y, gettext(N_("Pilarna")), size=FONT + 1, weight="bold")
    for mech in mechanisms:
        y += LEGEND_LINE
        _line(layer, MARGIN, y - 4, MARGIN + 40, y - 4, LINE_INK, width="1.25")
        short, full = gettext(MECHANISM_SHORT[mech]), gettext(MECHANISM_LABELS[mech])
        _text(layer, MARGIN + 50, y, short if short == full else f"{short}: {full}", size=FONT)
    y += LEGEND_LINE
    note = gettext(N_("Fet ram: alla enheter av ett slag. Välj rutan för att se dem en och en."))
    _text(layer, MARGIN, y, note, size=FONT)
    if m.need is not None:
        y += LEGEND_LINE
        _line(layer, MARGIN, y - 4, MARGIN + 40, y - 4, HIGHLIGHT, width="3.5")
        need = Items((NEED_LABELS[m.need],))
        text = Msg("Markerat: vägen för {need}", need=need).render(gettext)
        _text(layer, MARGIN + 50, y, text, size=FONT, weight="bold")


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
