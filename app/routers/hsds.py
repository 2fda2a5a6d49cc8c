"""HSDS 3.0 (Open Referral) read API under /api/hsds, as the HSDS OpenAPI describes it.

The mapping lives in `pathways.standards`; these routes parse parameters, pick the page
and answer JSON. Answers are plain `async def` with their own serialisation: a page of
50 must take well under 50 ms at national scale.
"""

from __future__ import annotations

import json
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from app import answers_hsds as m
from app.deps import RegistryDep
from pathways.standards import hsds_query as q
from pathways.standards.hsds import organization_record
from pathways.standards.taxonomy import taxonomy_record, term_record

router = APIRouter(prefix="/api/hsds", tags=["HSDS 3.0"])

Page = Annotated[int, Query(ge=1, le=1_000_000, description="Page number, from 1")]
PerPage = Annotated[
    int, Query(ge=1, le=q.MAX_PER_PAGE, description=f"Results per page, at most {q.MAX_PER_PAGE}")
]
Search = Annotated[
    str | None, Query(max_length=200, description="Words in the name or description")
]
Ident = Annotated[UUID | None, Query()]
# Parsed in pathways.standards.hsds_query, which says in a sentence what was wrong.
DATE_OR_TIME = {
    "anyOf": [
        {"type": "string", "format": "date-time"},
        {"type": "string", "format": "date"},
        {"type": "null"},
    ]
}
Since = Annotated[
    str | None,
    Query(
        max_length=40,
        description="Only records modified on or after this date-time (or date)",
        json_schema_extra=DATE_OR_TIME,
    ),
]
Full = Annotated[bool, Query(description="Fully nested records")]
ERRORS = {**m.NOT_FOUND, **m.INVALID}


def answer(data: dict[str, Any]) -> Response:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Response(body, media_type="application/json")


def _text(ident: UUID | None) -> str | None:
    return None if ident is None else str(ident)


@router.get("/", response_model=m.HsdsRoot)
async def root(request: Request) -> Response:
    """Which HSDS version this API speaks, and where its description is."""
    base = str(request.base_url).rstrip("/")
    return answer(
        {
            "version": "3.0",
            "profile": "https://docs.openreferral.org/en/v3.0/",
            "openapi_url": f"{base}/openapi.json",
        }
    )


@router.get("/services", response_model=m.ServicePage, responses=ERRORS)
async def services(
    registry: RegistryDep,
    page: Page = 1,
    per_page: PerPage = q.DEFAULT_PER_PAGE,
    search: Search = None,
    taxonomy_term_id: Ident = None,
    taxonomy_id: Ident = None,
    organization_id: Ident = None,
    modified_after: Since = None,
    full: Full = False,
) -> Response:
    """Services (one per provider), paged; `full=true` nests every related record."""
    index = q.index(registry)
    filters = q.filters(search, taxonomy_term_id, taxonomy_id, organization_id, modified_after)
    render = index.service_full if full else index.service_list_item
    return answer(q.page_of(index.services(filters), q.Paging(page, per_page), render))


@router.get("/services/{id}", response_model=m.ServiceFullOut, responses=m.NOT_FOUND)
async def service(registry: RegistryDep, id: str) -> Response:
    """One service with everything related: phones, areas, languages, attributes."""
    index = q.index(registry)
    return answer(index.service_full(index.service(id)))


@router.get("/organizations", response_model=m.OrganizationPage, responses=m.INVALID)
async def organizations(
    registry: RegistryDep,
    page: Page = 1,
    per_page: PerPage = q.DEFAULT_PER_PAGE,
    search: Search = None,
) -> Response:
    """Organisations: the kommuner and regions as principals, and independent operators."""
    index = q.index(registry)
    return answer(
        q.page_of(index.organizations(search), q.Paging(page, per_page), organization_record)
    )


@router.get("/organizations/{id}", response_model=m.OrganizationFullOut, responses=m.NOT_FOUND)
async def organization(registry: RegistryDep, id: str) -> Response:
    """One organisation with the ids and names of its services."""
    index = q.index(registry)
    return answer(index.organization_full(index.organization(id)))


@router.get("/service_at_locations", response_model=m.ServiceAtLocationPage, responses=ERRORS)
async def service_at_locations(
    registry: RegistryDep,
    page: Page = 1,
    per_page: PerPage = q.DEFAULT_PER_PAGE,
    search: Search = None,
    taxonomy_term_id: Ident = None,
    taxonomy_id: Ident = None,
    organization_id: Ident = None,
    modified_after: Since = None,
) -> Response:
    """Where each service is given: its address, or its website when it has no address."""
    index = q.index(registry)
    filters = q.filters(search, taxonomy_term_id, taxonomy_id, organization_id, modified_after)
    render = index.service_at_location_item
    return answer(q.page_of(index.located_services(filters), q.Paging(page, per_page), render))


@router.get(
    "/service_at_locations/{id}", response_model=m.ServiceAtLocationOut, responses=m.NOT_FOUND
)
async def service_at_location(registry: RegistryDep, id: str) -> Response:
    index = q.index(registry)
    return answer(index.service_at_location_full(index.located(id)))


@router.get("/taxonomies", response_model=m.TaxonomyPage, responses=m.INVALID)
async def taxonomies(
    page: Page = 1, per_page: PerPage = q.DEFAULT_PER_PAGE, search: Search = None
) -> Response:
    """The vocabularies: needs, kinds, levels, principals, access, confidentiality, …"""
    return answer(q.page_of(q.taxonomies(search), q.Paging(page, per_page), taxonomy_record))


@router.get("/taxonomies/{id}", response_model=m.TaxonomyOut, responses=m.NOT_FOUND)
async def taxonomy(id: str) -> Response:
    return answer(taxonomy_record(q.taxonomy(id)))


@router.get("/taxonomy_terms", response_model=m.TaxonomyTermPage, responses=ERRORS)
async def taxonomy_terms(
    page: Page = 1,
    per_page: PerPage = q.DEFAULT_PER_PAGE,
    search: Search = None,
    taxonomy_id: Ident = None,
    parent_id: Ident = None,
    top_only: bool = False,
) -> Response:
    """Every term; the code of a term is the registry's id (`nedstamdhet`, `bup`, …)."""
    found = q.terms(search, _text(taxonomy_id), _text(parent_id))
    return answer(q.page_of(found, q.Paging(page, per_page), term_record))


@router.get("/taxonomy_terms/{id}", response_model=m.TaxonomyTermOut, responses=m.NOT_FOUND)
async def taxonomy_term(id: str) -> Response:
    return answer(term_record(q.term(id), nested=True))
