"""The shape of the code: no import cycle, the wings import downwards, modules stay small.

The import graph is read from the source with `ast` (every import, also those under
`TYPE_CHECKING` and inside functions: a cycle hidden from the interpreter is still one a
reader has to hold in their head).
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("pathways", "app")
MAX_LINES = 400
MAX_TOP_MODULES = 13  # the core; `parallel` (forking for `check`) made it 13

# Which wing may import which: the core at the top of `pathways/` (errors, vocab, models,
# validation, loader, registry, graph, messages, question) reads YAML through `yamlio` and
# nothing else; `yamlio` is a leaf; the wings build on the core and on each other only
# downwards (queries read text, nothing reads the store but the service; standards, the
# HSDS and FHIR mappings, read the core and a provider's public sources).
ALLOWED: dict[str, frozenset[str]] = {
    "yamlio": frozenset(),
    "core": frozenset({"yamlio"}),
    "reading": frozenset({"core"}),
    "queries": frozenset({"core", "reading"}),
    "store": frozenset({"core", "yamlio"}),
    "orgmap": frozenset({"core", "queries"}),
    "standards": frozenset({"core", "queries"}),
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for pkg in PACKAGES for p in sorted((ROOT / pkg).rglob("*.py"))}


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The project modules a module imports (`from a import b` counts `a.b` if a module)."""
    found: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{a.name}" for a in node.names)
    return {m for m in found if m in known and m != name}


def _graph() -> nx.DiGraph:
    modules = _modules()
    graph = nx.DiGraph()
    graph.add_nodes_from(modules)
    for name, path in modules.items():
        graph.add_edges_from((name, target) for target in _imports(name, path, set(modules)))
    return graph


def _wing(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "pathways" or module == "pathways":
        return None
    # A wing's package face (`pathways.orgmap` itself) belongs to the wing it re-exports.
    is_wing = len(parts) > 2 or (ROOT / "pathways" / parts[1]).is_dir()
    return parts[1] if is_wing else "core"


def test_the_import_graph_is_read_from_the_code() -> None:
    graph = _graph()
    assert graph.has_edge("pathways.registry", "pathways.loader")
    assert graph.has_edge("app.factory", "pathways.registry")


def test_there_is_no_import_cycle() -> None:
    graph = _graph()
    assert list(nx.simple_cycles(graph)) == []


def test_nothing_in_pathways_imports_app() -> None:
    graph = _graph()
    upward = [(a, b) for a, b in graph.edges if a.startswith("pathways") and b.startswith("app")]
    assert upward == []


def test_the_wings_import_downwards() -> None:
    wrong = []
    for a, b in _graph().edges:
        source, target = _wing(a), _wing(b)
        if source and target and source != target and target not in ALLOWED[source]:
            wrong.append((a, b))
    assert wrong == []


def test_no_router_imports_another_router() -> None:
    graph = _graph()
    routers = [m for m in graph if m.startswith("app.routers.")]
    assert len(routers) >= 6
    assert [(a, b) for a, b in graph.edges if a in routers and b in routers] == []


@pytest.mark.parametrize("name", sorted(_modules()))
def test_no_module_is_over_400_lines(name: str) -> None:
    lines = _modules()[name].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{name} has {lines} lines"


def test_few_modules_at_the_top_of_pathways() -> None:
    top = {p.stem for p in (ROOT / "pathways").glob("*.py")} - {"__init__"}
    assert len(top) <= MAX_TOP_MODULES, sorted(top)


def test_yamlio_is_a_leaf() -> None:
    graph = _graph()
    yamlio = [m for m in graph if m.startswith("pathways.yamlio")]
    assert yamlio
    assert [(a, b) for a in yamlio for b in graph.successors(a) if b not in yamlio] == []
