"""Response shapes of the HSDS API (`app.routers.hsds`) for /openapi.json, after HSDS 3.0.

They document; they do not re-validate answers (the tests validate every answer against
the vendored HSDS schemas). Extra fields are allowed, as HSDS allows them.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class HsdsRoot(_Open):
    version: str = Field(description="HSDS version of this API: 3.0")
    profile: str
    openapi_url: str


class TaxonomyTermOut(_Open):
    id: str
    name: str
    description: str
    code: str | None = None
    taxonomy: str | None = None
    taxonomy_id: str | None = None


class TaxonomyOut(_Open):
    id: str
    name: str
    description: str
    version: str | None = None


class AttributeOut(_Open):
    id: str
    link_id: str | None = None
    taxonomy_term_id: str | None = None
    value: str | None = None


class OrganizationOut(_Open):
    id: str
    name: str
    description: str
    website: str | None = None
    email: str | None = None


class ServiceOut(_Open):
    id: str
    organization_id: str | None = None
    name: str
    status: str = Field(description="active, inactive, defunct or temporarily closed")
    description: str | None = None
    url: str | None = None
    minimum_age: float | None = None
    maximum_age: float | None = None
    eligibility_description: str | None = None
    application_process: str | None = None
    assured_date: str | None = None
    last_modified: str | None = None
    organization: OrganizationOut | None = None


class ServiceFullOut(ServiceOut):
    phones: list[dict[str, Any]] = []
    service_areas: list[dict[str, Any]] = []
    languages: list[dict[str, Any]] = []
    service_at_locations: list[dict[str, Any]] = []
    attributes: list[AttributeOut] = []


class ServiceAtLocationOut(_Open):
    id: str
    service_id: str | None = None
    location_id: str | None = None
    location: dict[str, Any] | None = None
    service: ServiceOut | None = None


class OrganizationFullOut(OrganizationOut):
    services: list[dict[str, Any]] = []
    attributes: list[AttributeOut] = []


class Page(_Open):
    total_items: int
    total_pages: int
    page_number: int
    size: int
    first_page: bool
    last_page: bool
    empty: bool


class ServicePage(Page):
    contents: list[ServiceOut]


class OrganizationPage(Page):
    contents: list[OrganizationOut]


class ServiceAtLocationPage(Page):
    contents: list[ServiceAtLocationOut]


class TaxonomyPage(Page):
    contents: list[TaxonomyOut]


class TaxonomyTermPage(Page):
    contents: list[TaxonomyTermOut]


class Problem(BaseModel):
    detail: Any = Field(description="What was wrong: a sentence, or one entry per parameter")


NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Problem, "description": "Unknown id"}}
INVALID: dict[int | str, dict[str, Any]] = {
    422: {"model": Problem, "description": "A parameter was wrong; `detail` says which"}
}
