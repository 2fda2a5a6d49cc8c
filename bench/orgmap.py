"""The organisation map at national scale: size and drawing time of the SVG.

    .venv/bin/python bench/orgmap.py [bench/out/national.yaml]

Targets (issue 12): whatever the area, the SVG is under 1 MB and is built and drawn
(`build_map` + `render_svg`) in under 300 ms. Measured for the largest region, the
largest kommun and a stadsdel of the national registry, with and without a need; the
time is the median of 5 runs in this process, after one warm-up run, with the
registry loaded and settled (`gc.freeze`) as `vardkedjan serve` has it.
"""

from __future__ import annotations

import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from pathways.loader import settle
from pathways.orgmap import build_map, render_svg
from pathways.registry import Registry
from pathways.vocab import AreaType, Need

SIZE_TARGET = 1_000_000
TIME_TARGET_S = 0.300
RUNS = 5


@dataclass(frozen=True)
class MapResult:
    area: str
    units: int
    boxes: int
    arrows: int
    size: int
    seconds: float

    @property
    def ok(self) -> bool:
        return self.size < SIZE_TARGET and self.seconds < TIME_TARGET_S


def areas_to_measure(registry: Registry) -> list[str]:
    """The largest region, the largest kommun and the first stadsdel."""
    by_type: dict[AreaType, list[str]] = {}
    for area in registry.areas.values():
        by_type.setdefault(area.type, []).append(area.id)
    picked = []
    for kind in (AreaType.region, AreaType.kommun):
        picked.append(max(by_type.get(kind, []), key=lambda a: len(registry.within(a))))
    picked += by_type.get(AreaType.stadsdel, [])[:1]
    return picked


def measure(registry: Registry, area: str, need: Need | None) -> MapResult:
    svg = render_svg(build_map(registry, area, need, 15 if need else None))
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        m = build_map(registry, area, need, 15 if need else None)
        svg = render_svg(m)
        times.append(time.perf_counter() - started)
    return MapResult(
        area + (f" ({need.value})" if need else ""),
        len(registry.within(area)),
        len(m.boxes),
        len(m.arrows),
        len(svg.encode()),
        statistics.median(times),
    )


def bench_orgmap(registry: Registry) -> list[MapResult]:
    return [
        measure(registry, area, need)
        for area in areas_to_measure(registry)
        for need in (None, Need.nedstamdhet)
    ]


def table(results: list[MapResult]) -> list[str]:
    lines = [
        "| area | units | boxes | arrows | SVG | build + draw (median of 5) | verdict |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r.area} | {r.units} | {r.boxes} | {r.arrows} | {r.size / 1000:.0f} kB "
            f"| {r.seconds * 1000:.0f} ms | {'PASS' if r.ok else 'FAIL'} |"
        )
    return lines


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else Path(__file__).parent / "out" / "national.yaml"
    registry = Registry.from_file(path)
    settle()  # as `vardkedjan serve` does after loading
    results = bench_orgmap(registry)
    print("\n".join(table(results)))
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))


def orgmap_rows(path: Path) -> list[tuple[str, str, str, bool]]:
    """Rows for `bench/run.py`'s table: (measurement, result, target, passed)."""
    registry = Registry.from_file(path)
    settle()
    target = f"< {SIZE_TARGET // 1_000_000} MB, < {TIME_TARGET_S * 1000:.0f} ms"
    return [
        (
            f"organisation map of {r.area}: {r.boxes} boxes, {r.arrows} arrows",
            f"{r.size / 1000:.0f} kB, {r.seconds * 1000:.0f} ms",
            target,
            r.ok,
        )
        for r in bench_orgmap(registry)
    ]
