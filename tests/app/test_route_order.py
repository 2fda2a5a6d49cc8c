"""The route order of `app.factory` changes no request's route.

Routes are matched in order, so `create_app` puts what is asked most first: `/healthz`,
the API, then the pages of every language, then the standards and the administration.
That is only safe while no request path could match a route of two groups whose order
was changed: checked here for every route, its path filled in with sample values.
"""

from __future__ import annotations

import re
from itertools import product

from fastapi import APIRouter
from starlette.routing import compile_path

from app import factory
from app.i18n import LOCALE_DIR, load_languages

Group = list[tuple[str, frozenset[str]]]  # (path, methods) of each route


def group(router: APIRouter, prefix: str = "") -> Group:
    out = []
    for route in router.routes:
        path = getattr(route, "path", None)
        if isinstance(path, str):
            out.append((prefix + path, frozenset(getattr(route, "methods", None) or {"GET"})))
    return out


def sample(path: str) -> str:
    """The path with a value in each parameter ({rest:path} gets two segments)."""
    return re.sub(r"\{[^}]+\}", "x1", path).replace("x1:path", "x1/y2")


def clash(first: Group, second: Group) -> list[tuple[str, str]]:
    """Routes of the two groups that one request could reach in both."""
    found = []
    for (a, am), (b, bm) in product(first, second):
        if not am & bm:
            continue
        ra, rb = compile_path(a)[0], compile_path(b)[0]
        if ra.match(sample(b)) or rb.match(sample(a)):
            found.append((a, b))
    return found


def test_the_pages_and_the_routers_they_now_precede_share_no_path() -> None:
    pages = [
        route
        for lang in load_languages(LOCALE_DIR).values()
        for router in (
            factory.pages_router,
            factory.proffs_router,
            factory.karta_router,
            factory.youth_router,
            factory.reports_router,
        )
        for route in group(router, lang.prefix)
    ]
    assert len(pages) > 20
    later = [
        factory.hsds.router,
        factory.fhir.router,
        factory.admin_api_router,
        factory.follow_router,
        factory.session_router,
        factory.users_router,
        factory.admin_router,
        factory.reports_admin_router,
    ]
    for router in later:
        assert clash(pages, group(router)) == [], router.prefix
    health: Group = [("/healthz", frozenset({"GET"}))]
    for router in [factory.api_router, *later]:
        assert clash(health, group(router)) == []
    assert clash(health, pages) == []


def test_a_clash_is_seen() -> None:
    """The check itself: a catch-all page would shadow the administration."""
    catch_all: Group = [("/{slug}", frozenset({"GET"}))]
    assert clash(catch_all, group(factory.admin_router)) != []
