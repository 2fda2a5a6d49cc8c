"""Building, beside the first requests, what would otherwise be built by them.

Since FastAPI 0.137 an included router's routes are made on the first request that walks
into it: each route's dependencies, parameters and body are analysed and their pydantic
validators built then. In a serving worker that was 50-150 ms on the event loop for the
first request into each router (the first admin PUT held every read of its worker for
that long: the slowest read beside edits, `bench/scale.py`). Jinja compiles a template
the first time it renders one (about 6 ms each, in each language). Some modules are
imported by their first use: the FHIR models (0.1-0.2 s, `fhir_search.rehearse`) and
anyio's asyncio backend, which anyio loads when a request first runs a function in a
thread (an admin edit; 50 ms seen on a worker's loop while edits were measured).

`start(app)` builds the routes at once, before the server listens (about 50 ms: every
request needs them, and a request waiting on FastAPI's lock of a router another thread
was building took 120 ms), then compiles the templates and imports those modules in a
daemon thread, so the first visitor of a page does not wait either. A page asked for
first is compiled by its request, as before (a template compiled twice is the same
template), and a module being imported is waited for, as it always was. What is built
stays for the life of the process, so it is moved out of the cyclic collector's sight
when done, and what compiling freed is handed back to the system. The templates add
under 1 MB to a national server's resident memory; the FHIR models about 5 MB, which
every worker that answers a FHIR request holds anyway.
"""

from __future__ import annotations

import gc
import importlib
import logging
import threading
from collections.abc import Callable
from typing import TypeVar

import fastapi.routing
from fastapi import FastAPI

from app.deps import registry_of
from app.rendering import Renderer
from pathways.standards import fhir_search
from pathways.store.reloading import give_back_memory

log = logging.getLogger("vardkedjan.warmup")
BACKENDS = ("anyio._backends._asyncio",)  # loaded by name on anyio's first use
T = TypeVar("T")


def routes(app: FastAPI) -> int:
    """Build every route of every included router; the number of routes."""
    walk = getattr(fastapi.routing, "iter_route_contexts", None)
    if walk is None:  # a FastAPI that builds included routes when they are included
        return len(app.routes)
    return sum(1 for _ in walk(app.routes))


def templates(renderer: Renderer) -> int:
    """Compile every template in every language; the number compiled."""
    count = 0
    for env in renderer.envs.values():
        for name in env.list_templates(extensions=("html", "svg")):
            env.get_template(name)
            count += 1
    return count


def modules(app: FastAPI) -> int:
    """Import what requests would import on first use: anyio's backend, and the FHIR
    models, by making a few resources (`fhir_search.rehearse`); how many were made."""
    for name in BACKENDS:
        importlib.import_module(name)
    return len(BACKENDS) + fhir_search.rehearse(registry_of(app))


def warm(app: FastAPI, *, freeze: bool = False) -> None:
    """Build the routes and templates, and import the modules, now; `freeze` (a serving
    process) then moves them out of the cyclic collector's sight."""
    _guarded(routes, app)
    _compile(app, freeze=freeze)


def start(app: FastAPI, *, freeze: bool = True) -> threading.Thread:
    """Build the routes of `app` now and compile its templates in a daemon thread."""
    _guarded(routes, app)
    thread = threading.Thread(
        target=_compile, args=(app,), kwargs={"freeze": freeze}, name="warm-up", daemon=True
    )
    thread.start()
    return thread


def _compile(app: FastAPI, *, freeze: bool) -> None:
    _guarded(templates, app.state.renderer)
    _guarded(modules, app)
    if freeze:
        gc.freeze()
    give_back_memory()  # what compiling used and freed


def _guarded(step: Callable[[T], int], target: T) -> None:
    """Never fatal: whatever a step leaves unbuilt is built on first use."""
    try:
        log.debug("warm-up: %s built %d", step.__name__, step(target))
    except Exception:
        log.exception("warm-up: %s stopped; the rest is built on first use", step.__name__)
