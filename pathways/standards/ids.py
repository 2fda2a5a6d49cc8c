"""Stable identifiers: every exported record's UUID is derived from a registry id.

HSDS and FHIR want UUIDs; the registry has slugs. A UUID version 5 of the slug under one
fixed namespace gives the same UUID for the same record in every export, on every
server, without storing anything, so another system can keep its links across exports.
The namespace is `uuid5(NAMESPACE_URL, "https://vardkedjan.se/standards")`; never change it.
"""

from __future__ import annotations

import uuid

NAMESPACE = uuid.UUID("c1a85d33-6e72-5d24-b156-56caf907a789")


def service_id(provider_id: str) -> str:
    """A provider's service: the UUID of the registry id itself."""
    return str(uuid.uuid5(NAMESPACE, provider_id))


def uid(table: str, *key: str) -> str:
    """Any other record: the UUID of `table:key…` (e.g. `location:bris`)."""
    return str(uuid.uuid5(NAMESPACE, ":".join((table, *key))))
