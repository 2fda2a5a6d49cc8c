"""HSDS 3.0 on disk: the JSON records, and the tabular form (datapackage.json + CSV).

`write` puts both in one directory; `read_services` gets nested services back from
either form, so the importer has one input shape. The tabular form follows HSDS's own
`datapackage.json` (vendored beside this module, CC BY-SA 4.0, Open Referral): every
resource it lists is written, with exactly its columns, empty tables as a header only.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

DESCRIPTOR = Path(__file__).with_name("hsds_datapackage.json")
JSON_FILES = ("services", "organizations", "service_at_locations", "taxonomies", "taxonomy_terms")
# Records nested in a full service that the tabular form keeps in tables of their own.
CHILD_TABLES = {
    "phones": "phone",
    "schedules": "schedule",
    "service_areas": "service_area",
    "languages": "language",
    "attributes": "attribute",
}
Record = dict[str, Any]


@cache
def descriptor() -> Record:
    loaded: Record = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
    return loaded


def columns() -> dict[str, tuple[str, list[str]]]:
    """Resource name → (CSV file name, column names), as HSDS's datapackage says."""
    return {
        r["name"]: (r["path"], [f["name"] for f in r["schema"]["fields"]])
        for r in descriptor()["resources"]
    }


def write(out: Path, data: dict[str, list[Record]]) -> list[Path]:
    """Write the JSON lists and the tabular package; return the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in JSON_FILES:
        path = out / f"{name}.json"
        path.write_text(json.dumps(data[name], ensure_ascii=False, indent=1) + "\n", "utf-8")
        written.append(path)
    rows = flatten(data)
    for name, (file, fields) in columns().items():
        path = out / file
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fields, extrasaction="ignore")
            writer.writeheader()
            writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows.get(name, []))
        written.append(path)
    package = out / "datapackage.json"
    package.write_text(json.dumps(descriptor(), ensure_ascii=False, indent=1) + "\n", "utf-8")
    return [*written, package]


def flatten(data: dict[str, list[Record]]) -> dict[str, list[Record]]:
    """Nested records → one list of rows per HSDS table."""
    rows: dict[str, list[Record]] = defaultdict(list)
    rows["organization"] = list(data["organizations"])
    for org in data["organizations"]:
        rows["organization_identifier"].extend(org.get("organization_identifiers", []))
    rows["taxonomy"] = list(data["taxonomies"])
    rows["taxonomy_term"] = list(data["taxonomy_terms"])
    for service in data["services"]:
        rows["service"].append(service)
        for key, table in CHILD_TABLES.items():
            rows[table].extend(service.get(key, []))
        for area in service.get("service_areas", []):
            rows["attribute"].extend(area.get("attributes", []))
        for place in service.get("service_at_locations", []):
            rows["service_at_location"].append(place)
            rows["phone"].extend(place.get("phones", []))
            if "location" in place:
                rows["location"].append(place["location"])
    return rows


def _cell(value: Any) -> Any:
    return "" if value is None or isinstance(value, (dict, list)) else value


def read_services(folder: Path) -> tuple[list[Record], str]:
    """Nested services from an HSDS directory, and which form they were read from.

    JSON wins when both are there (it carries everything); any `*.json` holding a
    service, a list of them or an HSDS page of them counts, as other tools name
    their files as they like.
    """
    found: list[Record] = []
    for path in sorted(folder.glob("*.json")):
        if path.stem in JSON_FILES[1:] or path.name == "datapackage.json":
            continue
        loaded = json.loads(path.read_text(encoding="utf-8"))
        found += [r for r in _records(loaded) if _is_service(r)]
    if found:
        return found, "json"
    if (folder / "datapackage.json").exists():
        return _from_tables(folder), "csv"
    return [], "none"


def _records(loaded: Any) -> list[Record]:
    if isinstance(loaded, dict) and isinstance(loaded.get("contents"), list):
        return [r for r in loaded["contents"] if isinstance(r, dict)]
    if isinstance(loaded, dict):
        return [loaded]
    if isinstance(loaded, list):
        return [r for r in loaded if isinstance(r, dict)]
    return []


def _is_service(record: Record) -> bool:
    return "id" in record and "name" in record and ("status" in record or "service_areas" in record)


def _from_tables(folder: Path) -> list[Record]:
    tables = {name: _read_csv(folder / file) for name, (file, _) in columns().items()}
    terms = {t["id"]: t for t in tables["taxonomy_term"]}
    orgs = {o["id"]: o for o in tables["organization"]}
    locations = {loc["id"]: loc for loc in tables["location"]}
    by_service: dict[str, dict[str, list[Record]]] = defaultdict(lambda: defaultdict(list))
    for key, table in CHILD_TABLES.items():
        link = "link_id" if table == "attribute" else "service_id"
        for row in tables[table]:
            if table == "attribute" and row.get("taxonomy_term_id") in terms:
                row = {**row, "taxonomy_term": terms[row["taxonomy_term_id"]]}
            by_service[row.get(link, "")][key].append(row)
    for place in tables["service_at_location"]:
        place = dict(place)
        if place.get("location_id") in locations:
            place["location"] = locations[place["location_id"]]
        by_service[place.get("service_id", "")]["service_at_locations"].append(place)
    services = []
    for row in tables["service"]:
        service: Record = {**row, **by_service.get(row["id"], {})}
        for age in ("minimum_age", "maximum_age"):
            service[age] = _number(row.get(age))
        if row.get("organization_id") in orgs:
            service["organization"] = orgs[row["organization_id"]]
        services.append(service)
    return services


def _read_csv(path: Path) -> list[Record]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [
            {k: v for k, v in row.items() if v not in ("", None)} for row in csv.DictReader(handle)
        ]


def _number(text: Any) -> float | None:
    if text in (None, ""):
        return None
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def iter_terms(service: Record) -> Iterable[Record]:
    """The taxonomy terms a service carries through its attributes."""
    for attribute in service.get("attributes", []) or []:
        term = attribute.get("taxonomy_term")
        if isinstance(term, dict):
            yield {**term, "_value": attribute.get("value")}
