"""The check split runs `check`'s steps in a fresh interpreter and reports each one
(the numbers are not asserted: speed is measured in bench/, not in the tests)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from bench.check_split import CHILD, STEPS, measure, split_rows
from tests.conftest import MINI


def test_every_step_is_reported() -> None:
    steps = measure(MINI, runs=1)
    assert list(steps) == [*STEPS, CHILD]
    assert all(wall >= 0 and cpu >= 0 for wall, cpu in steps.values())


def test_a_registry_that_does_not_load_gives_no_figures(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("version: 1\nareas: [\n", encoding="utf-8")
    with pytest.raises(subprocess.CalledProcessError):
        measure(broken, runs=1)


def test_rows_for_the_table() -> None:
    rows = split_rows(MINI)
    assert [name for name, _ in rows] == [f"check split: {step}" for step in (*STEPS, CHILD)]
    assert all("s wall" in value and "s CPU" in value for _, value in rows[:-1])
    assert rows[-1][1].endswith(" s CPU")
