"""FHIR R4 read API under /api/fhir: HealthcareService, Organization, Location.

Every answer, errors included, is `application/fhir+json`; errors are OperationOutcome
resources (400 for a bad search parameter, 404 for an unknown resource), so a FHIR
client never meets this service's own `{detail}` shape. Parameters arrive as text and
are checked in `pathways.standards.fhir_search`, which names the one at fault.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from app.deps import RegistryDep
from pathways.standards import fhir_search as fs

MEDIA_TYPE = "application/fhir+json"


class FhirResponse(JSONResponse):
    """JSON as FHIR names it; a JSON response class, so /openapi.json shows the models."""

    media_type = MEDIA_TYPE

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode()


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ResourceOut(_Open):
    resourceType: str  # noqa: N815 - FHIR's spelling
    id: str | None = None


class BundleOut(_Open):
    resourceType: Literal["Bundle"]  # noqa: N815
    type: Literal["searchset"]
    total: int
    link: list[dict[str, Any]] = []
    entry: list[dict[str, Any]] = []


class Issue(_Open):
    severity: str
    code: str
    diagnostics: str | None = None


class OperationOutcomeOut(_Open):
    resourceType: Literal["OperationOutcome"]  # noqa: N815
    issue: list[Issue] = Field(min_length=1)


BAD: dict[int | str, dict[str, Any]] = {
    400: {"model": OperationOutcomeOut, "description": "A search parameter was wrong"}
}
MISSING: dict[int | str, dict[str, Any]] = {
    404: {"model": OperationOutcomeOut, "description": "No such resource"}
}

router = APIRouter(prefix="/api/fhir", tags=["FHIR R4"], default_response_class=FhirResponse)

Text = Annotated[str | None, Query()]
# Checked in pathways.standards.fhir_search, so that a bad value is an OperationOutcome;
# the patterns only document them.
COUNT = {"pattern": "^(?:[0-9]{1,2}|[1-4][0-9]{2}|500)$"}
Count = Annotated[
    str | None,
    Query(alias="_count", description="Resources per page, 0–500", json_schema_extra=COUNT),
]
Offset = Annotated[
    str | None,
    Query(
        alias="_offset",
        description="How many to skip (paging)",
        json_schema_extra={"pattern": "^[0-9]{1,7}$"},
    ),
]
Ids = Annotated[str | None, Query(alias="_id", description="Resource ids, comma-separated")]
Category = Annotated[
    str | None,
    Query(alias="service-category", description="Kind or level code, e.g. bup or forsta_linjen"),
]
Organization = Annotated[str | None, Query(description="Organization/{id} or the id")]
Active = Annotated[
    str | None, Query(description="true or false", json_schema_extra={"enum": ["true", "false"]})
]


def fhir_answer(make: Callable[[], dict[str, Any]]) -> Response:
    try:
        body, status = make(), 200
    except fs.FhirError as exc:
        body, status = fs.outcome(exc), exc.status
    return FhirResponse(body, status)


def _base(request: Request) -> str:
    return str(request.url).split("?", 1)[0].rstrip("/")


def _page_url(request: Request) -> str:
    """The search's own URL without its paging, for the Bundle's self and next links."""
    kept = [(k, v) for k, v in request.query_params.multi_items() if k not in fs.PAGING]
    return f"{_base(request)}?{urlencode(kept)}&" if kept else f"{_base(request)}?"


@router.get("/metadata", response_model=ResourceOut)
async def metadata(request: Request) -> Response:
    """The CapabilityStatement: what this FHIR server can answer."""
    base = _base(request).removesuffix("/metadata")
    return fhir_answer(lambda: fs.capability_statement(base))


@router.get("/HealthcareService", response_model=BundleOut, responses=BAD)
async def healthcare_services(
    request: Request,
    registry: RegistryDep,
    count: Count = None,
    offset: Offset = None,
    ids: Ids = None,
    category: Category = None,
    organization: Organization = None,
    active: Active = None,
) -> Response:
    """Services (one per provider) as a searchset Bundle."""
    search = fs.Search(ids, count, offset, category, organization, active)
    return fhir_answer(lambda: fs.healthcare_services(registry, search, _page_url(request)))


@router.get("/HealthcareService/{id}", response_model=ResourceOut, responses=MISSING)
async def healthcare_service(registry: RegistryDep, id: str) -> Response:
    return fhir_answer(lambda: fs.read(registry, "HealthcareService", id))


@router.get("/Organization", response_model=BundleOut, responses=BAD)
async def organizations(
    request: Request,
    registry: RegistryDep,
    count: Count = None,
    offset: Offset = None,
    ids: Ids = None,
    active: Active = None,
) -> Response:
    """Organisations: kommuner and regions as principals, and independent operators."""
    search = fs.Search(ids, count, offset, active=active)
    return fhir_answer(lambda: fs.organizations(registry, search, _page_url(request)))


@router.get("/Organization/{id}", response_model=ResourceOut, responses=MISSING)
async def organization(registry: RegistryDep, id: str) -> Response:
    return fhir_answer(lambda: fs.read(registry, "Organization", id))


@router.get("/Location", response_model=BundleOut, responses=BAD)
async def locations(
    request: Request,
    registry: RegistryDep,
    count: Count = None,
    offset: Offset = None,
    ids: Ids = None,
    organization: Organization = None,
) -> Response:
    """The areas (regions, kommuner, stadsdelar) and the addresses the registry knows."""
    search = fs.Search(ids, count, offset, organization=organization)
    return fhir_answer(lambda: fs.locations(registry, search, _page_url(request)))


@router.get("/Location/{id}", response_model=ResourceOut, responses=MISSING)
async def location(registry: RegistryDep, id: str) -> Response:
    return fhir_answer(lambda: fs.read(registry, "Location", id))


@router.get("/{rest:path}", include_in_schema=False)
async def unknown(rest: str) -> Response:
    """Any other FHIR path: an OperationOutcome, not this service's own error shape."""

    def refuse() -> dict[str, Any]:
        raise fs.FhirError(404, "not-supported", f"/api/fhir/{rest[:80]} is not supported here.")

    return fhir_answer(refuse)
