"""The provider list in `/admin`: search by name, id, kind or area, in bounded pages.

A national registry has thousands of providers; the list shows one page of them at a
time, with links to the other pages that keep the search (no JavaScript). A search word
matches a provider's name or id, its kind (id or Swedish name) or an area it serves (id
or name), so "bup", "Skarpnäck" and "vardcentral-alingsas" all find what one expects.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from pathways.limits import whole_number
from pathways.models import Provider
from pathways.reading.folding import fold
from pathways.registry import Registry
from pathways.vocab import KIND_LABELS

PAGE_SIZE = 50
MAX_QUERY = 100


@dataclass(frozen=True)
class Search:
    """What the list was asked for, read leniently from the query string."""

    q: str = ""
    area: str = ""
    kind: str = ""
    page: int = 1

    @classmethod
    def of(cls, query: Mapping[str, str]) -> Search:
        raw = query.get("sida", "1")
        page = whole_number(raw, 6) or 1
        return cls(
            q=query.get("q", "").strip()[:MAX_QUERY],
            area=query.get("area", "")[:80],
            kind=query.get("kind", "")[:80],
            page=max(page, 1),
        )

    def link(self, page: int) -> str:
        """The address of another page of the same search."""
        params = {"q": self.q, "area": self.area, "kind": self.kind, "sida": str(page)}
        return "/admin?" + urlencode({k: v for k, v in params.items() if v})


def _words(provider: Provider, registry: Registry) -> str:
    names = [provider.name, provider.id, str(provider.kind)]
    names.append(KIND_LABELS.get(provider.kind, ""))
    for area in provider.areas:
        names.append(area)
        known = registry.areas.get(area)
        if known is not None:
            names.append(known.name)
    if provider.national:
        names.append("hela sverige nationell")
    return fold(" ".join(names))


def find(registry: Registry, search: Search) -> list[Provider]:
    """Every provider that matches, active ones first, by name."""
    pool = (
        registry.within(search.area)
        if search.area in registry.areas
        else list(registry.document.providers)
    )
    words = fold(search.q).split()
    found = [
        p
        for p in pool
        if (not search.kind or p.kind == search.kind)
        and all(w in _words(p, registry) for w in words)
    ]
    found.sort(key=lambda p: (p.retired, p.name))
    return found


@dataclass(frozen=True)
class Paged:
    """One page of the results and the links around it."""

    rows: list[Provider]
    total: int
    page: int
    pages: int
    first: int  # 1-based number of the first row shown
    previous: str | None
    next: str | None


def page_of(found: list[Provider], search: Search) -> Paged:
    pages = max(1, -(-len(found) // PAGE_SIZE))
    page = min(search.page, pages)
    start = (page - 1) * PAGE_SIZE
    return Paged(
        rows=found[start : start + PAGE_SIZE],
        total=len(found),
        page=page,
        pages=pages,
        first=start + 1,
        previous=search.link(page - 1) if page > 1 else None,
        next=search.link(page + 1) if page < pages else None,
    )
