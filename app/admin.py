"""Admin pages: find a provider, edit it or its flows with a preview, history, undo.

Form posts the classic way (STYLE.md #4): a preview shows fields before and after, a save
redirects (303) with a notice, a refused edit comes back with its fields named (422).
Every form carries a CSRF token; every answer is `no-store`; the session cookie lives
under /admin only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from app.admin_forms import FormValues, field_errors, flow_record, provider_record
from app.admin_session import (
    SessionDep,
    admin_page,
    csrf_form,
    forbidden_sentence,
    rate_sentence,
    unavailable_sentence,
)
from app.auth import InstanceDep, Session
from app.pages import RendererDep
from app.rendering import Renderer
from pathways.access import can_edit
from pathways.audit import audit
from pathways.errors import (
    Conflict,
    Forbidden,
    NotFound,
    PreconditionFailed,
    RateLimited,
    RegistryInvalid,
    Unavailable,
)
from pathways.instance import Instance
from pathways.models import Provider
from pathways.operations import (
    CreateFlow,
    CreateProvider,
    DeleteFlow,
    Operation,
    RetireProvider,
    UpdateFlow,
    UpdateProvider,
)
from pathways.vocab import Access, Confidentiality, Cost, Kind, Level, Mechanism, Need, Principal

router = APIRouter(prefix="/admin", include_in_schema=False)
PAGE_SIZE = 100


def _choices(instance: Instance) -> dict[str, Any]:
    registry = instance.registry()
    return {
        "areas": sorted(registry.areas.values(), key=lambda a: (a.type != "region", a.name)),
        "kinds": list(Kind),
        "levels": list(Level),
        "principals": list(Principal),
        "confidentialities": list(Confidentiality),
        "costs": list(Cost),
        "accesses": list(Access),
        "needs": list(Need),
        "mechanisms": list(Mechanism),
        "providers": sorted(registry.active(), key=lambda p: p.name),
    }


# --- finding a provider -------------------------------------------------------------------


@router.get("")
async def index(
    request: Request, instance: InstanceDep, session: SessionDep, renderer: RendererDep
) -> Response:
    registry = instance.registry()
    q = request.query_params.get("q", "").strip()[:100].lower()
    area = request.query_params.get("area", "")
    kind = request.query_params.get("kind", "")
    pool = registry.within(area) if area in registry.areas else list(registry.document.providers)
    found = [
        p
        for p in pool
        if (not q or q in p.name.lower() or q in p.id) and (not kind or p.kind == kind)
    ]
    found.sort(key=lambda p: (p.retired, p.name))
    rows = [(p, can_edit(session.user, p, registry)) for p in found[:PAGE_SIZE]]
    context = {
        "session": session,
        "rows": rows,
        "total": len(found),
        "q": q,
        "area": area,
        "kind": kind,
        "saved": request.query_params.get("sparat", ""),
        **_choices(instance),
    }
    return renderer.respond(request, admin_page("index.html", context, "Administrera registret"))


# --- providers ----------------------------------------------------------------------------


@router.get("/mottagning/ny")
async def new_provider(
    request: Request, instance: InstanceDep, session: SessionDep, renderer: RendererDep
) -> Response:
    record = {"reviewed": "", "verified": False, "languages": ["sv"]}
    return Editing(request, renderer, instance, session, "providers", None, record, "").page()


@router.get("/mottagning/{provider_id}")
async def edit_provider(
    request: Request,
    provider_id: str,
    instance: InstanceDep,
    session: SessionDep,
    renderer: RendererDep,
) -> Response:
    versioned = instance.provider(provider_id)
    saved = request.query_params.get("sparat", "")
    return Editing(
        request,
        renderer,
        instance,
        session,
        "providers",
        provider_id,
        versioned.record,
        versioned.etag,
        saved=saved,
    ).page()


@dataclass
class Editing:
    """One edit form on its way back to the browser: which record, and how it went."""

    request: Request
    renderer: Renderer
    instance: Instance
    session: Session
    section: str  # "providers" or "flows"
    ident: str | None  # None while creating
    record: dict[str, Any]
    etag: str
    status: int = 200
    errors: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    preview: Any = None
    message: str = ""
    saved: str = ""

    def page(self) -> Response:
        context: dict[str, Any] = {
            "session": self.session,
            "record": self.record,
            "etag": self.etag,
            "errors": self.errors,
            "problems": self.problems,
            "preview": self.preview,
            "message": self.message,
            "saved": self.saved,
            **_choices(self.instance),
        }
        if self.section == "flows":
            context["flow_id"] = self.ident
            title = f"Flöde {self.ident}" if self.ident else "Nytt flöde"
            return self.renderer.respond(
                self.request, admin_page("flow.html", context, title, self.status)
            )
        registry = self.instance.registry()
        provider = registry.providers.get(self.ident or "")
        context.update(
            provider_id=self.ident,
            editable=provider is None or can_edit(self.session.user, provider, registry),
            flows_out=_flows(self.instance, provider, "out"),
            flows_in=_flows(self.instance, provider, "in"),
        )
        title = f"Redigera {self.record.get('name', '')}" if self.ident else "Ny mottagning"
        return self.renderer.respond(
            self.request, admin_page("provider.html", context, title, self.status)
        )


def _flows(instance: Instance, provider: Provider | None, direction: str) -> list[Any]:
    if provider is None:
        return []
    graph = instance.registry().graph
    edges = (
        graph.out_edges(provider.id, data=True)
        if direction == "out"
        else graph.in_edges(provider.id, data=True)
    )
    return sorted(
        {data["flow"].id: data["flow"] for _, _, data in edges}.values(), key=lambda f: f.id
    )


@router.post("/mottagning/ny")
async def create_provider(
    request: Request, instance: InstanceDep, session: SessionDep, renderer: RendererDep
) -> Response:
    form = await csrf_form(request, session)
    record = provider_record({}, form)
    op = CreateProvider(record)
    editing = Editing(request, renderer, instance, session, "providers", None, record, "")
    return _submit(editing, form, op)


@router.post("/mottagning/{provider_id}")
async def save_provider(
    request: Request,
    provider_id: str,
    instance: InstanceDep,
    session: SessionDep,
    renderer: RendererDep,
) -> Response:
    form = await csrf_form(request, session)
    base = _base_record(instance, "providers", provider_id, form)
    etag = form.text("etag")
    if form.text("action").startswith("retire"):
        op: Operation = RetireProvider(
            provider_id, etag, remove_references=form.flag("remove_references")
        )
        record = {**base, "retired": True}
    else:
        record = provider_record(base, form)
        op = UpdateProvider(provider_id, record, etag)
    editing = Editing(request, renderer, instance, session, "providers", provider_id, record, etag)
    return _submit(editing, form, op)


def _base_record(instance: Instance, section: str, ident: str, form: FormValues) -> dict[str, Any]:
    """The record as it was when the form was opened: fields the form does not show stay."""
    try:
        return dict(instance.record(section, ident).record)
    except NotFound:
        return {}


def _submit(editing: Editing, form: FormValues, op: Operation) -> Response:
    """Preview or save one change; a refusal comes back on the same form."""
    editing.message = form.text("message")[:500]
    action = form.text("action")
    try:
        if action.endswith("preview") or action == "":
            editing.preview = editing.instance.preview(op, editing.session.user)
            return editing.page()
        saved = editing.instance.apply(op, editing.session.user, editing.message or None)
    except RegistryInvalid as exc:
        ident = str(editing.record.get("id", editing.ident or ""))
        editing.errors, editing.problems = field_errors(exc, ident)
        editing.status = 422
        return editing.page()
    except PreconditionFailed:
        editing.status = 412
        editing.problems = [
            "Någon annan har ändrat posten medan du redigerade. Öppna den igen och gör "
            "din ändring på nytt; inget har sparats."
        ]
        return editing.page()
    except Forbidden as exc:
        editing.status = 403
        editing.problems = [forbidden_sentence(exc, editing.session.user.areas)]
        return editing.page()
    except Conflict as exc:
        editing.status = 409
        editing.problems = [exc.message]
        return editing.page()
    except RateLimited as exc:
        editing.status = 429
        editing.problems = [rate_sentence(exc)]
        return editing.page()
    except Unavailable as exc:
        editing.status = 503
        editing.problems = [unavailable_sentence(exc)]
        return editing.page()
    commit = quote(saved.commit or "")
    if isinstance(op, DeleteFlow):
        return RedirectResponse(f"/admin?sparat={commit}", status_code=303)
    where = "flode" if editing.section == "flows" else "mottagning"
    target = quote(str(editing.record.get("id") or editing.ident))
    return RedirectResponse(f"/admin/{where}/{target}?sparat={commit}", status_code=303)


# --- flows --------------------------------------------------------------------------------


@router.get("/flode/ny")
async def new_flow(
    request: Request, instance: InstanceDep, session: SessionDep, renderer: RendererDep
) -> Response:
    record = {"from": request.query_params.get("from", "")[:80]}
    return Editing(request, renderer, instance, session, "flows", None, record, "").page()


@router.get("/flode/{flow_id}")
async def edit_flow(
    request: Request,
    flow_id: str,
    instance: InstanceDep,
    session: SessionDep,
    renderer: RendererDep,
) -> Response:
    versioned = instance.flow(flow_id)
    saved = request.query_params.get("sparat", "")
    return Editing(
        request,
        renderer,
        instance,
        session,
        "flows",
        flow_id,
        versioned.record,
        versioned.etag,
        saved=saved,
    ).page()


@router.post("/flode/ny")
async def create_flow(
    request: Request, instance: InstanceDep, session: SessionDep, renderer: RendererDep
) -> Response:
    form = await csrf_form(request, session)
    record = flow_record({}, form)
    editing = Editing(request, renderer, instance, session, "flows", None, record, "")
    return _submit(editing, form, CreateFlow(record))


@router.post("/flode/{flow_id}")
async def save_flow(
    request: Request,
    flow_id: str,
    instance: InstanceDep,
    session: SessionDep,
    renderer: RendererDep,
) -> Response:
    form = await csrf_form(request, session)
    base = _base_record(instance, "flows", flow_id, form)
    etag = form.text("etag")
    if form.text("action").startswith("delete"):
        op: Operation = DeleteFlow(flow_id, etag)
        record = base
    else:
        record = flow_record(base, form)
        op = UpdateFlow(flow_id, record, etag)
    editing = Editing(request, renderer, instance, session, "flows", flow_id, record, etag)
    return _submit(editing, form, op)


# --- history and undo ---------------------------------------------------------------------


@router.get("/historik")
async def history(
    request: Request, instance: InstanceDep, session: SessionDep, renderer: RendererDep
) -> Response:
    provider = request.query_params.get("mottagning") or None
    entries = instance.history(provider, limit=100)
    context = {"session": session, "entries": entries, "provider": provider}
    return renderer.respond(request, admin_page("history.html", context, "Historik"))


@router.get("/andring/{revision}")
async def change(
    request: Request,
    revision: str,
    instance: InstanceDep,
    session: SessionDep,
    renderer: RendererDep,
) -> Response:
    found = instance.change(revision[:40])
    context = {
        "session": session,
        "change": found,
        "preview": None,
        "problems": [],
        "saved": request.query_params.get("sparat", ""),
    }
    return renderer.respond(request, admin_page("change.html", context, "Ändring"))


@router.post("/andring/{revision}")
async def undo(
    request: Request,
    revision: str,
    instance: InstanceDep,
    session: SessionDep,
    renderer: RendererDep,
) -> Response:
    form = await csrf_form(request, session)
    found = instance.change(revision[:40])
    context: dict[str, Any] = {
        "session": session,
        "change": found,
        "preview": None,
        "problems": [],
        "saved": "",
    }
    try:
        if form.text("action") == "save":
            saved = instance.revert(revision[:40], session.user, form.text("message")[:500] or None)
            return RedirectResponse(
                f"/admin/andring/{quote(saved.commit or revision)}?sparat=1", status_code=303
            )
        context["preview"] = instance.preview_revert(revision[:40], session.user)
    except (Conflict, Forbidden, RegistryInvalid) as exc:
        context["problems"] = [str(exc)]
        return renderer.respond(request, admin_page("change.html", context, "Ändring", 409))
    return renderer.respond(request, admin_page("change.html", context, "Ändring"))


# --- data quality -------------------------------------------------------------------------


@router.get("/granskning")
async def review(
    request: Request, instance: InstanceDep, session: SessionDep, renderer: RendererDep
) -> Response:
    registry = instance.registry()
    code = request.query_params.get("kod", "")
    findings = [f for f in audit(registry) if not code or f.code == code]
    codes = sorted({f.code for f in audit(registry)})
    context = {
        "session": session,
        "findings": findings[:500],
        "total": len(findings),
        "codes": codes,
        "code": code,
        "providers": registry.providers,
        "flows": registry.flows,
        "reports": instance.reports.open(),  # error reports from the public (app.reports)
    }
    return renderer.respond(request, admin_page("review.html", context, "Granskning"))
