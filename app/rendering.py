"""One page function, two outputs: a page's data as HTML in the asker's language, or JSON.

Every page is built once from `pathways` queries into a `Page`; `respond` renders the
template or, for `?format=json`, returns the page's data (STYLE.md #2). Pages carry a
Content-Security-Policy that forbids anything from another origin and any script.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from babel import Locale, UnknownLocaleError
from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape
from pydantic import BaseModel

from app.admin_forms import chosen, display
from app.admin_labels import labels_for_templates
from app.i18n import SOURCE, Language
from app.paths import TEMPLATES
from pathways.messages import Msg, Text, render
from pathways.queries.sentences import helps_text
from pathways.queries.sources import source_label
from pathways.question import ASKER_LABELS
from pathways.vocab import (
    KIND_LABELS,
    LEVEL_LABELS,
    MECHANISM_LABELS,
    NEED_LABELS,
    PRINCIPAL_LABELS,
)

# No script at all, styles and images only from this origin, forms only to this origin.
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
PAGE_HEADERS = {
    "Content-Security-Policy": CSP,
    "Permissions-Policy": "interest-cohort=(), browsing-topics=()",
    "X-Frame-Options": "DENY",
}

JsonData = BaseModel | Mapping[str, Any]
Context = dict[str, Any]


@dataclass
class Page:
    """What a page shows: its template, the values it needs, and its JSON twin.

    A page function asks `pathways` once and gives both outputs from that answer. Either
    may be given as a function of no arguments: it is then built only when it is sent,
    so a JSON request never renders the page's choices or its SVG, and an HTML request
    never serialises the JSON twin (STYLE.md #2).
    """

    template: str
    context: Context | Callable[[], Context]
    data: JsonData | Callable[[], JsonData]
    status: int = 200
    private: bool = False  # echoes a child's situation: no cache may keep it
    title: Text = ""
    headers: dict[str, str] = field(default_factory=dict)


class Renderer:
    """One Jinja environment per language, each with its own gettext catalogue."""

    def __init__(self, languages: Mapping[str, Language]) -> None:
        self.languages = dict(languages)
        self.envs = {code: self._env(lang) for code, lang in self.languages.items()}

    def _env(self, lang: Language) -> Environment:
        env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=select_autoescape(["html", "svg"], default_for_string=True),
            extensions=["jinja2.ext.i18n"],
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            # Templates are part of the release: no stat of every template file on
            # every page (Jinja's default), a restart picks up a new one.
            auto_reload=False,
        )
        env.install_gettext_translations(lang.translations, newstyle=True)  # type: ignore[attr-defined]
        env.globals.update(
            lang=lang,
            t=text_renderer(lang),
            plain=lambda text: render(text, lang.gettext) if text is not None else "",
            need_label=_labeller(lang, NEED_LABELS),
            kind_label=_labeller(lang, KIND_LABELS),
            level_label=_labeller(lang, LEVEL_LABELS),
            mechanism_label=_labeller(lang, MECHANISM_LABELS),
            principal_label=_labeller(lang, PRINCIPAL_LABELS),
            asker_label=_labeller(lang, ASKER_LABELS),
            helps_text=helps_text,
        )
        env.filters["with_param"] = with_param
        env.filters["source_label"] = source_label
        env.filters["gettext"] = lang.gettext
        env.filters["zip"] = lambda first, second: list(zip(first, second, strict=False))
        env.filters["need_label_of"] = env.globals["need_label"]
        env.globals.update(display=display, chosen=chosen, **labels_for_templates())
        env.filters["language_name"] = _language_namer(lang)
        return env

    def language_of(self, request: Request) -> Language:
        """The language is the first path segment (/en/...), Swedish otherwise."""
        head = request.url.path.lstrip("/").split("/", 1)[0]
        if head != SOURCE and head in self.languages:
            return self.languages[head]
        return self.languages[SOURCE]

    def respond(self, request: Request, page: Page) -> Response:
        headers = {**PAGE_HEADERS, **page.headers}
        headers["Cache-Control"] = "no-store" if page.private else "no-cache"
        if request.query_params.get("format") == "json":
            data = page.data() if callable(page.data) else page.data
            body = (
                data.model_dump_json(by_alias=True) if isinstance(data, BaseModel) else _dump(data)
            )
            return Response(
                body, status_code=page.status, media_type="application/json", headers=headers
            )
        lang = self.language_of(request)
        html = (
            self.envs[lang.code]
            .get_template(page.template)
            .render(
                page.context() if callable(page.context) else page.context,
                page=page,
                here=_here(request, lang, self.languages),
            )
        )
        return HTMLResponse(html, status_code=page.status, headers=headers)


def _dump(data: Mapping[str, Any]) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, default=str)


def text_renderer(lang: Language) -> Callable[[Text | None], Markup | str]:
    """Our sentences are translated; registry text (a str) is shown as written and, on a
    page in another language, marked as Swedish so screen readers pronounce it right."""

    def t(text: Text | None) -> Markup | str:
        if text is None:
            return ""
        if isinstance(text, Msg):
            return render(text, lang.gettext)
        if lang.code == SOURCE:
            return text
        return Markup('<span lang="sv">{}</span>').format(escape(text))

    return t


def with_param(params: Mapping[str, Any], key: str, value: Any) -> dict[str, Any]:
    """The same query with one parameter changed (a link to a nearer district)."""
    return {**params, key: value}


def _language_namer(lang: Language) -> Callable[[str], str]:
    def name(code: str) -> str:
        try:
            return Locale.parse(code).get_display_name(lang.code) or code
        except (UnknownLocaleError, ValueError):
            return code

    return name


def _labeller(lang: Language, labels: Mapping[Any, str]) -> Callable[[Any], str]:
    def label(key: Any) -> str:
        return lang.gettext(labels[key])

    return label


@dataclass(frozen=True)
class Here:
    """Where the page is, for links: the same page in JSON and in the other languages."""

    path: str  # without the language prefix
    query: str
    lang: Language
    alternates: tuple[tuple[Language, str], ...]

    def url(self, path: str, params: Mapping[str, Any] | None = None) -> str:
        """A link inside the asker's language."""
        query = f"?{urlencode(params, doseq=True)}" if params else ""
        return f"{self.lang.prefix}{path}{query}"

    @property
    def json_url(self) -> str:
        glue = "&" if self.query else ""
        return f"{self.lang.prefix}{self.path}?{self.query}{glue}format=json"


def _here(request: Request, lang: Language, languages: Mapping[str, Language]) -> Here:
    path = request.url.path
    if lang.prefix and path.startswith(lang.prefix):
        path = path[len(lang.prefix) :] or "/"
    query = request.url.query
    suffix = f"?{query}" if query else ""
    alternates = tuple(
        (other, f"{other.prefix}{path}{suffix}")
        for other in languages.values()
        if other.code != lang.code
    )
    return Here(path, query, lang, alternates)
