"""A change read whole keeps what it parsed, so the next edit reads in part at once.

Before, the version a whole read installed had no parsed data: the next edit, even of a
plain record, first parsed the whole text again (seconds for a national registry).
"""

from __future__ import annotations

from typing import Any

import pytest

from pathways.loader import load_text
from pathways.store import incremental
from pathways.store.accounts import User
from pathways.store.edits import UpdateProvider
from pathways.store.live import Instance


def _update(instance: Instance, ident: str, **fields: object) -> UpdateProvider:
    version = instance.provider(ident)
    return UpdateProvider(ident, {**version.record, **fields}, version.etag)


def test_the_edit_after_a_whole_read_parses_no_whole_text(
    mini_instance: Instance, admin: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = mini_instance.registry_file.read_text(encoding="utf-8")
    # A comment on top is a change outside the records: the text is read whole.
    by_hand = "# Ändrad för hand.\n" + text.replace(
        "reviewed: 2026-11-01", "reviewed: 2026-11-02", 1
    )
    assert by_hand.count("2026-11-02") > text.count("2026-11-02")
    read_whole: list[bool] = []
    read = incremental.read

    def noting(*args: Any) -> Any:
        found = read(*args)
        read_whole.append(found is None)
        return found

    monkeypatch.setattr(incremental, "read", noting)
    saved = mini_instance.commit_text(by_hand, admin, "by hand")
    assert saved.commit is not None and read_whole == [True]
    monkeypatch.setattr(incremental, "read", read)
    ident = mini_instance.registry().document.providers[-1].id

    parsed: list[int] = []
    whole = incremental.parse_yaml

    def counting(text: str, file: str, **kwargs: object) -> object:
        parsed.append(len(text))
        return whole(text, file, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(incremental, "parse_yaml", counting)
    mini_instance.apply(_update(mini_instance, ident, hours="Tisdagar 9-11"), admin)
    assert parsed == []  # read in part, from the data the whole read kept

    after = mini_instance.registry_file.read_text(encoding="utf-8")
    assert mini_instance.registry().document == load_text(after)  # as a fresh load
    assert mini_instance.provider(ident).record["hours"] == "Tisdagar 9-11"
