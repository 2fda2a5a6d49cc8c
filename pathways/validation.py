"""The one place where registry rules live.

`validate` is called by the YAML loader and by every editing path, so a rule written
here holds everywhere. It checks each record's shape with the pydantic models, then
every rule that relates records to each other (`pathways.rules`), and reports all
problems at once.

It runs whole, or in part after an edit (`Scope`): then only the records written anew
get their shape checked, and the relational rules run for them and for the records whose
rules read them, as `pathways.rules.REFERENCES` declares. The previous version was
valid, so the problems found in part are exactly those a whole run would find.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from pathways import parallel
from pathways.errors import Loc, Problem, RegistryInvalid
from pathways.models import PATTERNS, Area, Flow, Forum, Provider, RegistryDocument
from pathways.rules import (
    KIND_IDS,
    check_areas,
    check_flows,
    check_forums,
    check_providers,
    column,
    exact_key,
    name_key,
    positions_of,
    retired_by_id,
    strings,
)

__all__ = [
    "KIND_IDS",
    "SECTIONS",
    "Scope",
    "Splice",
    "Splices",
    "exact_key",
    "name_key",
    "validate",
    "written",
]

SECTIONS = ("areas", "providers", "flows", "forums")
TOP_LEVEL = frozenset({"version", *SECTIONS})
MODELS: dict[str, type[BaseModel]] = {
    "areas": Area,
    "providers": Provider,
    "flows": Flow,
    "forums": Forum,
}

Key = tuple[str, str]  # (section, id) a rule looks up


@dataclass(frozen=True)
class Splice:
    """In one section, `removed` records from `start` on (a position in the list as it
    was) were replaced by `added` ones."""

    start: int
    removed: int
    added: int


Splices = tuple[Splice, ...]  # the stretches of one section, in order, apart


def written(splices: Splices) -> list[range]:
    """Each splice's records in the list as it is now: the splices before it moved them."""
    out, shift = [], 0
    for splice in splices:
        out.append(range(splice.start + shift, splice.start + shift + splice.added))
        shift += splice.added - splice.removed
    return out


@dataclass(frozen=True)
class Scope:
    """A validation in part: `previous` (valid) became the new raw data by `splices`;
    `replaced` holds, per spliced section, the raw records they took out, in order.

    A section has several splices when an edited record is merged by others (`<<: *p7`):
    their text is the same, but what they read from it changed."""

    previous: RegistryDocument
    splices: Mapping[str, Splices]
    replaced: Mapping[str, Sequence[Any]]

    def written(self) -> dict[str, set[int]]:
        """Per spliced section, the positions of the records written anew."""
        return {s: {p for r in written(spl) for p in r} for s, spl in self.splices.items()}

    def changed_keys(self, sections: Mapping[str, list[Any]]) -> set[Key]:
        keys: set[Key] = set()
        for section, positions in self.written().items():
            for record in self.replaced.get(section, ()):
                keys.update(identity(section, record))
            for position in positions:
                keys.update(identity(section, sections[section][position]))
        return keys

    def to_check(self, sections: Mapping[str, list[Any]]) -> dict[str, set[int]]:
        """Per section, the positions whose relational rules must run."""
        written = self.written()
        found = dependents(sections, self.changed_keys(sections), written)
        for section, positions in written.items():
            found.setdefault(section, set()).update(positions)
        return found


# --- what each record's rules read: the dependencies of a validation in part -----------


def _own_id(record: Mapping[str, Any]) -> Iterator[str]:
    ident = record.get("id")
    if isinstance(ident, str):
        yield ident


def _listed(field: str) -> Callable[[Mapping[str, Any]], Iterator[str]]:
    def read(record: Mapping[str, Any]) -> Iterator[str]:
        return (v for _, v in strings(record.get(field)))

    return read


def _flow_providers(record: Mapping[str, Any]) -> Iterator[str]:
    # Its ends' existence and whether they are retired, and the providers left out.
    left_out = record.get("except")
    ends = (record.get("from"), record.get("to"), *(left_out if isinstance(left_out, list) else ()))
    return (end for end in ends if isinstance(end, str))


def _flow_area(record: Mapping[str, Any]) -> Iterator[str]:
    within = record.get("within")
    if isinstance(within, str):
        yield within


def _forum_providers(record: Mapping[str, Any]) -> Iterator[str]:
    yield from _own_id(record)  # one id names one thing: not a provider's too
    yield from _listed("members")(record)


Reader = Callable[[Mapping[str, Any]], Iterator[str]]

# What the rules of each section's records read, by the section read: the ids each
# record looks up there. A change to records of a section re-checks the records whose
# rules read their ids. Areas are checked whole: names, codes and parents relate every
# area to every other, and there are few.
REFERENCES: dict[str, dict[str, Reader]] = {
    "providers": {"providers": _own_id, "areas": _listed("areas")},  # an id used twice
    "flows": {"flows": _own_id, "providers": _flow_providers, "areas": _flow_area},
    "forums": {"forums": _own_id, "providers": _forum_providers, "areas": _listed("areas")},
}


def identity(section: str, record: Any) -> Iterator[Key]:
    """The keys under which a record is read by others' rules: its section and id."""
    if isinstance(record, dict):
        yield from ((section, ident) for ident in _own_id(record))


def dependents(
    sections: Mapping[str, list[Any]], changed: Iterable[Key], skip: Mapping[str, set[int]]
) -> dict[str, set[int]]:
    """The records (by section, positions) whose rules read any of the `changed` keys.

    Records at the positions in `skip` are checked anyway (they were written anew).
    """
    ids: dict[str, set[str]] = {}
    for section, ident in changed:
        ids.setdefault(section, set()).add(ident)
    out: dict[str, set[int]] = {}
    for section, readers in REFERENCES.items():
        wanted = [(readers[read], found) for read, found in ids.items() if read in readers]
        if not wanted:
            continue
        written = skip.get(section, set())
        items = sections.get(section, [])
        found_at = out.setdefault(section, set())
        for reader, found in wanted:
            found_at.update(p for p in _reading(items, reader, found) if p not in written)
    return out


def _reading(items: list[Any], reader: Reader, found: set[str]) -> Iterable[int]:
    """Positions of the records whose `reader` reads any `found` id: by columns if it can."""
    if reader is _own_id:
        return positions_of(column(items, "id"), found)
    if reader is _flow_providers:  # its reads, column by column
        ends = {p for end in ("from", "to") for p in positions_of(column(items, end), found)}
        for at, left_out in enumerate(column(items, "except")):
            if isinstance(left_out, list) and any(end in found for _, end in strings(left_out)):
                ends.add(at)
        return ends
    return (
        p for p, r in enumerate(items) if isinstance(r, dict) and any(i in found for i in reader(r))
    )


def providers_read(
    sections: Mapping[str, list[Any]], only: Mapping[str, Collection[int]]
) -> set[str]:
    """The provider ids that the flows and forums at the given positions look up."""
    found: set[str] = set()
    for section in ("flows", "forums"):
        reader = REFERENCES[section]["providers"]
        items = sections.get(section, [])
        for position in only.get(section, ()):
            record = items[position]
            if isinstance(record, dict):
                found.update(reader(record))
    return found


def validate(raw: object, scope: Scope | None = None) -> RegistryDocument:
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
    # Relations are checked on the raw records, so that a record with a wrong type in one
    # field still has its references checked: every problem is reported in one go. They
    # read no model, so in a whole run (`check`) they may go beside the models' building.
    relations = _relations_later(sections, scope)
    try:
        models = {name: _models(sections, name, problems, scope) for name in SECTIONS}
    except BaseException:
        if scope is None:
            with suppress(Exception):
                relations()  # a forked child is waited for; the models' error is raised
        raise
    if not sections["areas"] and isinstance(raw.get("areas", []), list):
        problems.append(Problem("at least one area is required", ("areas",)))
    problems += relations()

    if problems:
        raise RegistryInvalid([_with_subject(p, raw) for p in problems])
    return RegistryDocument.model_construct(
        version=1,
        areas=tuple(models["areas"]),
        providers=tuple(models["providers"]),
        flows=tuple(models["flows"]),
        forums=tuple(models["forums"]),
    )


def _relations_later(
    sections: Mapping[str, list[Any]], scope: Scope | None
) -> Callable[[], list[Problem]]:
    """The relational rules' problems when asked for: whole, started beside the caller
    (forked inside `parallel.allowed()`); in part, worked out when asked."""
    if scope is None:
        return parallel.beside(lambda: _relations(sections, None))
    return lambda: _relations(sections, scope.to_check(sections))


def _relations(
    sections: Mapping[str, list[Any]], only: Mapping[str, set[int]] | None
) -> list[Problem]:
    """The problems of the relational rules, in the order they come (`pathways.rules`);
    with `only`, those of the records at its positions."""
    problems: list[Problem] = []

    def part(section: str) -> set[int] | None:
        return None if only is None else only.get(section, set())

    area_types = check_areas(sections["areas"], problems)  # few, related to each other
    wanted = None if only is None else providers_read(sections, only)
    retired = retired_by_id(sections["providers"], wanted)
    check_providers(sections["providers"], area_types, problems, part("providers"))
    check_flows(sections["flows"], area_types, retired, problems, part("flows"))
    check_forums(sections["forums"], area_types, retired, problems, part("forums"))
    return problems


def _models(
    sections: Mapping[str, list[Any]], section: str, problems: list[Problem], scope: Scope | None
) -> list[Any]:
    """The section's models: validated anew where written, the previous ones elsewhere."""
    items = sections[section]
    if scope is None:
        return _records(items, section, problems)
    before: tuple[Any, ...] = getattr(scope.previous, section)
    splices = scope.splices.get(section, ())
    if len(before) + sum(s.added - s.removed for s in splices) != len(items):
        raise ValueError(f"the splices of '{section}' do not match its records")
    out: list[Any] = []
    kept = 0  # where the previous models not yet taken begin
    for splice, now in zip(splices, written(splices), strict=True):
        out += before[kept : splice.start]
        out += _records(items[now.start : now.stop], section, problems, now.start)
        kept = splice.start + splice.removed
    out += before[kept:]
    return out


def _section(raw: Mapping[str, Any], name: str, problems: list[Problem]) -> list[Any]:
    items = raw.get(name)
    if items is None:
        return []
    if not isinstance(items, list):
        problems.append(Problem(f"'{name}' must be a list", (name,)))
        return []
    return items


_LISTS: dict[str, Any] = {
    "areas": list[Area],
    "providers": list[Provider],
    "flows": list[Flow],
    "forums": list[Forum],
}


@cache
def _adapter(section: str) -> TypeAdapter[list[Any]]:
    """A section's records as one list for pydantic: built when first used."""
    return TypeAdapter(_LISTS[section])


def _records(items: list[Any], section: str, problems: list[Problem], first: int = 0) -> list[Any]:
    """Validate the records' shapes in one call to pydantic, which checks every record
    and places each error at its record's index, so one bad record hides no other.

    One call instead of one per record saves a tenth of the time on 27k records. When
    any record is refused, none of the models is needed: the registry is refused.
    """
    try:
        return _adapter(section).validate_python(items)
    except ValidationError as exc:
        for error in exc.errors(include_url=False, include_input=False):
            index, *inside = error["loc"]
            loc: Loc = (section, first + int(index), *_clean_loc(inside))
            problems.append(Problem(_message(error), loc, code=_code(error)))
        return []


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
    if kind == "string_pattern_mismatch":
        said = PATTERNS.get(str(error.get("ctx", {}).get("pattern", "")))
        if said is not None:
            return said
    if kind == "value_error":
        return str(error.get("msg", "invalid")).removeprefix("Value error, ")
    return str(error.get("msg", "invalid"))


def _code(error: Mapping[str, Any]) -> str:
    kind = str(error.get("type"))
    if kind == "missing":
        return "missing_field"
    if kind == "extra_forbidden":
        return "unknown_field"
    if kind == "enum" and error["loc"][1:2] in (("kind",), ("needs",)):
        return "unknown_reference"
    return "wrong_type"


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
