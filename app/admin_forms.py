"""Admin forms <-> registry records, in the YAML shape the loader validates.

A form edits the fields people change; anything else in the record (a YAML merge, a
field the form does not show) is carried over untouched. Empty fields are left out, so
"no phone number" is an absent key, never an empty string.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from app.admin_labels import swedish_problem
from pathways.errors import RegistryInvalid
from pathways.limits import whole_number
from pathways.store.wording import field_label, noun

PROVIDER_TEXT = (
    "name",
    "description",
    "how_to_contact",
    "typical_wait",
    "phone",
    "website",
    "email",
    "address",
    "hours",
    "confidentiality_note",
    "source",
    "note",
)
PROVIDER_CHOICE = ("kind", "level", "principal", "confidentiality", "cost")
PROVIDER_MANY = ("areas", "access")
PROVIDER_FLAGS = ("national", "verified")
PROVIDER_AGES = ("age_min", "age_max")

FLOW_TEXT = ("from", "to", "when", "note", "source")
FLOW_CHOICE = ("mechanism",)
FLOW_MANY = ("within", "needs", "consent")

FORUM_TEXT = ("name", "purpose", "level", "website", "note", "source")
FORUM_MANY = ("areas",)


class FormValues:
    """Posted fields, read the way HTML forms send them (repeated names, "on")."""

    def __init__(self, fields: Mapping[str, str], lists: Mapping[str, Sequence[str]]) -> None:
        self.fields = fields
        self.lists = lists

    def text(self, name: str) -> str:
        return self.fields.get(name, "").strip()

    def many(self, name: str) -> list[str]:
        return [v for v in dict.fromkeys(self.lists.get(name, ())) if v]

    def flag(self, name: str) -> bool:
        return self.fields.get(name, "") in ("on", "1", "true")


def provider_record(base: Mapping[str, Any], form: FormValues) -> dict[str, Any]:
    record = dict(base)
    if "id" not in record:
        record["id"] = form.text("id")
    for name in (*PROVIDER_TEXT, *PROVIDER_CHOICE):
        _set(record, name, form.text(name))
    for name in PROVIDER_MANY:
        _set(record, name, form.many(name))
    for name in PROVIDER_FLAGS:
        if form.flag(name):
            record[name] = True
        elif name == "verified":
            record[name] = False
        else:
            record.pop(name, None)
    for name in PROVIDER_AGES:
        value = form.text(name)
        number = whole_number(value, 6)  # longer: left as text, for validation to refuse
        _set(record, name, value if number is None else number)
    languages = [c.strip() for c in form.text("languages").split(",") if c.strip()]
    _set(record, "languages", languages)
    reviewed = form.text("reviewed")
    _set(record, "reviewed", _date(reviewed))
    record["needs"] = _needs(base.get("needs"), form.many("needs"))
    return record


def _needs(before: Any, chosen: list[str]) -> Any:
    """Keep the severities written for needs that stay; new needs get the usual ones."""
    if isinstance(before, dict):
        return {need: before.get(need) for need in chosen}
    return chosen


def flow_record(base: Mapping[str, Any], form: FormValues) -> dict[str, Any]:
    return _plain_record(base, form, (*FLOW_TEXT, *FLOW_CHOICE), FLOW_MANY)


def forum_record(base: Mapping[str, Any], form: FormValues) -> dict[str, Any]:
    record = _plain_record(base, form, FORUM_TEXT, FORUM_MANY)
    members = [m.strip() for m in form.text("members").split(",") if m.strip()]
    _set(record, "members", list(dict.fromkeys(members)))
    record["verified"] = form.flag("verified")
    _set(record, "reviewed", _date(form.text("reviewed")))
    return record


def _plain_record(
    base: Mapping[str, Any], form: FormValues, texts: Sequence[str], many: Sequence[str]
) -> dict[str, Any]:
    """The base record with the form's text fields and its lists of choices written in."""
    record = dict(base)
    if "id" not in record:
        record["id"] = form.text("id")
    for name in texts:
        _set(record, name, form.text(name))
    for name in many:
        _set(record, name, form.many(name))
    return record


def _set(record: dict[str, Any], name: str, value: Any) -> None:
    if value in ("", [], None):
        record.pop(name, None)
    else:
        record[name] = value


def _date(text: str) -> Any:
    try:
        return date.fromisoformat(text) if text else ""
    except ValueError:
        return text  # the registry's validation names the field


def field_errors(
    exc: RegistryInvalid, ident: str, section: str = "providers"
) -> tuple[dict[str, str], list[str]]:
    """Problems in Swedish, placed at their form field when they are about this record,
    else on top (naming the record and the field the problem is in)."""
    at_fields: dict[str, str] = {}
    on_top: list[str] = []
    for problem in exc.problems:
        field = (problem.field or "").split(".", 1)[0]
        about_this = problem.subject is None or f"'{ident}'" in problem.subject
        where = str(problem.loc[0]) if problem.loc else section
        said = swedish_problem(problem.message, where, field)
        if field and about_this:
            at_fields.setdefault(field, said)
        else:
            on_top.append(_placed(problem.subject, where, field, said))
    return at_fields, on_top


def _placed(subject: str | None, section: str, field: str, said: str) -> str:
    """ "Flödet 'x', Till: Mottagningen 'y' är avvecklad." for a problem elsewhere."""
    ident = subject.split("'")[1] if subject and subject.count("'") >= 2 else ""
    what = f"{noun(section).capitalize()} '{ident}'" if ident else ""
    if field:
        what = f"{what}, {field_label(section, field)}" if what else field_label(section, field)
    return f"{what}: {said}" if what else said


def display(record: Mapping[str, Any], name: str) -> str:
    """A record's value as a form field shows it."""
    value = record.get(name)
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "on" if value else ""
    return str(value)


def chosen(record: Mapping[str, Any], name: str) -> set[str]:
    value = record.get(name)
    if isinstance(value, dict):
        return {str(k) for k in value}
    if isinstance(value, list | tuple):
        return {str(v) for v in value}
    return {str(value)} if value else set()
