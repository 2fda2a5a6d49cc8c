"""Issue 11, points 1-3, in the domain: all of Sweden, next steps that fit, first places.

Over the bundled registry, since these are promises about the data and the rules
together: every kommun answers, and the first place is the one DOMAIN.md names.
"""

from __future__ import annotations

import pytest

from pathways.queries.emergency import CALM
from pathways.queries.find_help import HelpAnswer, find_help
from pathways.registry import Registry
from pathways.vocab import AreaType, Kind, Level, Mechanism, Need, Urgency

# SCB codes every Swede can check (the sample).
KNOWN_CODES = {
    "stockholm": "0180",
    "goteborg": "1480",
    "malmo": "1280",
    "uppsala": "0380",
    "kiruna": "2584",
    "huddinge": "0126",
    "alingsas": "1489",
    "lerum": "1441",
    "region-stockholm": "01",
    "vastra-gotalandsregionen": "14",
    "region-skane": "12",
    "region-norrbotten": "25",
}
# Places with local entries, places with region entries only, places with neither.
SAMPLE_AREAS = ["skarpnack", "alingsas", "goteborg-hisingen", "huddinge", "uppsala", "kiruna"]
PLANNED_NEEDS = [n for n in Need if n != Need.suicidtankar]


def kinds(answer: HelpAnswer) -> list[Kind]:
    return [r.provider.kind for r in answer.results]


# --- 1. All of Sweden ----------------------------------------------------------------


def test_every_kommun_and_region_with_its_scb_code(bundled: Registry) -> None:
    areas = list(bundled.areas.values())
    kommuner = [a for a in areas if a.type == AreaType.kommun]
    regions = [a for a in areas if a.type == AreaType.region]
    assert (len(kommuner), len(regions)) == (290, 21)
    assert len({a.code for a in kommuner}) == 290 and len({a.code for a in regions}) == 21
    for area in [*kommuner, *regions]:
        assert area.source and "SCB" in area.source, area.id
        if area.type == AreaType.kommun:
            parent = bundled.areas[area.parent or ""]
            assert area.code and parent.code and area.code.startswith(parent.code), area.id
    for ident, code in KNOWN_CODES.items():
        assert bundled.areas[ident].code == code, ident


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Uppsala", "uppsala"),
        ("huddinge", "huddinge"),
        ("KIRUNA", "kiruna"),
        ("Malmö", "malmo"),
        ("malmo", "malmo"),
        ("Umeå", "umea"),
        ("åre", "are"),
        ("Upplands Väsby", "upplands-vasby"),
        ("upplands-vasby", "upplands-vasby"),
        ("Håbo", "habo-0305"),
        ("Habo", "habo"),
        ("Region Skåne", "region-skane"),
        ("region-uppsala", "region-uppsala"),
        ("Skarpnäck", "skarpnack"),
        ("Uppsala kommun", "uppsala"),
        ("Malmö stad", "malmo"),
        ("Lerums kommun", "lerum"),
        ("Håbo kommun", "habo-0305"),
        ("Skärholmens stadsdel", "skarholmen"),
        ("skarpnacks stadsdelsomrade", "skarpnack"),
        ("Rinkeby-Kista stadsdel", "rinkeby-kista"),
    ],
)
def test_areas_by_id_or_swedish_name(bundled: Registry, typed: str, expected: str) -> None:
    assert bundled.resolve_area(typed).id == expected


@pytest.mark.parametrize("area", ["uppsala", "kiruna", "malmo", "umea", "are"])
def test_a_kommun_without_local_entries_gets_what_exists_everywhere(
    bundled: Registry, area: str
) -> None:
    answer = find_help(bundled, age=15, area=area, needs=[Need.nedstamdhet], limit=10)
    assert not answer.local_details
    ids = [r.provider.id for r in answer.results]
    assert set(ids[:3]) == {
        "elevhalsan-pa-din-skola",
        "vardcentralen-dar-du-bor",
        "ungdomsmottagningar-i-hela-sverige",
    }
    assert all(r.provider.national for r in answer.results)
    family = find_help(bundled, age=15, area=area, needs=[Need.familj_relationer])
    assert "socialtjansten-i-din-kommun" in [r.provider.id for r in family.results]


def test_stand_ins_never_sit_beside_local_entries(bundled: Registry) -> None:
    local = find_help(bundled, age=15, area="skarpnack", needs=[Need.nedstamdhet], limit=20)
    assert local.local_details
    assert not [r.provider.id for r in local.results if r.provider.fallback]
    # Huddinge has Region Stockholm's entries (UM, BUP) but nothing of its own yet.
    huddinge = find_help(bundled, age=15, area="huddinge", needs=[Need.nedstamdhet], limit=20)
    assert not huddinge.local_details
    ids = {r.provider.id for r in huddinge.results}
    assert {"um-stockholm", "elevhalsan-pa-din-skola"} <= ids
    assert "ungdomsmottagningar-i-hela-sverige" not in ids


def test_stand_ins_are_honest(bundled: Registry) -> None:
    stand_ins = [p for p in bundled.document.providers if p.fallback]
    assert {p.kind for p in stand_ins} >= {
        Kind.elevhalsa,
        Kind.ungdomsmottagning,
        Kind.vardcentral,
        Kind.bup,
        Kind.socialtjanst,
    }
    for p in stand_ins:
        assert p.national and not p.phone and not p.address and not p.hours, p.id
        assert p.website is None or p.website in {
            "https://www.1177.se/",
            "https://www.umo.se/",
            "https://www.skolverket.se/",
        }


# --- 2. Next steps that fit ----------------------------------------------------------


def test_mini_maria_leads_on_to_specialist_care_not_to_112(bundled: Registry) -> None:
    answer = find_help(bundled, age=16, area="skarpnack", needs=[Need.alkohol_droger], limit=10)
    mini = next(r for r in answer.results if r.provider.id == "mini-maria-stockholm")
    onward = [s.provider.id for s in mini.next_steps]
    assert onward[0] == "maria-ungdom"
    assert "socialtjanst-skarpnack" in onward and "akut-112" not in onward
    for area, unit in [
        ("alingsas", "mini-maria-lerum-alingsas"),
        ("goteborg", "mini-maria-goteborg"),
    ]:
        answer = find_help(bundled, age=16, area=area, needs=[Need.alkohol_droger], limit=10)
        steps = next(r for r in answer.results if r.provider.id == unit).next_steps
        assert steps and all(s.provider.kind == Kind.socialtjanst for s in steps), area


@pytest.mark.parametrize("area", SAMPLE_AREAS)
@pytest.mark.parametrize("age", [4, 10, 15, 19])
def test_a_planned_question_never_steps_to_acute_help_or_a_report(
    bundled: Registry, area: str, age: int
) -> None:
    for need in PLANNED_NEEDS:
        answer = find_help(bundled, age=age, area=area, needs=[need], limit=10)
        # Self-harm alone brings the calm safety note (issue 9), never the alarm.
        assert answer.emergency is None or answer.emergency.tone == CALM, need
        for result in answer.results:
            assert result.provider.level != Level.akut, (need, result.provider.id)
            for step in result.next_steps:
                assert step.provider.level != Level.akut, (need, result.provider.id)
                assert step.mechanism not in (Mechanism.akut, Mechanism.orosanmalan)
                assert any(step.provider.handles(n) for n in answer.needs)


def test_text_not_understood_gets_general_contacts_without_acute_steps(
    bundled: Registry,
) -> None:
    for area in SAMPLE_AREAS:
        answer = find_help(bundled, age=15, area=area, text="qwerty asdf")
        assert not answer.understood and answer.results
        for result in answer.results:
            assert result.provider.level in (Level.forsta_linjen, Level.stod)
            assert all(s.provider.level != Level.akut for s in result.next_steps)


# --- 3. The first place by DOMAIN.md -------------------------------------------------


@pytest.mark.parametrize(
    ("area", "team"),
    [
        ("skarpnack", "skolsociala-team-stockholm"),
        ("alingsas", "skolsocialt-team-alingsas"),
        ("lerum", None),
        ("uppsala", None),
    ],
)
def test_school_absence_starts_at_school(bundled: Registry, area: str, team: str | None) -> None:
    answer = find_help(bundled, age=12, area=area, needs=[Need.skolfranvaro])
    assert kinds(answer)[0] == Kind.elevhalsa
    if team:
        assert answer.results[1].provider.id == team


@pytest.mark.parametrize("area", SAMPLE_AREAS)
@pytest.mark.parametrize("need", [Need.npf, Need.utveckling_smabarn, Need.somn, Need.oro_angest])
def test_small_children_start_at_bvc(bundled: Registry, area: str, need: Need) -> None:
    answer = find_help(bundled, age=2, area=area, needs=[need])
    assert kinds(answer)[0] == Kind.bvc, kinds(answer)
    assert Kind.bup not in kinds(answer)[:2] and Kind.habilitering not in kinds(answer)[:2]


def test_a_small_childs_list_has_no_helpline_for_other_things(bundled: Registry) -> None:
    for area in SAMPLE_AREAS:
        answer = find_help(bundled, age=2, area=area, needs=[Need.npf, Need.utveckling_smabarn])
        ids = [r.provider.id for r in answer.results]
        assert "mind-sjalvmordslinjen" not in ids and "bris" not in ids, area


@pytest.mark.parametrize("area", SAMPLE_AREAS)
def test_bullying_starts_at_school_and_bup_is_not_in_the_top_three(
    bundled: Registry, area: str
) -> None:
    for urgency in (Urgency.planerat, Urgency.snart):
        answer = find_help(bundled, age=13, area=area, needs=[Need.mobbning], urgency=urgency)
        assert kinds(answer)[0] == Kind.elevhalsa
        assert Kind.bup not in kinds(answer)[:3]


@pytest.mark.parametrize("area", SAMPLE_AREAS)
def test_from_18_the_vardcentral_and_um_never_bup_or_an_emergency_unit(
    bundled: Registry, area: str
) -> None:
    for need in (Need.nedstamdhet, Need.oro_angest, Need.sjalvskada, Need.trauma):
        answer = find_help(bundled, age=19, area=area, needs=[need], limit=10)
        assert set(kinds(answer)[:2]) <= {Kind.vardcentral, Kind.ungdomsmottagning}, need
        assert not {Kind.bup, Kind.bup_akut, Kind.psykiatrisk_akut} & set(kinds(answer))


def test_the_um_only_to_its_upper_age(bundled: Registry) -> None:
    stockholm = find_help(bundled, age=23, area="skarpnack", needs=[Need.oro_angest], limit=10)
    vgr = find_help(bundled, age=23, area="alingsas", needs=[Need.oro_angest], limit=10)
    assert Kind.ungdomsmottagning not in kinds(stockholm)  # Stockholms län: 12-22
    assert Kind.ungdomsmottagning in kinds(vgr)[:2]  # VGR: 13-24


@pytest.mark.parametrize("area", ["skarpnack", "alingsas", "uppsala"])
def test_a_17_year_olds_route_goes_on_to_adult_psychiatry(bundled: Registry, area: str) -> None:
    answer = find_help(bundled, age=17, area=area, needs=[Need.nedstamdhet], limit=20)
    bup = next(r for r in answer.results if r.provider.kind == Kind.bup)
    handover = [s for s in bup.next_steps if s.provider.kind == Kind.vuxenpsykiatri]
    assert handover and handover[0].mechanism == Mechanism.overlamning
    younger = find_help(bundled, age=14, area=area, needs=[Need.nedstamdhet], limit=20)
    bup = next(r for r in younger.results if r.provider.kind == Kind.bup)
    assert all(s.provider.kind != Kind.vuxenpsykiatri for s in bup.next_steps)


def test_adult_psychiatry_is_reached_from_the_vardcentral(bundled: Registry) -> None:
    answer = find_help(bundled, age=20, area="uppsala", needs=[Need.nedstamdhet], limit=10)
    vc = next(r for r in answer.results if r.provider.kind == Kind.vardcentral)
    assert [s.provider.kind for s in vc.next_steps] == [Kind.vuxenpsykiatri]


def test_a_district_is_asked_for_only_when_it_changes_the_answer(bundled: Registry) -> None:
    teen = find_help(bundled, age=15, area="goteborg", needs=[Need.nedstamdhet])
    assert teen.narrower == ()
    small = find_help(bundled, age=2, area="goteborg", needs=[Need.utveckling_smabarn])
    assert [a.id for a in small.narrower] == ["goteborg-nordost"]  # Familjecentralen Bergsjön
    stockholm = find_help(bundled, age=14, area="stockholm", needs=[Need.oro_angest])
    assert {"skarpnack", "bromma", "sodermalm"} <= {a.id for a in stockholm.narrower}
