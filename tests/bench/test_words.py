"""The reader benchmark runs and reports both figures (the numbers are not asserted)."""

from __future__ import annotations

from bench.words import reader_cost


def test_reader_cost_reports_cold_and_warm() -> None:
    lines = reader_cost()
    assert len(lines) == 2 and "texts" in lines[0]
    assert "cold" in lines[1] and "warm" in lines[1]
