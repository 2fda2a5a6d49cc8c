"""The organisation map: who helps with what in an area, and how a young person moves on.

    m = build_map(registry, "stockholm", Need.nedstamdhet, 15)   # boxes by kind, arrows
    svg = render_svg(m, gettext)                                 # one standalone SVG
    text = map_text(m, registry)                                 # the same, for lists
    path = need_path(registry, area="stockholm", need=..., age=15)  # numbered steps

Modules: `model` (the dataclasses), `geometry` (sizes, text width), `layout` (a layered
layout on networkx), `build` (registry → map), `svg` (drawing), `text` (text
alternative), `path` (the young person's path for one need, from find-help). Each
imports `model` and `geometry` and none of the others' users, so there is no circle.
"""

from pathways.orgmap.build import build_map
from pathways.orgmap.model import KIND_PLURAL, MECHANISM_SHORT, Arrow, Box, OrgMap
from pathways.orgmap.path import NeedPath, PathPlace, PathStep, need_path
from pathways.orgmap.svg import render_svg
from pathways.orgmap.text import MapText, map_text

__all__ = [
    "KIND_PLURAL",
    "MECHANISM_SHORT",
    "Arrow",
    "Box",
    "MapText",
    "NeedPath",
    "OrgMap",
    "PathPlace",
    "PathStep",
    "build_map",
    "map_text",
    "need_path",
    "render_svg",
]
