"""The HSDS API's questions: paged, filtered lists and single records, cached per registry.

A loaded registry never changes (an edit makes a new one), so everything derived from it
is computed once and kept in `registry.memo`: the ordered services, the organisations,
the search text and the taxonomy index. One page then costs its own 50 records only.
"""

from __future__ import annotations

import math
import re
import uuid
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cached_property
from itertools import accumulate
from typing import Any, TypeVar

from pathways.errors import InvalidQuery, NotFound
from pathways.models import Provider
from pathways.registry import Registry
from pathways.standards.entries import ENTRIES, Entry, carried, entries
from pathways.standards.hsds import (
    Org,
    location_record,
    organization_record,
    service_at_location,
    service_full,
    service_record,
)
from pathways.standards.ids import service_id, uid
from pathways.standards.taxonomy import (
    TAXONOMIES_BY_ID,
    TERMS_BY_ID,
    Tax,
    Term,
    all_terms,
    taxonomy_record,
    term_record,
)
from pathways.validation import name_key

MAX_PER_PAGE = 500
RECENT = 64  # filtered lists kept per registry
DEFAULT_PER_PAGE = 50
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Paging:
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE

    def __post_init__(self) -> None:
        if self.page < 1:
            raise InvalidQuery("page", "page must be 1 or more.")
        if not 1 <= self.per_page <= MAX_PER_PAGE:
            raise InvalidQuery("per_page", f"per_page must be between 1 and {MAX_PER_PAGE}.")


def page_of(
    items: Sequence[T], paging: Paging, render: Callable[[T], dict[str, Any]]
) -> dict[str, Any]:
    """HSDS's page shape around the rendered records of one page."""
    total = len(items)
    pages = math.ceil(total / paging.per_page)
    start = (paging.page - 1) * paging.per_page
    contents = [render(item) for item in items[start : start + paging.per_page]]
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": paging.page,
        "size": len(contents),
        "first_page": paging.page == 1,
        "last_page": paging.page >= pages,
        "empty": total == 0,
        "contents": contents,
    }


@dataclass(frozen=True, slots=True)
class Filters:
    search: str | None = None
    taxonomy_term_id: str | None = None
    taxonomy_id: str | None = None
    organization_id: str | None = None
    modified_after: str | None = None


def filters(
    search: str | None,
    taxonomy_term_id: object | None,
    taxonomy_id: object | None,
    organization_id: object | None,
    modified_after: str | None,
) -> Filters:
    """Filters from the parameters (ids parsed as UUIDs), as the index keys them."""

    def text(value: object | None) -> str | None:
        return None if value is None else str(value)

    ids = (text(taxonomy_term_id), text(taxonomy_id), text(organization_id))
    return Filters(search, *ids, modified_after)


@dataclass(eq=False)
class HsdsIndex:
    """Everything about one registry the HSDS answers need, each part computed on first
    use: after an edit, a page of services needs the list of providers alone."""

    registry: Registry
    providers: list[Provider] = field(init=False)
    _recent: dict[Filters, list[Provider]] = field(init=False, default_factory=dict)
    _located: dict[Filters, list[Provider]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.providers = list(self.registry.active())

    @cached_property
    def entries(self) -> dict[str, Entry]:
        """Each provider's entry by id, in registry order: taken over from the registry
        an edit made this one of where it still holds (`pathways.standards.entries`),
        and kept for the registry the next edit makes."""
        found = entries(self.registry, self.providers, carried(self.registry.memo))
        self.registry.memo[ENTRIES] = found
        return found

    @cached_property
    def by_service(self) -> dict[str, Provider]:
        return {e.sid: e.provider for e in self.entries.values()}

    @cached_property
    def by_location(self) -> dict[str, Provider]:
        return {e.location: e.provider for e in self.entries.values() if e.location}

    @cached_property
    def placed(self) -> set[str]:
        """The providers with a service_at_location."""
        return {p.id for p in self.by_location.values()}

    @cached_property
    def org_of(self) -> dict[str, Org]:
        return {pid: e.org for pid, e in self.entries.items()}

    @cached_property
    def orgs(self) -> dict[str, Org]:
        """Each organisation by id, in the order of its first service."""
        found: dict[str, Org] = {}
        for e in self.entries.values():
            if e.org_id not in found:
                found[e.org_id] = e.org
        return found

    @cached_property
    def org_services(self) -> dict[str, list[Provider]]:
        found: dict[str, list[Provider]] = defaultdict(list)
        for e in self.entries.values():
            found[e.org_id].append(e.provider)
        return found

    @cached_property
    def search_text(self) -> tuple[str, list[int], list[str]]:
        """Every provider's searchable text in one string, where each starts, and whose."""
        parts = [e.part for e in self.entries.values()]
        starts = list(accumulate((len(part) for part in parts[:-1]), initial=0))
        return "".join(parts), starts, list(self.entries)

    @cached_property
    def by_term(self) -> dict[str, set[str]]:
        """Taxonomy term id → ids of the providers carrying it (kind, level, need, …)."""
        index: dict[str, set[str]] = defaultdict(set)
        for pid, e in self.entries.items():
            for term in e.terms:
                index[term].add(pid)
        return index

    def services(self, filters: Filters) -> list[Provider]:
        """The services a filter keeps, in registry order; the last answers are kept,
        since a client paging through one search asks the same question page by page."""
        found = self._recent.get(filters)
        if found is None:
            found = self._filter(filters)
            if len(self._recent) >= RECENT:
                self._recent.pop(next(iter(self._recent)))
            self._recent[filters] = found
        return found

    def _filter(self, filters: Filters) -> list[Provider]:
        pool = self.providers
        if filters.organization_id is not None:
            org = self.organization(filters.organization_id, parameter="organization_id")
            pool = self.org_services[org.id]
        if filters.taxonomy_term_id is not None:
            term = _known(
                TERMS_BY_ID, filters.taxonomy_term_id, "taxonomy_term_id", "taxonomy term"
            )
            having = self.by_term.get(term.id, set())
            pool = [p for p in pool if p.id in having]
        if filters.taxonomy_id is not None:
            tax = _known(TAXONOMIES_BY_ID, filters.taxonomy_id, "taxonomy_id", "taxonomy")
            having = set().union(
                *(self.by_term.get(t.id, set()) for t in all_terms() if t.taxonomy == tax)
            )
            pool = [p for p in pool if p.id in having]
        if filters.modified_after is not None:
            since = parse_since(filters.modified_after)
            pool = [p for p in pool if p.reviewed >= since]
        if filters.search:
            having = self.matching(filters.search)
            pool = [p for p in pool if p.id in having]
        return pool

    def matching(self, search: str) -> set[str]:
        """Ids of the providers whose name or description holds every word: each word is
        found in one long text of them all, which is far quicker than 21,000 tests."""
        text, starts, ids = self.search_text
        found: set[str] | None = None
        for word in name_key(search).split():
            hits: set[str] = set()
            at = text.find(word)
            while at != -1:
                hits.add(ids[bisect_right(starts, at) - 1])
                at = text.find(word, at + 1)
            found = hits if found is None else found & hits
        return found or set()

    def service(self, ident: str) -> Provider:
        return _known(self.by_service, ident, None, "service")

    def located(self, ident: str) -> Provider:
        return _known(self.by_location, ident, None, "service_at_location")

    def organization(self, ident: str, parameter: str | None = None) -> Org:
        return _known(self.orgs, ident, parameter, "organization")

    def organizations(self, search: str | None) -> list[Org]:
        orgs = list(self.orgs.values())
        if search:
            words = name_key(search).split()
            orgs = [o for o in orgs if all(w in name_key(o.name) for w in words)]
        return orgs

    # --- rendering ------------------------------------------------------------------

    def service_list_item(self, provider: Provider) -> dict[str, Any]:
        return service_record(self.registry, provider)

    def service_full(self, provider: Provider) -> dict[str, Any]:
        return service_full(self.registry, provider)

    def service_at_location_item(self, provider: Provider) -> dict[str, Any]:
        record = {k: v for k, v in self._place(provider).items() if k != "phones"}
        record["service"] = service_record(self.registry, provider)
        return record

    def service_at_location_full(self, provider: Provider) -> dict[str, Any]:
        record = self._place(provider)
        record["service"] = service_record(self.registry, provider)
        return record

    def _place(self, provider: Provider) -> dict[str, Any]:
        place = service_at_location(provider)
        if place is None:
            raise NotFound("service_at_location", provider.id)
        return place

    def located_services(self, filters: Filters) -> list[Provider]:
        found = self._located.get(filters)
        if found is None:
            found = [p for p in self.services(filters) if p.id in self.placed]
            if len(self._located) >= RECENT:
                self._located.pop(next(iter(self._located)))
            self._located[filters] = found
        return found

    def organization_full(self, org: Org) -> dict[str, Any]:
        record = organization_record(org)
        members = self.org_services[org.id]
        record["locations"] = [loc for p in members if (loc := location_record(p)) and org.provider]
        record["services"] = [{"id": service_id(p.id), "name": p.name} for p in members]
        term = Term(Tax.principal, org.principal.value)
        record["attributes"] = [
            {
                "id": uid("attribute", "organization", org.key, term.code),
                "link_id": org.id,
                "link_type": Tax.principal.value,
                "link_entity": "organization",
                "taxonomy_term_id": term.id,
                "taxonomy_term": term_record(term),
            }
        ]
        return record


def index(registry: Registry) -> HsdsIndex:
    """The registry's HSDS index, built once per registry object."""
    found = registry.memo.get("hsds")
    if not isinstance(found, HsdsIndex):
        found = registry.memo["hsds"] = HsdsIndex(registry)
    return found


def taxonomies(search: str | None) -> list[Tax]:
    words = name_key(search or "").split()
    return [
        t
        for t in Tax
        if all(w in name_key(f"{t.value} {taxonomy_record(t)['description']}") for w in words)
    ]


def taxonomy(ident: str) -> Tax:
    return _known(TAXONOMIES_BY_ID, ident, None, "taxonomy")


def terms(search: str | None, taxonomy_id: str | None, parent_id: str | None) -> list[Term]:
    pool = all_terms()
    if taxonomy_id is not None:
        tax = _known(TAXONOMIES_BY_ID, taxonomy_id, "taxonomy_id", "taxonomy")
        pool = [t for t in pool if t.taxonomy == tax]
    if parent_id is not None:
        _uuid(parent_id, "parent_id")
        pool = []  # the vocabularies are flat: no term has a parent
    words = name_key(search or "").split()
    return [t for t in pool if all(w in name_key(f"{t.code} {t.name}") for w in words)]


def term(ident: str) -> Term:
    return _known(TERMS_BY_ID, ident, None, "taxonomy_term")


def parse_since(text: str) -> date:
    """`modified_after` as a date or an ISO 8601 date-time (the registry keeps dates):
    a moment after midnight asks for the days after it."""
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        # RFC 3339 allows a leap second, which Python's datetime does not.
        plain = re.sub(r"(T\d\d:\d\d):60", r"\1:59", text.upper()).replace("Z", "+00:00")
        moment = datetime.fromisoformat(plain)
        if moment.tzinfo is not None:
            try:
                moment = moment.astimezone(UTC)
            except OverflowError:  # year 1 or 9999 near midnight: the local date will do
                moment = moment.replace(tzinfo=None)
        day = moment.date()
        if moment.time() == datetime.min.time() or day == date.max:
            return day
        return date.fromordinal(day.toordinal() + 1)
    except (ValueError, OverflowError):
        raise InvalidQuery(
            "modified_after",
            f"'{text[:40]}' is not a date (2026-11-01) or a date-time (2026-11-01T00:00:00Z).",
        ) from None


def _uuid(text: str, parameter: str | None) -> str:
    try:
        return str(uuid.UUID(text))
    except ValueError:
        if parameter is None:
            return text
        raise InvalidQuery(parameter, f"'{text[:40]}' is not a UUID.") from None


def _known(table: dict[str, T], ident: str, parameter: str | None, what: str) -> T:
    """Look up an id: a malformed filter is a 422, an unknown id a 404."""
    found = table.get(_uuid(ident, parameter))
    if found is None:
        raise NotFound(what, ident[:80])
    return found


def collect(registry: Registry) -> dict[str, list[dict[str, Any]]]:
    """Everything the API publishes, in full, for an export to disk."""
    idx = index(registry)
    return {
        "services": [idx.service_full(p) for p in idx.providers],
        "organizations": [organization_record(o) for o in idx.orgs.values()],
        "service_at_locations": [
            idx.service_at_location_full(p) for p in idx.providers if p.id in idx.placed
        ],
        "taxonomies": [taxonomy_record(t) for t in Tax],
        "taxonomy_terms": [term_record(t) for t in all_terms()],
    }
