"""The admin JSON API: read and change providers, flows and forums with ETags and scope.

Reads send an `ETag`; every write needs `If-Match` with it (428 without, 412 when the record
changed since: nothing is lost, the client reloads). 401 without a valid personal token,
403 outside the caller's areas, 422 with field errors for an edit the registry refuses:
the same validation as the loader's. Every answer is `Cache-Control: no-store`.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Body, Header, Query
from fastapi.responses import JSONResponse, Response

from app.admin_sections import SECTIONS, Section
from app.deps import ApiUserDep, InstanceDep
from pathways.errors import NotFound, PreconditionRequired
from pathways.store.live import Instance
from pathways.store.versions import ChangeDiff, Saved

router = APIRouter(prefix="/api/v1/admin", tags=["admin"])
NO_STORE = {"Cache-Control": "no-store"}

Record = Annotated[dict[str, Any], Body(description="The whole record, in the YAML shape")]
IfMatch = Annotated[str | None, Header(description="The ETag from the last read")]
Message = Annotated[str | None, Query(max_length=500, description="Why: the change message")]


def _etag_from(if_match: str | None) -> str:
    if not if_match or not if_match.strip():
        raise PreconditionRequired
    value = if_match.strip()
    if value.startswith("W/"):
        value = value[2:]
    return value.strip('"')


def _record(instance: Instance, section: str, ident: str, status: int = 200) -> Response:
    versioned = instance.record(section, ident)
    return JSONResponse(
        versioned.record,
        status_code=status,
        headers={"ETag": f'"{versioned.etag}"', **NO_STORE},
    )


def _saved(
    instance: Instance, section: str, ident: str, saved: Saved, status: int = 200
) -> Response:
    body: dict[str, Any] = {
        "commit": saved.commit,
        "summary": saved.summary,
        "changes": diff_out(saved.diff),
    }
    headers = {**NO_STORE}
    try:
        versioned = instance.record(section, ident)
    except NotFound:  # a deleted flow
        return JSONResponse(body, status_code=status, headers=headers)
    body["record"] = versioned.record
    headers["ETag"] = f'"{versioned.etag}"'
    if status == 201:
        headers["Location"] = f"/api/v1/admin/{section}/{ident}"
    return JSONResponse(body, status_code=status, headers=headers)


def diff_out(diff: ChangeDiff) -> list[dict[str, Any]]:
    return [
        {
            "section": change.section,
            "id": change.id,
            "action": change.action,
            "fields": [
                {"field": f.field, "before": f.before, "after": f.after} for f in change.fields
            ],
        }
        for change in diff.records
    ]


# --- providers, flows and forums: one set of handlers, one descriptor each ----------------


def _named_id(handler: Callable[..., Response], param: str) -> Callable[..., Response]:
    """The handler with its `ident` parameter named as the path names it (`provider_id`).

    The paths and the OpenAPI document keep the names they always had, while one function
    serves every section.
    """
    signature = inspect.signature(handler, eval_str=True)
    renamed = [
        p.replace(name=param) if p.name == "ident" else p for p in signature.parameters.values()
    ]

    @functools.wraps(handler)
    def wrapper(**kwargs: Any) -> Response:
        kwargs["ident"] = kwargs.pop(param)
        return handler(**kwargs)

    wrapper.__signature__ = signature.replace(parameters=renamed)  # type: ignore[attr-defined]
    return wrapper


def _section_routes(section: Section) -> None:
    """Register read, replace, remove and create for one section of the registry."""
    one = f"/{section.name}/{{{section.param}}}"

    def read(instance: InstanceDep, user: ApiUserDep, ident: str) -> Response:
        return _record(instance, section.name, ident)

    def replace(
        instance: InstanceDep,
        user: ApiUserDep,
        ident: str,
        record: Record,
        if_match: IfMatch = None,
        message: Message = None,
    ) -> Response:
        op = section.update(ident, record, _etag_from(if_match))
        return _saved(instance, section.name, ident, instance.apply(op, user, message))

    def remove(
        instance: InstanceDep,
        user: ApiUserDep,
        ident: str,
        if_match: IfMatch = None,
        message: Message = None,
        remove_references: bool = False,
    ) -> Response:
        """Retire a provider (never erased: it stays in history); remove a flow or forum."""
        op = section.remove(ident, _etag_from(if_match), remove_references)
        return _saved(instance, section.name, ident, instance.apply(op, user, message))

    def create(
        instance: InstanceDep, user: ApiUserDep, record: Record, message: Message = None
    ) -> Response:
        saved = instance.apply(section.create(record), user, message)
        return _saved(instance, section.name, str(record.get("id", "")), saved, status=201)

    noun = section.param.removesuffix("_id")
    for method, handler, verb in (("GET", read, "get"), ("PUT", replace, "put")):
        router.add_api_route(
            one, _named_id(handler, section.param), methods=[method], name=f"{verb}_{noun}"
        )
    verb = "retire" if section.remove_action == "retire" else "delete"
    router.add_api_route(
        one, _named_id(remove, section.param), methods=["DELETE"], name=f"{verb}_{noun}"
    )
    router.add_api_route(
        f"/{section.name}", create, methods=["POST"], status_code=201, name=f"create_{noun}"
    )


for _section in SECTIONS:
    _section_routes(_section)


# --- history -----------------------------------------------------------------------------


@router.get("/history")
def history(
    instance: InstanceDep,
    user: ApiUserDep,
    provider: Annotated[str | None, Query(max_length=80)] = None,
    flow: Annotated[str | None, Query(max_length=80)] = None,
    forum: Annotated[str | None, Query(max_length=80)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> Response:
    entries = instance.history(provider, flow_id=flow, forum_id=forum, limit=limit)
    body = {
        "history": [
            {
                "commit": e.commit,
                "author": e.author,
                "time": e.time,
                "message": e.message,
                "providers": list(e.providers),
                "flows": list(e.flows),
                "forums": list(e.touched.get("forums", ())),
            }
            for e in entries
        ]
    }
    return JSONResponse(body, headers=NO_STORE)


@router.get("/history/{revision}")
def change(instance: InstanceDep, user: ApiUserDep, revision: str) -> Response:
    found = instance.change(revision)
    body = {
        "commit": found.entry.commit,
        "author": found.entry.author,
        "time": found.entry.time,
        "message": found.entry.message,
        "changes": diff_out(found.diff),
    }
    return JSONResponse(body, headers=NO_STORE)


@router.post("/history/{revision}/revert")
def revert(
    instance: InstanceDep, user: ApiUserDep, revision: str, message: Message = None
) -> Response:
    saved = instance.revert(revision, user, message)
    body = {"commit": saved.commit, "summary": saved.summary, "changes": diff_out(saved.diff)}
    return JSONResponse(body, headers=NO_STORE)
