"""A short public page for a young person: how to get help from an adult.

The duty-to-report page speaks to staff; this is its counterpart for the child, in
plain words a 12-year-old understands, with the numbers that are safe to print.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from app.deps import RendererDep
from app.rendering import Page
from pathways.messages import Msg
from pathways.queries.emergency import contacts_for

router = APIRouter(include_in_schema=False)


@router.get("/be-en-vuxen-om-hjalp")
async def ask_an_adult(request: Request, renderer: RendererDep) -> Response:
    contacts = contacts_for(0)
    data = {"contacts": [{"name": c.name, "phone": c.phone} for c in contacts]}
    page = Page(
        "be_en_vuxen.html",
        {"contacts": contacts},
        data,
        title=Msg("Så kan du få hjälp av en vuxen"),
    )
    return renderer.respond(request, page)
