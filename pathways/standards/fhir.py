"""A provider as FHIR R4 resources: HealthcareService, Organization and Location.

Built with `fhir.resources` (its R4B models, whose three resources are those of R4), so
every resource is checked by the FHIR models as it is made. Ids are the HSDS UUIDs:
the same provider has the same id in both standards. The registry's own vocabularies are
code systems named `urn:vardkedjan:codesystem:<name>`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pathways.models import Area, Provider
from pathways.queries.sources import public_sources
from pathways.registry import Registry
from pathways.standards.hsds import Org, eligibility, organization_of
from pathways.standards.ids import service_id, uid

if TYPE_CHECKING:  # fhir.resources is imported by the functions that build resources:
    # its models take a tenth of a second to import, which every server start paid.
    from fhir.resources.R4B.healthcareservice import HealthcareService
    from fhir.resources.R4B.location import Location
    from fhir.resources.R4B.organization import Organization

from pathways.vocab import (
    KIND_LABELS,
    LEVEL_LABELS,
    NEED_LABELS,
    PRINCIPAL_LABELS,
    AreaType,
)

CODES = "urn:vardkedjan:codesystem:"
PROVIDER_IDS = "urn:vardkedjan:provider"
AREA_IDS = "urn:vardkedjan:area"
# SCB's kommunkod (four digits) and länskod (two), the registry's `code` of an area.
SCB_SYSTEMS = {
    AreaType.kommun: "urn:vardkedjan:scb:kommunkod",
    AreaType.region: "urn:vardkedjan:scb:lanskod",
}
EXTENSION = "urn:vardkedjan:extension:"
LANGUAGE_SYSTEM = "urn:ietf:bcp:47"
PHYSICAL_TYPE = "http://terminology.hl7.org/CodeSystem/location-physical-type"
AREA_TYPES = {AreaType.region: "region", AreaType.kommun: "kommun", AreaType.stadsdel: "stadsdel"}


def concept(system: str, code: str, display: str) -> dict[str, Any]:
    return {"coding": [{"system": CODES + system, "code": code, "display": display}]}


def reviewed_instant(provider: Provider) -> str:
    return f"{provider.reviewed.isoformat()}T00:00:00Z"


def area_location_id(area_id: str) -> str:
    return uid("location", "area", area_id)


def healthcare_service(registry: Registry, provider: Provider) -> HealthcareService:
    """Who the service is for, what it helps with and how to reach it, as FHIR."""
    org = organization_of(registry, provider)
    data: dict[str, Any] = {
        "resourceType": "HealthcareService",
        "id": service_id(provider.id),
        "meta": {"lastUpdated": reviewed_instant(provider)},
        "identifier": [{"system": PROVIDER_IDS, "value": provider.id}],
        "active": not provider.retired,
        "providedBy": {"reference": f"Organization/{org.id}", "display": org.name},
        "category": [
            concept("kind", provider.kind.value, KIND_LABELS[provider.kind]),
            concept("level", provider.level.value, LEVEL_LABELS[provider.level]),
        ],
        "type": [concept("need", n.value, NEED_LABELS[n]) for n in provider.needs],
        "name": provider.name,
        "eligibility": [{"comment": eligibility(provider)}],
        "communication": [
            {"coding": [{"system": LANGUAGE_SYSTEM, "code": code}]} for code in provider.languages
        ],
        "referralMethod": [concept("access", a.value, a.value) for a in provider.access],
        "extension": [
            {"url": EXTENSION + "source", "valueString": provider.source},
            {"url": EXTENSION + "verified", "valueBoolean": provider.verified},
            {"url": EXTENSION + "confidentiality", "valueCode": provider.confidentiality.value},
            *(
                {"url": EXTENSION + "public-source", "valueUri": u}
                for u in public_sources(provider)
            ),
            *([{"url": EXTENSION + "fallback", "valueBoolean": True}] if provider.fallback else []),
        ],
    }
    _put(data, "comment", provider.description)
    _put(data, "extraDetails", provider.how_to_contact)
    _put(data, "availabilityExceptions", provider.hours)
    if telecom := _telecom(provider):
        data["telecom"] = telecom
    areas = () if provider.national else provider.areas
    if areas:
        data["coverageArea"] = [
            {"reference": f"Location/{area_location_id(a)}", "display": registry.areas[a].name}
            for a in areas
        ]
    if provider.address:
        data["location"] = [{"reference": f"Location/{uid('location', provider.id)}"}]
    from fhir.resources.R4B.healthcareservice import HealthcareService

    return HealthcareService.model_validate(data)


def organization(org: Org) -> Organization:
    data: dict[str, Any] = {
        "resourceType": "Organization",
        "id": org.id,
        "active": True,
        "type": [concept("principal", org.principal.value, PRINCIPAL_LABELS[org.principal])],
        "name": org.name,
    }
    if identifiers := [scb_identifier(a) for a in org.areas if a.code and a.type in SCB_SYSTEMS]:
        data["identifier"] = identifiers
    if org.provider is not None and (telecom := _telecom(org.provider)):
        data["telecom"] = telecom
    from fhir.resources.R4B.organization import Organization

    return Organization.model_validate(data)


def area_location(registry: Registry, area: Area) -> Location:
    """An area the registry knows (region, kommun, stadsdel) as a jurisdiction."""
    data: dict[str, Any] = {
        "resourceType": "Location",
        "id": area_location_id(area.id),
        "identifier": [
            {"system": AREA_IDS, "value": area.id},
            *([scb_identifier(area)] if area.code and area.type in SCB_SYSTEMS else []),
        ],
        "status": "active",
        "mode": "instance",
        "name": area.name,
        "alias": list(area.aliases) or None,
        "description": AREA_TYPES[area.type],
        "physicalType": {
            "coding": [{"system": PHYSICAL_TYPE, "code": "jdn", "display": "Jurisdiction"}]
        },
    }
    if area.parent:
        data["partOf"] = {"reference": f"Location/{area_location_id(area.parent)}"}
    from fhir.resources.R4B.location import Location

    return Location.model_validate({k: v for k, v in data.items() if v is not None})


def provider_location(registry: Registry, provider: Provider) -> Location | None:
    """Where a provider receives people, when the registry has its address (as text)."""
    if not provider.address:
        return None
    org = organization_of(registry, provider)
    data = {
        "resourceType": "Location",
        "id": uid("location", provider.id),
        "status": "inactive" if provider.retired else "active",
        "mode": "instance",
        "name": provider.name,
        "address": {"text": provider.address, "country": "SE"},
        "managingOrganization": {"reference": f"Organization/{org.id}", "display": org.name},
    }
    from fhir.resources.R4B.location import Location

    return Location.model_validate(data)


def scb_identifier(area: Area) -> dict[str, str]:
    return {"system": SCB_SYSTEMS[area.type], "value": str(area.code)}


def _telecom(provider: Provider) -> list[dict[str, str]]:
    found = [("phone", provider.phone), ("url", provider.website), ("email", provider.email)]
    return [{"system": system, "value": value} for system, value in found if value]


def _put(data: dict[str, Any], key: str, value: str | None) -> None:
    if value is not None:
        data[key] = value
