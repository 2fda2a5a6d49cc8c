"""The bundled registry: complete for CONTRACT.md's areas and honest about its data."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from pathways.queries.audit import audit
from pathways.queries.routes import routes
from pathways.registry import Registry
from pathways.vocab import AreaType, Kind, Mechanism, Need

CONTRACT_AREAS = {
    "region-stockholm",
    "vastra-gotalandsregionen",
    "stockholm",
    "alingsas",
    "lerum",
    "goteborg",
    "harryda",
    "molndal",
    "partille",
    "ockero",
    "bromma",
    "enskede-arsta-vantor",
    "farsta",
    "hagersten-alvsjo",
    "hasselby-vallingby",
    "kungsholmen",
    "norrmalm",
    "rinkeby-kista",
    "skarpnack",
    "skarholmen",
    "spanga-tensta",
    "sodermalm",
    "ostermalm",
    "goteborg-centrum",
    "goteborg-hisingen",
    "goteborg-nordost",
    "goteborg-sydvast",
}
# DOMAIN.md: the only phone numbers that are safe to print without the provider's own page.
SAFE_PHONES = {"112", "1177", "116 111", "90101"}
LOCAL_AREAS = sorted(CONTRACT_AREAS - {"region-stockholm", "vastra-gotalandsregionen"})
# Where a young person lives: kommuner without districts, and districts.
HOME_AREAS = sorted(set(LOCAL_AREAS) - {"stockholm", "goteborg"})


def test_every_contract_area_is_there(bundled: Registry) -> None:
    assert set(bundled.areas) >= CONTRACT_AREAS
    assert bundled.areas["skarpnack"].parent == "stockholm"
    assert bundled.areas["goteborg-nordost"].parent == "goteborg"
    assert bundled.areas["alingsas"].parent == "vastra-gotalandsregionen"
    assert bundled.resolve_area("Skarpnäck").id == "skarpnack"
    assert bundled.resolve_area("göteborg").id == "goteborg"


def test_no_error_level_audit_finding(bundled: Registry) -> None:
    assert [f for f in audit(bundled) if f.severity == "error"] == []


def test_no_invented_phone_numbers(bundled: Registry) -> None:
    phones = {p.phone for p in bundled.document.providers if p.phone}
    assert phones <= SAFE_PHONES, phones - SAFE_PHONES
    text = "\n".join(
        f"{p.description} {p.how_to_contact} {p.address} {p.hours}"
        for p in bundled.document.providers
    )
    assert not re.search(r"\b0\d{1,3}[- ]?\d{2,3}[ -]?\d{2}[ -]?\d{2}\b", text)


def test_every_provider_is_sourced_and_dated(bundled: Registry) -> None:
    for p in bundled.document.providers:
        assert p.source.strip() and p.reviewed.year >= 2025, p.id


def test_national_lines(bundled: Registry) -> None:
    national = {p.phone: p for p in bundled.document.providers if p.national}
    assert {"112", "1177", "116 111", "90101"} <= set(national)
    assert national["116 111"].age_max == 17


@pytest.mark.parametrize("area", HOME_AREAS)
def test_each_area_has_first_line_help_and_emergency_units(bundled: Registry, area: str) -> None:
    kinds = {p.kind for p in bundled.serving(area)}
    assert {Kind.elevhalsa, Kind.socialtjanst, Kind.vardcentral, Kind.ungdomsmottagning} <= kinds
    assert {Kind.bup, Kind.bup_akut, Kind.psykiatrisk_akut} <= kinds


@pytest.mark.parametrize("area", LOCAL_AREAS)
def test_the_duty_to_report_reaches_social_services_everywhere(
    bundled: Registry, area: str
) -> None:
    found = routes(
        bundled, "elevhalsa", "socialtjanst", area=area, age=9, needs=[Need.vald_overgrepp]
    )
    assert any(
        len(r.steps) == 1 and r.steps[0].flow.mechanism == Mechanism.orosanmalan for r in found
    ), area


def test_stadsdelar_have_their_own_social_services(bundled: Registry) -> None:
    for area in bundled.areas.values():
        if area.type == AreaType.stadsdel and area.parent == "stockholm":
            own = [
                p
                for p in bundled.serving(area.id)
                if p.kind == Kind.socialtjanst and area.id in p.areas
            ]
            assert own, area.id


def test_a_kommun_with_districts_points_to_them(bundled_client: TestClient) -> None:
    body = bundled_client.get("/api/v1/find-help?age=15&area=Stockholm&need=nedstamdhet").json()
    assert {"id": "skarpnack", "name": "Skarpnäck"} in body["narrower_areas"]
    assert body["results"]
    listed = bundled_client.get("/api/v1/providers?area=stockholm&kind=socialtjanst").json()
    assert listed["total"] == 13


# Words in an entry's note that say some of its facts are our reading, not the source's.
INTERPRETATION = re.compile(r"tolkning|ungefärlig|inte bekräftat|inte kontrollera", re.I)


def test_verified_means_the_same_everywhere(bundled: Registry) -> None:
    """An entry whose coverage, ages or access are an interpretation is not verified."""
    for p in bundled.document.providers:
        if p.note and INTERPRETATION.search(p.note):
            assert not p.verified, p.id


def test_ring_eller_ak_dit_always_says_where_or_how(bundled: Registry) -> None:
    for p in bundled.document.providers:
        words = p.how_to_contact or ""
        assert "Ring eller åk dit." not in words, p.id
        if re.search(r"\båk\b", words):
            assert p.address or "1177" in words or p.name in words or " vid " in words, p.id


def test_costs_follow_what_the_sources_say(bundled: Registry) -> None:
    """DOMAIN.md, Free of charge: BRIS is free; Mind and 1177 charge nothing for their help
    (the call itself is not promised); UM visits are free in most places."""
    cost = {p.id: p.cost.value for p in bundled.document.providers}
    assert cost["bris"] == "gratis"
    assert cost["mind-sjalvmordslinjen"] == cost["vardguiden-1177"] == "hjalp_gratis"
    assert cost["ungdomsmottagningar-i-hela-sverige"] == "oftast_gratis"
