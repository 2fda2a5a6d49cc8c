"""The organisation map: which kinds of provider help with what, and how help flows.

One SVG drawn on the server (inline on the page, and as a download), with the same
content as lists; with a need and an age, the young person's path as numbered steps
first, read from find-help for the same question, which is what prints on one page.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from app import schemas
from app.deps import RegistryDep, RendererDep
from app.errors import query_detail
from app.forms import ProfessionalForm
from app.rendering import PAGE_HEADERS, Page
from pathways.messages import Msg
from pathways.orgmap import NeedPath, build_map, map_text, need_path, render_svg
from pathways.vocab import Kind, Need

router = APIRouter(include_in_schema=False)


def _kind(request: Request, question: ProfessionalForm) -> Kind | None:
    text = request.query_params.get("kind", "").strip()
    if not text:
        return None
    if text not in Kind.__members__:
        question.errors["kind"] = Msg("Den typen av verksamhet känner vi inte igen.")
        return None
    return Kind(text)


@router.get("/karta")
async def org_map(request: Request, registry: RegistryDep, renderer: RendererDep) -> Response:
    question = ProfessionalForm(request.query_params, registry)
    if len(question.needs) > 1:
        question.errors["need"] = Msg("Välj ett behov i taget för kartan.")
    kind = _kind(request, question)
    need = question.needs[0] if question.needs else None
    base = {**question.context(registry), "need": need, "kind": kind, "kinds": list(Kind)}
    if question.area is None or question.errors:
        status = 422 if question.errors else 200
        context = {**base, "svg": None, "text": None, "path": None}
        data = (
            {"detail": query_detail(question.errors)}
            if question.errors
            else {"areas": "/api/v1/areas"}
        )
        page = Page("karta.html", context, data, status=status, title=Msg("Organisationskarta"))
        return renderer.respond(request, page)
    lang = renderer.language_of(request)
    drawn = build_map(
        registry, question.area.id, need, question.age, kind=kind, gettext=lang.gettext
    )
    text = map_text(drawn, registry)
    path = None
    if need is not None and question.age is not None:
        path = need_path(registry, area=question.area.id, need=need, age=question.age)

    def drawn_context() -> dict[str, Any]:
        return {
            **base,
            "svg": render_svg(drawn, lang.gettext, prefix=lang.prefix),
            "text": text,
            "path": path,
            "download": _svg_url(request, lang.prefix),
        }

    def drawn_data() -> dict[str, Any]:
        return {**text.as_data(), "path": _path_data(path) if path else None}

    page = Page(
        "karta.html", drawn_context, drawn_data, title=Msg("Organisationskarta"), private=bool(path)
    )
    return renderer.respond(request, page)


def _path_data(path: NeedPath) -> dict[str, Any]:
    """The path as JSON: the steps, each place with how one comes there."""
    return {
        "area": schemas.area_ref(path.area).model_dump(),
        "need": path.need.value,
        "age": path.age,
        "steps": [
            {
                "number": step.number,
                "role": step.role,
                "title": step.title.render(),
                "places": [
                    {
                        "provider": schemas.summary(place.provider).model_dump(),
                        "what": str(place.what),
                        "how": str(place.how),
                        "from": place.origin.id if place.origin else None,
                        "mechanism": place.mechanism.value if place.mechanism else None,
                        "who": place.who.render() if place.who else None,
                        "consent": [c.render() for c in place.consent],
                    }
                    for place in step.places
                ],
            }
            for step in path.steps
        ],
        "acute": [schemas.summary(p).model_dump() for p in path.emergency.places],
    }


@router.get("/karta.svg")
async def org_map_svg(request: Request, registry: RegistryDep, renderer: RendererDep) -> Response:
    """The map alone, to download, print or put in a report."""
    question = ProfessionalForm(request.query_params, registry)
    kind = _kind(request, question)
    if question.area is None or question.errors:
        return Response(
            "area: choose an area, e.g. ?area=skarpnack (kind, need and age are optional)",
            status_code=422,
            media_type="text/plain; charset=utf-8",
        )
    need: Need | None = question.needs[0] if question.needs else None
    lang = renderer.language_of(request)
    drawn = build_map(
        registry, question.area.id, need, question.age, kind=kind, gettext=lang.gettext
    )
    svg = render_svg(drawn, lang.gettext, links=False)
    parts = [question.area.id, kind.value if kind else "", need.value if need else ""]
    filename = "organisationskarta-" + "-".join(p for p in parts if p) + ".svg"
    headers = {**PAGE_HEADERS, "Content-Disposition": f'attachment; filename="{filename}"'}
    return Response(svg, media_type="image/svg+xml", headers=headers)


def _svg_url(request: Request, prefix: str) -> str:
    query = request.url.query
    return f"{prefix}/karta.svg" + (f"?{query}" if query else "")
