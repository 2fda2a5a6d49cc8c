"""What each user may change.

Admins may change everything. An editor may change a record only when it lies inside
their areas, before and after the change:

- a provider (or a forum) when every area it serves is one of the editor's areas or lies
  below one (an editor for `stockholm` may edit a `skarpnack` provider; an editor for
  `alingsas` may not edit a Stockholm provider, and no editor a national one);
- a flow belongs to where it starts: its `from` provider must be one the editor may
  edit, or, for a flow from a kind, its `within` must lie inside the editor's areas. So a
  kommun can record that its new unit refers to the region's BUP, but not what BUP does;
- areas themselves, and anything else, only admins.

The check runs on the computed diff of a change, so whatever an operation touches
(flows removed with a retired provider, records sharing a YAML merge key) is checked too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pathways.errors import Forbidden
from pathways.models import Flow, Provider
from pathways.registry import Registry
from pathways.store.accounts import User
from pathways.store.versions import ChangeDiff, RecordChange
from pathways.validation import KIND_IDS

RecordLike = Provider | Flow | Mapping[str, Any]


def _inside(user: User, areas: Iterable[str], registry: Registry) -> bool:
    """Whether every area lies inside (or is) one of the user's areas; none is not inside."""
    areas = list(areas)
    mine = set(user.areas)
    return bool(areas) and all(
        a in registry.areas and not mine.isdisjoint(registry.chain(a)) for a in areas
    )


def _scope(record: RecordLike) -> tuple[bool, list[str]]:
    """(national, areas) of a provider or forum, from a model or a raw record."""
    if isinstance(record, Provider):
        return record.national, list(record.areas)
    if isinstance(record, Mapping):
        areas = record.get("areas")
        strings = [a for a in areas if isinstance(a, str)] if isinstance(areas, list) else []
        return record.get("national") is True, strings
    return False, []


def can_edit(user: User, provider: RecordLike, registry: Registry) -> bool:
    """Whether the user may change (or create) this provider."""
    if user.is_admin:
        return True
    national, areas = _scope(provider)
    return not national and _inside(user, areas, registry)


def can_edit_flow(
    user: User,
    flow: RecordLike,
    registry: Registry,
    providers: Mapping[str, Mapping[str, Any]] | None = None,
) -> bool:
    """Whether the user may change this flow: it starts with them (see the module doc).

    `providers` holds raw provider records not (yet) in `registry`, checked first.
    """
    if user.is_admin:
        return True
    origin: object
    within: object
    if isinstance(flow, Flow):
        origin, within = flow.origin, flow.within
    elif isinstance(flow, Mapping):
        origin, within = flow.get("from"), flow.get("within")
    else:
        return False
    if not isinstance(origin, str):
        return False
    if origin in KIND_IDS:
        return isinstance(within, str) and _inside(user, [within], registry)
    record: RecordLike | None = (providers or {}).get(origin) or registry.providers.get(origin)
    return record is not None and can_edit(user, record, registry)


def _allowed(
    user: User,
    change: RecordChange,
    registry: Registry,
    providers: Mapping[str, Mapping[str, Any]],
) -> bool:
    for record in (change.before, change.after):
        if record is None:
            continue
        if change.section in ("providers", "forums"):
            ok = can_edit(user, record, registry)
        elif change.section == "flows":
            ok = can_edit_flow(user, record, registry, providers)
        else:
            ok = user.is_admin
        if not ok:
            return False
    return True


def authorize(user: User, diff: ChangeDiff, registry: Registry) -> None:
    """Raise `Forbidden` naming every record of the change the user may not touch."""
    if user.is_admin:
        return
    providers = {c.id: c.after or c.before or {} for c in diff.of("providers")}
    denied = [c for c in diff if not _allowed(user, c, registry, providers)]
    if denied:
        names = ", ".join(c.label for c in denied)
        raise Forbidden(
            f"'{user.name}' may not change {names}: outside their areas "
            f"({', '.join(user.areas) or 'none'})",
            [c.id for c in denied],
        )
