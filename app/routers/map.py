"""The organisation map: which provider helps with what, and how help flows between them.

One SVG drawn on the server (inline on the page, and as a download), with the same
content as lists for screen readers and for anyone who prefers text.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from app.deps import RegistryDep, RendererDep
from app.errors import query_detail
from app.forms import ProfessionalForm
from app.rendering import PAGE_HEADERS, Page
from pathways.maptext import map_text
from pathways.messages import Msg
from pathways.orgmap import build_map, render_svg

router = APIRouter(include_in_schema=False)


@router.get("/karta")
async def org_map(request: Request, registry: RegistryDep, renderer: RendererDep) -> Response:
    question = ProfessionalForm(request.query_params, registry)
    if len(question.needs) > 1:
        question.errors["need"] = Msg("Välj ett behov i taget för kartan.")
    need = question.needs[0] if question.needs else None
    if question.area is None or question.errors:
        status = 422 if question.errors else 200
        context = {**question.context(registry), "svg": None, "text": None, "need": need}
        data = (
            {"detail": query_detail(question.errors)}
            if question.errors
            else {"areas": "/api/v1/areas"}
        )
        page = Page("karta.html", context, data, status=status, title=Msg("Organisationskarta"))
        return renderer.respond(request, page)
    lang = renderer.language_of(request)
    drawn = build_map(registry, question.area.id, need, question.age)
    text = map_text(drawn)

    def drawn_context() -> dict[str, Any]:
        return {
            **question.context(registry),
            "svg": render_svg(drawn, lang.gettext),
            "text": text,
            "need": need,
            "download": _svg_url(request, lang.prefix),
        }

    page = Page("karta.html", drawn_context, text.as_data, title=Msg("Organisationskarta"))
    return renderer.respond(request, page)


@router.get("/karta.svg")
async def org_map_svg(request: Request, registry: RegistryDep, renderer: RendererDep) -> Response:
    """The map alone, to download, print or put in a report."""
    question = ProfessionalForm(request.query_params, registry)
    if question.area is None or question.errors:
        return Response(
            "area: choose an area, e.g. ?area=skarpnack",
            status_code=422,
            media_type="text/plain; charset=utf-8",
        )
    need = question.needs[0] if question.needs else None
    lang = renderer.language_of(request)
    svg = render_svg(
        build_map(registry, question.area.id, need, question.age), lang.gettext, links=False
    )
    filename = f"organisationskarta-{question.area.id}{'-' + need.value if need else ''}.svg"
    headers = {**PAGE_HEADERS, "Content-Disposition": f'attachment; filename="{filename}"'}
    return Response(svg, media_type="image/svg+xml", headers=headers)


def _svg_url(request: Request, prefix: str) -> str:
    query = request.url.query
    return f"{prefix}/karta.svg" + (f"?{query}" if query else "")
