"""Who a kind-to-kind flow joins, as groups of origin ids with their common targets.

A flow between kinds joins each origin to the targets that serve an area it shares
with them (`pathways.graph.Expander` finds the providers at each end). This is the
part that runs per origin at national scale (90k origins of 700 such flows), so it
works on ids in whole-dict operations: targets indexed by area once per flow end,
origins grouped by their areas once per flow end, one merge per group of areas.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence
from itertools import groupby
from operator import attrgetter

from pathways.models import Provider

Fanout = Iterator[tuple[Sequence[str], Collection[str]]]
# Origins next to each other alike in these have the same targets (a kommun's schools).
Group = tuple[bool, tuple[str, ...], list[str]]  # national, areas, the origins' ids
_PLACE = attrgetter("national", "areas")
_ID = attrgetter("id")


def grouped(origins: Sequence[Provider]) -> list[Group]:
    """Origins in runs of the same place, in their order."""
    return [
        (national, areas, list(map(_ID, run)))
        for (national, areas), run in groupby(origins, _PLACE)
    ]


class Targets:
    """The providers at a flow's target end, by id, indexed by the areas they serve.

    Kept per flow end (kind and `within`) while a graph is built: many flows share one
    (a region's schools refer to its BUP, its vårdcentraler, its socialtjänst...).
    """

    def __init__(self, targets: Sequence[Provider]) -> None:
        self.targets = targets
        self.by_area: dict[str, dict[str, None]] = {}
        self.national: dict[str, None] = {}
        for target in targets:
            tid = target.id
            if target.national:
                self.national[tid] = None
            for area in target.areas:
                found = self.by_area.get(area)
                if found is None:
                    self.by_area[area] = {tid: None}
                else:
                    found[tid] = None
        self._merged: dict[tuple[str, ...], dict[str, None]] = {}
        self._everyone: dict[bool, dict[str, None]] = {}

    def everyone(self, scoped: bool) -> dict[str, None]:
        """What a national origin reaches: every target (no other national one when the
        flow has a `within`: nothing would tie that edge to the region)."""
        found = self._everyone.get(scoped)
        if found is None:
            found = self._everyone[scoped] = {
                t.id: None for t in self.targets if not (scoped and t.national)
            }
        return found

    def reached(
        self, areas: tuple[str, ...], related: Callable[[str], frozenset[str]]
    ) -> dict[str, None]:
        """What an origin in `areas` reaches: the targets of each related area, merged in
        that order by `dict.update` (which keeps each one's first place), then the
        national ones; what a seen set per origin gave, one pair at a time."""
        found = self._merged.get(areas)
        if found is None:
            found = self._merged[areas] = {}
            for area in areas:
                for other in related(area):
                    serving = self.by_area.get(other)
                    if serving:
                        found.update(serving)
            found.update(self.national)
        return found


def overlapping(
    groups: list[Group],
    targets: Targets,
    scoped: bool,
    related: Callable[[str], frozenset[str]],
) -> Fanout:
    """Each group of origins with the different providers that serve an area they share
    with them (two national ones only for a flow without `within`)."""
    for national, areas, ids in groups:
        reached = targets.everyone(scoped) if national else targets.reached(areas, related)
        if not reached:
            continue
        if reached.keys().isdisjoint(ids):
            yield ids, reached
            continue
        for me in ids:  # a flow between providers of one kind: never to itself
            if me in reached:
                own = dict(reached)
                del own[me]
                if own:
                    yield (me,), own
            else:
                yield (me,), reached
