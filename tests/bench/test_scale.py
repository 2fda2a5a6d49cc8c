"""bench/scale.py picks, for its slow-path row, a provider that other records merge, and
tells memory that grows over the edits from memory that swings from one edit to the next."""

from __future__ import annotations

from pathlib import Path

from bench.scale import ENDS, _anchored_provider, memory_ends

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


def test_memory_that_swings_without_a_trend_has_the_same_median_at_both_ends() -> None:
    swinging = [[13.0, 256.0 + 40.0 * (n % 3 == 1)] for n in range(100)]  # 256 or 296 MB
    first, last, width = memory_ends(swinging)
    assert width == ENDS
    assert first == last == [13.0, 256.0]


def test_memory_that_grows_edit_by_edit_shows_at_the_last_end() -> None:
    growing = [[13.0, 250.0 + n] for n in range(100)]  # a megabyte kept per edit
    first, last, _ = memory_ends(growing)
    assert last[1] - first[1] == 90.0
    assert last[0] == first[0]


def test_a_short_run_takes_half_of_it_at_each_end() -> None:
    assert memory_ends([[1.0], [2.0], [3.0], [4.0], [5.0]]) == ([1.5], [4.5], 2)
    assert memory_ends([]) == ([], [], 0)
