"""What the HSDS and FHIR indices know of one provider, kept across edits.

Building the indices of a national registry took about a second (a version-5 UUID per
service, location and organisation, the organisation itself, the search text, the
taxonomy terms), and every edit makes a new registry: the first standards page after
each edit paid for all of it, and every page stalled behind it. Each of those values is
worked out from the provider alone and the registry's areas, and an edit read in part
(`Registry` with `previous`) changes neither the areas nor any provider it does not
touch: the same provider object stands in the new registry. So an `Entry` is kept with
the provider it was made from (`carry`, through `Registry`'s `MEMO_CARRIED`), and a new
index takes it over while the provider is that very object; only the providers the edits
made are worked out again. `tests/pathways/standards/test_carried.py` checks that an
index built this way equals one built afresh, over random sequences of edits.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pathways.models import Provider
from pathways.registry import MEMO_CARRIED, Registry
from pathways.rules import name_key
from pathways.standards.hsds import Org, location_record, organization_of
from pathways.standards.ids import service_id, uid
from pathways.standards.taxonomy import Tax, term_id

ENTRIES = "standards:entries"  # the memo key of the entries an index may take over


class Entry:
    """One provider's identifiers, organisation, search text and taxonomy terms."""

    __slots__ = ("_part", "_terms", "location", "org", "org_id", "place", "provider", "sid")

    def __init__(self, registry: Registry, provider: Provider) -> None:
        self.provider = provider
        self.sid = service_id(provider.id)
        placed = location_record(provider) is not None
        self.location = uid("service_at_location", provider.id) if placed else None
        self.place = uid("location", provider.id) if provider.address else None
        self.org: Org = organization_of(registry, provider)
        self.org_id = self.org.id  # a UUID worked out anew at each use of `Org.id`
        self._part: str | None = None
        self._terms: tuple[str, ...] | None = None

    @property
    def part(self) -> str:
        """The provider's searchable text, one line of `HsdsIndex.search_text`."""
        if self._part is None:
            p = self.provider
            self._part = name_key(f"{p.name} {p.description or ''}") + "\n"
        return self._part

    @property
    def terms(self) -> tuple[str, ...]:
        """The ids of the taxonomy terms the provider carries (kind, level, needs, ...)."""
        if self._terms is None:
            p = self.provider
            codes = [
                (Tax.kind, p.kind.value),
                (Tax.level, p.level.value),
                (Tax.principal, p.principal.value),
                (Tax.confidentiality, p.confidentiality.value),
                (Tax.cost, p.cost.value),
                *((Tax.need, n.value) for n in p.needs),
                *((Tax.access, a.value) for a in p.access),
            ]
            self._terms = tuple(term_id(tax, code) for tax, code in codes)
        return self._terms


def entries(
    registry: Registry, providers: Iterable[Provider], known: Mapping[str, Entry]
) -> dict[str, Entry]:
    """Each provider's entry by id, in the providers' order: a known one where it was
    made from this very provider object, else a new one."""
    out: dict[str, Entry] = {}
    for provider in providers:
        entry = known.get(provider.id)
        if entry is None or entry.provider is not provider:
            entry = Entry(registry, provider)
        out[provider.id] = entry
    return out


def carried(memo: Mapping[str, Any]) -> dict[str, Entry]:
    """The entries a new index of this registry may take over (none: an empty dict)."""
    found = memo.get(ENTRIES)
    return found if isinstance(found, dict) else {}


def _carry(old: Mapping[str, Any], new: dict[str, Any]) -> None:
    """Hand an edited registry the entries of the one it was made from (`Registry`)."""
    found = old.get(ENTRIES)
    if found is not None:
        new[ENTRIES] = found


MEMO_CARRIED.append(_carry)
