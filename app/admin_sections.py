"""The editable sections of the registry, each described once for the admin pages and API.

A `Section` says what the form shows (its template and how posted fields become a
record), what a record is (its section of the YAML and the operations that create,
change and remove one), and who may edit it (its scope rule). The admin pages and the
admin JSON API each have one set of handlers that serve every section: adding a section
is adding a descriptor here and a template, not writing handlers a third time.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from app.admin_forms import FormValues, flow_record, forum_record, provider_record
from pathways.registry import Registry
from pathways.store.access import can_edit, can_edit_flow
from pathways.store.accounts import User
from pathways.store.edits import (
    CreateFlow,
    CreateForum,
    CreateProvider,
    DeleteFlow,
    DeleteForum,
    Operation,
    RetireProvider,
    UpdateFlow,
    UpdateForum,
    UpdateProvider,
)

Record = dict[str, Any]


@dataclass(frozen=True)
class Section:
    """One editable section: its URLs, its form, its record shape and its scope rule."""

    name: str  # the registry section and the API path: "providers"
    param: str  # the API's path parameter: "provider_id"
    slug: str  # the admin pages' path: "mottagning"
    template: str  # the admin form: "provider.html"
    blank: Callable[[Mapping[str, str]], Record]  # a new record's form, from the query
    new_title: str
    edit_title: Callable[[Mapping[str, Any], str], str]
    # Form fields -> record: the posted form written over the record as it was.
    from_form: Callable[[Mapping[str, Any], FormValues], Record]
    create: Callable[[Mapping[str, Any]], Operation]
    update: Callable[[str, Mapping[str, Any], str], Operation]
    editable: Callable[[User, Mapping[str, Any], Registry], bool]
    # Remove (retire a provider, delete a flow or forum); the flag removes references.
    remove: Callable[[str, str, bool], Operation]
    removes_record: bool = True  # whether the record is gone after `remove`, not retired
    remove_action: str = "delete"  # the form button's action: "retire" or "delete"

    def retired(self, record: Mapping[str, Any]) -> Record:
        """What the form shows for a record being removed: as it was, or marked retired."""
        return dict(record) if self.removes_record else {**record, "retired": True}


def _deleting(
    operation: Callable[[str, str], Operation],
) -> Callable[[str, str, bool], Operation]:
    """Removal for a section whose records are simply deleted (nothing refers to them)."""
    return lambda ident, etag, _references: operation(ident, etag)


def _named(prefix: str) -> Callable[[Mapping[str, Any], str], str]:
    return lambda record, ident: f"{prefix}{record.get('name', ident)}"


PROVIDERS = Section(
    name="providers",
    param="provider_id",
    slug="mottagning",
    template="provider.html",
    blank=lambda query: {"reviewed": "", "verified": False, "languages": ["sv"]},
    new_title="Ny mottagning",
    edit_title=_named("Redigera "),
    from_form=provider_record,
    create=CreateProvider,
    update=UpdateProvider,
    editable=can_edit,
    remove=RetireProvider,
    removes_record=False,
    remove_action="retire",
)

FLOWS = Section(
    name="flows",
    param="flow_id",
    slug="flode",
    template="flow.html",
    blank=lambda query: {"from": query.get("from", "")[:80]},
    new_title="Nytt flöde",
    edit_title=lambda record, ident: f"Flöde {ident}",
    from_form=flow_record,
    create=CreateFlow,
    update=UpdateFlow,
    editable=lambda user, record, registry: can_edit_flow(user, record, registry),
    remove=_deleting(DeleteFlow),
)

FORUMS = Section(
    name="forums",
    param="forum_id",
    slug="forum",
    template="forum.html",
    blank=lambda query: {"reviewed": "", "verified": False},
    new_title="Nytt forum",
    edit_title=_named("Forum: "),
    from_form=forum_record,
    create=CreateForum,
    update=UpdateForum,
    editable=can_edit,  # a forum lies where its areas are, like a provider
    remove=_deleting(DeleteForum),
)

SECTIONS: tuple[Section, ...] = (PROVIDERS, FLOWS, FORUMS)
BY_NAME: dict[str, Section] = {s.name: s for s in SECTIONS}
