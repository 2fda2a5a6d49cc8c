"""Admin pages: find a provider, edit it, its flows or a forum with a preview, history, undo.

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

from app.admin_forms import FormValues, field_errors
from app.admin_list import Search, find, page_of
from app.admin_sections import PROVIDERS, SECTIONS, Section
from app.admin_views import (
    admin_page,
    conflict_sentence,
    csrf_form,
    forbidden_sentence,
    rate_sentence,
    unavailable_sentence,
)
from app.auth import Session
from app.deps import AdminDep, AdminRequest, InstanceDep, RendererDep, SessionDep
from pathways.errors import (
    Conflict,
    Forbidden,
    NotFound,
    PreconditionFailed,
    RateLimited,
    RegistryInvalid,
    Unavailable,
)
from pathways.models import ForumLevel, Provider
from pathways.queries.audit import audit
from pathways.registry import Registry
from pathways.store.access import can_edit
from pathways.store.edits import Operation
from pathways.store.live import Instance
from pathways.vocab import Access, Confidentiality, Cost, Kind, Level, Mechanism, Need, Principal

router = APIRouter(prefix="/admin", include_in_schema=False)


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
        "forum_levels": list(ForumLevel),
        "providers": sorted(registry.active(), key=lambda p: p.name),
    }


# --- finding a provider -------------------------------------------------------------------


@router.get("")
async def index(
    request: Request, instance: InstanceDep, session: SessionDep, renderer: RendererDep
) -> Response:
    """Find a provider: search by name, id, kind or area, one bounded page at a time."""
    registry = instance.registry()
    search = Search.of(request.query_params)
    paged = page_of(find(registry, search), search)
    rows = [(p, can_edit(session.user, p, registry)) for p in paged.rows]
    context = {
        "session": session,
        "rows": rows,
        "paged": paged,
        "total": paged.total,
        "q": search.q,
        "area": search.area,
        "kind": search.kind,
        "saved": request.query_params.get("sparat", ""),
        **_choices(instance),
    }
    return renderer.respond(request, admin_page("index.html", context, "Administrera registret"))


# --- providers, flows and forums: one set of handlers, one descriptor each ------------------


def _section_routes(section: Section) -> None:
    """Register the four handlers for a section: new form, edit form, create, save."""
    base = f"/{section.slug}"

    async def new(admin: AdminDep) -> Response:
        record = section.blank(admin.request.query_params)
        return Editing(admin, section, None, record, "").page()

    async def edit(ident: str, admin: AdminDep) -> Response:
        versioned = admin.instance.record(section.name, ident)
        editing = Editing(admin, section, ident, versioned.record, versioned.etag)
        editing.saved = admin.request.query_params.get("sparat", "")
        return editing.page()

    async def create(admin: AdminDep) -> Response:
        form = await csrf_form(admin.request, admin.session)
        record = section.from_form({}, form)
        return _submit(Editing(admin, section, None, record, ""), form, section.create(record))

    async def save(ident: str, admin: AdminDep) -> Response:
        form = await csrf_form(admin.request, admin.session)
        before = _base_record(admin.instance, section.name, ident)
        etag = form.text("etag")
        if form.text("action").startswith(section.remove_action):
            op = section.remove(ident, etag, form.flag("remove_references"))
            record = section.retired(before)
        else:
            record = section.from_form(before, form)
            op = section.update(ident, record, etag)
        return _submit(Editing(admin, section, ident, record, etag), form, op)

    router.add_api_route(f"{base}/ny", new, methods=["GET"])
    router.add_api_route(f"{base}/{{ident}}", edit, methods=["GET"])
    router.add_api_route(f"{base}/ny", create, methods=["POST"])
    router.add_api_route(f"{base}/{{ident}}", save, methods=["POST"])


@dataclass
class Editing:
    """One edit form on its way back to the browser: which record, and how it went."""

    admin: AdminRequest
    section: Section
    ident: str | None  # None while creating
    record: dict[str, Any]
    etag: str
    status: int = 200
    errors: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    preview: Any = None
    message: str = ""
    saved: str = ""

    @property
    def instance(self) -> Instance:
        return self.admin.instance

    @property
    def session(self) -> Session:
        return self.admin.session

    def page(self) -> Response:
        registry = self.instance.registry()
        section = self.section
        context: dict[str, Any] = {
            "session": self.session,
            "section": section.name,
            "record": self.record,
            "etag": self.etag,
            "errors": self.errors,
            "problems": self.problems,
            "preview": self.preview,
            "message": self.message,
            "saved": self.saved,
            section.param: self.ident,
            "editable": self._editable(registry),
            **_choices(self.instance),
        }
        if section is PROVIDERS:
            provider = registry.providers.get(self.ident or "")
            context["flows_out"] = _flows(self.instance, provider, "out")
            context["flows_in"] = _flows(self.instance, provider, "in")
        title = section.edit_title(self.record, self.ident) if self.ident else section.new_title
        page = admin_page(section.template, context, title, self.status)
        return self.admin.renderer.respond(self.admin.request, page)

    def _editable(self, registry: Registry) -> bool:
        """Whether the signed-in user may change the record as it is saved now."""
        saved = _base_record(self.instance, self.section.name, self.ident) if self.ident else {}
        return not saved or self.section.editable(self.session.user, saved, registry)


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


def _base_record(instance: Instance, section: str, ident: str) -> dict[str, Any]:
    """The record as it was when the form was opened: fields the form does not show stay."""
    try:
        return dict(instance.record(section, ident).record)
    except NotFound:
        return {}


STALE = (
    "Någon annan har ändrat posten medan du redigerade. Öppna den igen och gör "
    "din ändring på nytt; inget har sparats."
)


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
        editing.errors, editing.problems = field_errors(exc, ident, editing.section.name)
        return _refused(editing, 422, editing.problems)
    except PreconditionFailed:
        return _refused(editing, 412, STALE)
    except Forbidden as exc:
        return _refused(editing, 403, forbidden_sentence(exc, editing.session.user.areas))
    except Conflict as exc:
        return _refused(editing, 409, conflict_sentence(exc))
    except RateLimited as exc:
        return _refused(editing, 429, rate_sentence(exc))
    except Unavailable as exc:
        return _refused(editing, 503, unavailable_sentence(exc))
    commit = quote(saved.commit or "")
    section = editing.section
    if section.removes_record and action.startswith(section.remove_action):
        return RedirectResponse(f"/admin?sparat={commit}", status_code=303)
    target = quote(str(editing.record.get("id") or editing.ident))
    return RedirectResponse(f"/admin/{section.slug}/{target}?sparat={commit}", status_code=303)


def _refused(editing: Editing, status: int, problems: str | list[str]) -> Response:
    editing.status = status
    editing.problems = [problems] if isinstance(problems, str) else problems
    return editing.page()


@router.get("/forum")
async def forums(
    request: Request, instance: InstanceDep, session: SessionDep, renderer: RendererDep
) -> Response:
    """Every collaboration forum, to open one for editing."""
    registry = instance.registry()
    rows = [
        (f, can_edit(session.user, f.model_dump(mode="json"), registry))
        for f in registry.forums.values()
    ]
    context = {"session": session, "rows": rows, "saved": request.query_params.get("sparat", "")}
    return renderer.respond(request, admin_page("forums.html", context, "Samverkansforum"))


for _section in SECTIONS:
    _section_routes(_section)


# --- history and undo ---------------------------------------------------------------------


@router.get("/historik")
async def history(
    request: Request, instance: InstanceDep, session: SessionDep, renderer: RendererDep
) -> Response:
    provider = request.query_params.get("mottagning") or None
    forum = request.query_params.get("forum") or None
    entries = instance.history(provider, forum_id=forum, limit=100)
    context = {"session": session, "entries": entries, "provider": provider or forum}
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
    except Forbidden as exc:
        context["problems"] = [forbidden_sentence(exc, session.user.areas)]
        return renderer.respond(request, admin_page("change.html", context, "Ändring", 403))
    except Conflict as exc:
        context["problems"] = [conflict_sentence(exc)]
        return renderer.respond(request, admin_page("change.html", context, "Ändring", 409))
    except RegistryInvalid as exc:
        context["problems"] = field_errors(exc, "", "providers")[1]
        return renderer.respond(request, admin_page("change.html", context, "Ändring", 409))
    return renderer.respond(request, admin_page("change.html", context, "Ändring"))


# --- data quality -------------------------------------------------------------------------


@router.get("/granskning")
def review(
    request: Request, instance: InstanceDep, session: SessionDep, renderer: RendererDep
) -> Response:
    """The audit's findings. A plain `def`, run in the threadpool: the first audit of a
    national registry after an edit takes a few tenths of a second, which on the event
    loop would stall every read of the worker meanwhile."""
    registry = instance.registry()
    code = request.query_params.get("kod", "")
    every = audit(registry)
    findings = [f for f in every if not code or f.code == code]
    codes = sorted({f.code for f in every})
    context = {
        "session": session,
        "findings": findings[:500],
        "total": len(findings),
        "codes": codes,
        "code": code,
        "providers": registry.providers,
        "flows": registry.flows,
        "reports": instance.reports.open(),  # error reports from the public (app.routers.reports)
    }
    return renderer.respond(request, admin_page("review.html", context, "Granskning"))
