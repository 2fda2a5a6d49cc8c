"""JSON API v1, exactly as CONTRACT.md describes it (plus additions it allows)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from app import answers, schemas
from app.deps import ProviderDep, RegistryDep, get_registry
from app.query_model import QueryModel, query_pairs
from app.replay import question_key, replay, replay_for
from pathways.queries.audit import audit
from pathways.queries.export import dot, graphml, node_link, subgraph
from pathways.queries.find_help import find_help
from pathways.queries.routes import also_called, routes
from pathways.queries.sip import sip
from pathways.question import MAX_AGE, MAX_TEXT, Asker, Question
from pathways.registry import Registry
from pathways.vocab import Kind, Need, Urgency

router = APIRouter(prefix="/api/v1", tags=["api v1"])

# Quick, CPU-bound answers are `async def` and serialise their model themselves: the
# threadpool hop and FastAPI's second validation of the returned model cost more than
# the answer. `response_model` still documents the shape in /openapi.json. Routes, the
# graph and the audit can take long at national scale, so they stay in the threadpool.


def json_response(model: BaseModel, *, private: bool = False) -> Response:
    """The model as JSON; `private` answers echo a child's situation, so no cache keeps them."""
    headers = {"Cache-Control": "no-store"} if private else None
    return Response(
        model.model_dump_json(by_alias=True), media_type="application/json", headers=headers
    )


AreaParam = Annotated[
    str, Query(min_length=1, max_length=100, description="Area id or name, e.g. skarpnack")
]
NeedsParam = Annotated[list[Need], Query(description="Repeatable need id")]
AgeParam = Annotated[int, Query(ge=0, le=MAX_AGE, description="The young person's age in years")]


class FindHelpQuery(BaseModel):
    """The find-help parameters, validated as one model: one pass in pydantic-core
    instead of one per parameter, on the service's busiest endpoint."""

    age: int = Field(ge=0, le=MAX_AGE, description="The young person's age in years")
    area: str = Field(min_length=1, max_length=100, description="Area id or name")
    need: list[Need] = Field(default=[], description="Repeatable need id")
    q: str | None = Field(default=None, max_length=MAX_TEXT, description="Free text")
    urgency: Urgency = Urgency.planerat
    confidential: bool = Field(default=False, description="Help without guardians knowing")
    limit: int = Field(default=5, ge=1, le=50)
    asker: Asker = Field(default=Asker.self, description="Who asks: self, parent or other")


FIND_HELP_QUERY = QueryModel(FindHelpQuery)


# Two routes, one answer. The first is the one requests reach: a plain Starlette route,
# so that FastAPI's dependency solving and its reading of a parameter model, which
# inspects every field again per request, are skipped (on the busiest endpoint they
# cost more than the answer); `QueryModel` reads the parameters the same way. The second
# is never reached (Starlette takes the first route that matches); it is there so that
# /openapi.json documents find-help exactly as FastAPI writes it.
async def find_help_fast(request: Request) -> Response:
    if request.method != "GET":  # Starlette adds HEAD to a GET route; FastAPI's has none
        raise HTTPException(status_code=405, headers={"Allow": "GET"})
    registry = await get_registry(request)
    return answer_find_help(
        registry, FIND_HELP_QUERY.read(query_pairs(request.scope["query_string"]))
    )


router.add_route(f"{router.prefix}/find-help", find_help_fast, ["GET"], include_in_schema=False)


@router.get("/find-help", response_model=answers.FindHelpOut)
async def get_find_help(
    registry: RegistryDep, query: Annotated[FindHelpQuery, Query()]
) -> Response:
    """Ranked first contacts for a young person, with the emergency block when needed.

    An unknown place is a 404 that also suggests the areas the asker may have meant.
    """
    return answer_find_help(registry, query)


def answer_find_help(registry: Registry, query: FindHelpQuery) -> Response:
    """The find-help answer, replayed when the question holds only choices (`app.replay`)."""
    question = Question.ask(
        registry,
        age=query.age,
        area=query.area,
        needs=query.need,
        text=query.q,
        urgency=query.urgency,
        confidential=query.confidential,
        asker=query.asker,
    )

    def build() -> Response:
        answer = find_help(registry, question, limit=query.limit)
        return replay_for(
            registry,
            "find-help-answer",
            answer,
            lambda: json_response(answers.find_help_out(answer), private=True),
        )

    key = question_key(question)
    if key is None:
        return build()  # kept only as what it was understood to say (app.replay)
    return replay(registry, "find-help", (*key, query.limit), build)


@router.get("/providers", response_model=schemas.ProvidersOut)
async def get_providers(
    registry: RegistryDep,
    area: Annotated[str | None, Query(max_length=100)] = None,
    kind: Kind | None = None,
    need: Need | None = None,
    age: Annotated[int | None, Query(ge=0, le=120)] = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    """Active providers working in an area (its own, its parts', its kommun's and region's),
    filtered; `total` counts all matches and `limit`/`offset` page them."""
    pool = registry.within(registry.resolve_area(area).id) if area else list(registry.active())
    found = [
        p
        for p in pool
        if (kind is None or p.kind == kind)
        and (need is None or p.handles(need))
        and (age is None or p.fits_age(age))
    ]
    found.sort(key=lambda p: (p.name, p.id))
    page = found[offset : offset + limit]
    return json_response(
        schemas.ProvidersOut(total=len(found), providers=[schemas.summary(p) for p in page])
    )


@router.get("/providers/{provider_id}", response_model=schemas.ProviderDetail)
async def get_provider(registry: RegistryDep, provider: ProviderDep) -> Response:
    """One provider with everything known about it and the flows in and out."""
    return json_response(schemas.detail(registry, provider))


@router.get("/areas")
def get_areas(registry: RegistryDep) -> dict[str, list[schemas.AreaOut]]:
    return {"areas": [schemas.area_out(a) for a in registry.document.areas]}


@router.get("/needs")
def get_needs() -> dict[str, list[schemas.NeedOut]]:
    return {"needs": schemas.needs_out()}


@router.get("/kinds")
def get_kinds() -> dict[str, list[schemas.KindOut]]:
    return {"kinds": schemas.kinds_out()}


@router.get("/routes", response_model=answers.RoutesOut)
def get_routes(
    registry: RegistryDep,
    origin: Annotated[str, Query(alias="from", min_length=1, max_length=80)],
    to: Annotated[str, Query(min_length=1, max_length=80)],
    area: Annotated[str | None, Query(max_length=100)] = None,
    age: Annotated[int | None, Query(ge=0, le=MAX_AGE)] = None,
    need: NeedsParam = [],  # noqa: B006
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
    max_steps: Annotated[int, Query(ge=1, le=4)] = 3,
) -> answers.RoutesOut:
    """Routes from a provider or kind to another, shortest and simplest first."""
    found = routes(
        registry,
        origin,
        to,
        area=area,
        age=age,
        needs=need,
        limit=limit,
        max_steps=max_steps,
    )
    return answers.routes_out(found, also_called(registry, origin, to, area=area, age=age))


@router.get("/sip", response_model=answers.SipOut)
async def get_sip(
    registry: RegistryDep,
    area: AreaParam,
    age: AgeParam,
    need: NeedsParam = [],  # noqa: B006
) -> Response:
    """Who belongs at the table of a SIP, with the legal basis and the consent rule."""
    answer = sip(registry, area=area, age=age, needs=need)
    return json_response(answers.sip_out(answer), private=True)


@router.get(
    "/graph",
    responses={
        200: {
            "content": {
                "application/json": {},
                "text/vnd.graphviz": {},
                "application/graphml+xml": {},
            },
            "description": "The referral graph as node-link JSON, DOT or GraphML",
        }
    },
)
def get_graph(
    registry: RegistryDep,
    area: Annotated[str | None, Query(max_length=100)] = None,
    need: Need | None = None,
    format: Literal["json", "dot", "graphml"] = "json",
) -> Response:
    graph = subgraph(registry, area, need)
    if format == "dot":
        return Response(dot(graph), media_type="text/vnd.graphviz; charset=utf-8")
    if format == "graphml":
        return Response(graphml(graph), media_type="application/graphml+xml; charset=utf-8")
    return JSONResponse(node_link(graph))


@router.get("/audit", response_model=answers.AuditOut)
def get_audit(
    registry: RegistryDep,
    severity: Literal["error", "warning", "info"] | None = None,
    code: Annotated[str | None, Query(max_length=40)] = None,
) -> answers.AuditOut:
    """Data-quality findings: stale, unverified, unreachable, dead ends, ping-pong, gaps."""
    findings = [
        f
        for f in audit(registry)
        if (severity is None or f.severity == severity) and (code is None or f.code == code)
    ]
    return answers.audit_out(findings)
