"""`vardkedjan check FILE`: validate a registry and print its audit.

It always reads and validates the YAML itself (never a snapshot), and it imports only
the domain: no web framework, so that a national registry is checked in about a second.
The domain itself is imported while yaml-rs parses the text (`quick.begin`), so only
the few modules that read and start the parse are imported first, here.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pathways import limits, parallel
from pathways.errors import RegistryInvalid
from pathways.yamlio import quick

if TYPE_CHECKING:
    from pathways.queries.audit import Finding

SHOWN_PER_CODE = 10


def run_check(path: Path, *, show_all: bool = False) -> int:
    """Print the verdict and the audit; 1 when the registry is refused or has an error.

    The garbage collector stays off for the whole check, the audit included: it only
    allocates, and at national scale each collection would scan a million live objects.
    Independent steps (the parser's guards, the relational rules, the audit's busiest
    rules) run beside the main line on a second core (`pathways.parallel`); the results
    are the same in line.
    """
    with parallel.allowed():
        try:
            text = limits.read_text(path)
        except RegistryInvalid as exc:
            return _refused(path, exc)
        quick.begin(text, limits.Limits.current().alias_nodes, parallel.beside)
        from pathways.loader import collector_paused

        with collector_paused():
            return _check(path, text, show_all=show_all)


def _check(path: Path, text: str, *, show_all: bool) -> int:
    from pathways.loader import load_text
    from pathways.queries.audit import audit
    from pathways.registry import Registry

    try:
        # Finishes the begun load; the edges are counted, and no graph is built.
        registry = Registry(load_text(text, str(path), quick=True), wired=False)
    except RegistryInvalid as exc:
        return _refused(path, exc)
    doc = registry.document
    active = sum(1 for p in doc.providers if not p.retired)
    print(
        f"{path}: valid. {len(doc.areas)} areas, {len(doc.providers)} providers "
        f"({active} active), {len(doc.flows)} flows, {registry.edges} referral edges."
    )
    findings = audit(registry, date.today())
    sys.stdout.write(_report(findings, show_all=show_all))
    return 1 if any(f.severity == "error" for f in findings) else 0


def _refused(path: Path, exc: RegistryInvalid) -> int:
    from pathways.queries.audit import from_problems

    print(f"{path}: INVALID, {len(exc.problems)} problem(s); the registry is refused whole.")
    for finding in from_problems(exc.problems):
        print(f"  [error] {finding.code}: {finding.message}")
    return 1


def _report(findings: list[Finding], *, show_all: bool) -> str:
    """The findings grouped by code, as one text: written at once, not line by line."""
    if not findings:
        return "Audit: no findings.\n"
    from pathways.queries.audit import by_code

    grouped = by_code(findings)
    summary = ", ".join(f"{code} {len(items)}" for code, items in sorted(grouped.items()))
    lines = [f"Audit: {len(findings)} finding(s): {summary}"]
    for code, items in sorted(grouped.items()):
        shown = items if show_all else items[:SHOWN_PER_CODE]
        lines.extend(f"  [{f.severity}] {code}: {f.message}" for f in shown)
        if len(items) > len(shown):
            lines.append(f"  ... and {len(items) - len(shown)} more {code} (use --all)")
    lines.append("")
    return "\n".join(lines)
