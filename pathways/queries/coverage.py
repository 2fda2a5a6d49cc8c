"""What the registry knows of a place itself, beyond what exists everywhere.

Two questions about the registry's coverage that shape an answer: does it have entries
of its own for this kommun (else the answer says so, plainly), and would one of the
districts change the answer (else there is no point asking which district).
"""

from __future__ import annotations

from collections.abc import Sequence

from pathways.models import Area, Provider
from pathways.queries.first_place import universal_entrances
from pathways.registry import Registry
from pathways.vocab import AreaType, Need

KEPT = 20_000


def has_local_details(registry: Registry, place: Area) -> bool:
    """Whether the registry has entries of its own for the place's kommun (or district).

    Entries for the whole region do not count: Huddinge has Region Stockholm's BUP, but
    no elevhälsa, vårdcentral or socialtjänst of its own in the registry yet.
    """
    memo: dict[str, bool] = registry.memo.setdefault("local_details", {})
    found = memo.get(place.id)
    if found is None:
        scope = {a for a in registry.chain(place.id) if registry.areas[a].type != AreaType.region}
        scope.update(registry.descendants(place.id))
        if place.type == AreaType.region:
            scope.add(place.id)
        found = any(_own(p, scope) for p in registry.within(place.id))
        memo[place.id] = found
    return found


def narrower_areas(
    registry: Registry, place: Area, age: int, wanted: Sequence[Need]
) -> tuple[Area, ...]:
    """The districts of a place whose own units would answer this question.

    Stockholm's stadsdelsområden each have their elevhälsa, vårdcentral and socialtjänst,
    so a 14-year-old is asked where in Stockholm they live; Göteborg's stadsområden share
    the city's units, so asking a 15-year-old which one changes nothing.
    """
    children = registry.children.get(place.id, ())
    if not children:
        return ()
    memo: dict[tuple[object, ...], tuple[Area, ...]] = registry.memo.setdefault("narrower", {})
    key = (place.id, age, tuple(sorted(wanted)))
    found = memo.get(key)
    if found is None:
        if len(memo) >= KEPT:
            memo.clear()
        entrances = universal_entrances(age)
        found = tuple(
            registry.areas[child]
            for child in children
            if any(_answers(p, age, wanted, entrances) for p in _own_units(registry, child))
        )
        memo[key] = found
    return found


def _own_units(registry: Registry, area_id: str) -> list[Provider]:
    """The providers of a district itself (and of its parts), computed once per registry."""
    memo: dict[str, list[Provider]] = registry.memo.setdefault("own_units", {})
    found = memo.get(area_id)
    if found is None:
        scope = {area_id, *registry.descendants(area_id)}
        found = [p for p in registry.within(area_id) if _own(p, scope)]
        memo[area_id] = found
    return found


def _own(provider: Provider, scope: set[str]) -> bool:
    return not provider.national and any(a in scope for a in provider.areas)


def _answers(
    provider: Provider, age: int, wanted: Sequence[Need], entrances: frozenset[object]
) -> bool:
    if not provider.fits_age(age):
        return False
    return not wanted or provider.kind in entrances or any(provider.handles(n) for n in wanted)
