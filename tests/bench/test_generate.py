"""The benchmark's registry generator writes registries that the loader accepts."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

from pathways.loader import load_text
from pathways.registry import Registry
from pathways.validation import validate
from pathways.vocab import Kind

GENERATOR = Path(__file__).resolve().parents[2] / "bench" / "generate.py"


def _generator() -> ModuleType:
    """bench/ is not a package: load bench/generate.py from its path."""
    spec = importlib.util.spec_from_file_location("bench_generate", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


generator = _generator()


def test_small_registry_is_valid_with_every_kind() -> None:
    doc = generator.generate(kommuner=3)
    registry = validate(doc)
    kinds = Counter(p.kind for p in registry.providers)
    assert set(kinds) == set(Kind), f"missing kinds: {set(Kind) - set(kinds)}"
    assert {a.type.value for a in registry.areas} == {"region", "kommun", "stadsdel"}
    assert kinds[Kind.elevhalsa] >= 2 * 3  # at least a school or two per kommun
    assert all(p.phone is None and not p.verified for p in registry.providers)
    national = {p.id for p in registry.providers if p.national}
    assert len(national) == 4


def test_written_yaml_loads_back_to_the_same_document() -> None:
    doc = generator.generate(kommuner=3, seed=5)
    text = generator.dump(doc)
    assert load_text(text, "generated.yaml") == validate(doc)
    registry = Registry(load_text(text, "generated.yaml"))
    assert registry.graph.number_of_edges() > len(registry.document.flows)


def test_same_seed_same_registry() -> None:
    first = generator.dump(generator.generate(kommuner=4, seed=2))
    assert first == generator.dump(generator.generate(kommuner=4, seed=2))
    assert first != generator.dump(generator.generate(kommuner=4, seed=3))


def test_scale_follows_the_number_of_kommuner() -> None:
    small = generator.count_active(generator.generate(kommuner=3))
    larger = generator.count_active(generator.generate(kommuner=29))
    assert sum(larger.values()) > 5 * sum(small.values())
    assert larger[Kind.bup_akut.value] == 2  # 21 regions for 290 kommuner: 2 for 29
