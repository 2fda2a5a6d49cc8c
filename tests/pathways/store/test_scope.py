"""Scope for flows and writes: every write path is authorised, and authorised first.

The cases a reliability probe found (an editor for Skarpnäck writing what BUP En väg in
or BRIS do, "within Skarpnäck"), the ones it found refused, and the order of checks: a
user outside their areas gets a 403, never "no change" or a stale-version answer.
"""

from __future__ import annotations

from typing import Any

import pytest

from pathways.errors import Forbidden
from pathways.registry import Registry
from pathways.store.access import can_edit_flow
from pathways.store.accounts import Role, User
from pathways.store.edits import CreateFlow, DeleteFlow, UpdateFlow, UpdateProvider
from pathways.store.live import Instance

SKARPNACK = User("sven", Role.editor, ("skarpnack",))
STOCKHOLM = User("stina", Role.editor, ("stockholm",))
REGION = User("rut", Role.editor, ("region-stockholm",))
ALINGSAS = User("alva", Role.editor, ("alingsas",))
ADMIN = User("anna", Role.admin)


def kind_flow(origin: str, within: str, **more: Any) -> dict[str, Any]:
    return {
        "id": f"ny-{origin}-{within}",
        "from": origin,
        "to": "elevhalsa",
        "within": within,
        "mechanism": "hanvisning",
        **more,
    }


@pytest.mark.parametrize(
    ("user", "flow", "allowed"),
    [
        # What the probe found: not the editor's to write, even within their area.
        (SKARPNACK, kind_flow("bup", "skarpnack"), False),  # BUP En väg in, region-wide
        (SKARPNACK, kind_flow("stodlinje", "skarpnack"), False),  # BRIS, Mind: national
        (SKARPNACK, kind_flow("ungdomsmottagning", "skarpnack"), False),  # kommun-wide UM
        (STOCKHOLM, kind_flow("bup", "skarpnack"), False),
        # What it found refused, still refused.
        (SKARPNACK, kind_flow("elevhalsa", "region-stockholm"), False),
        (SKARPNACK, {**kind_flow("elevhalsa", "skarpnack"), "within": None}, False),
        (ALINGSAS, kind_flow("elevhalsa", "skarpnack"), False),
        (
            SKARPNACK,
            {"id": "x", "from": "bup-en-vag-in-stockholm", "to": "elevhalsa-skarpnack"},
            False,
        ),
        (SKARPNACK, {"id": "x", "from": "bris", "to": "elevhalsa-skarpnack"}, False),
        (REGION, {"id": "x", "from": "bris", "to": "elevhalsa-skarpnack"}, False),
        # Allowed: every provider it starts from is the editor's.
        (SKARPNACK, kind_flow("elevhalsa", "skarpnack"), True),
        (SKARPNACK, kind_flow("vardcentral", "skarpnack"), True),
        (STOCKHOLM, kind_flow("skolsocialt_team", "skarpnack"), True),
        (REGION, kind_flow("bup", "skarpnack"), True),  # the region's own BUP
        (SKARPNACK, kind_flow("bup", "skarpnack", **{"except": ["bup-en-vag-in-stockholm"]}), True),
        (
            SKARPNACK,
            {"id": "x", "from": "elevhalsa-skarpnack", "to": "bup-en-vag-in-stockholm"},
            True,
        ),
        (ADMIN, kind_flow("stodlinje", "skarpnack"), True),
    ],
)
def test_a_flow_from_a_kind_needs_every_provider_it_starts_from(
    bundled: Registry, user: User, flow: dict[str, Any], allowed: bool
) -> None:
    assert can_edit_flow(user, flow, bundled) is allowed


@pytest.mark.parametrize("origin", ["bup", "stodlinje"])
def test_the_probes_flows_are_refused_and_never_reach_the_graph(
    bundled_instance: Instance, origin: str
) -> None:
    before = bundled_instance.registry_file.read_bytes()
    flow = {**kind_flow(origin, "skarpnack"), "to": "elevhalsa-skarpnack"}
    with pytest.raises(Forbidden) as refused:
        bundled_instance.apply(CreateFlow(flow), SKARPNACK)
    assert refused.value.subjects == [flow["id"]]
    with pytest.raises(Forbidden):
        bundled_instance.preview(CreateFlow(flow), SKARPNACK)
    assert bundled_instance.registry_file.read_bytes() == before
    assert flow["id"] not in bundled_instance.registry().flows


def test_an_unchanged_write_outside_the_area_is_refused_not_no_change(
    bundled_instance: Instance,
) -> None:
    version = bundled_instance.provider("vardcentral-skarpnack")
    same = UpdateProvider("vardcentral-skarpnack", version.record, version.etag)
    with pytest.raises(Forbidden):
        bundled_instance.apply(same, ALINGSAS)
    with pytest.raises(Forbidden):  # a stale ETag is not told either: scope comes first
        bundled_instance.apply(UpdateProvider("vardcentral-skarpnack", {}, "stale"), ALINGSAS)
    assert bundled_instance.apply(same, ADMIN).commit is None  # for an admin: no change


def test_an_existing_flow_outside_the_area_cannot_be_edited_or_deleted(
    bundled_instance: Instance,
) -> None:
    flow_id = "orosanmalan-bup"  # from every BUP, everywhere: admins only
    version = bundled_instance.flow(flow_id)
    with pytest.raises(Forbidden):
        bundled_instance.apply(UpdateFlow(flow_id, version.record, version.etag), SKARPNACK)
    with pytest.raises(Forbidden):
        bundled_instance.apply(DeleteFlow(flow_id, version.etag), SKARPNACK)


def test_a_revert_is_authorised_first(bundled_instance: Instance) -> None:
    version = bundled_instance.provider("vardcentral-skarpnack")
    record = {**version.record, "hours": "Vardagar 8-17"}
    saved = bundled_instance.apply(
        UpdateProvider("vardcentral-skarpnack", record, version.etag), ADMIN
    )
    assert saved.commit is not None
    with pytest.raises(Forbidden):
        bundled_instance.preview_revert(saved.commit, ALINGSAS)
    with pytest.raises(Forbidden):
        bundled_instance.revert(saved.commit, ALINGSAS)
    assert bundled_instance.revert(saved.commit, SKARPNACK).commit is not None


def test_a_hand_made_commit_goes_through_the_same_authorisation(
    bundled_instance: Instance,
) -> None:
    text = bundled_instance.registry_file.read_text(encoding="utf-8")
    flow = (
        "\n  - id: hand-bup-skarpnack\n    from: bup\n    to: elevhalsa\n"
        "    within: skarpnack\n    mechanism: hanvisning\n"
    )
    assert "\nforums:" in text
    edited = text.replace("\nforums:", flow + "\nforums:", 1) if "\nflows:" in text else text
    with pytest.raises(Forbidden):
        bundled_instance.commit_text(edited, SKARPNACK, "by hand")
    saved = bundled_instance.commit_text(edited, REGION, "by hand")
    assert saved.commit is not None
    assert "hand-bup-skarpnack" in bundled_instance.registry().flows
