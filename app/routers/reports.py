"""Error reports from the public: the form on every provider page, and its admin side.

A public page like any other: no cookie, no script, nothing from elsewhere; the form is
a classic POST that answers 303 to a thank-you page. What was written is stored (see
`pathways.store.reports`), never logged. Each client address may send `PER_ADDRESS` reports
in `WINDOW` seconds, counted in this worker's memory by a hash of the address, in
bounded storage: no address is ever written down.
"""

from __future__ import annotations

import hashlib
import time
from collections import OrderedDict
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from app.admin_views import csrf_form
from app.deps import InstanceDep, ProviderDep, RendererDep, SessionDep
from app.rendering import Page
from pathways.errors import InvalidQuery, RateLimited
from pathways.messages import Msg
from pathways.store.reports import MAX_TEXT

router = APIRouter(include_in_schema=False)
admin_router = APIRouter(prefix="/admin", include_in_schema=False)
PER_ADDRESS = 5
WINDOW = 600.0
_KEPT = 10_000
_recent: OrderedDict[str, list[float]] = OrderedDict()


def _allowed(request: Request) -> bool:
    """At most PER_ADDRESS reports per address in WINDOW; bounded, addresses hashed."""
    host = request.client.host if request.client else ""
    key = hashlib.sha256(host.encode()).hexdigest()[:16]
    now = time.monotonic()
    stamps = [t for t in _recent.pop(key, []) if t > now - WINDOW]
    if len(stamps) >= PER_ADDRESS:
        _recent[key] = stamps
        return False
    _recent[key] = [*stamps, now]
    while len(_recent) > _KEPT:
        _recent.popitem(last=False)
    return True


def _page(
    request: Request, renderer: RendererDep, provider: ProviderDep, status: int, **extra: object
) -> Response:
    context = {"p": provider, "text": "", "error": None, "thanks": False, "limit": MAX_TEXT}
    context.update(extra)
    data = {"provider": provider.id, "status": status}
    title = Msg("Rapportera fel i uppgifterna")
    page = Page("report.html", context, data, status=status, private=True, title=title)
    return renderer.respond(request, page)


@router.get("/mottagning/{provider_id}/rapportera")
async def report_form(request: Request, renderer: RendererDep, provider: ProviderDep) -> Response:
    thanks = request.query_params.get("tack") == "1"
    return _page(request, renderer, provider, 200, thanks=thanks)


@router.post("/mottagning/{provider_id}/rapportera")
async def send_report(request: Request, renderer: RendererDep, provider: ProviderDep) -> Response:
    form = await request.form()
    raw = form.get("text")
    text = raw if isinstance(raw, str) else ""
    instance = getattr(request.app.state, "instance", None)
    if instance is None:
        error = Msg("Den här servern tar inte emot rapporter. Se sidan Om Vårdkedjan.")
        return _page(request, renderer, provider, 403, text=text[:MAX_TEXT], error=error)
    if not _allowed(request):
        error = Msg("Du har skickat många rapporter på kort tid. Försök igen senare.")
        return _page(request, renderer, provider, 429, text=text[:MAX_TEXT], error=error)
    try:
        instance.reports.add(provider.id, text)
    except InvalidQuery:
        error = Msg("Skriv vad som är fel, med högst {limit} tecken.", limit=MAX_TEXT)
        return _page(request, renderer, provider, 422, text=text[:MAX_TEXT], error=error)
    except RateLimited:
        error = Msg("Vi tar inte emot fler rapporter just nu. Försök igen senare.")
        return _page(request, renderer, provider, 429, text=text[:MAX_TEXT], error=error)
    back = request.url.path + "?tack=1"
    return RedirectResponse(back, status_code=303)


@admin_router.post("/granskning/rapport/{report_id}")
async def mark_done(
    request: Request, report_id: str, instance: InstanceDep, session: SessionDep
) -> Response:
    """Mark a report done; it is deleted 90 days later."""
    await csrf_form(request, session)
    instance.reports.mark_done(report_id[:40])
    return RedirectResponse(f"/admin/granskning?klar={quote(report_id[:40])}", status_code=303)
