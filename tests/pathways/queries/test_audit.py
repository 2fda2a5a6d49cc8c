"""The audit finds what is weak in a registry, each finding naming its subjects."""

from __future__ import annotations

from datetime import date

from pathways.queries.audit import audit
from pathways.registry import Registry


def codes(registry: Registry) -> dict[str, set[tuple[str, ...]]]:
    out: dict[str, set[tuple[str, ...]]] = {}
    for f in audit(registry, date(2026, 11, 23)):
        out.setdefault(f.code, set()).add(f.subjects)
    return out


def test_findings_on_the_test_registry(mini: Registry) -> None:
    found = codes(mini)
    assert found["stale"] == {("elevhalsa-sodra",)}
    assert found["unverified"] == {("elevhalsa-norra",)}
    assert found["unreachable"] == {("remissmottagning",)}
    assert found["unused_flow"] == {("passar-inget",)}
    assert ("um-testkommun",) in found["dead_end"]
    assert ("vc-norra",) in found["dead_end"]  # BUP takes neither sleep nor stress
    assert found["ping_pong"] == {
        ("elevhalsa-norra", "um-testkommun"),
        ("elevhalsa-sodra", "um-testkommun"),
    } or found["ping_pong"] == {
        ("um-testkommun", "elevhalsa-norra"),
        ("um-testkommun", "elevhalsa-sodra"),
    }
    assert ("grannkommun",) in found["coverage_gap"]
    assert all(f.severity != "error" for f in audit(mini))


def test_stale_depends_on_the_date(mini: Registry) -> None:
    early = [f for f in audit(mini, date(2024, 6, 1)) if f.code == "stale"]
    assert early == []
