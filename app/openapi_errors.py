"""What the API answers: every status an operation can return, with the error body.

FastAPI documents 200/201 and 422 only. The other answers come from the one error path
(`app.errors`), the auth dependencies and the middleware, so they are added here to the
generated schema, operation by operation, from what each kind of operation can meet:

- every operation with parameters: 422 (a parameter the API refuses);
- a public read with a path id or an `area`, `from`, `to` or `kind` it resolves: 404;
- the admin API: 401 (no valid token) and 403 (outside the caller's areas, or a
  read-only server); 404 for a record or change by id; writes also 409 (exists, or
  changed since, for a revert), 413 (body too large), 422 (the registry refuses the
  record), 429 (too many changes by the account) and 503 (the change could not be saved,
  nothing changed); writes with If-Match 412 (stale) and 428 (missing);
- an operation with answers of its own says them in `OWN`: a replica's notify answers
  404 on a server that follows no primary, 403 when no notify token is set, 401.

Every error body is `{"detail": ...}` (CONTRACT.md); 412 adds `current_etag`.
"""

from __future__ import annotations

import re
from typing import Any

from fastapi import FastAPI, Request

ERROR = "Error"
ERROR_SCHEMA: dict[str, Any] = {
    "title": ERROR,
    "type": "object",
    "required": ["detail"],
    "properties": {
        "detail": {
            "title": "Detail",
            "description": "What was wrong: a sentence, or a list or object naming fields",
            "anyOf": [{"type": "string"}, {"type": "array", "items": {}}, {"type": "object"}],
        },
        "current_etag": {"anyOf": [{"type": "string"}, {"type": "null"}]},
    },
}
DESCRIPTIONS = {
    400: "The body could not be read as JSON",
    401: "No valid personal token (Authorization: Bearer …)",
    403: "Not allowed: outside the caller's areas, or a read-only server",
    404: "The id, area or kind is not known",
    409: "Conflicts with the registry as it is now (exists, or changed since)",
    412: "The record changed since it was read (stale If-Match); reload it",
    413: "The request body is too large",
    422: "A parameter or the record was refused; `detail` names it and why",
    428: "If-Match is required: send the ETag from your last read",
    429: "Too many changes by this account; see Retry-After",
    503: "The change could not be saved (disk, read-only instance, git); nothing changed",
}
# Operations whose error answers are their own, not those of their kind, with what each
# status means there: notify has no body and no record (`app.routers.follow`).
OWN: dict[tuple[str, str], dict[int, str]] = {
    ("/api/v1/admin/notify", "post"): {
        401: "No valid notify token (Authorization: Bearer, VARDKEDJAN_NOTIFY_TOKEN)",
        403: "Notify is not configured on this replica (no VARDKEDJAN_NOTIFY_TOKEN)",
        404: "This server is not a replica: it follows no primary",
    },
}
RESOLVED = {"area", "from", "to", "kind"}
WRITES = {"post", "put", "delete", "patch"}


def statuses(path: str, method: str, operation: dict[str, Any]) -> set[int]:
    """The error statuses one operation can answer."""
    params = operation.get("parameters", [])
    names = {p.get("name") for p in params}
    by_id = "{" in path
    found: set[int] = {422} if params or "requestBody" in operation else set()
    own = OWN.get((path, method))
    if own is not None:
        return found | set(own)
    if "requestBody" in operation:
        found.add(400)  # a body that is not JSON at all
    if not path.startswith("/api/v1/admin"):
        if by_id or names & RESOLVED:
            found.add(404)
        return found
    found |= {401, 403}
    if by_id:
        found.add(404)
    if method in WRITES:
        found |= {409, 413, 422, 429, 503}
        if method in ("put", "delete"):
            found |= {412, 428}
    return found


def document(schema: dict[str, Any]) -> None:
    """Add the error answers to a generated OpenAPI schema, in place."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components[ERROR] = ERROR_SCHEMA
    reference = {"$ref": f"#/components/schemas/{ERROR}"}
    for path, methods in schema.get("paths", {}).items():
        for method, operation in methods.items():
            responses = operation.setdefault("responses", {})
            for status in sorted(statuses(path, method, operation)):
                if str(status) in responses:
                    continue
                content = {"application/json": {"schema": reference}}
                described = OWN.get((path, method), DESCRIPTIONS).get(status, DESCRIPTIONS[status])
                responses[str(status)] = {"description": described, "content": content}


def install(app: FastAPI) -> None:
    """Serve the documented schema at /openapi.json (built once, on first request)."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document(generate())
        assert app.openapi_schema is not None
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def allowed_methods(request: Request) -> str:
    """Every method the API documents at this path, for a 405's Allow header.

    Starlette names only the first route whose path matches; the API has separate
    routes for GET, PUT and DELETE of one record, and the Allow header must list all.
    """
    table: list[tuple[re.Pattern[str], set[str]]] | None = getattr(
        request.app.state, "allow_table", None
    )
    if table is None:
        table = []
        for path, methods in request.app.openapi().get("paths", {}).items():
            template = re.sub(r"\\{[^}]+\\}", "[^/]+", re.escape(path))
            table.append((re.compile(f"^{template}$"), {m.upper() for m in methods}))
        request.app.state.allow_table = table
    found: set[str] = set()
    for compiled, verbs in table:
        if compiled.match(request.url.path):
            found |= verbs
    return ", ".join(sorted(found))
