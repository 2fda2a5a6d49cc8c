"""The one place where registry rules live.

`validate` is called by the YAML loader, and will be by every editing path, so a rule
written here holds everywhere. It checks each record's shape with the pydantic models,
then every rule that relates records to each other, and reports all problems at once.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from pathways.errors import Loc, Problem, RegistryInvalid
from pathways.models import Area, Flow, Forum, Provider, RegistryDocument
from pathways.vocab import AreaType, Kind

SECTIONS = ("areas", "providers", "flows", "forums")
TOP_LEVEL = frozenset({"version", *SECTIONS})
PARENT_TYPE: dict[AreaType, AreaType | None] = {
    AreaType.region: None,
    AreaType.kommun: AreaType.region,
    AreaType.stadsdel: AreaType.kommun,
}
KIND_IDS = frozenset(k.value for k in Kind)

M = TypeVar("M", bound=BaseModel)


def name_key(text: str) -> str:
    """How area names are compared: case, accents and spacing do not matter."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(plain.replace("-", " ").split())


def exact_key(text: str) -> str:
    """Names as written but for case and spacing: Håbo and Habo are two kommuner."""
    return " ".join(unicodedata.normalize("NFC", text.casefold()).replace("-", " ").split())


def validate(raw: object) -> RegistryDocument:
    """Return the registry document, or raise `RegistryInvalid` listing every problem."""
    if not isinstance(raw, Mapping):
        raise RegistryInvalid([Problem("the registry must be a mapping with version, areas, ...")])
    problems: list[Problem] = []
    for key in raw:
        if key not in TOP_LEVEL:
            problems.append(Problem(f"unknown top-level key '{key}'", (str(key),)))
    if raw.get("version") != 1:
        problems.append(Problem("version must be 1", ("version",)))

    sections = {name: _section(raw, name, problems) for name in SECTIONS}
    areas = _records(sections["areas"], "areas", Area, problems)
    providers = _records(sections["providers"], "providers", Provider, problems)
    flows = _records(sections["flows"], "flows", Flow, problems)
    forums = _records(sections["forums"], "forums", Forum, problems)
    if not sections["areas"] and isinstance(raw.get("areas", []), list):
        problems.append(Problem("at least one area is required", ("areas",)))

    # Relations are checked on the raw records, so that a record with a wrong type in one
    # field still has its references checked: every problem is reported in one go.
    area_types = _check_areas(sections["areas"], problems)
    retired = _check_providers(sections["providers"], area_types, problems)
    _check_flows(sections["flows"], area_types, retired, problems)
    _check_forums(sections["forums"], area_types, retired, problems)

    if problems:
        raise RegistryInvalid([_with_subject(p, raw) for p in problems])
    return RegistryDocument.model_construct(
        version=1,
        areas=tuple(areas),
        providers=tuple(providers),
        flows=tuple(flows),
        forums=tuple(forums),
    )


def _section(raw: Mapping[str, Any], name: str, problems: list[Problem]) -> list[Any]:
    items = raw.get(name)
    if items is None:
        return []
    if not isinstance(items, list):
        problems.append(Problem(f"'{name}' must be a list", (name,)))
        return []
    return items


def _records(items: list[Any], section: str, model: type[M], problems: list[Problem]) -> list[M]:
    """Validate each record's shape on its own, so one bad record hides no other."""
    good: list[M] = []
    for index, item in enumerate(items):
        try:
            good.append(model.model_validate(item))
        except ValidationError as exc:
            for error in exc.errors(include_url=False, include_input=False):
                loc: Loc = (section, index, *_clean_loc(error["loc"]))
                problems.append(Problem(_message(error), loc, code=_code(error)))
    return good


def _clean_loc(loc: Iterable[str | int]) -> Loc:
    """Drop pydantic's internal steps (validator names) from an error location."""
    return tuple(p for p in loc if isinstance(p, int) or not (p.startswith(("function-", "["))))


def _message(error: Mapping[str, Any]) -> str:
    kind = error.get("type")
    if kind == "missing":
        return "is required"
    if kind == "extra_forbidden":
        return "is not a known field (misspelt?)"
    if kind == "enum":
        expected = error.get("ctx", {}).get("expected", "")
        return f"unknown value; expected one of {expected}"
    return str(error.get("msg", "invalid"))


def _code(error: Mapping[str, Any]) -> str:
    kind = str(error.get("type"))
    if kind == "missing":
        return "missing_field"
    if kind == "extra_forbidden":
        return "unknown_field"
    if kind == "enum" and error["loc"][:1] in (("kind",), ("needs",)):
        return "unknown_reference"
    return "wrong_type"


def _records_with_ids(items: list[Any]) -> list[tuple[int, Mapping[str, Any], str | None]]:
    """Each mapping record with its index and its id, when the id is a string."""
    out = []
    for index, item in enumerate(items):
        if isinstance(item, Mapping):
            ident = item.get("id")
            out.append((index, item, ident if isinstance(ident, str) else None))
    return out


def _duplicates(
    records: list[tuple[int, Mapping[str, Any], str | None]], section: str, problems: list[Problem]
) -> None:
    counts = Counter(ident for _, _, ident in records if ident is not None)
    for index, _, ident in records:
        if ident is not None and counts[ident] > 1:
            problems.append(
                Problem(f"duplicate id '{ident}'", (section, index, "id"), code="duplicate_id")
            )


def _strings(value: Any) -> list[tuple[int, str]]:
    """The string items of a list field, with their positions; anything else is pydantic's."""
    if not isinstance(value, list):
        return []
    return [(i, v) for i, v in enumerate(value) if isinstance(v, str)]


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _check_areas(items: list[Any], problems: list[Problem]) -> dict[str, str]:
    """Check ids, parents and names of areas; return area id -> type for later checks."""
    records = _records_with_ids(items)
    _duplicates(records, "areas", problems)
    types = {ident: str(r.get("type")) for _, r, ident in records if ident is not None}
    names: dict[str, str] = {}
    for index, record, ident in records:
        kind = record.get("type")
        expected = PARENT_TYPE[AreaType(str(kind))] if kind in AreaType.__members__ else None
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
        labels = [record.get("name"), *(v for _, v in _strings(record.get("aliases")))]
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


CODE_LENGTH = {AreaType.region.value: 2, AreaType.kommun.value: 4}


def _check_codes(
    records: list[tuple[int, Mapping[str, Any], str | None]], problems: list[Problem]
) -> None:
    """SCB codes: a länskod (two digits) on a region, a kommunkod (four) on a kommun that
    begins with its region's länskod, and no code used twice."""
    by_id = {ident: record for _, record, ident in records if ident is not None}
    seen: dict[str, str] = {}
    for index, record, ident in records:
        code, kind = record.get("code"), record.get("type")
        if not isinstance(code, str) or ident is None:
            continue
        at: Loc = ("areas", index, "code")
        if kind not in CODE_LENGTH:
            problems.append(Problem(f"a {kind} has no SCB code", at))
        elif len(code) != CODE_LENGTH[kind]:
            problems.append(Problem(f"a {kind} code has {CODE_LENGTH[kind]} digits", at))
        parent = by_id.get(record.get("parent") or "")
        parent_code = parent.get("code") if isinstance(parent, Mapping) else None
        in_lan = isinstance(parent_code, str) and code.startswith(parent_code)
        if kind == AreaType.kommun.value and isinstance(parent_code, str) and not in_lan:
            problems.append(Problem(f"a kommunkod in län {parent_code} begins with it", at))
        other = seen.setdefault(code, ident)
        if other != ident:
            problems.append(Problem(f"code '{code}' is already used by area '{other}'", at))


def _check_providers(
    items: list[Any], area_types: dict[str, str], problems: list[Problem]
) -> dict[str, bool]:
    """Check provider references and ranges; return provider id -> retired."""
    records = _records_with_ids(items)
    _duplicates(records, "providers", problems)
    for index, record, ident in records:
        at: Loc = ("providers", index)
        if ident in KIND_IDS:
            problems.append(Problem("a provider id may not be a kind id", (*at, "id")))
        national = record.get("national") is True
        if national and _strings(record.get("areas")):
            problems.append(Problem("a national provider lists no areas", (*at, "areas")))
        if not national and not record.get("areas"):
            problems.append(Problem("list the areas served, or set national: true", (*at, "areas")))
        if record.get("fallback") is True and not national:
            problems.append(Problem("a fallback entry is national", (*at, "fallback")))
        _check_area_list(record, at, area_types, problems)
        _check_ages(record, at, problems)
    return {ident: record.get("retired") is True for _, record, ident in records if ident}


def _check_area_list(
    record: Mapping[str, Any], at: Loc, area_types: dict[str, str], problems: list[Problem]
) -> None:
    """The `areas` of a provider or a forum: each known, none twice."""
    areas = _strings(record.get("areas"))
    for i, area in areas:
        if area not in area_types:
            problems.append(
                Problem(f"unknown area '{area}'", (*at, "areas", i), code="unknown_reference")
            )
    if len({a for _, a in areas}) != len(areas):
        problems.append(Problem("an area is listed twice", (*at, "areas")))


def _check_ages(record: Mapping[str, Any], at: Loc, problems: list[Problem]) -> None:
    low, high = _int(record.get("age_min")), _int(record.get("age_max"))
    if low is not None and high is not None and low > high:
        problems.append(
            Problem(
                f"age_min ({low}) is greater than age_max ({high})",
                (*at, "age_min"),
                code="age_range",
            )
        )


def _check_flows(
    items: list[Any], area_types: dict[str, str], retired: dict[str, bool], problems: list[Problem]
) -> None:
    records = _records_with_ids(items)
    _duplicates(records, "flows", problems)
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
        for i, excluded in _strings(record.get("except")):
            if excluded not in retired:
                problems.append(
                    Problem(
                        f"unknown provider '{excluded}'",
                        (*at, "except", i),
                        code="unknown_reference",
                    )
                )
        _check_ages(record, at, problems)


def _check_forums(
    items: list[Any], area_types: dict[str, str], retired: dict[str, bool], problems: list[Problem]
) -> None:
    """Forums name areas and members (kinds or providers) that must exist.

    A forum id may not repeat a provider id either: pages and the API look records up by
    id, so one id must name one thing.
    """
    records = _records_with_ids(items)
    _duplicates(records, "forums", problems)
    for index, record, ident in records:
        at: Loc = ("forums", index)
        if ident is not None and ident in retired:
            problems.append(
                Problem(f"id '{ident}' is already a provider id", (*at, "id"), code="duplicate_id")
            )
        _check_area_list(record, at, area_types, problems)
        members = _strings(record.get("members"))
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


def _with_subject(problem: Problem, raw: Mapping[str, Any]) -> Problem:
    """Name the record a problem belongs to by its id, as people know it."""
    loc = problem.loc
    if len(loc) < 2 or loc[0] not in SECTIONS or not isinstance(loc[1], int):
        return problem
    noun = str(loc[0])[:-1]
    records = raw.get(str(loc[0]))
    record = records[loc[1]] if isinstance(records, list) and loc[1] < len(records) else None
    ident = record.get("id") if isinstance(record, Mapping) else None
    subject = f"{noun} '{ident}'" if isinstance(ident, str) else f"{noun} #{loc[1] + 1}"
    return replace(problem, subject=subject)
