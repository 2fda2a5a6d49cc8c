"""Pages for professionals: referral routes, the duty to report, the SIP helper.

Same standards as the public pages (plain words, no script, a JSON twin, both
languages). Nothing about a child is stored: the questions are GET forms that echo back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from app import schemas, schemas_proffs
from app.deps import RegistryDep
from app.forms import suggest_areas
from app.pages import RendererDep, area_groups
from app.rendering import Page
from pathways.errors import InvalidQuery, NotFound
from pathways.guidance import (
    AFTER_REPORT,
    DUTY_SOURCES,
    DUTY_TO_REPORT,
    INCLUDE,
    REPORT_CHECKLIST,
    REQUIREMENTS,
    WHO_ACTS,
)
from pathways.models import Area, Provider
from pathways.msg import Msg
from pathways.registry import Registry
from pathways.routes import Route, Step, also_called, routes
from pathways.sip import sip
from pathways.vocab import Kind, Mechanism, Need

router = APIRouter(prefix="/proffs", include_in_schema=False)
MAX_AGE = 25


@router.get("")
async def index(request: Request, renderer: RendererDep) -> Response:
    data = {
        "pages": ["/proffs/remissvagar", "/proffs/orosanmalan", "/proffs/sip", "/karta"],
    }
    return renderer.respond(
        request, Page("proffs/index.html", {}, data, title=Msg("För yrkespersoner"))
    )


class Question:
    """The parameters shared by the professional forms, read leniently, checked strictly."""

    def __init__(self, request: Request, registry: Registry) -> None:
        params = request.query_params
        self.area_text = params.get("area", "").strip()[:100]
        self.age_text = params.get("age", "").strip()[:3]
        self.needs_text = [n for n in dict.fromkeys(params.getlist("need")) if n]
        self.errors: dict[str, Msg] = {}
        self.suggestions: list[Area] = []
        self.area = self._area(registry)
        self.age = self._age()
        self.needs = self._needs()

    def _area(self, registry: Registry) -> Area | None:
        if not self.area_text:
            return None
        try:
            return registry.resolve_area(self.area_text)
        except NotFound:
            self.errors["area"] = Msg(
                "Vi hittar inte {place}. Välj ett område i listan.", place=self.area_text
            )
            self.suggestions = suggest_areas(self.area_text, registry)
            return None

    def _age(self) -> int | None:
        if not self.age_text:
            return None
        if not self.age_text.isdigit() or int(self.age_text) > MAX_AGE:
            self.errors["age"] = Msg("Skriv en ålder mellan 0 och 25 år, med siffror.")
            return None
        return int(self.age_text)

    def _needs(self) -> list[Need]:
        if any(n not in Need.__members__ for n in self.needs_text):
            self.errors["need"] = Msg("Något av valen känner vi inte igen. Välj igen i listan.")
            return []
        return [Need(n) for n in self.needs_text]

    def context(self, registry: Registry) -> dict[str, Any]:
        return {
            "q": self,
            "errors": self.errors,
            "suggestions": self.suggestions,
            "area_groups": area_groups(registry),
            "need_choices": list(Need),
        }


@router.get("/remissvagar")
async def referral_routes(
    request: Request, registry: RegistryDep, renderer: RendererDep
) -> Response:
    """From my role to another, for a concrete case: the routes, step by step."""
    question = Question(request, registry)
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
    data: Any = schemas_proffs.routes_out(found, also)
    if question.errors:
        data = {"detail": _detail(question.errors)}
    page = Page("proffs/routes.html", context, data, status=status, title=Msg("Remissvägar"))
    return renderer.respond(request, page)


def _local_providers(registry: Registry, area: Area | None) -> list[Provider]:
    if area is None:
        return []
    return sorted(registry.within(area.id), key=lambda p: (p.kind, p.name))


def _detail(errors: dict[str, Msg]) -> list[dict[str, Any]]:
    return [
        {"loc": ["query", name], "msg": message.render(), "type": "value_error"}
        for name, message in errors.items()
    ]


@router.get("/orosanmalan")
async def duty_to_report(
    request: Request, registry: RegistryDep, renderer: RendererDep
) -> Response:
    """When the duty applies, and the social services unit that serves the area."""
    question = Question(request, registry)
    units: list[Provider] = []
    if question.area is not None:
        area_id = question.area.id
        wanted = (Kind.socialtjanst, Kind.socialjour)
        units = [p for p in registry.serving(area_id) if p.kind in wanted]
        if not any(p.kind == Kind.socialtjanst for p in units):
            # A region or a city of districts: the units of its parts, so the asker can pick.
            units = [p for p in registry.within(area_id) if p.kind in wanted]
        units.sort(key=lambda p: (p.kind != Kind.socialtjanst, p.name))
    data = {
        "area": schemas.area_ref(question.area).model_dump() if question.area else None,
        "duty": [m.render() for m in DUTY_TO_REPORT],
        "checklist": [m.render() for m in REPORT_CHECKLIST],
        "include": [m.render() for m in INCLUDE[Mechanism.orosanmalan]],
        "after": [m.render() for m in AFTER_REPORT],
        "sources": list(DUTY_SOURCES),
        "units": [schemas.summary(p).model_dump() for p in units],
    }
    context = {
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
    question = Question(request, registry)
    answer = None
    asked = bool(question.area_text or question.age_text or question.needs_text)
    if asked:
        _require(question, ("area", "age", "need"))
    if asked and not question.errors and question.area and question.age is not None:
        answer = sip(registry, area=question.area.id, age=question.age, needs=question.needs)
    groups = _grouped(answer.participants if answer else ())
    data: Any = schemas_proffs.sip_out(answer) if answer else {"detail": _detail(question.errors)}
    context = {**question.context(registry), "answer": answer, "groups": groups, "asked": asked}
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


def _require(question: Question, fields: Sequence[str]) -> None:
    missing = {
        "area": (question.area_text, Msg("Välj område.")),
        "age": (question.age_text, Msg("Skriv barnets ålder.")),
        "need": (question.needs_text, Msg("Välj minst ett behov.")),
    }
    for name in fields:
        given, message = missing[name]
        if not given and name not in question.errors:
            question.errors[name] = message


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
