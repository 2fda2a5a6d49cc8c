"""History: who changed which records and why, readable diffs, and reverts."""

from __future__ import annotations

import subprocess
from typing import Any

import pytest

from pathways.errors import Conflict, NotFound, RegistryInvalid
from pathways.store.accounts import Role, User
from pathways.store.edits import (
    CreateFlow,
    CreateProvider,
    DeleteFlow,
    RetireProvider,
    UpdateFlow,
    UpdateProvider,
)
from pathways.store.git import SYSTEM_EMAIL, SYSTEM_NAME
from pathways.store.live import Instance

NEW_FLOW = {
    "id": "vc-norra-till-soc",
    "from": "vc-norra",
    "to": "socialtjanst",
    "mechanism": "orosanmalan",
    "when": "När vårdcentralen misstänker att ett barn far illa.",
}


def change(instance: Instance, ident: str, **fields: Any) -> UpdateProvider:
    version = instance.provider(ident)
    return UpdateProvider(ident, {**version.record, **fields}, version.etag)


def test_history_overall_and_per_provider(mini_instance: Instance, admin: User) -> None:
    bo = User("bo", Role.admin)
    mini_instance.apply(change(mini_instance, "vc-norra", hours="Vardagar 8-17"), admin, "Tider")
    mini_instance.apply(change(mini_instance, "um-testkommun", age_max=25), bo)
    mini_instance.apply(CreateFlow(NEW_FLOW), bo, "Ny rutin för orosanmälan")

    overall = mini_instance.history()
    assert [(e.author, e.subject) for e in overall] == [
        ("bo", "Ny rutin för orosanmälan"),
        ("bo", "Change provider 'um-testkommun': age_max"),
        ("anna", "Tider"),
        (SYSTEM_NAME, "Start the registry from mini.yaml"),
    ]
    assert overall[2].message == "Tider\n\nChange provider 'vc-norra': hours"
    assert overall[2].providers == ("vc-norra",)
    assert overall[0].flows == ("vc-norra-till-soc",)
    assert overall[0].time.startswith("20") and "T" in overall[0].time

    per_provider = mini_instance.history("vc-norra")
    assert [e.subject for e in per_provider] == [
        "Ny rutin för orosanmälan",  # a flow from it
        "Tider",
        "Start the registry from mini.yaml",
    ]
    assert [e.subject for e in mini_instance.history(flow_id="vc-norra-till-soc")] == [
        "Ny rutin för orosanmälan"
    ]
    assert len(mini_instance.history(limit=2)) == 2


def test_a_change_reads_as_fields_before_and_after(mini_instance: Instance, admin: User) -> None:
    saved = mini_instance.apply(
        change(mini_instance, "elevhalsa-sodra", age_max=19, phone="08-123 45 67"), admin
    )
    assert saved.commit is not None
    shown = mini_instance.change(saved.commit[:10])
    assert shown.entry.commit == saved.commit
    (record,) = shown.diff.records
    assert (record.label, record.action) == ("provider 'elevhalsa-sodra'", "changed")
    assert [(f.field, f.before, f.after) for f in record.fields] == [
        ("age_max", 20, 19),
        ("phone", None, "08-123 45 67"),
    ]


def test_flows_added_and_removed_are_listed(mini_instance: Instance, admin: User) -> None:
    added = mini_instance.apply(CreateFlow(NEW_FLOW), admin)
    assert added.commit is not None
    (record,) = mini_instance.change(added.commit).diff.records
    assert (record.section, record.id, record.action) == ("flows", NEW_FLOW["id"], "added")
    assert record.after == NEW_FLOW and record.before is None

    version = mini_instance.flow("oro-soc")
    removed = mini_instance.apply(DeleteFlow("oro-soc", version.etag), admin)
    assert removed.commit is not None
    (record,) = mini_instance.change(removed.commit).diff.records
    assert (record.id, record.action, record.after) == ("oro-soc", "removed", None)
    assert record.before == version.record


def test_preview_shows_the_diff_and_writes_nothing(mini_instance: Instance, admin: User) -> None:
    before = mini_instance.registry_file.read_bytes()
    op = change(mini_instance, "vc-norra", hours="Vardagar 8-17")
    preview = mini_instance.preview(op, admin)
    assert mini_instance.registry_file.read_bytes() == before
    assert len(mini_instance.history()) == 1
    saved = mini_instance.apply(op, admin)
    assert saved.diff == preview.diff
    assert preview.summary == saved.summary == "Change provider 'vc-norra': hours"


def test_unknown_changes_are_not_found(mini_instance: Instance) -> None:
    for revision in ("0" * 40, "--output=/tmp/x", "HEAD", "nope"):
        with pytest.raises(NotFound):
            mini_instance.change(revision)


REVERSIBLE = [
    pytest.param(
        lambda i: change(i, "bup-akut-test", hours="Dygnet runt", address=...), id="update"
    ),
    pytest.param(
        lambda i: CreateProvider(
            {
                **i.provider("vc-norra").record,
                "id": "vc-sodra",
                "areas": ["sodra"],
            }
        ),
        id="create",
    ),
    pytest.param(lambda i: DeleteFlow("elevhalsa-um", i.flow("elevhalsa-um").etag), id="delete"),
    pytest.param(
        lambda i: RetireProvider(
            "bup-region-test", i.provider("bup-region-test").etag, remove_references=True
        ),
        id="retire",
    ),
    pytest.param(
        lambda i: UpdateFlow(
            "underscore-kind",
            {**i.flow("underscore-kind").record, "note": "Bara i akuta fall."},
            i.flow("underscore-kind").etag,
        ),
        id="flow-mapping",
    ),
]


@pytest.mark.parametrize("make", REVERSIBLE)
def test_revert_restores_the_file_byte_for_byte_as_a_new_change(
    mini_instance: Instance, admin: User, make: Any
) -> None:
    before = mini_instance.registry_file.read_bytes()
    op = make(mini_instance)
    if isinstance(op, UpdateProvider):  # `...` marks a field to leave out
        op = UpdateProvider(
            op.provider_id, {k: v for k, v in op.record.items() if v is not ...}, op.if_match
        )
    saved = mini_instance.apply(op, admin)
    assert saved.commit is not None and mini_instance.registry_file.read_bytes() != before

    undone = mini_instance.revert(saved.commit, User("bo", Role.admin), "Fel mottagning")
    assert mini_instance.registry_file.read_bytes() == before
    entry = mini_instance.history(limit=1)[0]
    assert entry.commit == undone.commit and entry.author == "bo"
    assert entry.subject == "Fel mottagning"
    assert f"This reverts commit {saved.commit}." in entry.message
    assert undone.diff.ids("providers") + undone.diff.ids("flows") == saved.diff.ids(
        "providers"
    ) + saved.diff.ids("flows")


def test_revert_of_a_record_changed_since_is_refused(mini_instance: Instance, admin: User) -> None:
    first = mini_instance.apply(change(mini_instance, "vc-norra", hours="Vardagar 8-17"), admin)
    mini_instance.apply(change(mini_instance, "vc-norra", hours="Vardagar 9-16"), admin)
    before = mini_instance.registry_file.read_bytes()
    assert first.commit is not None
    with pytest.raises(Conflict, match="changed since") as refused:
        mini_instance.revert(first.commit, admin)
    assert refused.value.subjects == ["vc-norra"]
    assert mini_instance.registry_file.read_bytes() == before
    assert mini_instance.provider("vc-norra").record["hours"] == "Vardagar 9-16"


def test_the_first_version_cannot_be_reverted(mini_instance: Instance, admin: User) -> None:
    (seed,) = mini_instance.history()
    with pytest.raises(Conflict, match="first version"):
        mini_instance.revert(seed.commit, admin)


def test_a_revert_is_validated_like_any_edit(mini_instance: Instance, admin: User) -> None:
    """Restoring a flow to a provider retired since would break the registry: refused."""
    version = mini_instance.flow("bup-akut")
    removed = mini_instance.apply(DeleteFlow("bup-akut", version.etag), admin)
    assert removed.commit is not None
    provider = mini_instance.provider("bup-akut-test")
    mini_instance.apply(RetireProvider("bup-akut-test", provider.etag), admin)
    with pytest.raises(RegistryInvalid, match="retired"):
        mini_instance.revert(removed.commit, admin)


def test_a_commit_made_by_hand_is_listed_with_the_records_it_touched(
    mini_instance: Instance, admin: User
) -> None:
    """A region syncing with plain git has no trailers; the records come from the diff."""
    path = mini_instance.registry_file
    path.write_text(
        path.read_text(encoding="utf-8").replace("age_max: 24", "age_max: 23"), encoding="utf-8"
    )
    git = ["git", "-C", str(mini_instance.registry_dir), "-c", "user.name=Region", "-c"]
    subprocess.run([*git, f"user.email={SYSTEM_EMAIL}", "commit", "-qam", "Synk"], check=True)
    entry = mini_instance.history("um-testkommun", limit=1)[0]
    assert (entry.author, entry.subject, entry.providers) == ("Region", "Synk", ("um-testkommun",))
    # ...and the live registry follows the file.
    assert mini_instance.registry().providers["um-testkommun"].age_max == 23
