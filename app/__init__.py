"""The FastAPI service over `pathways`: settings, dependencies, routers, rendering.

Thin by design: the routers in `app.routers` read a request, ask `pathways`, and hand
one page's data to `app.rendering` (HTML or JSON); errors take one path (`app.errors`).
"""
