"""The admin JSON API: read and change providers and flows with ETags, tokens and scope.

Reads send an `ETag`; every write needs `If-Match` with it (428 without, 412 when the record
changed since: nothing is lost, the client reloads). 401 without a valid personal token,
403 outside the caller's areas, 422 with field errors for an edit the registry refuses:
the same validation as the loader's. Every answer is `Cache-Control: no-store`.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, FastAPI, Header, Query, Request
from fastapi.responses import JSONResponse, Response

from app.deps import ApiUserDep, InstanceDep
from pathways.errors import NotFound
from pathways.store.edits import (
    CreateFlow,
    CreateProvider,
    DeleteFlow,
    RetireProvider,
    UpdateFlow,
    UpdateProvider,
)
from pathways.store.live import Instance, Saved
from pathways.store.versions import ChangeDiff

router = APIRouter(prefix="/api/v1/admin", tags=["admin"])
NO_STORE = {"Cache-Control": "no-store"}
SECTIONS = {"providers": "provider", "flows": "flow"}

Record = Annotated[dict[str, Any], Body(description="The whole record, in the YAML shape")]
IfMatch = Annotated[str | None, Header(description="The ETag from the last read")]
Message = Annotated[str | None, Query(max_length=500, description="Why: the change message")]


class PreconditionRequired(Exception):
    """A write without If-Match would overwrite blindly."""


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


# --- providers ---------------------------------------------------------------------------


@router.get("/providers/{provider_id}")
def get_provider(instance: InstanceDep, user: ApiUserDep, provider_id: str) -> Response:
    return _record(instance, "providers", provider_id)


@router.put("/providers/{provider_id}")
def put_provider(
    instance: InstanceDep,
    user: ApiUserDep,
    provider_id: str,
    record: Record,
    if_match: IfMatch = None,
    message: Message = None,
) -> Response:
    op = UpdateProvider(provider_id, record, _etag_from(if_match))
    saved = instance.apply(op, user, message)
    return _saved(instance, "providers", provider_id, saved)


@router.delete("/providers/{provider_id}")
def retire_provider(
    instance: InstanceDep,
    user: ApiUserDep,
    provider_id: str,
    if_match: IfMatch = None,
    message: Message = None,
    remove_references: bool = False,
) -> Response:
    """Retire (never erase): the provider stays in history and can be brought back."""
    op = RetireProvider(provider_id, _etag_from(if_match), remove_references)
    saved = instance.apply(op, user, message)
    return _saved(instance, "providers", provider_id, saved)


@router.post("/providers", status_code=201)
def create_provider(
    instance: InstanceDep, user: ApiUserDep, record: Record, message: Message = None
) -> Response:
    saved = instance.apply(CreateProvider(record), user, message)
    return _saved(instance, "providers", str(record.get("id", "")), saved, status=201)


# --- flows -------------------------------------------------------------------------------


@router.get("/flows/{flow_id}")
def get_flow(instance: InstanceDep, user: ApiUserDep, flow_id: str) -> Response:
    return _record(instance, "flows", flow_id)


@router.put("/flows/{flow_id}")
def put_flow(
    instance: InstanceDep,
    user: ApiUserDep,
    flow_id: str,
    record: Record,
    if_match: IfMatch = None,
    message: Message = None,
) -> Response:
    saved = instance.apply(UpdateFlow(flow_id, record, _etag_from(if_match)), user, message)
    return _saved(instance, "flows", flow_id, saved)


@router.delete("/flows/{flow_id}")
def delete_flow(
    instance: InstanceDep,
    user: ApiUserDep,
    flow_id: str,
    if_match: IfMatch = None,
    message: Message = None,
) -> Response:
    saved = instance.apply(DeleteFlow(flow_id, _etag_from(if_match)), user, message)
    return _saved(instance, "flows", flow_id, saved)


@router.post("/flows", status_code=201)
def create_flow(
    instance: InstanceDep, user: ApiUserDep, record: Record, message: Message = None
) -> Response:
    saved = instance.apply(CreateFlow(record), user, message)
    return _saved(instance, "flows", str(record.get("id", "")), saved, status=201)


# --- history -----------------------------------------------------------------------------


@router.get("/history")
def history(
    instance: InstanceDep,
    user: ApiUserDep,
    provider: Annotated[str | None, Query(max_length=80)] = None,
    flow: Annotated[str | None, Query(max_length=80)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> Response:
    entries = instance.history(provider, flow_id=flow, limit=limit)
    body = {
        "history": [
            {
                "commit": e.commit,
                "author": e.author,
                "time": e.time,
                "message": e.message,
                "providers": list(e.providers),
                "flows": list(e.flows),
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


def install(app: FastAPI) -> None:
    """428 for a write without If-Match."""

    @app.exception_handler(PreconditionRequired)
    async def precondition_required(request: Request, exc: PreconditionRequired) -> Response:
        detail = "send If-Match with the ETag from your last read of this record"
        return JSONResponse({"detail": detail}, status_code=428, headers=NO_STORE)
