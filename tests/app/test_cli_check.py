"""`vardkedjan check` prints the audit exactly as the reference audit finds it.

The audit behind `check` was made fast for the national registry (issue 14); these
tests rebuild the expected output from `tests/pathways/queries/audit_reference.py` with
the printing `check` has always used, for a generated national registry (20 kommuner)
and the bundled one, with and without `--all`.
"""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from bench.generate import dump, generate
from pathways.errors import RegistryInvalid
from pathways.queries.audit import Finding
from pathways.registry import Registry
from tests.conftest import BUNDLED, ROOT
from tests.pathways.queries.audit_reference import reference_audit


def expected(path: Path, *, show_all: bool) -> str:
    registry = Registry.from_file(path)
    doc = registry.document
    lines = [
        f"{path}: valid. {len(doc.areas)} areas, {len(doc.providers)} providers "
        f"({sum(1 for _ in registry.active())} active), {len(doc.flows)} flows, "
        f"{registry.graph.number_of_edges()} referral edges."
    ]
    grouped: dict[str, list[Finding]] = defaultdict(list)
    findings = reference_audit(registry, date.today())
    for finding in findings:
        grouped[finding.code].append(finding)
    if not findings:
        return "\n".join([*lines, "Audit: no findings.", ""])
    summary = ", ".join(f"{code} {len(items)}" for code, items in sorted(grouped.items()))
    lines.append(f"Audit: {len(findings)} finding(s): {summary}")
    for code, items in sorted(grouped.items()):
        shown = items if show_all else items[:10]
        lines.extend(f"  [{f.severity}] {code}: {f.message}" for f in shown)
        if len(items) > len(shown):
            lines.append(f"  ... and {len(items) - len(shown)} more {code} (use --all)")
    return "\n".join([*lines, ""])


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("national") / "national-20.yaml"
    path.write_text(dump(generate(20)), encoding="utf-8")
    return path


@pytest.mark.parametrize("show_all", [False, True])
def test_a_national_registry(
    national: Path, show_all: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(national), *(["--all"] if show_all else [])]) == 0
    assert capsys.readouterr().out == expected(national, show_all=show_all)


def test_the_bundled_registry(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--all", str(BUNDLED)]) == 0
    assert capsys.readouterr().out == expected(BUNDLED, show_all=True)


_FRESH = """
import sys
from app.cli import main
code = main(["check", "--all", sys.argv[1]])
sys.stdout.flush()
print(code, "networkx" in sys.modules, file=sys.stderr)
"""


def test_check_in_a_fresh_interpreter_never_imports_networkx(national: Path) -> None:
    """check reads the graph's dicts alone: importing networkx was a sixth of its second
    (issue 14); the output is the same as the reference audit's, forking and all."""
    done = subprocess.run(
        [sys.executable, "-c", _FRESH, str(national)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        cwd=ROOT,
    )
    assert done.stderr.split() == ["0", "False"]
    assert done.stdout == expected(national, show_all=True)


def test_check_refuses_a_registry_past_the_edge_limit_by_flow(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """check counts the edges without building the graph, and refuses past the limit
    with what a server says: the flow that crossed it and the one that expands most."""
    registry = Registry.from_file(BUNDLED)
    monkeypatch.setenv("VARDKEDJAN_MAX_REFERRAL_EDGES", str(registry.edges - 1))
    with pytest.raises(RegistryInvalid) as served:
        Registry.from_file(BUNDLED)  # as a server builds it, graph and all
    assert main(["check", str(BUNDLED)]) == 1
    out = capsys.readouterr().out
    assert "INVALID" in out and "too_many_edges" in out
    assert str(served.value.problems[0]) in out
