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


_TERMS_KEPT = 4_096  # distinct combinations of a provider's terms; a registry has dozens
_TERMS: dict[tuple[Any, ...], tuple[str, ...]] = {}


class Entry:
    """One provider's identifiers, organisation, search text and taxonomy terms: the
    organisation at once (it reads the registry's areas, and an entry must not keep the
    registry it was made in), the rest from the provider alone when first asked for."""

    __slots__ = ("_location", "_org_id", "_part", "_place", "_sid", "_terms", "org", "provider")

    def __init__(self, registry: Registry, provider: Provider) -> None:
        self.provider = provider
        self.org: Org = organization_of(registry, provider)
        self._sid: str | None = None
        self._location: str | bool | None = False  # False: not yet worked out
        self._place: str | bool | None = False
        self._org_id: str | None = None
        self._part: str | None = None
        self._terms: tuple[str, ...] | None = None

    @property
    def sid(self) -> str:
        """The provider's service id."""
        if self._sid is None:
            self._sid = service_id(self.provider.id)
        return self._sid

    @property
    def location(self) -> str | None:
        """The id of its service_at_location, when it has one (an address or a website)."""
        if self._location is False:
            placed = location_record(self.provider) is not None
            self._location = uid("service_at_location", self.provider.id) if placed else None
        return self._location if isinstance(self._location, str) else None

    @property
    def place(self) -> str | None:
        """The id of its FHIR Location, when the registry has its address."""
        if self._place is False:
            self._place = uid("location", self.provider.id) if self.provider.address else None
        return self._place if isinstance(self._place, str) else None

    @property
    def org_id(self) -> str:
        """The organisation's id (`Org.id` works out a UUID at each use)."""
        if self._org_id is None:
            self._org_id = self.org.id
        return self._org_id

    @property
    def part(self) -> str:
        """The provider's searchable text, one line of `HsdsIndex.search_text`."""
        if self._part is None:
            p = self.provider
            self._part = name_key(f"{p.name} {p.description or ''}") + "\n"
        return self._part

    @property
    def terms(self) -> tuple[str, ...]:
        """The ids of the taxonomy terms the provider carries (kind, level, needs, ...),
        worked out once per combination of them: thousands of schools share one."""
        if self._terms is None:
            p = self.provider
            key = (p.kind, p.level, p.principal, p.confidentiality, p.cost, *p.needs, p.access)
            found = _TERMS.get(key)
            if found is None:
                codes = [
                    (Tax.kind, p.kind.value),
                    (Tax.level, p.level.value),
                    (Tax.principal, p.principal.value),
                    (Tax.confidentiality, p.confidentiality.value),
                    (Tax.cost, p.cost.value),
                    *((Tax.need, n.value) for n in p.needs),
                    *((Tax.access, a.value) for a in p.access),
                ]
                found = tuple(term_id(tax, code) for tax, code in codes)
                if len(_TERMS) >= _TERMS_KEPT:
                    _TERMS.clear()
                _TERMS[key] = found
            self._terms = found
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
