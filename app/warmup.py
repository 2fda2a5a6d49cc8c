"""Building, beside the first requests, what would otherwise be built by them.

Since FastAPI 0.137 an included router's routes are made on the first request that walks
into it: each route's dependencies, parameters and body are analysed and their pydantic
validators built then. In a serving worker that was 50-150 ms on the event loop for the
first request into each router (the first admin PUT held every read of its worker for
that long: the slowest read beside edits, `bench/scale.py`). Jinja compiles a template
the first time it renders one (about 6 ms each, in each language).

`start(app)` does both in a daemon thread once the application is built, so start-up is
not longer and the first visitor of a page or an API does not wait for it. A request
that comes first builds what it needs itself, as before (FastAPI takes a lock for the
routes; a template compiled twice is the same template). What is built stays for the
life of the process, so it is moved out of the cyclic collector's sight when done, and
what compiling freed is handed back to the system: warming up added 3 MB to a national
server's resident memory, and adds under 1 MB since.
"""

from __future__ import annotations

import gc
import logging
import threading

import fastapi.routing
from fastapi import FastAPI

from app.rendering import Renderer
from pathways.store.reloading import give_back_memory

log = logging.getLogger("vardkedjan.warmup")


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


def warm(app: FastAPI, *, freeze: bool = False) -> None:
    """Build the routes and templates now; `freeze` (a serving process) then moves them
    out of the cyclic collector's sight."""
    try:
        built = routes(app)
        compiled = templates(app.state.renderer)
    except Exception:  # never fatal: whatever is not built is built on first use
        log.exception("warm-up stopped; the rest is built on first use")
        return
    if freeze:
        gc.freeze()
    give_back_memory()  # what compiling used and freed
    log.debug("warm: %d routes, %d templates", built, compiled)


def start(app: FastAPI, *, freeze: bool = True) -> threading.Thread:
    """Warm `app` in a daemon thread (see the module's doc)."""
    thread = threading.Thread(
        target=warm, args=(app,), kwargs={"freeze": freeze}, name="warm-up", daemon=True
    )
    thread.start()
    return thread
