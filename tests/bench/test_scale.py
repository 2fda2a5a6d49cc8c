"""bench/scale.py picks, for its slow-path row, a provider that other records merge."""

from __future__ import annotations

from pathlib import Path

from bench.scale import _anchored_provider

RECORDS = """providers:
- &p1
  id: alone
  name: A
- &p2
  id: merged
  name: B
- {<<: *p2, id: clone, name: C}
"""


def test_the_first_anchored_provider_that_is_merged_is_picked(tmp_path: Path) -> None:
    data = tmp_path / "r.yaml"
    data.write_text(RECORDS, encoding="utf-8")
    assert _anchored_provider(data) == "merged"  # p1 is anchored but nobody aliases it


def test_none_when_no_record_is_merged(tmp_path: Path) -> None:
    data = tmp_path / "r.yaml"
    data.write_text(RECORDS.replace("*p2", "*p9"), encoding="utf-8")
    assert _anchored_provider(data) is None
