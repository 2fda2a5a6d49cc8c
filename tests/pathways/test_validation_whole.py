"""A whole validation (`check`, a first load) gives the same answer however it is run.

Each section's records go through pydantic in one call, a list of needs is checked once
per distinct list, and the relational rules may run in a forked child: none of this may
change a problem (message, place, code, order) or a model.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel, ValidationError

from pathways import parallel, validation
from pathways.errors import Problem, RegistryInvalid
from pathways.models import Provider, RegistryDocument
from pathways.validation import MODELS, validate
from tests.conftest import BUNDLED, MINI

Outcome = RegistryDocument | list[Problem]


def parsed(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def outcome(raw: object) -> Outcome:
    try:
        return validate(raw)
    except RegistryInvalid as refused:
        return refused.problems


def broken(raw: dict[str, Any]) -> dict[str, Any]:
    """A registry with problems of every sort, in every section, several per record."""
    raw = copy.deepcopy(raw)
    areas, providers, flows, forums = (raw[s] for s in ("areas", "providers", "flows", "forums"))
    areas[1]["type"] = "land"
    areas.append({"id": areas[0]["id"], "name": areas[0]["name"], "type": "region"})
    providers[0]["kind"] = "trollkarl"
    providers[0]["areas"] = ["atlantis", "atlantis", 3]
    providers[1]["needs"] = ["npf", "hunger"]
    providers[2]["needs"] = ["npf", "hunger"]  # the same bad list: reported again
    providers[3]["severity"] = ["svår"]
    providers[4]["age_min"], providers[4]["age_max"] = 30, 12
    providers[5]["veriferad"] = True
    providers[6] = "not a record"
    providers[7]["needs"] = {"npf": [], "trauma": None}
    providers[8].pop("source")
    providers.append(copy.deepcopy(providers[9]))  # an id used twice
    flows[0]["to"] = "finns-inte"
    flows[1]["mechanism"] = "brevduva"
    flows[2]["except"] = ["ingen", 5]
    forums[0]["members"] = ["bup", "bup", "ingen"]
    forums[1]["areas"] = []
    return raw


CASES: dict[str, Callable[[], dict[str, Any]]] = {
    "mini": lambda: parsed(MINI),
    "bundled": lambda: parsed(BUNDLED),
    "mini broken": lambda: broken(parsed(MINI)),
    "bundled broken": lambda: broken(parsed(BUNDLED)),
}


@pytest.mark.parametrize("case", CASES)
def test_relations_checked_in_a_child_give_the_inline_answer(
    case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = CASES[case]()
    inline = outcome(raw)
    forks: list[bool] = []
    beside = parallel.beside

    def counted(work: Callable[[], Any]) -> Callable[[], Any]:
        forks.append(parallel._allowed)
        return beside(work)

    monkeypatch.setattr(parallel, "beside", counted)
    with parallel.allowed():
        forked = outcome(raw)
    assert forks == [True]  # the relations went beside the models, allowed to fork
    assert forked == inline
    assert isinstance(inline, RegistryDocument) == ("broken" not in case)


def test_a_failure_while_building_models_leaves_no_child_behind(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fails(*args: Any) -> list[Any]:
        raise RuntimeError("out of luck")

    children: list[int] = []
    fork = os.fork

    def noted() -> int:
        pid = fork()
        children.append(pid)
        return pid

    monkeypatch.setattr(validation, "_models", fails)
    monkeypatch.setattr(os, "fork", noted)
    with parallel.allowed(), pytest.raises(RuntimeError, match="out of luck"):
        validate(parsed(MINI))
    (child,) = children
    with pytest.raises(ChildProcessError):  # the child was waited for already
        os.waitpid(child, os.WNOHANG)


def per_record(items: list[Any], section: str) -> list[Problem]:
    """The problems of each record validated on its own, as validate() used to."""
    model: type[BaseModel] = MODELS[section]
    problems: list[Problem] = []
    for index, item in enumerate(items):
        try:
            model.model_validate(item)
        except ValidationError as exc:
            for error in exc.errors(include_url=False, include_input=False):
                problems.append(
                    Problem(
                        validation._message(error),
                        (section, index, *validation._clean_loc(error["loc"])),
                        code=validation._code({**error, "loc": (index, *error["loc"])}),
                    )
                )
    return problems


@pytest.mark.parametrize("case", ["mini broken", "bundled broken"])
@pytest.mark.parametrize("section", ["areas", "providers", "flows", "forums"])
def test_one_call_per_section_finds_what_one_call_per_record_finds(case: str, section: str) -> None:
    items = CASES[case]()[section]
    found: list[Problem] = []
    validation._records(items, section, found)
    assert found  # every section has broken records
    assert found == per_record(items, section)
    # In part, the positions are those of the whole section.
    part: list[Problem] = []
    validation._records(items[3:], section, part, first=3)
    assert part == [p for p in per_record(items, section) if int(p.loc[1]) >= 3]


def test_a_list_of_needs_reads_as_the_mapping_it_stands_for() -> None:
    record = parsed(MINI)["providers"][2]
    listed = {**record, "needs": ["npf", "trauma"]}
    first, again = Provider.model_validate(listed), Provider.model_validate(listed)
    usual = list(first.needs["npf"])
    written = Provider.model_validate({**record, "needs": {"npf": usual, "trauma": usual}})
    assert first.needs == again.needs == written.needs
    assert first.needs is not again.needs  # each provider its own mapping
    chosen = Provider.model_validate({**listed, "severity": ["akut"]})
    assert chosen.needs == {"npf": ("akut",), "trauma": ("akut",)}


@pytest.mark.parametrize(
    ("severity", "field"),
    [
        (["svår"], "needs.npf.0"),
        ([], "needs.npf"),
        ([["akut"]], "needs.npf.0"),
        ("akut", "needs.npf"),
    ],
)
def test_a_list_of_needs_that_fails_fails_every_time(severity: Any, field: str) -> None:
    raw = parsed(MINI)
    for provider in raw["providers"][2:4]:
        provider["needs"], provider["severity"] = ["npf"], severity
    problems = outcome(raw)
    assert isinstance(problems, list)
    subjects = [p.subject for p in problems if p.field == field]
    names = [f"provider '{p['id']}'" for p in raw["providers"][2:4]]
    assert subjects == names, [str(p) for p in problems]


@pytest.mark.parametrize(
    ("areas", "expected"),
    [
        (["norra", "norra"], [("an area is listed twice", None)]),
        (["norra", 3, "norra"], [("an area is listed twice", None)]),
        (["norra", ["sodra"]], []),
        (
            ["atlantis", "norra", "atlantis"],
            [
                ("unknown area 'atlantis'", "areas.0"),
                ("unknown area 'atlantis'", "areas.2"),
                ("an area is listed twice", None),
            ],
        ),
        (["norra", "sodra"], []),
    ],
)
def test_areas_listed_by_a_provider(areas: list[Any], expected: list[tuple[str, str]]) -> None:
    raw = parsed(MINI)
    raw["providers"][2]["areas"] = areas
    subject = f"provider '{raw['providers'][2]['id']}'"
    found = outcome(raw)
    problems = [] if isinstance(found, RegistryDocument) else found
    relational = [
        (p.message, p.field) for p in problems if p.subject == subject and p.code != "wrong_type"
    ]
    assert relational == [(m, f or "areas") for m, f in expected]
