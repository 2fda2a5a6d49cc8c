"""The JSON shapes of API v1 (CONTRACT.md) for the registry's records: providers, areas.

The answers to questions (find-help, routes, SIP, audit) are in `app.answers`.

Builders are plain functions from domain objects to these models, so the HTML pages
can reuse the same data (one page function, two outputs).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from pydantic import BaseModel, Field

from pathways.models import KIND_LEVELS, Area, Flow, Provider
from pathways.queries.sources import public_sources
from pathways.registry import Registry
from pathways.vocab import (
    KIND_LABELS,
    LEVEL_LABELS,
    MECHANISM_LABELS,
    NEED_LABELS,
    Access,
    AreaType,
    Confidentiality,
    Cost,
    Kind,
    Level,
    Mechanism,
    Need,
    Principal,
    Severity,
)


class ProviderSummary(BaseModel):
    id: str
    name: str
    kind: Kind
    level: Level
    principal: Principal
    url: str = Field(description="The provider's page in this service")
    phone: str | None = None
    website: str | None = None


class AreaRef(BaseModel):
    id: str
    name: str


class AreaOut(AreaRef):
    type: AreaType
    parent: str | None
    aliases: list[str]
    code: str | None = Field(
        default=None, description="SCB kommunkod (four digits) or länskod (two digits)"
    )
    source: str | None = Field(default=None, description="Where the name and code come from")


class FlowRef(BaseModel):
    provider: ProviderSummary
    mechanism: Mechanism
    when: str
    flow: str


class ProviderDetail(ProviderSummary):
    age_min: int | None
    age_max: int | None
    areas: list[str]
    national: bool
    needs: list[Need]
    needs_severity: dict[Need, list[Severity]]
    access: list[Access]
    self_referral: bool
    confidentiality: Confidentiality
    confidentiality_note: str | None
    cost: Cost
    languages: list[str]
    description: str | None
    how_to_contact: str | None
    typical_wait: str | None
    email: str | None
    address: str | None
    hours: str | None
    source: str
    sources: list[str] = Field(
        default=[], description="The public pages the facts come from (1177.se, umo.se, ...)"
    )
    fallback: bool = Field(
        default=False,
        description="A national entry shown only where the area has no entry of this kind",
    )
    reviewed: date
    verified: bool
    flows_out: list[FlowRef]
    flows_in: list[FlowRef]


class ProvidersOut(BaseModel):
    total: int
    providers: list[ProviderSummary]


class NeedOut(BaseModel):
    id: Need
    label: str


class KindOut(BaseModel):
    id: Kind
    label: str
    level: Level
    level_label: str


# --- builders ----------------------------------------------------------------------------


_SUMMARIES: dict[int, tuple[Provider, ProviderSummary]] = {}
_SUMMARIES_MAX = 200_000


def summary(p: Provider) -> ProviderSummary:
    """A provider's summary, built once per provider: a provider never changes.

    Keyed by identity; the provider is kept with its summary, so an id is never reused
    while its entry lives. The cache is cleared when it outgrows any registry.
    """
    cached = _SUMMARIES.get(id(p))
    if cached is not None and cached[0] is p:
        return cached[1]
    if len(_SUMMARIES) > _SUMMARIES_MAX:
        _SUMMARIES.clear()
    made = _summary(p)
    _SUMMARIES[id(p)] = (p, made)
    return made


def _summary(p: Provider) -> ProviderSummary:
    # Built without validation: every value comes from a validated registry record.
    return ProviderSummary.model_construct(
        id=p.id,
        name=p.name,
        kind=p.kind,
        level=p.level,
        principal=p.principal,
        url=f"/mottagning/{p.id}",
        phone=p.phone,
        website=p.website,
    )


def area_ref(area: Area) -> AreaRef:
    return AreaRef.model_construct(id=area.id, name=area.name)


def area_out(area: Area) -> AreaOut:
    return AreaOut(
        id=area.id,
        name=area.name,
        type=area.type,
        parent=area.parent,
        aliases=list(area.aliases),
        code=area.code,
        source=area.source,
    )


def detail(registry: Registry, p: Provider) -> ProviderDetail:
    graph = registry.graph
    # In a fixed order: the graph's own order depends on how the registry was read
    # (whole, or rewired after an edit), and every worker must answer alike.
    flows_out = sorted(
        (_flow_ref(registry.providers[v], data) for _, v, data in graph.out_edges(p.id, data=True)),
        key=_ref_order,
    )
    flows_in = sorted(
        (_flow_ref(registry.providers[u], data) for u, _, data in graph.in_edges(p.id, data=True)),
        key=_ref_order,
    )
    return ProviderDetail(
        **summary(p).model_dump(),
        age_min=p.age_min,
        age_max=p.age_max,
        # CONTRACT.md: the areas it serves. A national line serves every region.
        areas=[a.id for a in registry.document.areas if a.parent is None]
        if p.national
        else list(p.areas),
        national=p.national,
        needs=list(p.needs),
        needs_severity={n: list(s) for n, s in p.needs.items()},
        access=list(p.access),
        self_referral=p.self_referral,
        confidentiality=p.confidentiality,
        confidentiality_note=p.confidentiality_note,
        cost=p.cost,
        languages=list(p.languages),
        description=p.description,
        how_to_contact=p.how_to_contact,
        typical_wait=p.typical_wait,
        email=p.email,
        address=p.address,
        hours=p.hours,
        source=p.source,
        sources=list(public_sources(p)),
        fallback=p.fallback,
        reviewed=p.reviewed,
        verified=p.verified,
        flows_out=flows_out,
        flows_in=flows_in,
    )


def _ref_order(ref: FlowRef) -> tuple[str, str]:
    return ref.flow, ref.provider.id


def _flow_ref(other: Provider, data: Mapping[str, Any]) -> FlowRef:
    flow: Flow = data["flow"]
    return FlowRef(
        provider=summary(other),
        mechanism=flow.mechanism,
        when=flow.when or MECHANISM_LABELS[flow.mechanism],
        flow=flow.id,
    )


def needs_out() -> list[NeedOut]:
    return [NeedOut(id=n, label=NEED_LABELS[n]) for n in Need]


def kinds_out() -> list[KindOut]:
    return [
        KindOut(
            id=k,
            label=KIND_LABELS[k],
            level=KIND_LEVELS[k],
            level_label=LEVEL_LABELS[KIND_LEVELS[k]],
        )
        for k in Kind
    ]
