"""A provider as HSDS 3.0: a service, its organisation, a service at a location.

The whole mapping, field by field, is in docs/hsds.md; this module is its one
implementation, shared by the HTTP API and the export. Only what the registry holds is
written: no phone, address or URL is ever made up, and empty fields are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pathways.models import Area, Provider
from pathways.queries.sources import public_sources
from pathways.registry import Registry
from pathways.standards.ids import service_id, uid
from pathways.standards.taxonomy import Tax, Term, term_record
from pathways.vocab import PRINCIPAL_LABELS, AreaType, Principal

NATIONAL_AREA = "national"
AREA_URI = "urn:vardkedjan:area:"
# SCB's codes of the areas (`code` in the registry), as organisation identifiers.
SCB_CODE_TYPES = {AreaType.kommun: "SCB kommunkod", AreaType.region: "SCB länskod"}
LANGUAGE_NAMES = {
    "sv": "svenska",
    "en": "engelska",
    "ar": "arabiska",
    "fi": "finska",
    "so": "somaliska",
    "fa": "persiska",
    "ti": "tigrinja",
    "pl": "polska",
    "de": "tyska",
    "es": "spanska",
    "fr": "franska",
    "tr": "turkiska",
    "ku": "kurdiska",
    "uk": "ukrainska",
    "ru": "ryska",
    "bs": "bosniska",
    "sr": "serbiska",
    "hr": "kroatiska",
    "se": "nordsamiska",
    "yi": "jiddisch",
    "rom": "romani",
}


@dataclass(frozen=True, slots=True)
class Org:
    """The organisation behind a service: its principal in its area, or itself."""

    key: str
    name: str
    description: str
    principal: Principal
    provider: Provider | None = None  # set when the provider is its own organisation
    areas: tuple[Area, ...] = ()  # the kommun and/or region it is the principal of

    @property
    def id(self) -> str:
        return uid("organization", self.key)

    def identifiers(self) -> list[dict[str, Any]]:
        """SCB's kommunkod or länskod of the kommun or region, when the registry has it."""
        return [
            {
                "id": uid("organization_identifier", self.key, area.id),
                "organization_id": self.id,
                "identifier_type": SCB_CODE_TYPES[area.type],
                "identifier": area.code,
            }
            for area in self.areas
            if area.code and area.type in SCB_CODE_TYPES
        ]


def organization_of(registry: Registry, provider: Provider) -> Org:
    """A kommun's or region's unit belongs to that kommun or region; a private, non-profit
    or national service is its own organisation (the named operator)."""
    principal = provider.principal
    label = PRINCIPAL_LABELS[principal]
    if not provider.national and provider.areas:
        chain = registry.chain(provider.areas[0])
        kommun = next((a for a in chain if registry.areas[a].type == AreaType.kommun), None)
        region = next((a for a in chain if registry.areas[a].type == AreaType.region), None)
        about = f"{label}: huvudman för verksamheter i Vårdkedjans register."
        if principal == Principal.kommun and kommun:
            name = registry.areas[kommun].name
            return Org(f"kommun:{kommun}", name, about, principal, areas=(registry.areas[kommun],))
        if principal == Principal.region and region:
            name = registry.areas[region].name
            return Org(f"region:{region}", name, about, principal, areas=(registry.areas[region],))
        if principal == Principal.kommun_och_region and kommun and region:
            both = (registry.areas[kommun], registry.areas[region])
            name = f"{both[0].name} och {both[1].name}"
            return Org(f"kommun_och_region:{kommun}", name, about, principal, areas=both)
    return Org(f"provider:{provider.id}", provider.name, f"{label}.", principal, provider)


def organization_record(org: Org) -> dict[str, Any]:
    """The one-to-one fields of an organisation (the list shape)."""
    record: dict[str, Any] = {"id": org.id, "name": org.name, "description": org.description}
    if org.provider is not None:
        _put(record, "website", org.provider.website)
        _put(record, "email", org.provider.email)
    if identifiers := org.identifiers():
        record["organization_identifiers"] = identifiers
    return record


def eligibility(provider: Provider) -> str:
    """Who the service is for, in plain Swedish."""
    low, high = provider.age_min, provider.age_max
    if low is not None and high is not None:
        return f"För dig som är {low}–{high} år."
    if high is not None:
        return f"För dig som är {high} år eller yngre."
    if low is not None:
        return f"För dig som är {low} år eller äldre."
    return "För alla åldrar."


def application_process(provider: Provider) -> str:
    ways = [_sentence(Term(Tax.access, a.value).name) for a in provider.access]
    if provider.how_to_contact:
        ways.insert(0, provider.how_to_contact)
    return " ".join(ways)


def service_record(registry: Registry, provider: Provider) -> dict[str, Any]:
    """The one-to-one fields of a service, with its organisation (the list shape)."""
    org = organization_of(registry, provider)
    record: dict[str, Any] = {
        "id": service_id(provider.id),
        "organization_id": org.id,
        "name": provider.name,
    }
    _put(record, "description", provider.description)
    _put(record, "url", provider.website)
    _put(record, "email", provider.email)
    record["status"] = "active"
    record["application_process"] = application_process(provider)
    record["fees_description"] = _sentence(Term(Tax.cost, provider.cost.value).name)
    _put(record, "wait_time", provider.typical_wait)
    record["eligibility_description"] = eligibility(provider)
    _put(record, "minimum_age", provider.age_min)
    _put(record, "maximum_age", provider.age_max)
    record["assured_date"] = provider.reviewed.isoformat()
    record["last_modified"] = f"{provider.reviewed.isoformat()}T00:00:00Z"
    record["organization"] = organization_record(org)
    return record


def service_full(registry: Registry, provider: Provider) -> dict[str, Any]:
    """The whole service: phones, areas, languages, location, attributes."""
    record = service_record(registry, provider)
    sid = record["id"]
    record["phones"] = phones(provider, service_id=sid)
    if provider.hours:
        record["schedules"] = [
            {"id": uid("schedule", provider.id), "service_id": sid, "description": provider.hours}
        ]
    record["service_areas"] = service_areas(registry, provider)
    place = service_at_location(provider)
    record["service_at_locations"] = [place] if place else []
    record["languages"] = [
        _drop_none(
            {
                "id": uid("language", provider.id, code),
                "service_id": sid,
                "code": code,
                "name": LANGUAGE_NAMES.get(code),
            }
        )
        for code in provider.languages
    ]
    record["attributes"] = attributes(registry, provider)
    return record


def phones(provider: Provider, **link: str) -> list[dict[str, Any]]:
    if not provider.phone:
        return []
    return [{"id": uid("phone", provider.id), **link, "number": provider.phone, "type": "voice"}]


def service_areas(registry: Registry, provider: Provider) -> list[dict[str, Any]]:
    sid = service_id(provider.id)
    if provider.national:
        return [
            {
                "id": uid("service_area", provider.id, NATIONAL_AREA),
                "service_id": sid,
                "name": "Hela Sverige",
                "description": "Tjänsten finns för alla i Sverige.",
                "uri": AREA_URI + NATIONAL_AREA,
            }
        ]
    out = []
    for area_id in provider.areas:
        area = registry.areas[area_id]
        record: dict[str, Any] = {
            "id": uid("service_area", provider.id, area_id),
            "service_id": sid,
            "name": area.name,
            "description": f"{area.type.value}: {area.name}",
            "uri": AREA_URI + area_id,
        }
        if area.code:  # SCB's kommunkod or länskod, an attribute of the service area
            term = Term(Tax.registry, "scb_code")
            key = (provider.id, "service_area", area_id, term.code)
            record["attributes"] = [
                _attribute(record["id"], term, area.code, key=key, entity="service_area")
            ]
        out.append(record)
    return out


def location_record(provider: Provider) -> dict[str, Any] | None:
    """Where to go: the registry's address as text (it is not split into street and
    city, so no HSDS address is made of it), or the website for a service without one."""
    if provider.address:
        location: dict[str, Any] = {"location_type": "physical", "description": provider.address}
    elif provider.website:
        location = {"location_type": "virtual", "url": provider.website}
    else:
        return None
    return {"id": uid("location", provider.id), **location, "name": provider.name}


def service_at_location(provider: Provider) -> dict[str, Any] | None:
    """Where the service is given (its address, or its website), when the registry knows;
    HSDS's tables require a location, so a provider with neither has none."""
    location = location_record(provider)
    if location is None:
        return None
    sid = service_id(provider.id)
    record: dict[str, Any] = {
        "id": uid("service_at_location", provider.id),
        "service_id": sid,
        "location_id": location["id"],
        "location": location,
    }
    if provider.phone:
        record["phones"] = phones(provider, service_at_location_id=record["id"])
    return record


def attributes(registry: Registry, provider: Provider) -> list[dict[str, Any]]:
    """Kind, level, principal, needs, access, confidentiality, cost, source, verified and
    the flows out, each an HSDS attribute pointing at a taxonomy term."""
    sid = service_id(provider.id)
    items: list[tuple[Term, str | None]] = [
        (Term(Tax.registry, "id"), provider.id),
        (Term(Tax.kind, provider.kind.value), None),
        (Term(Tax.level, provider.level.value), None),
        (Term(Tax.principal, provider.principal.value), None),
    ]
    items += [
        (Term(Tax.need, n.value), ",".join(s.value for s in sev))
        for n, sev in provider.needs.items()
    ]
    items += [(Term(Tax.access, a.value), None) for a in provider.access]
    items.append(
        (Term(Tax.confidentiality, provider.confidentiality.value), provider.confidentiality_note)
    )
    items.append((Term(Tax.cost, provider.cost.value), None))
    items.append((Term(Tax.registry, "source"), provider.source))
    items += [(Term(Tax.registry, "public_source"), url) for url in public_sources(provider)]
    items.append((Term(Tax.registry, "verified"), "true" if provider.verified else "false"))
    if provider.fallback:
        items.append((Term(Tax.registry, "fallback"), "true"))
    items += flows_out(registry, provider)
    return [
        _attribute(sid, term, value, key=_key(provider.id, term, value)) for term, value in items
    ]


def flows_out(registry: Registry, provider: Provider) -> list[tuple[Term, str]]:
    """(mechanism term, the target service's id), once per target and mechanism."""
    seen: dict[tuple[str, str], None] = {}
    for target, edges in registry.succ.get(provider.id, {}).items():
        for data in edges.values():
            seen[(data["flow"].mechanism.value, target)] = None
    return [(Term(Tax.mechanism, mech), service_id(target)) for mech, target in seen]


MANY_VALUES = {(Tax.registry, "public_source")}  # terms a service carries more than once


def _key(pid: str, term: Term, value: str | None) -> tuple[str, ...]:
    many = term.taxonomy == Tax.mechanism or (term.taxonomy, term.code) in MANY_VALUES
    return (pid, term.taxonomy.value, term.code, *([value] if many and value else []))


def _attribute(
    link_id: str, term: Term, value: str | None, *, key: tuple[str, ...], entity: str = "service"
) -> dict[str, Any]:
    return _drop_none(
        {
            "id": uid("attribute", *key),
            "link_id": link_id,
            "link_type": term.taxonomy.value,
            "link_entity": entity,
            "taxonomy_term_id": term.id,
            "taxonomy_term": term_record(term),
            "value": value,
        }
    )


def _sentence(text: str) -> str:
    return text if text.endswith(".") else f"{text}."


def _put(record: dict[str, Any], key: str, value: object) -> None:
    if value is not None:
        record[key] = value


def _drop_none(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if v is not None}
