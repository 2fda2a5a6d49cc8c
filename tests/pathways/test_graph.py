"""Kind-to-kind flows expand over providers that share an area; exceptions hold."""

from __future__ import annotations

from pathways.loader import load_text
from pathways.registry import Registry


def edges(registry: Registry, flow: str) -> set[tuple[str, str]]:
    return {(u, v) for u, v, k in registry.graph.edges(keys=True) if k == flow}


def test_kind_flow_pairs_only_providers_sharing_an_area(mini: Registry) -> None:
    # Only Norra Åby has a vårdcentral; the school in Södra Åby gets no edge to it.
    assert edges(mini, "elevhalsa-vc") == {("elevhalsa-norra", "vc-norra")}


def test_region_wide_provider_shares_every_district(mini: Registry) -> None:
    assert edges(mini, "elevhalsa-bup") == {
        ("elevhalsa-norra", "bup-region-test"),
        ("elevhalsa-sodra", "bup-region-test"),
    }


def test_provider_specific_flow_and_retired_providers(mini: Registry) -> None:
    assert edges(mini, "bup-akut") == {("bup-region-test", "bup-akut-test")}
    assert "nedlagd" not in mini.graph
    assert "nedlagd" in mini.providers


def test_flow_matching_nothing_adds_no_edge(mini: Registry) -> None:
    assert edges(mini, "passar-inget") == set()


def test_except_and_within_limit_the_expansion(mini_text: str) -> None:
    text = mini_text.replace(
        "    mechanism: orosanmalan\n",
        "    mechanism: orosanmalan\n    except: [elevhalsa-sodra]\n",
    )
    registry = Registry(load_text(text))
    assert edges(registry, "oro-soc") == {("elevhalsa-norra", "soc-testkommun")}
    scoped = mini_text.replace(
        "    to: vardcentral\n    within: testkommun",
        "    to: vardcentral\n    within: grannkommun",
    )
    assert edges(Registry(load_text(scoped)), "elevhalsa-vc") == set()


def test_two_flows_between_the_same_pair_stay_distinct(mini_text: str) -> None:
    text = (
        mini_text
        + "  - {id: vc-bup-2, from: vc-norra, to: bup-region-test, mechanism: konsultation}\n"
    )
    registry = Registry(load_text(text))
    assert set(registry.graph["vc-norra"]["bup-region-test"]) == {"vc-bup", "vc-bup-2"}


def test_area_lookup_by_name_alias_and_without_accents(mini: Registry) -> None:
    assert mini.resolve_area("Norra Åby").id == "norra"
    assert mini.resolve_area("norra aby").id == "norra"
    assert mini.resolve_area("SÖDRA ÅBY").id == "sodra"
    assert mini.resolve_area("Testk").id == "testkommun"
    assert mini.chain("norra") == ("norra", "testkommun", "region-test")


def test_within_applies_to_provider_ends_too(mini_text: str) -> None:
    text = mini_text + (
        "  - {id: scoped-out, from: vc-norra, to: bup-region-test, mechanism: konsultation,"
        " within: grannkommun}\n"
    )
    assert edges(Registry(load_text(text)), "scoped-out") == set()
