"""Editing the registry: validation is the loader's, versions are checked, the file keeps
its comments and layout, and a refused edit writes nothing."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import pytest
import yaml

from pathways.errors import Conflict, NotFound, PreconditionFailed, RegistryInvalid
from pathways.loader import load_text
from pathways.store.accounts import User
from pathways.store.edits import (
    CreateFlow,
    CreateProvider,
    DeleteFlow,
    RetireProvider,
    UpdateFlow,
    UpdateProvider,
    plan,
)
from pathways.store.live import Instance
from pathways.store.versions import RecordIndex, etag
from tests.conftest import MINI

NEW_PROVIDER: dict[str, Any] = {
    "id": "uph-norra",
    "name": "Ungdomsprogram Norra Åby",
    "kind": "uph",
    "principal": "region",
    "areas": ["norra"],
    "age_min": 13,
    "age_max": 17,
    "needs": ["oro_angest", "nedstamdhet"],
    "access": ["egen_kontakt"],
    "confidentiality": "efter_mognad",
    "source": "https://example.invalid/uph",
    "reviewed": "2026-11-01",
    "verified": False,
}


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def edit(text: str, op: Any) -> str:
    return plan(text, RecordIndex.from_text(text), op).text


def update(text: str, ident: str, **fields: Any) -> UpdateProvider:
    record = RecordIndex.from_text(text).get("providers", ident)
    assert record is not None
    changed = {k: v for k, v in {**record.record, **fields}.items() if v is not ...}
    return UpdateProvider(ident, changed, etag(record.record))


# --- refused edits write nothing -------------------------------------------------------

INVALID = [
    pytest.param(
        lambda i: update_op(i, "elevhalsa-sodra", areas=["atlantis"]),
        "provider 'elevhalsa-sodra'",
        "areas.0",
        "unknown area",
        id="unknown-area",
    ),
    pytest.param(
        lambda i: update_op(i, "elevhalsa-sodra", age_min=21),
        "provider 'elevhalsa-sodra'",
        "age_min",
        "greater than age_max",
        id="age-range",
    ),
    pytest.param(
        lambda i: update_op(i, "remissmottagning", kind="trollkarl"),
        "provider 'remissmottagning'",
        "kind",
        "unknown value",
        id="unknown-kind",
    ),
    pytest.param(
        lambda i: CreateFlow(
            {"id": "till-nedlagd", "from": "elevhalsa", "to": "nedlagd", "mechanism": "remiss"}
        ),
        "flow 'till-nedlagd'",
        "to",
        "retired",
        id="flow-to-retired",
    ),
    pytest.param(
        lambda i: CreateProvider({**NEW_PROVIDER, "phone": "ring oss"}),
        "provider 'uph-norra'",
        "phone",
        "is not a phone number",
        id="bad-phone-on-create",
    ),
]


def update_op(instance: Instance, ident: str, **fields: Any) -> UpdateProvider:
    version = instance.provider(ident)
    return UpdateProvider(ident, {**version.record, **fields}, version.etag)


@pytest.mark.parametrize(("make", "subject", "field", "message"), INVALID)
def test_an_invalid_edit_is_refused_with_its_field_and_nothing_is_written(
    mini_instance: Instance, admin: User, make: Any, subject: str, field: str, message: str
) -> None:
    before = mini_instance.registry_file.read_bytes()
    head = mini_instance.git.head()
    with pytest.raises(RegistryInvalid) as refused:
        mini_instance.apply(make(mini_instance), admin)
    problem = next(p for p in refused.value.problems if p.subject == subject)
    assert problem.field == field
    assert message in problem.message
    assert problem.line is not None  # placed in the file, like `vardkedjan check`
    assert mini_instance.registry_file.read_bytes() == before
    assert mini_instance.git.head() == head
    assert not mini_instance.git.dirty("providers.yaml")
    assert list(mini_instance.registry_dir.glob(".*.tmp")) == []


def test_preview_refuses_what_apply_refuses(mini_instance: Instance, admin: User) -> None:
    with pytest.raises(RegistryInvalid):
        mini_instance.preview(update_op(mini_instance, "elevhalsa-sodra", age_min=30), admin)


# --- versions --------------------------------------------------------------------------


def test_a_stale_etag_is_refused_and_names_the_current_one(
    mini_instance: Instance, admin: User
) -> None:
    stale = update_op(mini_instance, "vc-norra", hours="Måndagar 8-12")
    saved = mini_instance.apply(update_op(mini_instance, "vc-norra", hours="Tisdagar"), admin)
    before = mini_instance.registry_file.read_bytes()
    with pytest.raises(PreconditionFailed) as refused:
        mini_instance.apply(stale, admin)
    assert refused.value.current == saved.etag == mini_instance.provider("vc-norra").etag
    assert mini_instance.registry_file.read_bytes() == before


def test_the_etag_changes_only_with_the_record(mini_instance: Instance, admin: User) -> None:
    sodra = mini_instance.provider("elevhalsa-sodra").etag
    norra = mini_instance.provider("vc-norra").etag
    saved = mini_instance.apply(update_op(mini_instance, "vc-norra", hours="Tisdagar"), admin)
    assert mini_instance.provider("elevhalsa-sodra").etag == sodra
    assert saved.etag == mini_instance.provider("vc-norra").etag != norra


def test_create_requires_a_new_id_and_updates_an_existing_one(
    mini_instance: Instance, admin: User
) -> None:
    with pytest.raises(Conflict, match="already exists"):
        mini_instance.apply(CreateProvider({**NEW_PROVIDER, "id": "vc-norra"}), admin)
    with pytest.raises(NotFound):
        mini_instance.apply(UpdateProvider("finns-inte", NEW_PROVIDER, "x"), admin)
    version = mini_instance.provider("vc-norra")
    renamed = UpdateProvider("vc-norra", {**version.record, "id": "nytt"}, version.etag)
    with pytest.raises(RegistryInvalid) as refused:
        mini_instance.apply(renamed, admin)
    assert refused.value.problems[0].field == "id"


def test_saving_an_unchanged_record_makes_no_commit(mini_instance: Instance, admin: User) -> None:
    head = mini_instance.git.head()
    saved = mini_instance.apply(update_op(mini_instance, "vc-norra"), admin)
    assert saved.commit is None and not saved.diff
    assert mini_instance.git.head() == head


# --- what the file looks like afterwards ------------------------------------------------


def test_comments_and_every_other_line_survive_an_edit(
    bundled_instance: Instance, bundled_seed: Path, admin: User
) -> None:
    seed = (bundled_seed.read_bytes(), bundled_seed.stat().st_mtime_ns)
    before = bundled_instance.registry_file.read_text(encoding="utf-8")
    version = bundled_instance.provider("uph-alingsas")
    record = {**version.record, "hours": "Vardagar 8-17"}
    bundled_instance.apply(UpdateProvider("uph-alingsas", record, version.etag), admin)
    after = bundled_instance.registry_file.read_text(encoding="utf-8")
    comments = [line for line in before.splitlines() if line.lstrip().startswith("#")]
    assert comments and all(c in after.splitlines() for c in comments)
    assert changed_lines(before, after) == ["+    hours: Vardagar 8-17"]
    lines = after.splitlines()
    assert lines[lines.index("    hours: Vardagar 8-17") - 1] == "    website: https://www.1177.se/"
    assert (bundled_seed.read_bytes(), bundled_seed.stat().st_mtime_ns) == seed


def test_a_changed_field_is_one_changed_line_in_its_place(mini_text: str) -> None:
    after = edit(mini_text, update(mini_text, "um-testkommun", age_max=25))
    assert changed_lines(mini_text, after) == ["-    age_max: 24", "+    age_max: 25"]


def test_a_new_field_goes_where_the_model_lists_it(mini_text: str) -> None:
    after = edit(mini_text, update(mini_text, "soc-testkommun", phone="08-508 000 00"))
    lines = after.splitlines()
    at = lines.index("    phone: 08-508 000 00")
    assert lines[at - 1] == "    confidentiality: vardnadshavare"
    assert lines[at + 1] == "    source: https://example.invalid/soc"


def test_a_removed_field_is_a_removed_line(mini_text: str) -> None:
    after = edit(mini_text, update(mini_text, "bup-akut-test", address=...))
    assert changed_lines(mini_text, after) == ["-    address: Testgatan 1"]


def test_a_record_written_as_a_flow_mapping_stays_one(mini_text: str) -> None:
    index = RecordIndex.from_text(mini_text)
    flow = index.get("flows", "underscore-kind")
    assert flow is not None
    record = {**flow.record, "needs": ["sjalvskada", "suicidtankar"]}
    after = edit(mini_text, UpdateFlow("underscore-kind", record, etag(flow.record)))
    assert changed_lines(mini_text, after)[1] == (
        "+  - {id: underscore-kind, from: bup, to: bup_akut, mechanism: akut, "
        "needs: [sjalvskada, suicidtankar]}"
    )


def test_values_are_written_so_that_the_loader_reads_them_back(mini_text: str) -> None:
    words = "Ett långt stycke text om vad mottagningen gör och för vem, " * 4
    after = edit(
        mini_text,
        update(
            mini_text,
            "vc-norra",
            languages=["sv", "no"],  # Norwegian, not a YAML 1.1 boolean
            description=words.strip(),
            hours="1:20",  # not sexagesimal
            phone="112",
            needs=[
                "oro_angest",
                "nedstamdhet",
                "somn",
                "stress",
                "npf",
                "trauma",
                "kris_sorg",
                "mobbning",
                "skolfranvaro",
            ],
        ),
    )
    record = RecordIndex.from_text(after).get("providers", "vc-norra")
    assert record is not None
    assert record.record["languages"] == ["sv", "no"]
    assert record.record["hours"] == "1:20" and record.record["phone"] == "112"
    assert record.record["description"] == words.strip()
    assert all(len(line) <= 100 for line in after.splitlines())
    assert "    description: >-" in after.splitlines()


def test_an_inline_comment_stays_with_its_changed_value() -> None:
    text = MINI.read_text(encoding="utf-8").replace(
        "    kind: habilitering\n", "    kind: habilitering  # se DOMAIN.md\n"
    )
    after = edit(text, update(text, "remissmottagning", kind="bum"))
    assert "    kind: bum  # se DOMAIN.md" in after.splitlines()


def test_merge_keys_and_anchors_are_kept(tmp_path: Path) -> None:
    text = MINI.read_text(encoding="utf-8")
    base = "  - id: elevhalsa-sodra\n"
    text = text.replace(base, "  - &elevhalsa\n    id: elevhalsa-sodra\n").replace(
        "\nflows:\n",
        "  - {<<: *elevhalsa, id: elevhalsa-mitt, name: Elevhälsan Mitt, areas: [norra]}\n"
        "\nflows:\n",
    )
    load_text(text)
    after = edit(text, update(text, "elevhalsa-mitt", name="Elevhälsan i Mitt", age_max=19))
    assert changed_lines(text, after) == [
        "-  - {<<: *elevhalsa, id: elevhalsa-mitt, name: Elevhälsan Mitt, areas: [norra]}",
        "+  - {<<: *elevhalsa, id: elevhalsa-mitt, name: Elevhälsan i Mitt, areas: [norra], "
        "age_max: 19}",
    ]
    with pytest.raises(RegistryInvalid) as refused:
        edit(text, update(text, "elevhalsa-mitt", source=...))
    assert refused.value.problems[0].field == "source"
    assert "merge" in refused.value.problems[0].message
    # Changing the shared entry changes those that merge it, and the diff says so.
    shared = plan(text, RecordIndex.from_text(text), update(text, "elevhalsa-sodra", age_max=18))
    assert shared.diff.ids("providers") == ["elevhalsa-sodra", "elevhalsa-mitt"]
    assert "&elevhalsa" in shared.text


def test_a_new_record_is_appended_in_the_files_style(mini_text: str) -> None:
    after = edit(mini_text, CreateProvider(NEW_PROVIDER))
    added = [line[1:] for line in changed_lines(mini_text, after)]
    assert added[:3] == ["  - id: uph-norra", "    name: Ungdomsprogram Norra Åby", "    kind: uph"]
    assert "    reviewed: 2026-11-01" in added  # a date, not a quoted string
    assert after.index("  - id: uph-norra") < after.index("\nflows:")
    created = RecordIndex.from_text(after).get("providers", "uph-norra")
    assert created is not None and created.record == NEW_PROVIDER


def test_a_flows_list_is_started_when_there_is_none() -> None:
    text = MINI.read_text(encoding="utf-8")
    text = text[: text.index("\nflows:")] + "\n"
    flow = {"id": "vc-bup", "from": "vardcentral", "to": "bup", "mechanism": "remiss"}
    after = edit(text, CreateFlow(flow))
    assert yaml.safe_load(after)["flows"] == [flow]


def test_deleting_a_flow_removes_its_lines_only(mini_text: str) -> None:
    index = RecordIndex.from_text(mini_text)
    flow = index.get("flows", "bup-akut")
    assert flow is not None
    after = edit(mini_text, DeleteFlow("bup-akut", etag(flow.record)))
    assert changed_lines(mini_text, after) == [
        "-  - id: bup-akut",
        "-    from: bup-region-test",
        "-    to: bup-akut-test",
        "-    mechanism: akut",
        "-    needs: [suicidtankar, sjalvskada]",
    ]


# --- retiring ---------------------------------------------------------------------------


def test_retiring_a_provider_with_flows_is_refused_naming_them(
    mini_instance: Instance, admin: User
) -> None:
    version = mini_instance.provider("bup-akut-test")
    with pytest.raises(RegistryInvalid) as refused:
        mini_instance.apply(RetireProvider("bup-akut-test", version.etag), admin)
    assert [(p.subject, p.field) for p in refused.value.problems] == [("flow 'bup-akut'", "to")]


def test_retiring_can_remove_its_flows_and_memberships_in_the_same_change(
    mini_instance: Instance, admin: User
) -> None:
    version = mini_instance.provider("bup-region-test")
    op = RetireProvider("bup-region-test", version.etag, remove_references=True)
    preview = mini_instance.preview(op, admin)
    assert [(c.label, c.action) for c in preview.diff] == [
        ("forum 'samverkan-testkommun'", "changed"),
        ("provider 'bup-region-test'", "changed"),
        ("flow 'bup-akut'", "removed"),
    ]
    assert preview.summary.startswith("Avveckla mottagningen 'bup-region-test'")
    saved = mini_instance.apply(op, admin)
    assert saved.diff == preview.diff
    registry = mini_instance.registry()
    assert registry.providers["bup-region-test"].retired
    assert "bup-akut" not in registry.flows
    assert "bup-region-test" not in registry.forums["samverkan-testkommun"].members
    with pytest.raises(Conflict, match="already retired"):
        mini_instance.apply(RetireProvider("bup-region-test", saved.etag or ""), admin)
