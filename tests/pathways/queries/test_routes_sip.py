"""Routes between providers or kinds, and the SIP table."""

from __future__ import annotations

import pytest

from pathways.errors import InvalidQuery, NotFound
from pathways.queries.routes import also_called, routes
from pathways.queries.sip import LEGAL_BASIS, sip
from pathways.registry import Registry
from pathways.vocab import Mechanism, Need


def test_direct_route_comes_first_with_its_requirements(mini: Registry) -> None:
    found = routes(mini, "elevhalsa", "bup", area="norra", age=10, needs=[Need.npf])
    first = found[0].steps
    assert len(first) == 1
    assert first[0].flow.mechanism == Mechanism.remiss
    assert first[0].requires == ("remiss", "samtycke_vardnadshavare")
    assert [len(r.steps) for r in found] == sorted(len(r.steps) for r in found)


def test_route_through_an_intermediate_provider(mini: Registry) -> None:
    found = routes(mini, "elevhalsa-norra", "bup-akut-test", age=12)
    paths = [[s.target.id for s in r.steps] for r in found]
    assert paths[0] == ["bup-region-test", "bup-akut-test"]
    # The school's referral to BUP is for npf only, so it carries no suicidal-thoughts case.
    found = routes(mini, "elevhalsa-norra", "bup-akut-test", age=12, needs=[Need.suicidtankar])
    assert ["bup-region-test", "bup-akut-test"] not in [
        [s.target.id for s in r.steps] for r in found
    ]


def test_report_of_concern_route(mini: Registry) -> None:
    found = routes(
        mini, "elevhalsa", "socialtjanst", area="sodra", age=9, needs=[Need.vald_overgrepp]
    )
    assert found[0].steps[0].flow.mechanism == Mechanism.orosanmalan
    assert found[0].steps[0].requires == ("orosanmalan",)


def test_conditions_close_routes(mini: Registry) -> None:
    # The referral from vårdcentral to BUP is for under-18s only.
    assert routes(mini, "vc-norra", "bup-region-test", age=18) == []
    # No flow leads from BUP back to school health.
    assert routes(mini, "bup", "elevhalsa", area="norra") == []


def test_routes_need_an_area_for_kinds_and_known_ends(mini: Registry) -> None:
    with pytest.raises(InvalidQuery, match="area"):
        routes(mini, "elevhalsa", "bup")
    with pytest.raises(NotFound):
        routes(mini, "elevhalsa", "hogwarts", area="norra")


def test_sip_brings_both_principals(mini: Registry) -> None:
    answer = sip(mini, area="norra", age=13, needs=[Need.npf, Need.skolfranvaro])
    groups = {p.group for p in answer.participants}
    assert {"kommun", "region"} <= groups
    assert answer.both_principals
    kinds = [p.provider.kind.value for p in answer.participants]
    assert "socialtjanst" in kinds and "bup" in kinds and "elevhalsa" in kinds
    assert "bup_akut" not in kinds
    assert answer.legal_basis == LEGAL_BASIS
    assert "samtycke" in str(answer.consent)
    assert all(p.why for p in answer.participants)


def test_sip_requires_a_need(mini: Registry) -> None:
    with pytest.raises(InvalidQuery):
        sip(mini, area="norra", age=13, needs=[])


BESIDE = {Mechanism.sip, Mechanism.konsultation}


@pytest.mark.parametrize(
    ("origin", "target", "area", "age", "needs"),
    [
        ("elevhalsa", "bup", "skarpnack", 15, []),
        ("elevhalsa", "bup", "kungsholmen", 10, [Need.npf]),
        ("vardcentral", "bup", "stockholm", 12, [Need.nedstamdhet]),
        ("elevhalsa", "socialtjanst", "alingsas", 9, [Need.vald_overgrepp]),
        ("socialtjanst", "bup", "goteborg", 14, []),
        ("bvc", "smabarnsteam", "lerum", 2, []),
    ],
)
def test_routes_are_the_way_referrals_work(
    bundled: Registry, origin: str, target: str, area: str, age: int, needs: list[Need]
) -> None:
    found = routes(bundled, origin, target, area=area, age=age, needs=needs, limit=10)
    signatures = [
        tuple((s.origin.kind, s.target.kind, s.flow.mechanism) for s in r.steps) for r in found
    ]
    assert len(signatures) == len(set(signatures)), "a route is repeated"
    order = [(len(r.steps), r.effort) for r in found]
    assert order == sorted(order)
    for route in found:
        assert not {s.flow.mechanism for s in route.steps} & BESIDE
        assert {a.flow.mechanism for a in route.also} <= BESIDE
        for step in route.steps:
            assert str(step.sender)
            if step.flow.mechanism is Mechanism.hanvisning:
                assert "Inget skickas" in str(step.sender) and "själv" in str(step.sender)
                assert "remiss" not in step.requires
            if step.target.kind.value == "bup":
                assert any("måttliga till svåra" in str(r) for r in step.receiver)
                assert any("vårdnadshavarna" in str(r) for r in step.receiver)


def test_sip_and_consultation_are_beside_the_route(bundled: Registry) -> None:
    also = also_called(bundled, "socialtjanst", "bup", area="goteborg", age=14)
    assert {a.flow.mechanism for a in also} & BESIDE
    assert {a.flow.mechanism for a in also} <= BESIDE
