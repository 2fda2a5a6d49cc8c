"""The organisation map, checked by parsing the SVG it draws, not by searching its text."""

from __future__ import annotations

import importlib.util
import itertools
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path
from types import ModuleType

import pytest

from pathways.errors import NotFound
from pathways.loader import load_text
from pathways.orgmap import MECHANISM_SHORT, OrgMap, build_map, map_text, render_svg
from pathways.orgmap.geometry import BOX_PAD, CHAR_EM, FONT, LINE, SMALL, overlaps, segment_hits
from pathways.orgmap.svg import DASH
from pathways.registry import Registry
from pathways.validation import validate
from pathways.vocab import MECHANISM_LABELS, Kind, Mechanism, Need
from tests.test_bundled import CONTRACT_AREAS

NS = "{http://www.w3.org/2000/svg}"
Rect = tuple[float, float, float, float]
MAX_BOXES = 30
GENERATOR = Path(__file__).resolve().parents[3] / "bench" / "generate.py"


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{NS}svg"
    return root


def classes(element: ET.Element) -> set[str]:
    return set(element.get("class", "").split())


def box_groups(root: ET.Element) -> dict[str, ET.Element]:
    found = [g for g in root.iter(f"{NS}g") if "box" in classes(g)]
    by_id = {g.get("id", "")[2:]: g for g in found}
    assert len(by_id) == len(found), "a box is drawn twice"
    return by_id


def box_rect(group: ET.Element) -> Rect:
    rect = next(group.iter(f"{NS}rect"))
    x, y, w, h = (float(rect.get(k, "nan")) for k in ("x", "y", "width", "height"))
    return (x, y, w, h)


def flow_paths(root: ET.Element) -> list[ET.Element]:
    return [p for p in root.iter(f"{NS}path") if "flow" in classes(p)]


def points(path: ET.Element) -> list[tuple[float, float]]:
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path.get("d", ""))]
    return list(zip(numbers[::2], numbers[1::2], strict=True))


def on_side(point: tuple[float, float], rect: Rect) -> bool:
    x, y = point
    rx, ry, rw, rh = rect
    return x in (rx, rx + rw) and ry < y < ry + rh


def text_of(element: ET.Element) -> str:
    return " ".join(t.strip() for t in element.itertext() if t.strip())


def check_map(registry: Registry, m: OrgMap, svg: str) -> None:
    """Everything that must hold for any map of any area, read from the SVG alone."""
    root = parse(svg)
    providers = {p.id: p for p in registry.within(m.area.id)}
    boxes = box_groups(root)
    assert len(boxes) <= MAX_BOXES or m.units or m.kind
    # every kind present is a box; every unit is in exactly one box
    units = Counter(u for g in boxes.values() for u in g.get("data-units", "").split())
    assert set(units) == set(providers) and set(units.values()) == {1}
    box_of = {u: bid for bid, g in boxes.items() for u in g.get("data-units", "").split()}
    kinds = Counter(g.get("data-kind") for g in boxes.values())
    assert set(kinds) == {p.kind.value for p in providers.values()}
    if not m.units:
        expanded = {m.kind.value} if m.kind else set()
        assert all(n == 1 for k, n in kinds.items() if k not in expanded), kinds
    for group in boxes.values():
        assert {providers[u].kind.value for u in group.get("data-units", "").split()} == {
            group.get("data-kind")
        }
        link = group.find(f"{NS}a")
        assert link is not None and link.find(f"{NS}title") is not None
        href = link.get("href", "")
        assert href.startswith("/mottagning/") or href.startswith("/karta?"), href
    rects = {bid: box_rect(g) for bid, g in boxes.items()}
    for a, b in itertools.combinations(sorted(rects), 2):
        assert not overlaps(rects[a], rects[b]), (a, b)

    # text fits its box
    for box in m.boxes:
        spans = [t.text for t in boxes[box.id].iter(f"{NS}tspan")]
        assert spans == list(box.lines)
        assert max(len(line) for line in box.lines) * CHAR_EM * FONT <= box.rect[2] - 2 * BOX_PAD
        assert len(box.lines) * LINE + BOX_PAD <= box.rect[3]

    # every flow between two units is on an arrow between their boxes, none crosses a box
    wanted: dict[tuple[str, str], set[str]] = defaultdict(set)
    edges: Counter[tuple[str, str]] = Counter()
    for u, v, data in registry.graph.edges(data=True):
        if u in providers and v in providers:
            wanted[box_of[u], box_of[v]].add(data["flow"].mechanism.value)
            edges[box_of[u], box_of[v]] += 1
    drawn: dict[tuple[str, str], set[str]] = {}
    for path in flow_paths(root):
        key = (path.get("data-from", ""), path.get("data-to", ""))
        assert key not in drawn, f"two arrows for one pair of boxes: {key}"
        drawn[key] = set(path.get("data-mechanisms", "").split())
        assert int(path.get("data-edges", "0")) == edges[key]
        line = points(path)
        assert on_side(line[0], rects[key[0]]), key
        assert on_side(line[-1], rects[key[1]]), key
        for here, there in itertools.pairwise(line):
            for bid, rect in rects.items():
                assert not segment_hits(here, there, rect), (key, bid)
        assert path.get("marker-end", "").startswith("url(#orgmap-head")
    assert drawn == wanted

    # arrow labels lie beside the boxes, never on one
    for arrow in m.arrows:
        x, y = arrow.label_at
        width = max(len(t) for t in arrow.label) * CHAR_EM * SMALL
        label = (x - width / 2, y - SMALL, width, len(arrow.label) * (SMALL + 2))
        assert not any(overlaps(label, r) for r in rects.values()), arrow

    # accessible, self-contained, and allowed under a CSP without inline styles
    title, desc = root.find(f"{NS}title"), root.find(f"{NS}desc")
    assert title is not None and title.text and m.area.name in title.text
    assert desc is not None and desc.text
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"
    for element in root.iter():
        assert element.tag not in {f"{NS}style", f"{NS}script", f"{NS}foreignObject", f"{NS}image"}
        assert "style" not in element.attrib
        assert not any(k.startswith("on") for k in element.attrib)


@pytest.mark.parametrize("area", sorted(CONTRACT_AREAS))
def test_every_area_of_the_bundled_registry_is_drawn_by_kind(bundled: Registry, area: str) -> None:
    m = build_map(bundled, area)
    check_map(bundled, m, render_svg(m))


@pytest.mark.parametrize("area", ["skarpnack", "goteborg", "alingsas", "stockholm"])
def test_every_area_with_a_need_and_age(bundled: Registry, area: str) -> None:
    m = build_map(bundled, area, Need.oro_angest, 15)
    check_map(bundled, m, render_svg(m))


def test_a_unit_map_for_one_kind(bundled: Registry) -> None:
    m = build_map(bundled, "stockholm", kind=Kind.vardcentral)
    check_map(bundled, m, render_svg(m))
    units = [b for b in m.boxes if b.kind is Kind.vardcentral]
    assert len(units) == len(bundled.of_kind(Kind.vardcentral, "stockholm")) > 1
    assert all(not b.group and b.link == f"/mottagning/{b.id}" for b in units)
    # the kind map links a kind's box to that unit map
    whole = build_map(bundled, "stockholm").box("kind-vardcentral")
    assert whole.group and "kind=vardcentral" in whole.link and "(" in whole.lines[-1]


def test_an_area_with_few_units_is_drawn_unit_by_unit(mini: Registry) -> None:
    m = build_map(mini, "Norra Åby")
    assert m.area.id == "norra" and m.units
    check_map(mini, m, render_svg(m))
    assert {"nedlagd", "elevhalsa-sodra"}.isdisjoint(b.id for b in m.boxes)


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_generate_map", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def national() -> Registry:
    """A generated registry at a tenth of Sweden: its largest region has hundreds of units."""
    return Registry(validate(_generator().generate(kommuner=29)))


def test_the_largest_region_of_a_generated_registry(national: Registry) -> None:
    regions = [a.id for a in national.areas.values() if a.type.value == "region"]
    largest = max(regions, key=lambda r: len(national.within(r)))
    assert len(national.within(largest)) > 200
    m = build_map(national, largest, Need.nedstamdhet, 15)
    svg = render_svg(m)
    check_map(national, m, svg)
    assert len(m.boxes) <= MAX_BOXES
    assert len(svg.encode()) < 1_000_000


def test_unknown_area_is_not_found(mini: Registry) -> None:
    with pytest.raises(NotFound):
        build_map(mini, "Atlantis")


def test_several_mechanisms_between_two_boxes_are_one_arrow(mini_text: str) -> None:
    text = mini_text + (
        "  - {id: vc-bup-2, from: vc-norra, to: bup-region-test, mechanism: remiss}\n"
        "  - {id: vc-bup-3, from: vc-norra, to: bup-region-test, mechanism: konsultation}\n"
    )
    registry = Registry(load_text(text))
    m = build_map(registry, "norra")
    (pair,) = [a for a in m.arrows if (a.origin, a.target) == ("vc-norra", "bup-region-test")]
    assert Mechanism.konsultation in pair.mechanisms and {"vc-bup-2", "vc-bup-3"} <= set(pair.flows)
    check_map(registry, m, render_svg(m))


def lit(svg: str) -> tuple[set[str], set[tuple[str, str]]]:
    root = parse(svg)
    boxes = {bid for bid, g in box_groups(root).items() if "highlighted" in classes(g)}
    arrows = {
        (p.get("data-from", ""), p.get("data-to", ""))
        for p in flow_paths(root)
        if "highlighted" in classes(p)
    }
    return boxes, arrows


def test_a_need_highlights_the_young_persons_path(mini: Registry) -> None:
    boxes, arrows = lit(render_svg(build_map(mini, "norra", Need.oro_angest, 15)))
    assert boxes == {"elevhalsa-norra", "um-testkommun", "vc-norra", "bup-region-test"}
    assert arrows == {
        ("elevhalsa-norra", "vc-norra"),
        ("elevhalsa-norra", "um-testkommun"),
        ("um-testkommun", "elevhalsa-norra"),
        ("vc-norra", "bup-region-test"),
    }


def test_the_age_narrows_the_path(mini: Registry) -> None:
    boxes, arrows = lit(render_svg(build_map(mini, "norra", Need.oro_angest, 22)))
    assert boxes == {"um-testkommun", "vc-norra"}
    assert arrows == set()


def test_without_a_need_nothing_is_highlighted_or_dimmed(mini: Registry) -> None:
    root = parse(render_svg(build_map(mini, "norra")))
    assert lit(ET.tostring(root, encoding="unicode")) == (set(), set())
    assert not [e for e in root.iter() if e.get("stroke-dasharray") == DASH]


def test_highlight_is_shown_by_more_than_colour(bundled: Registry) -> None:
    root = parse(render_svg(build_map(bundled, "stockholm", Need.nedstamdhet, 15)))
    boxes = box_groups(root)
    on = next(g for g in boxes.values() if "highlighted" in classes(g))
    off = next(g for g in boxes.values() if "highlighted" not in classes(g))
    on_rect, off_rect = next(on.iter(f"{NS}rect")), next(off.iter(f"{NS}rect"))
    assert float(on_rect.get("stroke-width", "0")) >= 2 * float(off_rect.get("stroke-width", "0"))
    assert off_rect.get("stroke-dasharray") and not on_rect.get("stroke-dasharray")
    paths = flow_paths(root)
    on_path = next(p for p in paths if "highlighted" in classes(p))
    off_path = next(p for p in paths if "highlighted" not in classes(p))
    assert float(on_path.get("stroke-width", "0")) >= 2 * float(off_path.get("stroke-width", "0"))
    assert off_path.get("stroke-dasharray") and not on_path.get("stroke-dasharray")


def luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_text_contrast_is_at_least_aa_on_every_background(bundled: Registry) -> None:
    root = parse(render_svg(build_map(bundled, "skarpnack", Need.nedstamdhet, 14)))
    backgrounds = {r.get("fill", "") for r in root.iter(f"{NS}rect")}
    texts = {t.get("fill", "") for t in root.iter(f"{NS}text")}
    for ink in texts:
        for paper in backgrounds:
            assert contrast(ink, paper) >= 4.5, (ink, paper)
    strokes = {e.get("stroke", "") for e in root.iter() if e.tag != f"{NS}text"} - {""}
    for stroke in strokes:
        for paper in backgrounds:
            assert contrast(stroke, paper) >= 3, (stroke, paper)


def test_every_label_goes_through_gettext(bundled: Registry) -> None:
    def mark(text: str) -> str:
        return f"«{text}»"

    m = build_map(bundled, "stockholm", Need.oro_angest, gettext=mark)
    root = parse(render_svg(m, mark))
    for group in (g for g in root.iter(f"{NS}g") if "arrow" in classes(g)):
        path = next(p for p in group.iter(f"{NS}path"))
        mechanisms = [Mechanism(x) for x in path.get("data-mechanisms", "").split()]
        label = text_of(next(t for t in group.iter(f"{NS}text")))
        assert all(mark(MECHANISM_SHORT[mech]) in label for mech in mechanisms)
        title = group.find(f"{NS}title")
        assert title is not None and mark(MECHANISM_LABELS[mechanisms[0]]) in (title.text or "")
    groups = [b for b in m.boxes if b.group]
    assert groups and all(b.lines[0].startswith("«") for b in groups)
    assert "«" in (root.findtext(f"{NS}title") or "") and "«" in (root.findtext(f"{NS}desc") or "")


def test_names_from_the_registry_are_escaped(mini_text: str) -> None:
    text = mini_text.replace("name: Vårdcentralen Norra Åby", 'name: "VC <Norra> & \\"Åby\\""')
    registry = Registry(load_text(text))
    root = parse(render_svg(build_map(registry, "norra")))
    link = box_groups(root)["vc-norra"].find(f"{NS}a")
    assert link is not None
    assert text_of(link).startswith('VC <Norra> & "Åby"')


def test_the_map_is_deterministic(bundled: Registry) -> None:
    first = render_svg(build_map(bundled, "goteborg", Need.npf, 12))
    assert render_svg(build_map(bundled, "Göteborg", Need.npf, 12)) == first


def test_without_links_it_is_a_plain_image(mini: Registry) -> None:
    root = parse(render_svg(build_map(mini, "norra"), links=False))
    assert root.get("role") == "img"
    assert root.find(f".//{NS}a") is None
    # with links the root must not be an img (axe: nested-interactive)
    assert parse(render_svg(build_map(mini, "norra"))).get("role") == "group"


def test_the_map_opens_on_content_in_its_top_left_corner(bundled: Registry) -> None:
    """A phone shows the top left of the frame first: a box must be there, not space."""
    for area in ("stockholm", "alingsas", "goteborg"):
        m = build_map(bundled, area)
        assert min(b.rect[1] for b in m.boxes if b.rect[0] < 400) < 120


def test_map_text_holds_the_same_content(bundled: Registry) -> None:
    m = build_map(bundled, "alingsas", Need.skolfranvaro, 10)
    text = map_text(m, bundled)
    assert [t.box.id for t in text.boxes] == [b.id for b in m.boxes]
    assert {(f.origin.box.id, f.target.box.id) for f in text.flows} == {
        (a.origin, a.target) for a in m.arrows
    }
    assert all(f.labels == tuple(MECHANISM_LABELS[x] for x in f.mechanisms) for f in text.flows)
    forums = {f.forum.id: f for f in text.forums}
    assert {"samla-alingsas-lerum", "nosam-alingsas"} <= set(forums)
    assert "smabarnsteam-alingsas" in {p.id for p in forums["nosam-alingsas"].members}


def test_map_text_as_data_is_json(bundled: Registry) -> None:
    m = build_map(bundled, "ockero", Need.oro_angest, 15)
    data = json.loads(json.dumps(map_text(m, bundled).as_data()))
    assert {f["id"] for f in data["forums"]} == {f.id for f in bundled.forums_in("ockero")}
    assert len(data["flows"]) == len(m.arrows)
    assert {b["id"] for b in data["boxes"] if b["highlighted"]} == {
        b.id for b in m.boxes if b.highlighted
    }


def test_a_unit_map_of_thousands_stays_one_box(national: Registry) -> None:
    regions = [a.id for a in national.areas.values() if a.type.value == "region"]
    largest = max(regions, key=lambda r: len(national.within(r)))
    m = build_map(national, largest, kind=Kind.elevhalsa)
    assert len(m.boxes) <= MAX_BOXES
    check_map(national, m, render_svg(m))
