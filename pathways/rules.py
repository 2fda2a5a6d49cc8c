"""The rules that relate registry records to each other.

`pathways.validation.validate` runs them. Each rule checks the records of one section
and reads other records through ids: a flow reads the providers it names, a provider
the areas it serves. `pathways.validation.REFERENCES` declares those reads, record by
record, so a change to a few records re-checks exactly the records whose rules read
them, and the one set of rules runs whole (for `check`) or in part (for an edit) alike.

Every function takes `only`, the positions of the records to check (None: all of them);
what a rule needs to know about the whole section (which ids exist, which providers are
retired, how often an id is used) is always computed from all of it, which is cheap:
only checking a record's own fields, and pydantic's shape check, cost per record.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from contextlib import suppress
from itertools import repeat
from typing import TYPE_CHECKING, Any

from pathways.errors import Loc, Problem
from pathways.vocab import AreaType, Kind

if TYPE_CHECKING:
    from pathways.models import Area

PARENT_TYPE: dict[AreaType, AreaType | None] = {
    AreaType.region: None,
    AreaType.kommun: AreaType.region,
    AreaType.stadsdel: AreaType.kommun,
}
KIND_IDS = frozenset(k.value for k in Kind)
CODE_LENGTH = {AreaType.region.value: 2, AreaType.kommun.value: 4}

Positions = Collection[int] | None
Records = list[tuple[int, Mapping[str, Any], str | None]]


# The combining marks Latin letters decompose into (å → a + U+030A), dropped in one
# pass (half the time of a test per character); any other mark is sifted one by one.
_LATIN_MARKS = re.compile(
    "[" + "".join(chr(c) for c in range(0x300, 0x370) if unicodedata.combining(chr(c))) + "]"
)


def name_key(text: str) -> str:
    """How area names are compared: case, accents and spacing do not matter."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    if not folded.isascii():
        folded = _LATIN_MARKS.sub("", folded)
        if not folded.isascii():
            folded = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(folded.replace("-", " ").split())


def exact_key(text: str) -> str:
    """Names as written but for case and spacing: Håbo and Habo are two kommuner."""
    return " ".join(unicodedata.normalize("NFC", text.casefold()).replace("-", " ").split())


# --- a word of a name -----------------------------------------------------------------
# Places typed as one word of an area's name: "Malung" for Malung-Sälen, "Väsby" for
# Upplands Väsby, "Bro" for Upplands-Bro.
#
# A rule, not aliases, because it follows the names: a kommun renamed or a stadsdel added
# gets it without anyone writing "Sälen" into the data. A word finds an area only when
# exactly one area has it; "Upplands" (Upplands Väsby and Upplands-Bro) finds none, and
# the asker is offered both (`Registry.parts` keeps every area a word belongs to).

# Kommuner and stadsdelar. A region's words are "Region" and a landskap or län, and
# each of those that names the region is an alias of it already.
PARTED = frozenset({AreaType.kommun, AreaType.stadsdel})

# Words that say what kind of place, where in it or how big, not which place: "Östra"
# alone would silently be Östra Göinge, "stad" is in four names.
GENERIC = frozenset(
    name_key(word)
    for word in (  # noqa: SIM905 - a list of words reads best as words
        "kommun stad stadsdel stadsdelsområde stadsområde län region östra västra norra "
        "södra lilla stora övre nedre"
    ).split()
)


def name_parts(areas: Iterable[Area]) -> dict[str, tuple[str, ...]]:
    """Each word of a kommun's or stadsdel's name or alias of more than one word, as
    `name_key` writes it, with the ids of the areas that have it, in registry order.

    A word that is a whole name or alias of some area is left out: that area wins.
    """
    found: dict[str, dict[str, None]] = {}
    whole: set[str] = set()
    for area in areas:
        labels = (area.name, *area.aliases)
        whole.update(name_key(label) for label in (area.id, *labels))
        if area.type not in PARTED:
            continue
        for label in labels:
            words = name_key(label).split()
            for word in words if len(words) > 1 else ():
                found.setdefault(word, {})[area.id] = None
    return {word: tuple(ids) for word, ids in found.items() if word not in whole | GENERIC}


def strings(value: Any) -> list[tuple[int, str]]:
    """The string items of a list field, with their positions; anything else is pydantic's."""
    if not isinstance(value, list):
        return []
    return [(i, v) for i, v in enumerate(value) if isinstance(v, str)]


# --- the rules ----------------------------------------------------------------------------


def _records_with_ids(items: list[Any], only: Positions = None) -> Records:
    """Each mapping record with its index and its id, when the id is a string."""
    pairs: Iterable[tuple[int, Any]] = (
        enumerate(items) if only is None else ((index, items[index]) for index in sorted(only))
    )
    return [
        (index, item, ident if isinstance(ident := item.get("id"), str) else None)
        for index, item in pairs
        if isinstance(item, dict)
    ]


def _ids(items: list[Any], records: Records, only: Positions) -> Counter[str]:
    """How often each id is used; in a part (`only`), only the ids of its `records`."""
    if only is None:  # the records are all the mappings of the section
        return Counter(ident for _, _, ident in records if ident is not None)
    ids = column(items, "id")
    return Counter(ids[p] for p in positions_of(ids, {i for _, _, i in records if i is not None}))


def column(items: list[Any], field: str) -> list[Any]:
    """Each record's `field` (None for a record that is no mapping), read in C."""
    try:
        return list(map(dict.get, items, repeat(field)))
    except TypeError:  # a record that is no mapping: pydantic's to report
        return [item.get(field) if isinstance(item, dict) else None for item in items]


def positions_of(values: list[Any], wanted: Collection[str]) -> list[int]:
    """Where the `wanted` strings are in `values`, in order (an edit's few: by `list.index`)."""
    if len(wanted) > 8:
        return [p for p, value in enumerate(values) if isinstance(value, str) and value in wanted]
    found: list[int] = []
    for value in wanted:
        at = -1
        with suppress(ValueError):
            while True:
                at = values.index(value, at + 1)
                found.append(at)
    return sorted(found)


def _duplicates(
    records: Records, counts: Counter[str], section: str, problems: list[Problem]
) -> None:
    twice = {ident for ident, count in counts.items() if count > 1}
    if not twice:  # the usual case: no need to go through the records
        return
    for index, _, ident in records:
        if ident in twice:
            problems.append(
                Problem(f"duplicate id '{ident}'", (section, index, "id"), code="duplicate_id")
            )


def check_areas(items: list[Any], problems: list[Problem]) -> dict[str, str]:
    """Check ids, parents and names of areas; return area id -> type for later checks."""
    records = _records_with_ids(items)
    _duplicates(records, _ids(items, records, None), "areas", problems)
    types = {ident: str(r.get("type")) for _, r, ident in records if ident is not None}
    names: dict[str, str] = {}
    for index, record, ident in records:
        kind = record.get("type")
        known = isinstance(kind, str) and kind in AreaType.__members__  # a list is no type
        expected = PARENT_TYPE[AreaType(str(kind))] if known else None
        parent = record.get("parent")
        if parent is None and expected is not None:
            problems.append(Problem(f"a {kind} needs a parent {expected}", ("areas", index)))
        elif isinstance(parent, str):
            if parent not in types:
                problems.append(
                    Problem(
                        f"unknown area '{parent}'",
                        ("areas", index, "parent"),
                        code="unknown_reference",
                    )
                )
            elif kind in AreaType.__members__ and types[parent] != expected:
                wanted = f"a {expected}" if expected else "nothing (a region is the top)"
                problems.append(
                    Problem(
                        f"the parent of a {kind} must be {wanted}, not a {types[parent]}",
                        ("areas", index, "parent"),
                    )
                )
        labels = [record.get("name"), *(v for _, v in strings(record.get("aliases")))]
        for label in labels:
            if not isinstance(label, str) or ident is None:
                continue
            other = names.setdefault(exact_key(label), ident)
            if other != ident:
                problems.append(
                    Problem(f"name '{label}' is already used by area '{other}'", ("areas", index))
                )
    _check_codes(records, problems)
    return types


def _check_codes(records: Records, problems: list[Problem]) -> None:
    """SCB codes: a länskod (two digits) on a region, a kommunkod (four) on a kommun that
    begins with its region's länskod, and no code used twice."""
    by_id = {ident: record for _, record, ident in records if ident is not None}
    seen: dict[str, str] = {}
    for index, record, ident in records:
        code, kind = record.get("code"), str(record.get("type"))  # a list is no type
        if not isinstance(code, str) or ident is None:
            continue
        at: Loc = ("areas", index, "code")
        if kind not in CODE_LENGTH:
            problems.append(Problem(f"a {kind} has no SCB code", at))
        elif len(code) != CODE_LENGTH[kind]:
            problems.append(Problem(f"a {kind} code has {CODE_LENGTH[kind]} digits", at))
        parent_id = record.get("parent")
        parent = by_id.get(parent_id) if isinstance(parent_id, str) else None
        parent_code = parent.get("code") if isinstance(parent, dict) else None
        in_lan = isinstance(parent_code, str) and code.startswith(parent_code)
        if kind == AreaType.kommun.value and isinstance(parent_code, str) and not in_lan:
            problems.append(Problem(f"a kommunkod in län {parent_code} begins with it", at))
        other = seen.setdefault(code, ident)
        if other != ident:
            problems.append(Problem(f"code '{code}' is already used by area '{other}'", at))


def retired_by_id(items: list[Any], wanted: Collection[str] | None = None) -> dict[str, bool]:
    """Provider id -> whether it is retired (of an id used twice, the last record); with
    `wanted`, for those ids only."""
    if wanted is not None:
        ids = column(items, "id")
        return {
            ids[p]: items[p].get("retired") is True for p in positions_of(ids, wanted) if ids[p]
        }
    return {
        ident: item.get("retired") is True
        for item in items
        if isinstance(item, dict) and isinstance(ident := item.get("id"), str) and ident
    }


def check_providers(
    items: list[Any], area_types: dict[str, str], problems: list[Problem], only: Positions
) -> None:
    """Check provider references and ranges."""
    records = _records_with_ids(items, only)
    _duplicates(records, _ids(items, records, only), "providers", problems)
    for index, record, ident in records:
        at: Loc = ("providers", index)
        if ident in KIND_IDS:
            problems.append(Problem("a provider id may not be a kind id", (*at, "id")))
        national = record.get("national") is True
        served = record.get("areas")
        if national and strings(served):
            problems.append(Problem("a national provider lists no areas", (*at, "areas")))
        if not national and not served:
            problems.append(Problem("list the areas served, or set national: true", (*at, "areas")))
        if record.get("fallback") is True and not national:
            problems.append(Problem("a fallback entry is national", (*at, "fallback")))
        _check_area_list(served, at, area_types, problems)
        _check_ages(record, at, problems)


def _check_area_list(
    served: Any, at: Loc, area_types: dict[str, str], problems: list[Problem]
) -> None:
    """The `areas` of a provider or a forum: each known, none twice."""
    if not isinstance(served, list):
        return
    try:
        listed = set(served)
    except TypeError:  # an unhashable item, refused by pydantic: look at the strings
        listed = None
    if listed is not None and len(listed) == len(served) and listed <= area_types.keys():
        return  # the usual case: only known areas (strings, then), none twice
    areas = strings(served)
    for i, area in areas:
        if area not in area_types:
            problems.append(
                Problem(f"unknown area '{area}'", (*at, "areas", i), code="unknown_reference")
            )
    if len({a for _, a in areas}) != len(areas):
        problems.append(Problem("an area is listed twice", (*at, "areas")))


def _check_ages(record: Mapping[str, Any], at: Loc, problems: list[Problem]) -> None:
    low, high = record.get("age_min"), record.get("age_max")
    if (
        isinstance(low, int)
        and isinstance(high, int)
        and low > high
        and not isinstance(low, bool)
        and not isinstance(high, bool)
    ):
        problems.append(
            Problem(
                f"age_min ({low}) is greater than age_max ({high})",
                (*at, "age_min"),
                code="age_range",
            )
        )


def check_flows(
    items: list[Any],
    area_types: dict[str, str],
    retired: dict[str, bool],
    problems: list[Problem],
    only: Positions,
) -> None:
    records = _records_with_ids(items, only)
    _duplicates(records, _ids(items, records, only), "flows", problems)
    for index, record, _ in records:
        at: Loc = ("flows", index)
        for field in ("from", "to"):
            end = record.get(field)
            if not isinstance(end, str) or end in KIND_IDS:
                continue
            if end not in retired:
                problems.append(
                    Problem(
                        f"'{end}' is neither a kind nor a provider",
                        (*at, field),
                        code="unknown_reference",
                    )
                )
            elif retired[end]:
                problems.append(Problem(f"provider '{end}' is retired", (*at, field)))
        origin, target = record.get("from"), record.get("to")
        if isinstance(origin, str) and origin == target and origin not in KIND_IDS:
            problems.append(Problem("a flow cannot go from a provider to itself", (*at, "to")))
        within = record.get("within")
        if isinstance(within, str) and within not in area_types:
            problems.append(
                Problem(f"unknown area '{within}'", (*at, "within"), code="unknown_reference")
            )
        for i, excluded in strings(record.get("except")):
            if excluded not in retired:
                problems.append(
                    Problem(
                        f"unknown provider '{excluded}'",
                        (*at, "except", i),
                        code="unknown_reference",
                    )
                )
        _check_ages(record, at, problems)


def check_forums(
    items: list[Any],
    area_types: dict[str, str],
    retired: dict[str, bool],
    problems: list[Problem],
    only: Positions,
) -> None:
    """Forums name areas and members (kinds or providers) that must exist.

    A forum id may not repeat a provider id either: pages and the API look records up by
    id, so one id must name one thing.
    """
    records = _records_with_ids(items, only)
    _duplicates(records, _ids(items, records, only), "forums", problems)
    for index, record, ident in records:
        at: Loc = ("forums", index)
        if ident is not None and ident in retired:
            problems.append(
                Problem(f"id '{ident}' is already a provider id", (*at, "id"), code="duplicate_id")
            )
        _check_area_list(record.get("areas"), at, area_types, problems)
        members = strings(record.get("members"))
        for i, member in members:
            if member in KIND_IDS:
                continue
            if member not in retired:
                problems.append(
                    Problem(
                        f"'{member}' is neither a kind nor a provider",
                        (*at, "members", i),
                        code="unknown_reference",
                    )
                )
            elif retired[member]:
                problems.append(Problem(f"provider '{member}' is retired", (*at, "members", i)))
        if len({m for _, m in members}) != len(members):
            problems.append(Problem("a member is listed twice", (*at, "members")))
