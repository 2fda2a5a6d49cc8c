"""`vardkedjan export hsds` and `import hsds`: valid HSDS out, the same registry back in,
and a directory made by another tool imported or refused with what could not be mapped."""

from __future__ import annotations

import csv
import json
import uuid
from pathlib import Path

import pytest

from app.cli import main
from pathways.loader import load_file
from pathways.models import RegistryDocument
from tests.conftest import BUNDLED, ROOT
from tests.standards.schemas import HERE, errors

EXAMPLE = ROOT / "tests" / "fixtures" / "hsds-example"
MAPS = EXAMPLE / "maps"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hsds")
    assert main(["export", "hsds", "--out", str(out), str(BUNDLED)]) == 0
    return out


def same_registry(before: RegistryDocument, after: RegistryDocument) -> None:
    old = {p.id: p for p in before.providers if not p.retired}
    new = {p.id: p for p in after.providers}
    assert set(new) == set(old)
    for pid, p in old.items():
        q = new[pid]
        assert (q.name, q.kind, q.level, q.principal) == (p.name, p.kind, p.level, p.principal)
        assert (q.age_min, q.age_max) == (p.age_min, p.age_max)
        assert (q.areas, q.national) == (p.areas, p.national)
        assert q.needs == p.needs
        assert (q.phone, q.website, q.email, q.access) == (p.phone, p.website, p.email, p.access)
        assert (q.source, q.reviewed, q.verified) == (p.source, p.reviewed, p.verified)
        assert (q.fallback, q.cost) == (p.fallback, p.cost)


def test_the_export_validates_as_hsds(exported: Path) -> None:
    services = json.loads((exported / "services.json").read_text(encoding="utf-8"))
    assert len(services) == sum(1 for p in load_file(BUNDLED).providers if not p.retired)
    for service in services:
        assert errors(service, "compiled/service_with_definitions.json") == []
    for name, schema in [
        ("organizations", "organization.json"),
        ("taxonomy_terms", "taxonomy_term.json"),
    ]:
        for record in json.loads((exported / f"{name}.json").read_text(encoding="utf-8")):
            assert errors(record, schema) == []


def test_the_tables_follow_the_hsds_datapackage(exported: Path) -> None:
    ours = json.loads((exported / "datapackage.json").read_text(encoding="utf-8"))
    theirs = json.loads((HERE / "datapackage.json").read_text(encoding="utf-8"))
    assert ours == theirs
    tables: dict[str, list[dict[str, str]]] = {}
    for resource in theirs["resources"]:
        with (exported / resource["path"]).open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            assert reader.fieldnames == [f["name"] for f in resource["schema"]["fields"]]
            rows = tables[resource["name"]] = list(reader)
        for field in resource["schema"]["fields"]:
            values = [row[field["name"]] for row in rows if row[field["name"]]]
            if field.get("constraints", {}).get("required"):
                assert len(values) == len(rows), (resource["name"], field["name"])
            if field.get("format") == "uuid":
                assert all(uuid.UUID(v) for v in values)
        for key in resource["schema"].get("foreignKeys", []):
            target = {
                row[key["reference"]["fields"]]
                for row in tables.get(key["reference"]["resource"], [])
            }
            values = {row[key["fields"]] for row in rows if row[key["fields"]]}
            if key["reference"]["resource"] in tables:
                assert values <= target, (resource["name"], key)
    assert len(tables["service"]) > 100 and tables["attribute"] and tables["service_area"]


@pytest.mark.parametrize("form", ["json", "csv"])
def test_export_then_import_gives_the_same_registry(
    exported: Path, tmp_path: Path, form: str
) -> None:
    source = exported
    if form == "csv":  # another tool may hand over the tables alone
        source = tmp_path / "tables"
        source.mkdir()
        for path in exported.glob("*.csv"):
            (source / path.name).write_bytes(path.read_bytes())
        (source / "datapackage.json").write_bytes((exported / "datapackage.json").read_bytes())
    out = tmp_path / "imported.yaml"
    assert main(["import", "hsds", str(source), "--out", str(out)]) == 0
    assert main(["check", str(out)]) == 0
    same_registry(load_file(BUNDLED), load_file(out))


def test_another_tools_directory_is_refused_with_what_did_not_map(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "imported.yaml"
    assert main(["import", "hsds", str(EXAMPLE), "--out", str(out)]) == 1
    assert not out.exists()
    said = capsys.readouterr().err
    counselling = "service 'ac148810-d857-441c-9679-408f346de14b' ('Community Counselling')"
    assert f"{counselling} field 'kind': no kind in our vocabulary" in said
    assert f"{counselling} field 'service_areas.0'" in said and "MyCity" in said
    assert f"{counselling} field 'needs'" in said
    assert "Ungdomsmottagningen" not in said  # the other service maps cleanly
    assert "3 problem(s)" in said


def test_another_tools_directory_imports_with_maps(tmp_path: Path) -> None:
    out = tmp_path / "imported.yaml"
    maps = ["--map-kinds", "kinds.yaml", "--map-areas", "areas.yaml", "--map-needs", "needs.yaml"]
    args = [m if m.startswith("--") else str(MAPS / m) for m in maps]
    assert main(["import", "hsds", str(EXAMPLE), "--out", str(out), *args]) == 0
    assert main(["check", str(out)]) == 0
    providers = {p.name: p for p in load_file(out).providers}
    counselling = providers["Community Counselling"]
    assert (
        counselling.kind.value,
        counselling.areas,
        counselling.age_min,
        counselling.age_max,
    ) == (
        "vardcentral",
        ("alingsas",),
        12,
        100,
    )
    assert [n.value for n in counselling.needs] == ["oro_angest", "nedstamdhet", "kris_sorg"]
    assert counselling.phone == "+44 1234 234567" and counselling.languages == ("ur",)
    assert counselling.address == "1-30 Main Street, ABC 1234 MyCity"
    assert counselling.reviewed.isoformat() == "2005-01-01" and counselling.verified is False
    assert "example.com/counselling" in counselling.source
    um = providers["Ungdomsmottagningen i exempelstadsdelen"]
    assert (um.kind.value, um.areas, [n.value for n in um.needs]) == (
        "ungdomsmottagning",
        ("skarpnack",),
        ["oro_angest"],
    )


def test_a_map_to_an_unknown_area_fails_in_validation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    areas = tmp_path / "areas.yaml"
    areas.write_text("381c64f1-a724-4884-9c21-ac96c21cca3e: mycity\n", encoding="utf-8")
    out = tmp_path / "imported.yaml"
    args = ["--map-kinds", str(MAPS / "kinds.yaml"), "--map-needs", str(MAPS / "needs.yaml")]
    assert (
        main(["import", "hsds", str(EXAMPLE), "--out", str(out), "--map-areas", str(areas), *args])
        == 1
    )
    assert not out.exists()
    said = capsys.readouterr().err
    assert "provider 'community-counselling' field 'areas.0': unknown area 'mycity'" in said


def test_a_directory_without_services_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "hsds", str(tmp_path), "--out", str(tmp_path / "x.yaml")]) == 1
    assert "no HSDS services found" in capsys.readouterr().err
