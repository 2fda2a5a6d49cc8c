"""A broken registry is refused whole, with every problem placed by file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pathways.errors import Problem, RegistryInvalid
from pathways.loader import load_file, load_text
from pathways.validation import validate

BUNDLED = Path(__file__).resolve().parents[2] / "data" / "providers.yaml"


def refuse(text: str) -> list[Problem]:
    with pytest.raises(RegistryInvalid) as caught:
        load_text(text, "test.yaml")
    return caught.value.problems


def line_of(text: str, needle: str) -> int:
    """The 1-based line of the first line containing `needle`."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_test_registry_is_valid(mini_text: str) -> None:
    doc = load_text(mini_text, "mini.yaml")
    assert {a.id for a in doc.areas} >= {"region-test", "testkommun", "norra"}
    assert len(doc.providers) == 12


def test_syntax_error_names_file_and_line(mini_text: str) -> None:
    broken = mini_text.replace("    kind: bup_akut\n", "    kind: [bup_akut\n")
    (problem,) = refuse(broken)
    assert problem.file == "test.yaml"
    assert problem.code == "syntax"
    assert problem.line is not None
    assert abs(problem.line - line_of(broken, "kind: [bup_akut")) <= 2
    assert "test.yaml:" in str(problem)


@pytest.mark.parametrize(
    ("old", "new", "subject", "field", "code"),
    [
        (
            "areas: [sodra]",
            "areas: [atlantis]",
            "provider 'elevhalsa-sodra'",
            "areas.0",
            "unknown_reference",
        ),
        (
            "kind: habilitering",
            "kind: trollkarl",
            "provider 'remissmottagning'",
            "kind",
            "unknown_reference",
        ),
        (
            "needs: [npf]\n",
            "needs: [npf, hunger]\n",
            "provider 'remissmottagning'",
            "needs.hunger",
            "unknown_reference",
        ),
        ("to: smabarnsteam", "to: finns-inte", "flow 'passar-inget'", "to", "unknown_reference"),
        (
            "within: testkommun",
            "within: mars",
            "flow 'elevhalsa-vc'",
            "within",
            "unknown_reference",
        ),
        (
            "age_min: 13\n    age_max: 24",
            "age_min: 24\n    age_max: 13",
            "provider 'um-testkommun'",
            "age_min",
            "age_range",
        ),
        (
            "age_min: 13\n",
            "age_min: tretton\n",
            "provider 'um-testkommun'",
            "age_min",
            "wrong_type",
        ),
        (
            "reviewed: 2024-01-01",
            "reviewed: igår",
            "provider 'elevhalsa-sodra'",
            "reviewed",
            "wrong_type",
        ),
        (
            "    verified: false\n",
            "    verified: false\n    veriferad: true\n",
            "provider 'elevhalsa-norra'",
            "veriferad",
            "unknown_field",
        ),
        (
            "    source: https://example.invalid/soc\n",
            "",
            "provider 'soc-testkommun'",
            "source",
            "missing_field",
        ),
        (
            "reviewed: 2024-01-01",
            "reviewed: 2999-01-01",
            "provider 'elevhalsa-sodra'",
            "reviewed",
            "wrong_type",
        ),
        (
            "name: Elevhälsan i Södra Åby",
            'name: "Elevhälsan\\0 i Södra Åby"',
            "provider 'elevhalsa-sodra'",
            "name",
            "wrong_type",
        ),
        ("id: vc-norra", "id: um-testkommun", "provider 'um-testkommun'", "id", "duplicate_id"),
        ("parent: testkommun}", "parent: region-test}", "area 'norra'", "parent", "invalid"),
    ],
)
def test_each_kind_of_problem_is_placed(
    mini_text: str, old: str, new: str, subject: str, field: str, code: str
) -> None:
    assert old in mini_text
    broken = mini_text.replace(old, new, 1)
    problems = refuse(broken)
    match = [p for p in problems if p.subject == subject and p.field == field]
    assert match, [str(p) for p in problems]
    problem = match[0]
    assert problem.code == code
    assert problem.file == "test.yaml"
    assert problem.line is not None
    added = [line.strip() for line in new.splitlines() if line.strip() not in old]
    if added and field != "id":  # the problem points at the line that was changed
        expected = line_of(broken, added[0])
        assert problem.line == expected, str(problem)
    assert f"test.yaml:{problem.line}:" in str(problem)


def test_every_problem_is_listed_at_once(mini_text: str) -> None:
    broken = (
        mini_text.replace("areas: [sodra]", "areas: [atlantis]")
        .replace("kind: habilitering", "kind: trollkarl")
        .replace("to: smabarnsteam", "to: finns-inte")
        .replace("age_min: 13\n    age_max: 24", "age_min: 24\n    age_max: 13")
    )
    problems = refuse(broken)
    codes = sorted(p.code for p in problems)
    assert codes == ["age_range", "unknown_reference", "unknown_reference", "unknown_reference"]
    lines = [p.line or 0 for p in problems]
    assert lines == sorted(lines)


def test_a_record_with_a_type_error_still_has_its_references_checked(mini_text: str) -> None:
    broken = mini_text.replace("areas: [sodra]", "areas: [atlantis]").replace(
        "reviewed: 2024-01-01", "reviewed: aldrig"
    )
    fields = {p.field for p in refuse(broken) if p.subject == "provider 'elevhalsa-sodra'"}
    assert fields == {"areas.0", "reviewed"}


def test_duplicate_keys_are_refused(mini_text: str) -> None:
    broken = mini_text.replace("    cost: gratis\n", "    cost: gratis\n    cost: avgift\n", 1)
    (problem,) = refuse(broken)
    assert problem.code == "duplicate_key"
    assert problem.line == line_of(broken, "cost: avgift")


def test_flow_to_retired_provider_is_refused(mini_text: str) -> None:
    broken = (
        mini_text + "  - {id: till-nedlagd, from: elevhalsa, to: nedlagd, mechanism: hanvisning}\n"
    )
    (problem,) = refuse(broken)
    assert problem.subject == "flow 'till-nedlagd'"
    assert "retired" in problem.message


def test_national_provider_with_areas_and_provider_without(mini_text: str) -> None:
    broken = mini_text.replace(
        "    national: true\n", "    national: true\n    areas: [norra]\n", 1
    )
    broken = broken.replace("    areas: [grannkommun]\n", "")
    messages = sorted(p.message for p in refuse(broken))
    assert messages == [
        "a national provider lists no areas",
        "list the areas served, or set national: true",
    ]


def test_provider_id_may_not_be_a_kind(mini_text: str) -> None:
    broken = mini_text.replace("id: remissmottagning", "id: bup")
    problems = refuse(broken)
    assert any(p.field == "id" and "kind id" in p.message for p in problems)


@pytest.mark.parametrize("raw", [None, [], "text", {"version": 2, "areas": []}, {"version": 1}])
def test_not_a_registry_at_all(raw: object) -> None:
    with pytest.raises(RegistryInvalid) as caught:
        validate(raw)
    assert caught.value.problems


def test_unknown_top_level_key_and_wrong_section_type() -> None:
    with pytest.raises(RegistryInvalid) as caught:
        validate({"version": 1, "areas": [], "providers": {}, "extras": 1})
    messages = {p.message for p in caught.value.problems}
    assert "unknown top-level key 'extras'" in messages
    assert "'providers' must be a list" in messages


def test_missing_file_and_bad_encoding(tmp_path: Path) -> None:
    with pytest.raises(RegistryInvalid, match="file not found"):
        load_file(tmp_path / "nope.yaml")
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("version: 1 # Skärholmen\n".encode("latin-1"))
    with pytest.raises(RegistryInvalid, match="cannot read"):
        load_file(latin)


def test_empty_file_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(RegistryInvalid):
        load_file(empty)


def test_units_can_share_fields_through_yaml_merge_keys(mini_text: str) -> None:
    shared = mini_text.replace("  - id: elevhalsa-norra\n", "  - &skola\n    id: elevhalsa-norra\n")
    shared = shared.replace(
        "\nflows:\n",
        "\n  - {<<: *skola, id: elevhalsa-extra, name: Elevhälsan på Extraskolan, areas: [sodra]}\n"
        "\nflows:\n",
    )
    doc = load_text(shared, "test.yaml")
    extra = next(p for p in doc.providers if p.id == "elevhalsa-extra")
    norra = next(p for p in doc.providers if p.id == "elevhalsa-norra")
    assert extra.areas == ("sodra",)
    assert extra.name == "Elevhälsan på Extraskolan"
    assert extra.needs == norra.needs and extra.cost == norra.cost


@pytest.mark.parametrize(
    ("section", "field", "value"),
    [
        ("providers", "needs", [["nedstamdhet"], {"a": 1}, "nedstamdhet"]),
        ("areas", "type", ["kommun"]),
        ("areas", "parent", ["stockholm"]),
    ],
)
def test_a_list_where_a_word_belongs_is_a_problem_not_a_crash(
    section: str, field: str, value: object
) -> None:
    """A value YAML reads as a list or a mapping cannot be looked up as a key: each rule
    must refuse it as a problem (a TypeError here was a crash of `check` and an edit)."""
    raw = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))
    raw[section][1][field] = value
    with pytest.raises(RegistryInvalid) as refused:
        validate(raw)
    assert any(p.loc[:3] == (section, 1, field) for p in refused.value.problems)
