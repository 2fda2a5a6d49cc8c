"""Where a question starts, by DOMAIN.md: the first place for this age and need.

The ranking in `pathways.queries.find_help` orders places by level, coverage and distance; these
rules come first, because they are what the guidance says rather than what the data
happens to favour:

- children 0–5 start at BVC (or the småbarnsteam / familjecentral) for every need,
  also when it may be autism (1177/UMO: "start with BVC");
- school absence, bullying and loneliness start at school: elevhälsan, and the skolsocialt
  team where there is one;
- from 18 the first line is the vårdcentral, and the ungdomsmottagning up to its upper age
  (DOMAIN.md, Additions); BUP no longer applies (its ages exclude it).
"""

from __future__ import annotations

from collections.abc import Collection

from pathways.vocab import Kind, Need

SMALL_CHILD_MAX_AGE = 5
ADULT_AGE = 18
SCHOOL_NEEDS = frozenset({Need.skolfranvaro, Need.mobbning})

# Within each group, earlier kinds come first.
SMALL_CHILD_START = (Kind.bvc, Kind.familjecentral, Kind.smabarnsteam)
SCHOOL_START = (Kind.elevhalsa, Kind.skolsocialt_team)
ADULT_START = (Kind.vardcentral, Kind.ungdomsmottagning)
NOT_FIRST = 100


def start_ranks(age: int, needs: Collection[Need]) -> dict[Kind, int]:
    """Kind -> how early it comes; kinds not named here rank after all of them."""
    groups: list[tuple[Kind, ...]] = []
    if age <= SMALL_CHILD_MAX_AGE:
        groups.append(SMALL_CHILD_START)
    else:
        if SCHOOL_NEEDS.intersection(needs):
            groups.append(SCHOOL_START)
        if age >= ADULT_AGE:
            groups.append(ADULT_START)
    ranks: dict[Kind, int] = {}
    for g, group in enumerate(groups):
        for k, kind in enumerate(group):
            # vårdcentral and UM are equals for adults: the usual ranking decides
            ranks.setdefault(kind, 10 * g + (0 if group is ADULT_START else k))
    return ranks


def universal_entrances(age: int) -> frozenset[Kind]:
    """Kinds that are the way in for every need at this age, listed need or not."""
    return frozenset(SMALL_CHILD_START) if age <= SMALL_CHILD_MAX_AGE else frozenset()
