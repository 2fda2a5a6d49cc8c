"""The organisation map, checked by parsing the SVG it draws, not by searching its text."""

from __future__ import annotations

import itertools
import json
import re
import xml.etree.ElementTree as ET
from collections import defaultdict

import pytest

from pathways import mapsvg
from pathways.errors import NotFound
from pathways.loader import load_text
from pathways.maplayout import BOX_PAD, CHAR_EM, FONT, LINE, SMALL, overlaps
from pathways.orgmap import OrgMap, build_map, map_text, render_svg
from pathways.registry import Registry
from pathways.vocab import LEVEL_LABELS, MECHANISM_LABELS, PRINCIPAL_LABELS, Mechanism, Need
from tests.test_bundled import CONTRACT_AREAS

NS = "{http://www.w3.org/2000/svg}"
Rect = tuple[float, float, float, float]


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{NS}svg"
    return root


def classes(element: ET.Element) -> set[str]:
    return set(element.get("class", "").split())


def box_groups(root: ET.Element) -> dict[str, ET.Element]:
    found = [g for g in root.iter(f"{NS}g") if "box" in classes(g)]
    by_id = {g.get("data-provider", ""): g for g in found}
    assert len(by_id) == len(found), "a provider is drawn twice"
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


def on_border(point: tuple[float, float], rect: Rect) -> bool:
    x, y = point
    rx, ry, rw, rh = rect
    return x in (rx, rx + rw) and ry < y < ry + rh


def crosses(a: tuple[float, float], b: tuple[float, float], rect: Rect) -> bool:
    """Whether an axis-parallel segment enters a rectangle's interior."""
    (x1, y1), (x2, y2) = a, b
    seg = (min(x1, x2), min(y1, y2), abs(x2 - x1) or 0.01, abs(y2 - y1) or 0.01)
    rx, ry, rw, rh = rect
    return overlaps(seg, (rx + 0.5, ry + 0.5, rw - 1, rh - 1))


def text_of(element: ET.Element) -> str:
    return " ".join(t.strip() for t in element.itertext() if t.strip())


def expected_arrows(registry: Registry, area: str) -> dict[tuple[str, str, str], set[str]]:
    """(from, to, mechanism) -> flow ids, straight from the registry's graph."""
    on_map = {p.id for p in registry.within(registry.resolve_area(area).id)}
    out: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for u, v, key, data in registry.graph.edges(keys=True, data=True):
        if u in on_map and v in on_map:
            out[u, v, data["flow"].mechanism.value].add(key)
    return out


def check_map(registry: Registry, m: OrgMap, svg: str) -> None:
    """Everything that must hold for any map of any area."""
    root = parse(svg)
    providers = {p.id for p in registry.within(m.area.id)}
    boxes = box_groups(root)
    assert set(boxes) == providers
    rects = {pid: box_rect(g) for pid, g in boxes.items()}
    for pid, group in boxes.items():
        assert group.get("id") == f"p-{pid}"
        link = group.find(f"{NS}a")
        assert link is not None and link.get("href") == f"/mottagning/{pid}"
        assert link.find(f"{NS}title") is not None
    ids = sorted(rects)
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            assert not overlaps(rects[a], rects[b]), (a, b)

    # text fits its box: lines no wider than the box, and no more lines than its height
    for box in m.boxes:
        spans = [t.text for t in boxes[box.id].iter(f"{NS}tspan")]
        assert spans == list(box.lines)
        assert re.sub(r"[\s-]", "", "".join(box.lines)) == re.sub(r"[\s-]", "", box.provider.name)
        assert max(len(line) for line in box.lines) * CHAR_EM * FONT <= box.w - 2 * BOX_PAD
        assert len(box.lines) * LINE + BOX_PAD <= box.h

    # every flow between them is an arrow between the right boxes, and none crosses a box
    wanted = expected_arrows(registry, m.area.id)
    drawn: dict[tuple[str, str, str], set[str]] = {}
    for path in flow_paths(root):
        key = (path.get("data-from", ""), path.get("data-to", ""), path.get("data-mechanism", ""))
        assert key not in drawn, f"parallel flows not collapsed: {key}"
        drawn[key] = set(path.get("data-flows", "").split())
        line = points(path)
        assert on_border(line[0], rects[key[0]]), key
        assert on_border(line[-1], rects[key[1]]), key
        for here, there in itertools.pairwise(line):
            assert here[0] == there[0] or here[1] == there[1], "not right-angled"
            for pid, rect in rects.items():
                assert not crosses(here, there, rect), (key, pid)
        assert path.get("marker-end", "").startswith("url(#orgmap-head")
    assert drawn == wanted

    # arrow labels lie in the gutters, never on a box
    for arrow in m.arrows:
        x, y = arrow.label_at
        width = len(mapsvg.MECHANISM_SHORT[arrow.mechanism]) * CHAR_EM * SMALL
        left = x - width if arrow.label_anchor == "end" else x
        label = (left, y - SMALL, width, SMALL)
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
        href = element.get("href")
        assert href is None or href.startswith("/mottagning/")


@pytest.mark.parametrize("area", sorted(CONTRACT_AREAS))
def test_every_area_of_the_bundled_registry_is_drawn_whole(bundled: Registry, area: str) -> None:
    m = build_map(bundled, area)
    check_map(bundled, m, render_svg(m))
    assert [f.forum.id for f in m.forums] == [f.id for f in bundled.forums_in(area)]


@pytest.mark.parametrize("area", ["skarpnack", "goteborg", "alingsas"])
def test_every_area_with_a_need_and_age(bundled: Registry, area: str) -> None:
    m = build_map(bundled, area, Need.oro_angest, 15)
    check_map(bundled, m, render_svg(m))


def test_the_mini_map(mini: Registry) -> None:
    m = build_map(mini, "Norra Åby")
    assert m.area.id == "norra"
    check_map(mini, m, render_svg(m))
    # a retired provider is never on the map; the other district's school is not either
    assert {"nedlagd", "elevhalsa-sodra"}.isdisjoint(b.id for b in m.boxes)


def test_unknown_area_is_not_found(mini: Registry) -> None:
    with pytest.raises(NotFound):
        build_map(mini, "Atlantis")


def test_parallel_flows_with_one_mechanism_become_one_arrow(mini: Registry) -> None:
    m = build_map(mini, "norra")
    (akut,) = [a for a in m.arrows if (a.origin, a.target) == ("bup-region-test", "bup-akut-test")]
    assert akut.mechanism is Mechanism.akut
    assert set(akut.flows) == {"bup-akut", "underscore-kind"}


def test_a_second_mechanism_between_the_same_pair_is_its_own_arrow(mini_text: str) -> None:
    text = mini_text + (
        "  - {id: vc-bup-2, from: vc-norra, to: bup-region-test, mechanism: remiss}\n"
        "  - {id: vc-bup-3, from: vc-norra, to: bup-region-test, mechanism: konsultation}\n"
    )
    registry = Registry(load_text(text))
    m = build_map(registry, "norra")
    pair = {
        a.mechanism: a.flows
        for a in m.arrows
        if (a.origin, a.target) == ("vc-norra", "bup-region-test")
    }
    assert pair == {Mechanism.remiss: ("vc-bup", "vc-bup-2"), Mechanism.konsultation: ("vc-bup-3",)}
    check_map(registry, m, render_svg(m))


def lit(svg: str) -> tuple[set[str], set[tuple[str, str]]]:
    root = parse(svg)
    boxes = {pid for pid, g in box_groups(root).items() if "highlighted" in classes(g)}
    arrows = {
        (p.get("data-from", ""), p.get("data-to", ""))
        for p in flow_paths(root)
        if "highlighted" in classes(p)
    }
    return boxes, arrows


def test_a_need_highlights_the_young_persons_path(mini: Registry) -> None:
    boxes, arrows = lit(render_svg(build_map(mini, "norra", Need.oro_angest, 15)))
    assert boxes == {"elevhalsa-norra", "um-testkommun", "vc-norra", "bup-region-test"}
    # between highlighted providers, only flows that apply to the need (elevhalsa-bup is
    # for npf only) and to the age (vc-bup ends at 17)
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
    boxes, _ = lit(render_svg(build_map(mini, "norra", Need.npf)))
    assert boxes == {"elevhalsa-norra", "vc-norra", "bup-region-test"}


def test_without_a_need_nothing_is_highlighted_or_dimmed(mini: Registry) -> None:
    root = parse(render_svg(build_map(mini, "norra")))
    assert lit(ET.tostring(root, encoding="unicode")) == (set(), set())
    assert not [e for e in root.iter() if e.get("stroke-dasharray") == mapsvg.DASH]


def test_highlight_is_shown_by_more_than_colour(mini: Registry) -> None:
    root = parse(render_svg(build_map(mini, "norra", Need.oro_angest, 15)))
    boxes = box_groups(root)
    lit_rect = next(boxes["vc-norra"].iter(f"{NS}rect"))
    other_rect = next(boxes["soc-testkommun"].iter(f"{NS}rect"))
    assert float(lit_rect.get("stroke-width", "0")) >= 3 * float(
        other_rect.get("stroke-width", "0")
    )
    assert other_rect.get("stroke-dasharray") and not lit_rect.get("stroke-dasharray")
    paths = {(p.get("data-from"), p.get("data-to")): p for p in flow_paths(root)}
    on_path = paths["vc-norra", "bup-region-test"]
    off_path = paths["elevhalsa-norra", "soc-testkommun"]
    assert float(on_path.get("stroke-width", "0")) >= 2 * float(off_path.get("stroke-width", "0"))
    assert off_path.get("stroke-dasharray") and not on_path.get("stroke-dasharray")
    assert on_path.get("marker-end") != off_path.get("marker-end")


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
    assert backgrounds and texts
    for ink in texts:
        for paper in backgrounds:
            assert contrast(ink, paper) >= 4.5, (ink, paper)
    # lines and borders: at least 3:1 (WCAG 1.4.11), also the dimmed ones
    strokes = {e.get("stroke", "") for e in root.iter() if e.tag != f"{NS}text"} - {""}
    for stroke in strokes - {"#b3b3b3"}:  # the dotted column guides are decoration
        for paper in backgrounds:
            assert contrast(stroke, paper) >= 3, (stroke, paper)


def test_every_label_goes_through_gettext(mini: Registry) -> None:
    def mark(text: str) -> str:
        return f"«{text}»"

    m = build_map(mini, "norra", Need.oro_angest)
    root = parse(render_svg(m, mark))
    lanes = {
        g.get("data-principal"): text_of(g) for g in root.iter(f"{NS}g") if "lane" in classes(g)
    }
    assert lanes == {
        lane.principal.value: mark(PRINCIPAL_LABELS[lane.principal]) for lane in m.lanes
    }
    heads = {g.get("data-level"): text_of(g) for g in root.iter(f"{NS}g") if "column" in classes(g)}
    assert heads == {c.level.value: mark(LEVEL_LABELS[c.level]) for c in m.columns}
    for group in (g for g in root.iter(f"{NS}g") if "arrow" in classes(g)):
        path = next(p for p in group.iter(f"{NS}path"))
        mechanism = Mechanism(path.get("data-mechanism", ""))
        label = next(t for t in group.iter(f"{NS}text"))
        assert label.text == mark(mapsvg.MECHANISM_SHORT[mechanism])
        title = group.find(f"{NS}title")
        assert title is not None and (title.text or "").endswith(mark(MECHANISM_LABELS[mechanism]))
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
    assert set(box_groups(root)) == {b.id for b in build_map(mini, "norra").boxes}
    # with links the root must not be an img: an img's children are hidden from screen
    # readers while its links still take keyboard focus (axe: nested-interactive)
    assert parse(render_svg(build_map(mini, "norra"))).get("role") == "group"


def test_forums_are_on_the_map_with_their_members(mini: Registry) -> None:
    m = build_map(mini, "norra")
    root = parse(render_svg(m))
    drawn = [g.get("data-forum") for g in root.iter(f"{NS}g") if "forum" in classes(g)]
    assert drawn == ["ledning-region-test", "samverkan-testkommun", "sip-norra"]
    sip = next(f for f in m.forums if f.forum.id == "sip-norra")
    assert set(sip.members) == {"elevhalsa-norra", "vc-norra", "soc-testkommun"}
    boxes = [b.rect for b in m.boxes]
    for forum in m.forums:
        assert not any(overlaps((forum.x, forum.y, forum.w, forum.h), r) for r in boxes)
        assert forum.y + forum.h <= m.height


def test_map_text_holds_the_same_content(bundled: Registry) -> None:
    m = build_map(bundled, "alingsas", Need.skolfranvaro, 10)
    text = map_text(m)
    listed = [t.provider.id for lane in text.lanes for lv in lane.levels for t in lv.providers]
    assert sorted(listed) == sorted(b.id for b in m.boxes)
    for lane in text.lanes:
        assert lane.label == PRINCIPAL_LABELS[lane.principal]
        for level in lane.levels:
            assert level.label == LEVEL_LABELS[level.level]
            for t in level.providers:
                box = m.box(t.provider.id)
                assert (box.lane, box.column, box.highlighted) == (
                    lane.principal,
                    level.level,
                    t.highlighted,
                )
    assert len(text.flows) == len(m.arrows)
    assert {(f.origin.id, f.target.id, f.mechanism) for f in text.flows} == {
        (a.origin, a.target, a.mechanism) for a in m.arrows
    }
    assert all(f.label == MECHANISM_LABELS[f.mechanism] for f in text.flows)
    assert {p.id for p in text.highlighted} == {b.id for b in m.boxes if b.highlighted}
    assert "skolsocialt-team-alingsas" in {p.id for p in text.highlighted}
    forums = {f.forum.id: f for f in text.forums}
    assert set(forums) == {"samla-alingsas-lerum", "nosam-alingsas"}
    assert "smabarnsteam-alingsas" in {p.id for p in forums["nosam-alingsas"].members}


def test_map_text_as_data_is_json(bundled: Registry) -> None:
    m = build_map(bundled, "ockero", Need.oro_angest, 15)
    data = json.loads(json.dumps(map_text(m).as_data()))
    assert {f["id"] for f in data["forums"]} == {f.forum.id for f in m.forums}
    assert len(data["flows"]) == len(m.arrows)
    assert set(data["highlighted"]) == {b.id for b in m.boxes if b.highlighted}
