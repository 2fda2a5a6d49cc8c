"""The public pages: start, results, a provider, acute help, about.

Each function builds the page's data once from `pathways` and hands it to the renderer,
which sends HTML in the asker's language or the same data as JSON (STYLE.md #2). The
router is mounted once per language (/, /en/, ...); the language comes from the path.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import Any
from urllib.parse import urlencode

from babel.dates import format_date
from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from app import answers, schemas
from app.deps import ProviderDep, RegistryDep, RendererDep, get_registry, get_renderer
from app.errors import query_detail
from app.forms import Checked, HelpForm, area_groups, check
from app.rendering import Page, Renderer
from app.replay import chosen_query, replay
from pathways.errors import NotFound
from pathways.limits import whole_number
from pathways.messages import Msg, Text
from pathways.models import Area, Flow, Provider
from pathways.queries.emergency import (
    ACUTE_KINDS,
    URGENT,
    assess_text,
    emergency_block,
    where_now,
)
from pathways.queries.find_help import find_help
from pathways.queries.next_steps import PROFESSIONAL_ONLY
from pathways.queries.sentences import (
    access_text,
    age_text,
    asked_for,
    confidentiality_text,
    cost_text,
)
from pathways.queries.sources import public_sources
from pathways.question import Asker
from pathways.registry import Registry
from pathways.vocab import LEVEL_ORDER, Kind, Need, Urgency

router = APIRouter(include_in_schema=False)
FIRST_PLACES = 2  # "the one or two right places to start"; the rest are "more places"


@router.get("/")
async def start(request: Request, registry: RegistryDep, renderer: RendererDep) -> Response:
    """The question: what it is about, age, where you live. Prefilled by "Ändra" links."""
    params = request.query_params
    form = HelpForm.from_params(params, params.getlist("need"), params.getlist("danger"))

    def data() -> dict[str, Any]:
        areas = (schemas.area_out(a) for a in registry.document.areas)
        return {
            "needs": [n.model_dump() for n in schemas.needs_out()],
            "areas": [a.model_dump() for a in areas],
            "urgencies": [u.value for u in Urgency],
            "find_help": "/hitta",
        }

    def context() -> dict[str, Any]:
        return {"form": form, "errors": {}, "suggestions": [], **_form_choices(registry, form)}

    page = Page("start.html", context, data, title=Msg("Hitta rätt hjälp"))
    return renderer.respond(request, page)


async def results(request: Request) -> Response:
    """Where to start, best first, with the emergency block on top when there is danger.

    Typed words never stay in the address bar or the history: a question with `q` is
    answered with 303 to the same question written as the needs understood.

    A plain Starlette route, as find-help's is (`app.routers.api_v1`): FastAPI's solving
    of two dependencies cost about half the page (in process 299 → 156 µs a page). As a
    Starlette route it also answers HEAD, which FastAPI's refused with 405."""
    registry, renderer = await get_registry(request), await get_renderer(request)
    params = request.query_params
    form = HelpForm.from_params(params, params.getlist("need"), params.getlist("danger"))
    if form.q.strip():
        return _without_text(request, form)
    query = request.url.query
    if not chosen_query(registry, query):
        return _answer(request, registry, renderer, form)  # nothing typed is kept
    return replay(
        registry,
        "hitta",
        (request.url.path, query),
        lambda: _answer(request, registry, renderer, form),
    )


router.add_route("/hitta", results, ["GET"], include_in_schema=False)


@router.post("/hitta")
async def results_posted(
    request: Request, registry: RegistryDep, renderer: RendererDep
) -> Response:
    """The form, posted so that the text is never in an address. A complete question goes
    on to the answer without its text; an incomplete one gets the form back, text kept."""
    body = await request.form()
    fields = {key: value for key, value in body.items() if isinstance(value, str)}
    needs = [n for n in body.getlist("need") if isinstance(n, str)]
    form = HelpForm.from_params(fields, needs)
    checked = check(form, registry)
    if checked.question is None and not form.empty:
        return renderer.respond(request, _form_again(registry, form, checked))
    return _without_text(request, form)


def _without_text(request: Request, form: HelpForm) -> Response:
    query = form.params()
    if request.query_params.get("format") == "json":
        query["format"] = "json"
    url = f"{request.url.path}?{urlencode(query, doseq=True)}"
    return RedirectResponse(url, status_code=303, headers={"Cache-Control": "no-store"})


def _answer(request: Request, registry: Registry, renderer: Renderer, form: HelpForm) -> Response:
    checked = check(form, registry)
    if checked.question is None:
        return renderer.respond(request, _form_again(registry, form, checked))
    answer = find_help(registry, checked.question)
    top = answer.results[:FIRST_PLACES]
    more = answer.results[FIRST_PLACES:]
    context = {
        "form": form,
        "answer": answer,
        "top": top,
        "more": more,
        "asked": asked_for(answer.asker, answer.age, answer.area),
    }
    page = Page(
        "results.html",
        context,
        lambda: answers.find_help_out(answer),
        private=True,
        title=Msg("Här kan du få hjälp"),
    )
    return renderer.respond(request, page)


def _form_again(registry: Registry, form: HelpForm, checked: Checked) -> Page:
    """The start form with what was typed and a sentence per wrong field; 422 unless
    nothing was asked yet. Danger is answered even when the form is not complete."""
    found = assess_text(form.urgency, form.needs, form.q, carried=form.danger)
    emergency = None
    if found is not None:
        age = whole_number(form.age, 3)
        if age is None and found.tone == URGENT:
            emergency = replace(where_now([], age), reasons=found.reasons)
        else:
            emergency = emergency_block(age or 0, [], found.reasons, found.tone)
    detail = query_detail(checked.errors)
    context = {
        "form": form,
        "errors": {} if form.empty else checked.errors,
        "suggestions": checked.suggestions,
        "emergency": emergency,
        **_form_choices(registry, form),
    }
    status = 200 if form.empty else 422
    data: dict[str, Any] = {"detail": detail}
    if emergency is not None:
        data["emergency"] = answers.emergency_out(emergency).model_dump()
    return Page(
        "start.html", context, data, status=status, private=True, title=Msg("Hitta rätt hjälp")
    )


def _form_choices(registry: Registry, form: HelpForm) -> dict[str, Any]:
    selected = _maybe_area(registry, form.area) if form.area else None
    return {
        "need_choices": list(Need),
        "area_groups": area_groups(registry),
        "selected_area": selected.id if selected else "",
        "askers": list(Asker),
    }


@router.get("/mottagning/{provider_id}")
async def provider_page(
    request: Request, registry: RegistryDep, renderer: RendererDep, provider: ProviderDep
) -> Response:
    """Everything about one place, and where help goes on from it."""

    def context() -> dict[str, Any]:
        graph = registry.graph
        return {
            "p": provider,
            "facts": provider_facts(provider),
            "areas": _area_names(registry, provider),
            "sources": public_sources(provider),
            "flows_out": by_kind(_onward_for_people(registry, provider)),
            "flows_in": by_kind(_flows(registry, graph.in_edges(provider.id, data=True), 0)),
            "reviewed": _date(provider.reviewed, renderer.language_of(request).code),
        }

    page = Page(
        "provider.html",
        context,
        lambda: schemas.detail(registry, provider),
        title=provider.name,
    )
    return renderer.respond(request, page)


def provider_facts(p: Provider) -> list[tuple[Msg, Text]]:
    """The questions a young person has, each with the answer for this place."""
    return [
        (Msg("Ålder"), age_text(p)),
        (Msg("Kan jag gå dit själv?"), access_text(p)),
        (Msg("Kostar det något?"), cost_text(p)),
        (Msg("Får mina föräldrar veta?"), confidentiality_text(p)),
    ]


def _area_names(registry: Registry, p: Provider) -> list[str]:
    if p.national:
        return []
    return [registry.areas[a].name for a in p.areas]


def _flows(
    registry: Registry, edges: Iterable[tuple[str, str, dict[str, Any]]], end: int
) -> list[tuple[Provider, Flow]]:
    """The providers at the other end of a provider's flows, lowest level first."""
    found: dict[tuple[str, str], tuple[Provider, Flow]] = {}
    for origin, target, data in edges:
        other = registry.providers[target if end else origin]
        flow: Flow = data["flow"]
        found.setdefault((other.id, flow.mechanism), (other, flow))
    return sorted(
        found.values(), key=lambda pair: (LEVEL_ORDER[pair[0].level], pair[0].name, pair[1].id)
    )


def _onward_for_people(registry: Registry, provider: Provider) -> list[tuple[Provider, Flow]]:
    """Where a young person can go on: a report of concern or a consultation between
    professionals is their duty, not a step offered to a child."""
    found = _flows(registry, registry.graph.out_edges(provider.id, data=True), 1)
    return [(other, flow) for other, flow in found if flow.mechanism not in PROFESSIONAL_ONLY]


def by_kind(flows: list[tuple[Provider, Flow]]) -> list[tuple[Kind, list[tuple[Provider, Flow]]]]:
    """Flows grouped by the kind of place at the other end, in the order first met (lowest
    level first): BUP's dozens of school units become one group, not a page of links."""
    groups: dict[Kind, list[tuple[Provider, Flow]]] = {}
    for other, flow in flows:
        groups.setdefault(other.kind, []).append((other, flow))
    return list(groups.items())


def _date(day: date, locale: str) -> str:
    return format_date(day, format="long", locale=locale)


@router.get("/akut")
async def acute(
    request: Request,
    registry: RegistryDep,
    renderer: RendererDep,
) -> Response:
    """What to do now: the national numbers, and the acute units where you live."""
    area_text = request.query_params.get("area", "").strip()
    age_raw = request.query_params.get("age", "").strip()
    age = whole_number(age_raw, 3)
    area: Area | None = None
    if area_text:
        area = registry.areas.get(area_text) or _maybe_area(registry, area_text)
    units = (
        [p for p in registry.serving(area.id) if p.kind in ACUTE_KINDS]
        if area
        else [p for p in registry.active() if p.kind in ACUTE_KINDS]
    )
    help_now = where_now(units, age)
    data = {
        "area": schemas.area_ref(area).model_dump() if area else None,
        "age": age,
        "emergency": answers.emergency_out(help_now).model_dump(),
    }
    context = {
        "emergency": help_now,
        "area": area,
        "age": age,
        "area_text": area_text,
        "age_text": age_raw,
        "area_groups": area_groups(registry),
    }
    page = Page("akut.html", context, data, title=Msg("Akut hjälp"))
    return renderer.respond(request, page)


def _maybe_area(registry: Registry, text: str) -> Area | None:
    try:
        return registry.resolve_area(text[:100])
    except NotFound:  # an unknown place on /akut still shows every number
        return None


@router.get("/om")
async def about(request: Request, registry: RegistryDep, renderer: RendererDep) -> Response:
    """What the service is and is not, where the data comes from, how to report an error."""
    providers = list(registry.active())
    latest = max((p.reviewed for p in providers), default=None)
    data = {
        "providers": len(providers),
        "unverified": sum(not p.verified for p in providers),
        "areas": len(registry.areas),
        "latest_review": latest.isoformat() if latest else None,
        "api": "/api/v1",
        "openapi": "/openapi.json",
    }
    lang = renderer.language_of(request).code
    context = {**data, "latest": _date(latest, lang) if latest else None}
    page = Page("about.html", context, data, title=Msg("Om Vårdkedjan"))
    return renderer.respond(request, page)
