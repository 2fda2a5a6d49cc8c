"""Bounded input: registry size, YAML alias expansion, referral edges, non-regular files."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from app.cli import main
from pathways.errors import RegistryInvalid
from pathways.loader import load_file, load_text
from pathways.registry import Registry
from pathways.store.accounts import Role, User
from pathways.store.edits import CreateFlow
from pathways.store.live import Instance
from tests.conftest import MINI

LAUGHS = """version: 1
a: &a [x, x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
h: [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]
"""


def test_a_registry_over_the_size_limit_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as out:
        out.truncate(21 * 1024 * 1024)  # sparse: 21 MB of nothing, never parsed
    with pytest.raises(RegistryInvalid, match="more than the 20 MB allowed"):
        load_file(big)
    monkeypatch.setenv("VARDKEDJAN_MAX_REGISTRY_MB", "1")
    with pytest.raises(RegistryInvalid, match="VARDKEDJAN_MAX_REGISTRY_MB"):
        load_text("x" * (2 * 1024 * 1024))
    assert Registry.from_file(MINI)  # a small one still loads


def test_yaml_alias_expansion_is_bounded() -> None:
    with pytest.raises(RegistryInvalid) as refused:
        load_text(LAUGHS, "laughs.yaml")
    assert "VARDKEDJAN_MAX_YAML_ALIAS_NODES" in str(refused.value)
    # The same through PyYAML's full loader (a tag sends the text there).
    tagged = LAUGHS.replace("h: [", "h: !!seq [")
    with pytest.raises(RegistryInvalid, match="VARDKEDJAN_MAX_YAML_ALIAS_NODES"):
        load_text(tagged, "laughs.yaml")


def test_the_bundled_merge_keys_are_well_inside_the_limit() -> None:
    assert Registry.from_file(Path(__file__).parents[2] / "data" / "providers.yaml")


def test_a_flow_that_expands_too_far_is_refused_by_name(
    mini_instance: Instance, monkeypatch: pytest.MonkeyPatch
) -> None:
    edges = mini_instance.registry().graph.number_of_edges()
    monkeypatch.setenv("VARDKEDJAN_MAX_REFERRAL_EDGES", str(edges))
    wide = {"id": "overallt", "from": "stodlinje", "to": "elevhalsa", "mechanism": "hanvisning"}
    before = mini_instance.registry_file.read_bytes()
    with pytest.raises(RegistryInvalid) as refused:
        mini_instance.apply(CreateFlow(wide), User("anna", Role.admin))
    assert "flow 'overallt'" in str(refused.value)
    assert "VARDKEDJAN_MAX_REFERRAL_EDGES" in str(refused.value)
    assert mini_instance.registry_file.read_bytes() == before


def test_check_refuses_a_fifo_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "registry.yaml"
    os.mkfifo(fifo)
    result: list[int] = []
    worker = threading.Thread(target=lambda: result.append(main(["check", str(fifo)])))
    worker.start()
    worker.join(timeout=30)
    if worker.is_alive():  # it hangs: open the other end so the thread can finish
        with fifo.open("w"):
            pass
        worker.join()
        pytest.fail("check waited on a FIFO")
    assert result == [1]
    assert "not a regular file" in capsys.readouterr().out
