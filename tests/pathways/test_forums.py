"""Collaboration forums: validated like providers, found for an area like `within`."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pytest

from pathways.errors import NotFound, Problem, RegistryInvalid
from pathways.loader import load_text
from pathways.models import Forum, ForumLevel
from pathways.registry import Registry
from tests.test_bundled import CONTRACT_AREAS


def refuse(text: str) -> list[Problem]:
    with pytest.raises(RegistryInvalid) as caught:
        load_text(text, "test.yaml")
    return caught.value.problems


def in_forum(text: str, forum_id: str, old: str, new: str) -> str:
    """Replace `old` inside one forum's block of the test registry only."""
    start = text.index(f"- id: {forum_id}\n")
    end = text.find("\n- id: ", start + 1)
    end = text.index("\n\nproviders:", start) if end == -1 else end
    block = text[start:end]
    assert old in block, (old, block)
    return text[:start] + block.replace(old, new, 1) + text[end:]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def ids(forums: Iterable[Forum]) -> list[str]:
    return [f.id for f in forums]


# --- the mini registry ---------------------------------------------------------------


def test_forums_are_loaded_by_id(mini: Registry) -> None:
    assert set(mini.forums) == {
        "ledning-region-test",
        "samverkan-testkommun",
        "sip-norra",
        "samverkan-grannkommun",
    }
    forum = mini.forums["samverkan-testkommun"]
    assert forum.level is ForumLevel.verksamhet
    assert forum.members == ("elevhalsa", "socialtjanst", "bup-region-test")
    assert forum.verified is False


def test_a_stadsdel_sees_its_own_its_kommuns_and_its_regions_forums(mini: Registry) -> None:
    assert ids(mini.forums_in("norra")) == [
        "ledning-region-test",
        "samverkan-testkommun",
        "sip-norra",
    ]
    # the other district's group is not Södra's
    assert ids(mini.forums_in("sodra")) == ["ledning-region-test", "samverkan-testkommun"]


def test_a_kommun_also_sees_the_forums_of_its_stadsdelar(mini: Registry) -> None:
    assert ids(mini.forums_in("testkommun")) == [
        "ledning-region-test",
        "samverkan-testkommun",
        "sip-norra",
    ]
    assert ids(mini.forums_in("grannkommun")) == ["ledning-region-test", "samverkan-grannkommun"]


def test_a_region_sees_every_forum_inside_it(mini: Registry) -> None:
    assert set(ids(mini.forums_in("region-test"))) == set(mini.forums)


def test_unknown_area_is_not_found(mini: Registry) -> None:
    with pytest.raises(NotFound):
        mini.forums_in("atlantis")


def test_members_resolve_to_the_areas_active_providers(mini: Registry) -> None:
    forum = mini.forums["samverkan-testkommun"]
    assert {p.id for p in mini.forum_members(forum, "norra")} == {
        "elevhalsa-norra",
        "soc-testkommun",
        "bup-region-test",
    }
    assert {p.id for p in mini.forum_members(forum, "sodra")} == {
        "elevhalsa-sodra",
        "soc-testkommun",
        "bup-region-test",
    }
    # a provider id counts only where that provider works; kinds count everywhere
    sip = mini.forums["sip-norra"]
    assert {p.id for p in mini.forum_members(sip, "norra")} == {
        "elevhalsa-norra",
        "vc-norra",
        "soc-testkommun",
    }
    assert {p.id for p in mini.forum_members(sip, "sodra")} == {"soc-testkommun"}


def test_retired_providers_are_never_members(mini_text: str) -> None:
    text = in_forum(
        mini_text, "sip-norra", "members: [elevhalsa-norra, vc-norra", "members: [vardcentral"
    )
    registry = Registry(load_text(text))
    members = {p.id for p in registry.forum_members(registry.forums["sip-norra"], "norra")}
    assert "vc-norra" in members and "nedlagd" not in members


def test_a_registry_without_forums_is_still_valid(mini_text: str) -> None:
    start = mini_text.index("forums:\n")
    end = mini_text.index("\nproviders:\n")
    doc = load_text(mini_text[:start] + mini_text[end:])
    assert doc.forums == ()
    assert Registry(doc).forums_in("norra") == []


# --- validation: every problem named by file, line, forum and field --------------------


@pytest.mark.parametrize(
    ("forum", "old", "new", "field", "code"),
    [
        (
            "samverkan-testkommun",
            "areas: [testkommun]",
            "areas: [atlantis]",
            "areas.0",
            "unknown_reference",
        ),
        (
            "samverkan-grannkommun",
            "members: [habilitering]",
            "members: [trollkarl]",
            "members.0",
            "unknown_reference",
        ),
        (
            "sip-norra",
            "members: [elevhalsa-norra,",
            "members: [elevhalsa-sodra, finns-inte,",
            "members.1",
            "unknown_reference",
        ),
        ("sip-norra", "level: individ", "level: chef", "level", "wrong_type"),
        ("ledning-region-test", "verified: true", "verified: kanske", "verified", "wrong_type"),
        ("sip-norra", "reviewed: 2026-10-01", "reviewed: igår", "reviewed", "wrong_type"),
        (
            "sip-norra",
            "  level: individ\n",
            "  level: individ\n  motesdag: tisdag\n",
            "motesdag",
            "unknown_field",
        ),
        (
            "samverkan-grannkommun",
            "  areas: [grannkommun]\n",
            "  areas: []\n",
            "areas",
            "wrong_type",
        ),
        (
            "sip-norra",
            "members: [elevhalsa-norra, vc-norra, socialtjanst]",
            "members: [elevhalsa-norra, nedlagd]",
            "members.1",
            "invalid",
        ),
        (
            "sip-norra",
            "members: [elevhalsa-norra, vc-norra, socialtjanst]",
            "members: [socialtjanst, socialtjanst]",
            "members",
            "invalid",
        ),
        ("sip-norra", "areas: [norra]", "areas: [norra, norra]", "areas", "invalid"),
    ],
)
def test_each_forum_problem_is_placed(
    mini_text: str, forum: str, old: str, new: str, field: str, code: str
) -> None:
    broken = in_forum(mini_text, forum, old, new)
    problems = refuse(broken)
    match = [p for p in problems if p.subject == f"forum '{forum}'" and p.field == field]
    assert match, [str(p) for p in problems]
    problem = match[0]
    assert problem.code == code
    changed = next(line.strip() for line in new.splitlines() if line.strip() not in old)
    assert problem.line == line_of(broken, changed), str(problem)
    assert str(problem).startswith(f"test.yaml:{problem.line}: forum '{forum}' field '{field}'")


def test_missing_purpose_is_named(mini_text: str) -> None:
    broken = in_forum(
        mini_text,
        "sip-norra",
        "  purpose: Yrkespersoner träffas kring ett barn, med samtycke.\n",
        "",
    )
    (problem,) = refuse(broken)
    assert (problem.subject, problem.field, problem.code) == (
        "forum 'sip-norra'",
        "purpose",
        "missing_field",
    )
    assert problem.line == line_of(broken, "- id: sip-norra")


def test_duplicate_forum_ids_are_refused(mini_text: str) -> None:
    broken = in_forum(mini_text, "sip-norra", "id: sip-norra", "id: samverkan-testkommun")
    problems = refuse(broken)
    assert [(p.field, p.code) for p in problems] == [("id", "duplicate_id")] * 2
    lines = [i for i, line in enumerate(broken.splitlines(), 1) if "id: samverkan-testk" in line]
    assert sorted(p.line or 0 for p in problems) == lines


def test_a_forum_id_may_not_repeat_a_provider_id(mini_text: str) -> None:
    broken = in_forum(mini_text, "sip-norra", "id: sip-norra", "id: vc-norra")
    (problem,) = refuse(broken)
    assert problem.subject == "forum 'vc-norra'"
    assert (problem.field, problem.code) == ("id", "duplicate_id")
    assert "provider id" in problem.message
    assert problem.line == line_of(broken, "- id: vc-norra")


def test_forums_must_be_a_list(mini_text: str) -> None:
    start = mini_text.index("forums:\n")
    end = mini_text.index("\nproviders:\n")
    problems = refuse(mini_text[:start] + "forums: {bus: ja}\n" + mini_text[end:])
    assert [p.message for p in problems] == ["'forums' must be a list"]


# --- the bundled registry ---------------------------------------------------------------

GOTEBORGSOMRADET = ["goteborg", "harryda", "molndal", "partille", "ockero"]


@pytest.mark.parametrize("area", sorted(CONTRACT_AREAS))
def test_every_contract_area_has_a_forum(bundled: Registry, area: str) -> None:
    assert bundled.forums_in(area), area


def test_the_seed_forums_are_where_the_seeds_put_them(bundled: Registry) -> None:
    def at(area: str) -> set[str]:
        return set(ids(bundled.forums_in(area)))

    for stadsdel in ("skarpnack", "rinkeby-kista", "bromma"):
        assert {"bus-stockholms-lan", "lokala-bus-grupper-stockholm"} <= at(stadsdel)
    for kommun in ("alingsas", "lerum"):
        assert "samla-alingsas-lerum" in at(kommun)
    assert "nosam-alingsas" in at("alingsas") and "nosam-alingsas" not in at("lerum")
    for kommun in GOTEBORGSOMRADET:
        assert {"temagrupp-barn-och-unga-goteborgsomradet", "isam-goteborgsomradet"} <= at(kommun)
    assert "nosam-ockero" in at("ockero") and "nosam-ockero" not in at("partille")
    # Göteborg shows the NOSAM of each stadsområde; a stadsområde only its own
    assert {f"nosam-goteborg-{d}" for d in ("centrum", "hisingen", "nordost", "sydvast")} <= at(
        "goteborg"
    )
    assert "nosam-goteborg-hisingen" not in at("goteborg-nordost")
    assert not at("stockholm") & at("goteborg")


def test_every_level_is_used_and_stockholm_is_not_split_into_invented_groups(
    bundled: Registry,
) -> None:
    assert {f.level for f in bundled.forums.values()} == set(ForumLevel)
    bus = [f for f in bundled.forums.values() if "BUS" in f.name]
    # The sources give 11 local groups for 13 districts but not which covers which.
    assert all(not set(f.areas) & set(bundled.children["stockholm"]) for f in bus)


def test_every_forum_is_sourced_dated_and_honest(bundled: Registry) -> None:
    for forum in bundled.forums.values():
        assert forum.source.strip() and forum.reviewed.year >= 2025, forum.id
        text = f"{forum.purpose} {forum.note or ''}"
        assert not re.search(r"\b0\d{1,3}[- ]?\d{2,3}[ -]?\d{2}[ -]?\d{2}\b", text), forum.id
        assert "@" not in text, forum.id
        assert forum.website is None or forum.website.startswith("https://"), forum.id
    # Only the Temagrupp's members are listed in its source; the rest are our reading.
    verified = {f.id for f in bundled.forums.values() if f.verified}
    assert verified == {"temagrupp-barn-och-unga-goteborgsomradet"}


def test_every_forum_has_members_in_every_area_it_covers(bundled: Registry) -> None:
    for forum in bundled.forums.values():
        for area in forum.areas:
            assert bundled.forum_members(forum, area), (forum.id, area)


# The forums the municipal reports behind this product name, per area (copied here from
# the reports, so the test needs nothing outside the project): a word of each forum's name.
FORUMS_IN_THE_REPORTS = {
    "stockholm": [
        "BUS-samverkan i Stockholms län",
        "Lokala BUS-grupper",
        "BUSSAM",
        "BUS-individ",
        "samrådsgrupp Barns och ungas hälsa",
        "STIS",
    ],
    "alingsas": [
        "SAMLA",
        "NOSAM Alingsås",
        "BUS i Alingsås",
        "BUS-arbetsgruppen",
        "Hur går det för våra elever",
    ],
    "lerum": ["SAMLA"],
    "goteborg": [
        "Temagrupp Barn och unga",
        "NOSAM Centrum",
        "NOSAM Hisingen",
        "NOSAM Nordost",
        "NOSAM Sydväst",
        "ISAM",
        "Politiskt samråd",
        "Ledningsgrupp för samverkan",
        "referensgrupp för delaktighet",
        "Vårdsamverkan i Västra Götaland",
    ],
    "harryda": ["NOSAM Härryda", "ISAM"],
    "molndal": ["NOSAM Mölndal", "ISAM"],
    "partille": ["NOSAM Partille", "ISAM"],
    "ockero": ["NOSAM Öckerö", "ISAM"],
}


@pytest.mark.parametrize("area", sorted(FORUMS_IN_THE_REPORTS))
def test_every_forum_the_reports_name_is_in_the_registry(bundled: Registry, area: str) -> None:
    names = [f.name for f in bundled.forums_in(area)]
    for wanted in FORUMS_IN_THE_REPORTS[area]:
        assert any(wanted.lower() in n.lower() for n in names), (wanted, names)


def test_forums_cite_reports_by_their_public_title(bundled: Registry) -> None:
    for forum in bundled.forums.values():
        assert not re.search(r"seed|\d{3}_[0-9a-f]{8}", forum.source), forum.id
        assert re.search(r"\d{4}|DOMAIN\.md|https://", forum.source), forum.id
    for provider in bundled.providers.values():
        assert "seed" not in provider.source, provider.id
