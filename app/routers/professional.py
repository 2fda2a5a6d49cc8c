"""Pages for professionals: referral routes, the duty to report, the SIP helper.

Same standards as the public pages (plain words, no script, a JSON twin, both
languages). Nothing about a child is stored: the questions are GET forms that echo back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from app import answers, schemas
from app.deps import RegistryDep, RendererDep
from app.errors import query_detail
from app.forms import ProfessionalForm
from app.rendering import Page
from pathways.errors import InvalidQuery, NotFound
from pathways.messages import Msg
from pathways.models import Area, Provider
from pathways.queries.guidance import (
    AFTER_REPORT,
    DUTY_SOURCES,
    DUTY_TO_REPORT,
    INCLUDE,
    REPORT_CHECKLIST,
    REQUIREMENTS,
    WHO_ACTS,
)
from pathways.queries.routes import Route, Step, also_called, routes
from pathways.queries.sip import sip
from pathways.registry import Registry
from pathways.vocab import Kind, Mechanism

router = APIRouter(prefix="/proffs", include_in_schema=False)


@router.get("")
async def index(request: Request, renderer: RendererDep) -> Response:
    data = {
        "pages": ["/proffs/remissvagar", "/proffs/orosanmalan", "/proffs/sip", "/karta"],
    }
    return renderer.respond(
        request, Page("proffs/index.html", {}, data, title=Msg("För yrkespersoner"))
    )


@router.get("/remissvagar")
async def referral_routes(
    request: Request, registry: RegistryDep, renderer: RendererDep
) -> Response:
    """From my role to another, for a concrete case: the routes, step by step."""
    question = ProfessionalForm(request.query_params, registry)
    origin = request.query_params.get("from", "").strip()[:80]
    target = request.query_params.get("to", "").strip()[:80]
    found: list[Route] = []
    also: list[Step] = []
    asked = bool(origin or target)
    if asked:
        for name, value in (("from", origin), ("to", target)):
            if not value:
                question.errors[name] = Msg("Välj en verksamhet.")
        if (
            question.area is None
            and "area" not in question.errors
            and (origin in Kind.__members__ or target in Kind.__members__)
        ):
            question.errors["area"] = Msg("Välj område, så vi vet vilka verksamheter som finns.")
    if asked and not question.errors:
        try:
            found = routes(
                registry,
                origin,
                target,
                area=question.area.id if question.area else None,
                age=question.age,
                needs=question.needs,
                limit=5,
            )
            area_id = question.area.id if question.area else None
            also = also_called(registry, origin, target, area=area_id, age=question.age)
        except (NotFound, InvalidQuery) as exc:
            field = getattr(exc, "parameter", None) or (
                "from" if origin not in Kind.__members__ else "to"
            )
            question.errors[field] = Msg("Vi hittar inte den verksamheten. Välj i listan.")
    context = {
        **question.context(registry),
        "origin": origin,
        "target": target,
        "asked": asked,
        "routes": found,
        "also": also,
        "kinds": list(Kind),
        "local": _local_providers(registry, question.area),
        "who_acts": WHO_ACTS,
        "include": INCLUDE,
        "requirements": REQUIREMENTS,
    }
    status = 422 if question.errors else 200
    detail = {"detail": query_detail(question.errors)}
    data: Any = detail if question.errors else (lambda: answers.routes_out(found, also))
    page = Page("proffs/routes.html", context, data, status=status, title=Msg("Remissvägar"))
    return renderer.respond(request, page)


def _local_providers(registry: Registry, area: Area | None) -> list[Provider]:
    if area is None:
        return []
    return sorted(registry.within(area.id), key=lambda p: (p.kind, p.name))


@router.get("/orosanmalan")
async def duty_to_report(
    request: Request, registry: RegistryDep, renderer: RendererDep
) -> Response:
    """When the duty applies, and the social services unit that serves the area."""
    question = ProfessionalForm(request.query_params, registry)
    units: list[Provider] = []
    if question.area is not None:
        area_id = question.area.id
        wanted = (Kind.socialtjanst, Kind.socialjour)
        units = [p for p in registry.serving(area_id) if p.kind in wanted]
        if not any(p.kind == Kind.socialtjanst for p in units):
            # A region or a city of districts: the units of its parts, so the asker can pick.
            units = [p for p in registry.within(area_id) if p.kind in wanted]
        units.sort(key=lambda p: (p.kind != Kind.socialtjanst, p.name))

    def data() -> dict[str, Any]:
        return {
            "area": schemas.area_ref(question.area).model_dump() if question.area else None,
            "duty": [m.render() for m in DUTY_TO_REPORT],
            "checklist": [m.render() for m in REPORT_CHECKLIST],
            "include": [m.render() for m in INCLUDE[Mechanism.orosanmalan]],
            "after": [m.render() for m in AFTER_REPORT],
            "sources": list(DUTY_SOURCES),
            "units": [schemas.summary(p).model_dump() for p in units],
        }

    def context() -> dict[str, Any]:
        return {
            **question.context(registry),
            "duty": DUTY_TO_REPORT,
            "checklist": REPORT_CHECKLIST,
            "include": INCLUDE[Mechanism.orosanmalan],
            "after": AFTER_REPORT,
            "sources": DUTY_SOURCES,
            "units": units,
        }

    status = 422 if question.errors else 200
    page = Page("proffs/report.html", context, data, status=status, title=Msg("Orosanmälan"))
    return renderer.respond(request, page)


@router.get("/sip")
async def sip_helper(request: Request, registry: RegistryDep, renderer: RendererDep) -> Response:
    """Who belongs at the table, grouped by huvudman, and a checklist for the meeting."""
    question = ProfessionalForm(request.query_params, registry)
    answer = None
    asked = bool(question.area_text or question.age_text or question.needs_text)
    if asked:
        question.require(("area", "age", "need"))
    if asked and not question.errors and question.area and question.age is not None:
        answer = sip(registry, area=question.area.id, age=question.age, needs=question.needs)
    groups = _grouped(answer.participants if answer else ())
    detail = {"detail": query_detail(question.errors)}
    data: Any = (lambda: answers.sip_out(answer)) if answer else detail

    def context() -> dict[str, Any]:
        return {**question.context(registry), "answer": answer, "groups": groups, "asked": asked}

    status = 422 if question.errors else 200
    page = Page(
        "proffs/sip.html",
        context,
        data,
        status=status,
        private=True,
        title=Msg("SIP – samordnad individuell plan"),
    )
    return renderer.respond(request, page)


GROUP_TITLES = {
    "kommun": Msg("Kommunen"),
    "region": Msg("Regionen"),
    "gemensam": Msg("Kommunen och regionen tillsammans"),
    "ideell": Msg("Ideella organisationer"),
    "stat": Msg("Staten"),
}


def _grouped(participants: Sequence[Any]) -> list[tuple[Msg, list[Any]]]:
    out: list[tuple[Msg, list[Any]]] = []
    for group, title in GROUP_TITLES.items():
        members = [p for p in participants if p.group == group]
        if members:
            out.append((title, members))
    return out
