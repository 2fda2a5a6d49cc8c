"""FHIR searches over a registry: searchset Bundles, reads, the CapabilityStatement.

Making and serialising a FHIR model costs about a millisecond per resource, so each
resource is made once per registry object and kept (as the model's own JSON-ready
dict) in `registry.memo`; a search then only filters ids and wraps one page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from pathways.limits import whole_number
from pathways.models import Area
from pathways.registry import MEMO_CARRIED, Registry
from pathways.standards import fhir
from pathways.standards.hsds import organization_of
from pathways.standards.hsds_query import MAX_PER_PAGE, index

DEFAULT_COUNT = 50
PAGING = ("_count", "_offset")
Resource = dict[str, Any]


class FhirError(Exception):
    """A request FHIR answers with an OperationOutcome: `status` is the HTTP status."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def outcome(error: FhirError) -> Resource:
    # fhir.resources is imported where a resource is built: its models take a tenth of
    # a second to import, which every server start paid for pages few ask for.
    from fhir.resources.R4B.operationoutcome import OperationOutcome

    issue = {"severity": "error", "code": error.code, "diagnostics": error.message}
    return _dump(
        OperationOutcome.model_validate({"resourceType": "OperationOutcome", "issue": [issue]})
    )


MADE = "fhir:made"  # the memo key of the resources a new index may take over


@dataclass(eq=False)
class FhirIndex:
    """The registry's resources by type and id, each made on first use.

    A resource is kept with what it was made from (a provider, an organisation, an
    area), and a registry an edit makes takes the kept ones over (`_carry`): one is used
    again only while its source is that very object, which an edit read in part leaves
    alone unless it changed it (`pathways.standards.entries`).
    """

    registry: Registry
    _made: dict[tuple[str, str], tuple[object, Resource]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        hsds = index(self.registry)
        listed = hsds.entries.values()
        self._made.update(self.registry.memo.get(MADE, {}))
        self.registry.memo[MADE] = self._made
        self.services = dict(hsds.by_service)
        self.orgs = dict(hsds.orgs)
        self.areas = {fhir.area_location_id(a): a for a in self.registry.areas}
        self._listed = listed

    # Worked out when a search first needs them, not after every edit: a page of
    # services needs none of them (the first after an edit of a national registry took
    # 57 ms with them, most of it these three passes over 21k entries).

    @cached_property
    def org_of(self) -> dict[str, str]:
        """Each service's organisation."""
        return {e.sid: e.org_id for e in self._listed}

    @cached_property
    def places(self) -> dict[str, tuple[str, str]]:
        """Each provider Location (a provider with an address): its provider and
        organisation."""
        return {place: (e.provider.id, e.org_id) for e in self._listed if (place := e.place)}

    @cached_property
    def locations(self) -> list[str]:
        return [*self.areas, *self.places]

    @cached_property
    def categories(self) -> dict[tuple[str, str], set[str]]:
        """The services under each `service-category` coding (system, code), straight from
        the registry (building 21,000 resources to read their categories would take a
        minute); worked out when a search first asks, not after every edit. A search then
        looks its codes up instead of testing every service's codings (50 ms a page)."""
        found: dict[tuple[str, str], set[str]] = {}
        for sid, p in self.services.items():
            for coding in (
                (fhir.CODES + "kind", p.kind.value),
                (fhir.CODES + "level", p.level.value),
            ):
                found.setdefault(coding, set()).add(sid)
        return found

    def in_categories(self, wanted: list[tuple[str | None, str]]) -> set[str]:
        """The services with any of the codes; a code with no system (or `|code`) matches
        it in any system."""
        out: set[str] = set()
        for (system, code), members in self.categories.items():
            if any(want == code and (of in (None, "") or of == system) for of, want in wanted):
                out |= members
        return out

    def resource(self, kind: str, ident: str) -> Resource:
        key = (kind, ident)
        source = self._source(kind, ident)
        made = self._made.get(key)
        if made is None or made[0] is not source:
            made = self._made[key] = (source, _dump(self._make(kind, source)))
        return made[1]

    def _source(self, kind: str, ident: str) -> object:
        reg = self.registry
        if kind == "HealthcareService" and ident in self.services:
            return self.services[ident]
        if kind == "Organization" and ident in self.orgs:
            return self.orgs[ident]
        if kind == "Location" and ident in self.areas:
            return reg.areas[self.areas[ident]]
        if kind == "Location" and ident in self.places:
            return reg.providers[self.places[ident][0]]
        raise FhirError(404, "not-found", f"{kind}/{ident[:80]} is not known here.")

    def _make(self, kind: str, source: Any) -> Any:
        reg = self.registry
        if kind == "HealthcareService":
            return fhir.healthcare_service(reg, source)
        if kind == "Organization":
            return fhir.organization(source)
        if isinstance(source, Area):
            return fhir.area_location(reg, source)
        return fhir.provider_location(reg, source)


def _carry(old: Mapping[str, Any], new: dict[str, Any]) -> None:
    """Hand an edited registry the resources made for the one it was made from."""
    found = old.get(MADE)
    if found is not None:
        new[MADE] = dict(found)


MEMO_CARRIED.append(_carry)


def fhir_index(registry: Registry) -> FhirIndex:
    found = registry.memo.get("fhir")
    if not isinstance(found, FhirIndex):
        found = registry.memo["fhir"] = FhirIndex(registry)
    return found


@dataclass(frozen=True)
class Search:
    """The search parameters as given: text, checked here so errors can name them."""

    ids: str | None = None
    count: str | None = None
    offset: str | None = None
    category: str | None = None
    organization: str | None = None
    active: str | None = None

    def __post_init__(self) -> None:
        for name in ("ids", "category", "organization"):
            if getattr(self, name) == "":  # an empty list is no filter
                object.__setattr__(self, name, None)

    def page(self) -> tuple[int, int]:
        count = _integer("_count", self.count, DEFAULT_COUNT, MAX_PER_PAGE)
        return count, _integer("_offset", self.offset, 0, 9_999_999)

    def keep(self, ids: Sequence[str], owner: Callable[[str], str] | None) -> list[str]:
        found = list(ids)
        if self.ids is not None:
            wanted = set(_tokens(self.ids))
            found = [i for i in found if i in wanted]
        if self.active is not None and _boolean("active", self.active) is False:
            found = []  # retired providers are never published: every resource is active
        if self.organization is not None and owner is not None:
            orgs = {t.removeprefix("Organization/") for t in _tokens(self.organization)}
            found = [i for i in found if owner(i) in orgs]
        return found


def healthcare_services(registry: Registry, search: Search, url: str) -> Resource:
    idx = fhir_index(registry)
    found = search.keep(list(idx.services), lambda i: idx.org_of[i])
    if search.category is not None:
        members = idx.in_categories([_token(t) for t in _tokens(search.category)])
        found = [i for i in found if i in members]
    return searchset(idx, "HealthcareService", found, search, url)


def organizations(registry: Registry, search: Search, url: str) -> Resource:
    idx = fhir_index(registry)
    return searchset(idx, "Organization", search.keep(list(idx.orgs), None), search, url)


def locations(registry: Registry, search: Search, url: str) -> Resource:
    idx = fhir_index(registry)

    found = search.keep(idx.locations, lambda i: idx.places[i][1] if i in idx.places else "")
    return searchset(idx, "Location", found, search, url)


def read(registry: Registry, kind: str, ident: str) -> Resource:
    return fhir_index(registry).resource(kind, ident)


def searchset(idx: FhirIndex, kind: str, ids: list[str], search: Search, url: str) -> Resource:
    """One page of a search; `url` is the search's address up to its paging parameters
    (ending in `?` or `&`), and the resources' full URLs sit beside it."""
    count, offset = search.page()
    shown = ids[offset : offset + count]
    bundle = _envelope(len(ids), count, offset, url)
    root = url.split("?", 1)[0].rsplit("/", 1)[0]
    bundle["entry"] = [
        {
            "fullUrl": f"{root}/{kind}/{i}",
            "resource": idx.resource(kind, i),
            "search": {"mode": "match"},
        }
        for i in shown
    ]
    if not bundle["entry"]:
        del bundle["entry"]
    return bundle


def _envelope(total: int, count: int, offset: int, url: str) -> Resource:
    """A searchset Bundle without its entries, linking to this page and the next."""
    links = [{"relation": "self", "url": f"{url}_count={count}&_offset={offset}"}]
    if offset + count < total:
        links.append({"relation": "next", "url": f"{url}_count={count}&_offset={offset + count}"})
    envelope = {"resourceType": "Bundle", "type": "searchset", "total": total, "link": links}
    from fhir.resources.R4B.bundle import Bundle

    return _dump(Bundle.model_validate(envelope))


REHEARSED_SHAPES = 64  # at most this many providers are rehearsed (see `rehearse`)


def rehearse(registry: Registry) -> int:
    """Make each kind of resource from a few of the registry's entries, and keep none.

    fhir.resources imports its models where they are used here, and each element model
    (Coding, ContactPoint, Reference, ...) when it first validates one; the first FHIR
    request did that on the event loop, 0.1-0.2 s in which its worker answered nothing
    else. A server's warm-up thread calls this instead. One provider is taken for each
    set of fields filled in (up to `REHEARSED_SHAPES`), and one area of each type, so
    that every kind of value the registry holds is validated once. Returns the number
    of resources made.
    """
    made: list[Any] = [_envelope(1, 1, 0, "?"), outcome(FhirError(400, "invalid", "-"))]
    made.append(capability_statement(""))
    shapes: set[frozenset[str]] = set()
    for provider in registry.active():
        shape = frozenset(k for k, v in vars(provider).items() if v not in (None, (), False))
        if shape not in shapes and len(shapes) < REHEARSED_SHAPES:
            shapes.add(shape)
            made.append(fhir.healthcare_service(registry, provider))
            made.append(fhir.organization(organization_of(registry, provider)))
            made.append(fhir.provider_location(registry, provider))
    kinds = {
        (a.type, a.parent is None, a.code is None, not a.aliases): a
        for a in registry.areas.values()
    }
    made.extend(fhir.area_location(registry, area) for area in kinds.values())
    return sum(1 for resource in made if resource is not None)


def capability_statement(base: str) -> Resource:
    def resource(kind: str, params: list[tuple[str, str]], *, read: bool = True) -> Resource:
        interactions = [{"code": "search-type"}, *([{"code": "read"}] if read else [])]
        return {
            "type": kind,
            "interaction": interactions,
            "searchParam": [{"name": n, "type": t} for n, t in params],
        }

    common = [("_id", "token"), ("_count", "number")]
    statement = {
        "resourceType": "CapabilityStatement",
        "status": "active",
        "date": date.today().isoformat(),
        "publisher": "Vårdkedjan",
        "kind": "instance",
        "software": {"name": "Vårdkedjan"},
        "implementation": {"description": "Vårdkedjans register, read only", "url": base},
        "fhirVersion": "4.0.1",
        "format": ["application/fhir+json", "json"],
        "rest": [
            {
                "mode": "server",
                "resource": [
                    resource(
                        "HealthcareService",
                        [
                            *common,
                            ("service-category", "token"),
                            ("organization", "reference"),
                            ("active", "token"),
                        ],
                    ),
                    resource("Organization", [*common, ("active", "token")]),
                    resource("Location", [*common, ("organization", "reference")]),
                ],
            }
        ],
    }
    from fhir.resources.R4B.capabilitystatement import CapabilityStatement

    return _dump(CapabilityStatement.model_validate(statement))


def _dump(model: Any) -> Resource:
    dumped: Resource = model.model_dump(mode="json", exclude_none=True)
    return dumped


def _tokens(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


def _token(text: str) -> tuple[str | None, str]:
    system, bar, code = text.rpartition("|")
    return (system if bar else None), code


def _integer(name: str, text: str | None, default: int, most: int) -> int:
    if text is None:
        return default
    number = whole_number(text, len(str(most)))
    if number is None or number > most:
        raise FhirError(400, "invalid", f"{name} must be a whole number from 0 to {most}.")
    return number


def _boolean(name: str, text: str) -> bool:
    if text not in ("true", "false"):
        raise FhirError(400, "invalid", f"{name} must be true or false.")
    return text == "true"
