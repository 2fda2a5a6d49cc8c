"""The HSDS and FHIR indices of a registry an edit made equal those built afresh.

An edit read in part hands the new registry what the indices worked out per provider
and the FHIR resources already made (`pathways.standards.entries`, `FhirIndex`); a
provider the edit did not touch keeps them. Random sequences of edits (the steps of
`tests/pathways/store/test_incremental.py`: the admin operations and changes by hand)
are applied with the indices in use before each one, and after each the new registry's
indices are compared with a fresh load's: every list, map and set the answers read, the
search text and taxonomy index, and the FHIR resources of every provider the edit
changed and of a sample of the others.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pathways.registry import Registry
from pathways.standards.entries import ENTRIES
from pathways.standards.fhir_search import fhir_index
from pathways.standards.hsds_query import index
from pathways.store.edits import UpdateProvider, plan
from pathways.store.incremental import Version
from pathways.store.versions import etag
from tests.pathways.store.test_incremental import (
    BASES,
    EDIT_SEQUENCES,
    fresh,
    read_in_part,
    step,
)


def in_use(registry: Registry) -> None:
    """Use the indices as pages do, so that an edit has them to hand on."""
    hsds = index(registry)
    assert hsds.search_text and hsds.by_term
    fhir = fhir_index(registry)
    for sid in list(fhir.services)[:40]:
        fhir.resource("HealthcareService", sid)


def answers(registry: Registry) -> dict[str, Any]:
    """Everything of the indices that the HSDS and FHIR answers read, in their order."""
    hsds, fhir = index(registry), fhir_index(registry)
    return {
        "providers": [p.id for p in hsds.providers],
        "by_service": [(s, p.id) for s, p in hsds.by_service.items()],
        "by_location": [(s, p.id) for s, p in hsds.by_location.items()],
        "placed": hsds.placed,
        "org_of": hsds.org_of,
        "orgs": list(hsds.orgs.items()),
        "org_services": {o: [p.id for p in ps] for o, ps in hsds.org_services.items()},
        "search_text": hsds.search_text,
        "by_term": dict(hsds.by_term),
        "fhir": (fhir.services, fhir.orgs, fhir.org_of, fhir.places, fhir.locations),
        "fhir more": (fhir.categories, list(fhir.areas)),
    }


def resources(registry: Registry, sids: list[str]) -> list[Any]:
    fhir = fhir_index(registry)
    out = []
    for sid in sids:
        out.append(fhir.resource("HealthcareService", sid))
        org = fhir.org_of[sid]
        out.append(fhir.resource("Organization", org))
    out += [fhir.resource("Location", place) for place in list(fhir.places)[:20]]
    return out


def changed_services(before: Registry, after: Registry) -> list[str]:
    """The services of the providers that are not the same objects as before."""
    hsds = index(after)
    return [s for s, p in hsds.by_service.items() if before.providers.get(p.id) is not p]


@pytest.mark.parametrize("name", sorted(BASES))
@EDIT_SEQUENCES
@given(data=st.data())
def test_indices_handed_on_by_edits_equal_fresh_ones(name: str, data: st.DataObject) -> None:
    version = BASES[name]
    assert version is not None
    for _ in range(data.draw(st.integers(1, 5))):
        in_use(version.registry)
        text, planned = step(data, version)
        part = planned if planned is not None else read_in_part(version, text)
        whole = fresh(text)
        if whole is None or not isinstance(part, Version):
            version = whole or version
            continue
        assert answers(part.registry) == answers(whole.registry)
        sids = changed_services(version.registry, part.registry)
        others = list(index(part.registry).by_service)
        sample = data.draw(st.lists(st.sampled_from(others), max_size=8)) if others else []
        wanted = [*sids, *sample, *others[:40]]
        assert resources(part.registry, wanted) == resources(whole.registry, wanted)
        version = part


def test_an_edit_to_one_provider_works_out_that_provider_again_and_no_other() -> None:
    version = BASES["generated"]
    assert version is not None
    in_use(version.registry)
    before = index(version.registry).entries
    records = version.records.records("providers")
    ident = sorted(records)[3]
    written = records[ident].record
    record = {**written, "how_to_contact": "Ring eller kom förbi."}
    op = UpdateProvider(ident, record, etag(written))
    planned = plan(version.text, version.records, op, version)
    assert planned.version is not None  # read in part
    registry = planned.version.registry
    assert registry.memo[ENTRIES] is before  # handed on before the index is built
    after = index(registry).entries
    assert after[ident] is not before[ident]
    assert after[ident].provider.how_to_contact == "Ring eller kom förbi."
    assert all(after[i] is before[i] for i in after if i != ident)
    assert answers(registry) == answers(Registry(registry.document))
