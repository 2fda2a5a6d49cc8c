"""What each user may change: the one authorisation every write goes through.

Admins may change everything. An editor may change a record only when it lies inside
their areas, before and after the change:

- a provider (or a forum) when every area it serves is one of the editor's areas or lies
  below one (an editor for `stockholm` may edit a `skarpnack` provider; an editor for
  `alingsas` may not edit a Stockholm provider, and no editor a national one);
- a flow belongs to where it starts. A flow from a provider needs that provider to be
  one the editor may edit. A flow from a kind needs its `within` inside the editor's
  areas *and* every provider of that kind it starts from there (its ancestors' and
  national ones included, as the graph expands it) to be the editor's: an editor for
  Skarpnäck may not write what BUP En väg in (the region's) or BRIS (national) does,
  even "within Skarpnäck". A kommun can record that its unit refers to the region's
  BUP, but not what BUP does;
- areas themselves, and anything else, only admins.

`authorize_targets` runs first, on the records an operation names as they stand and as
requested, so that a refused user learns nothing else (not "no change", not a stale
ETag). `authorize` then runs on the computed diff of the change, so whatever an
operation touches (flows removed with a retired provider, records sharing a YAML merge
key, a revert, a hand-made commit) is checked too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pathways.errors import Forbidden
from pathways.models import Flow, Provider
from pathways.registry import Registry
from pathways.store.accounts import User
from pathways.store.edits import Create, Operation, Remove, RetireProvider, Update
from pathways.store.versions import ChangeDiff, RecordChange, RecordIndex, singular
from pathways.validation import KIND_IDS

RecordLike = Provider | Flow | Mapping[str, Any]
Target = tuple[str, str, RecordLike]  # (section, id, record)


def _inside(user: User, areas: Iterable[str], registry: Registry) -> bool:
    """Whether every area lies inside (or is) one of the user's areas; none is not inside."""
    areas = list(areas)
    mine = set(user.areas)
    return bool(areas) and all(
        a in registry.areas and not mine.isdisjoint(registry.chain(a)) for a in areas
    )


def _field(record: RecordLike, name: str, attribute: str) -> object:
    if isinstance(record, Mapping):
        return record.get(name)
    return getattr(record, attribute, None)


def _scope(record: RecordLike) -> tuple[bool, list[str], bool]:
    """(national, areas, retired) of a provider or forum, from a model or a raw record."""
    if isinstance(record, Provider):
        return record.national, list(record.areas), record.retired
    if isinstance(record, Mapping):
        areas = record.get("areas")
        strings = [a for a in areas if isinstance(a, str)] if isinstance(areas, list) else []
        return record.get("national") is True, strings, record.get("retired") is True
    return False, [], False


def can_edit(user: User, provider: RecordLike, registry: Registry) -> bool:
    """Whether the user may change (or create) this provider."""
    if user.is_admin:
        return True
    national, areas, _ = _scope(provider)
    return not national and _inside(user, areas, registry)


def _related(registry: Registry, area: str) -> set[str]:
    """Areas sharing ground with `area`: it, its ancestors and its parts (as the graph)."""
    return {*registry.chain(area), *registry.descendants(area)}


def kind_origins(
    kind: str,
    within: str,
    registry: Registry,
    providers: Mapping[str, RecordLike],
    excluded: Iterable[str] = (),
) -> list[tuple[str, RecordLike]]:
    """The providers a flow from `kind` within `within` starts at, as the graph expands it."""
    related = _related(registry, within)
    skip = set(excluded)
    found = []
    for ident, record in providers.items():
        national, areas, retired = _scope(record)
        if ident in skip or retired or _field(record, "kind", "kind") != kind:
            continue
        if _field(record, "fallback", "fallback") is True:
            continue  # a national stand-in is not expanded by an area's rule (graph.py)
        if national or related.intersection(areas):
            found.append((ident, record))
    return found


def _merged(
    registry: Registry, providers: Mapping[str, Mapping[str, Any]] | None
) -> dict[str, RecordLike]:
    merged: dict[str, RecordLike] = dict(registry.providers)
    merged.update(providers or {})
    return merged


def can_edit_flow(
    user: User,
    flow: RecordLike,
    registry: Registry,
    providers: Mapping[str, Mapping[str, Any]] | None = None,
) -> bool:
    """Whether the user may change this flow: it starts with them (see the module doc).

    `providers` holds raw provider records as the change leaves them, checked first.
    """
    if user.is_admin:
        return True
    origin = _field(flow, "from", "origin")
    within = _field(flow, "within", "within")
    if not isinstance(origin, str):
        return False
    merged = _merged(registry, providers)
    if origin in KIND_IDS:
        if not isinstance(within, str) or not _inside(user, [within], registry):
            return False
        excluded = _field(flow, "except", "exclude")
        skip = [e for e in excluded if isinstance(e, str)] if isinstance(excluded, Sequence) else []
        starts = kind_origins(origin, within, registry, merged, skip)
        return all(can_edit(user, record, registry) for _, record in starts)
    record = merged.get(origin)
    return record is not None and can_edit(user, record, registry)


def _may(
    user: User,
    section: str,
    record: RecordLike,
    registry: Registry,
    providers: Mapping[str, Mapping[str, Any]],
) -> bool:
    if section in ("providers", "forums"):
        return can_edit(user, record, registry)
    if section == "flows":
        return can_edit_flow(user, record, registry, providers)
    return user.is_admin


def _refuse(user: User, labels: list[str], ids: list[str]) -> None:
    if labels:
        raise Forbidden(
            f"'{user.name}' may not change {', '.join(dict.fromkeys(labels))}: outside "
            f"their areas ({', '.join(user.areas) or 'none'})",
            list(dict.fromkeys(ids)),
        )


def authorize_targets(user: User, targets: Iterable[Target], registry: Registry) -> None:
    """The first check of a write: the records it names, as they are and as requested.

    Runs before anything else looks at the change, so a user outside their areas gets a
    403 whether or not the change would change anything, or is based on a stale version.
    """
    if user.is_admin:
        return
    targets = list(targets)
    providers = {i: r for s, i, r in targets if s == "providers" and isinstance(r, Mapping)}
    denied = [
        (section, ident)
        for section, ident, record in targets
        if not _may(user, section, record, registry, providers)
    ]
    labels = [f"{singular(section)} '{ident}'" for section, ident in denied]
    _refuse(user, labels, [ident for _, ident in denied])


def operation_targets(op: Operation, records: RecordIndex) -> list[Target]:
    """The records an operation names: each as it stands now (if it exists) and as asked."""
    match op:
        case Create(record):
            return [(op.section, str(record.get("id", "")), record)]
        case Update(ident, record):
            stored = _stored(records, op.section, ident)
            return [*stored, (op.section, ident, {**record, "id": ident})]
        case RetireProvider(ident):
            return _stored(records, "providers", ident)
        case Remove(ident):
            return _stored(records, op.section, ident)
    return []  # pragma: no cover


def _stored(records: RecordIndex, section: str, ident: str) -> list[Target]:
    entry = records.get(section, ident)
    return [] if entry is None else [(section, ident, entry.record)]


def change_targets(diff: ChangeDiff) -> list[Target]:
    """The records a recorded change touched, before and after (for a revert)."""
    return [(c.section, c.id, record) for c in diff for record in (c.before, c.after) if record]


def _allowed(
    user: User,
    change: RecordChange,
    registry: Registry,
    providers: Mapping[str, Mapping[str, Any]],
) -> bool:
    return all(
        _may(user, change.section, record, registry, providers)
        for record in (change.before, change.after)
        if record is not None
    )


def authorize(user: User, diff: ChangeDiff, registry: Registry) -> None:
    """Raise `Forbidden` naming every record of the change the user may not touch.

    Flows are judged against the providers as the change leaves them, so a change can
    neither hide a provider from a flow check nor widen one to take flows with it.
    """
    if user.is_admin:
        return
    providers = {c.id: c.after or c.before or {} for c in diff.of("providers")}
    denied = [c for c in diff if not _allowed(user, c, registry, providers)]
    _refuse(user, [c.label for c in denied], [c.id for c in denied])
