"""An HSDS 3.0 directory → a registry file, through the registry's one validation.

What maps cleanly is mapped (our own export carries every field as taxonomy terms). What
cannot be mapped — a kind or an area outside our vocabularies, a service without needs —
is listed with the record and the field, and refused unless a map file says how to map
it. The result is then validated exactly as `vardkedjan check` would; nothing is written
unless it passes. Defaults for facts HSDS has no field for are documented in docs/hsds.md.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from pathways.errors import NotFound, Problem, RegistryInvalid
from pathways.loader import load_text
from pathways.models import RegistryDocument
from pathways.registry import Registry
from pathways.standards.hsds import AREA_URI, NATIONAL_AREA
from pathways.standards.hsds_tables import iter_terms, read_services
from pathways.standards.taxonomy import ACCESS_LABELS, Tax
from pathways.validation import name_key
from pathways.vocab import Kind, Need, Principal

Record = dict[str, Any]
# The principal a kind usually has (DOMAIN.md, "Provider kinds"), when the data says none.
KIND_PRINCIPALS: dict[str, Principal] = {
    "elevhalsa": Principal.kommun,
    "skolsocialt_team": Principal.kommun,
    "socialtjanst": Principal.kommun,
    "socialjour": Principal.kommun,
    "ungdomsmottagning": Principal.kommun_och_region,
    "familjecentral": Principal.kommun_och_region,
    "beroende_unga": Principal.kommun_och_region,
    "stodlinje": Principal.ideell,
    "akut": Principal.stat,
}


@dataclass
class Maps:
    """How foreign values map to ours: keys are ids, codes, names or URIs, in any case."""

    kinds: dict[str, str] = field(default_factory=dict)
    areas: dict[str, str] = field(default_factory=dict)
    needs: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, kinds: Path | None, areas: Path | None, needs: Path | None) -> Maps:
        return cls(
            {name_key(k): str(v) for k, v in _mapping(kinds).items()},
            {name_key(k): str(v) for k, v in _mapping(areas).items()},
            {name_key(k): _as_list(v) for k, v in _mapping(needs).items()},
        )


def _mapping(path: Path | None) -> dict[str, Any]:
    if path is None:
        return {}
    loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(loaded, dict):
        raise RegistryInvalid(
            [Problem("a map file must be a YAML mapping: foreign: ours", file=str(path))]
        )
    return {str(k): v for k, v in loaded.items()}


def _as_list(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


@dataclass
class Importer:
    base: Registry  # whose areas the imported providers may use
    maps: Maps
    source_name: str
    problems: list[Problem] = field(default_factory=list)
    ids: dict[str, str] = field(default_factory=dict)  # HSDS service id → provider id
    position: dict[str, int] = field(default_factory=dict)  # HSDS service id → its index

    def problem(self, service: Record, field_name: str, message: str) -> None:
        subject = f"service '{service.get('id')}' ('{service.get('name')}')"
        self.problems.append(
            Problem(
                message,
                loc=(
                    "services",
                    self.position.get(str(service.get("id")), 0),
                    *field_name.split("."),
                ),
                file=self.source_name,
                subject=subject,
                code="unmapped",
            )
        )

    def provider(self, service: Record) -> Record | None:
        terms = list(iter_terms(service))
        ours = _ours(terms)
        pid = self.ids[str(service["id"])]
        kind = self.kind(service, terms, ours)
        areas, national = self.areas(service)
        needs = self.needs(service, terms, ours)
        if kind is None or needs is None or (not areas and not national):
            return None
        record: Record = {"id": pid, "name": service["name"], "kind": kind}
        if Tax.level in ours:
            record["level"] = ours[Tax.level][0][0]
        record["principal"] = _first(ours, Tax.principal) or self.principal(kind)
        record.update({"national": True} if national else {"areas": areas})
        for ours_key, theirs in (("age_min", "minimum_age"), ("age_max", "maximum_age")):
            if (age := self.age(service, theirs)) is not None:
                record[ours_key] = age
        record["needs"] = needs
        record["access"] = [code for code, _ in ours.get(Tax.access, [])] or ["egen_kontakt"]
        confidentiality = ours.get(Tax.confidentiality, [("vardnadshavare", None)])[0]
        record["confidentiality"] = confidentiality[0]
        _put(record, "confidentiality_note", confidentiality[1])
        _put(record, "cost", _first(ours, Tax.cost))
        languages = [lang.get("code") for lang in service.get("languages", []) or []]
        record["languages"] = [c for c in languages if isinstance(c, str) and c] or ["sv"]
        self.contact(record, service, ours)
        registry_facts = dict(ours.get(Tax.registry, []))
        record["source"] = registry_facts.get("source") or self.default_source(service)
        record["reviewed"] = _date(service.get("assured_date")) or date.today()
        record["verified"] = registry_facts.get("verified") == "true"
        if registry_facts.get("fallback") == "true":
            record["fallback"] = True
        if Tax.access not in ours:
            record["note"] = "Importerad från HSDS: hur man kommer dit var inte angivet."
        return record

    def default_source(self, service: Record) -> str:
        where = service.get("url") or f"tjänst {service['id']}"
        return f"Importerad från HSDS 3.0 ({self.source_name}): {where}"

    def kind(self, service: Record, terms: list[Record], ours: dict[Tax, list[Any]]) -> str | None:
        if kind := _first(ours, Tax.kind):
            return kind
        plain = [k for t in terms for k in (t.get("code"), t.get("name")) if k in Kind.__members__]
        if plain:  # another tool that uses our kind ids as codes maps cleanly
            return str(plain[0])
        for key in _keys(service, terms):
            if (mapped := self.maps.kinds.get(key)) is not None:
                if mapped in Kind.__members__:
                    return mapped
                self.problem(service, "kind", f"the map gives '{mapped}', which is not a kind")
                return None
        names = ", ".join(sorted({str(t.get("name")) for t in terms})) or "none"
        self.problem(
            service,
            "kind",
            f"no kind in our vocabulary (taxonomy terms: {names}); map it in --map-kinds",
        )
        return None

    def principal(self, kind: str) -> str:
        return KIND_PRINCIPALS.get(kind, Principal.region).value

    def areas(self, service: Record) -> tuple[list[str], bool]:
        found: list[str] = []
        national = False
        given = service.get("service_areas", []) or []
        for i, area in enumerate(given):
            uri = str(area.get("uri") or "")
            if uri == AREA_URI + NATIONAL_AREA:
                national = True
                continue
            area_id = self.area(area, uri)
            if area_id is None:
                what = area.get("name") or area.get("id")
                self.problem(
                    service,
                    f"service_areas.{i}",
                    f"'{what}' is not an area we know; map it in --map-areas",
                )
            elif area_id not in found:
                found.append(area_id)
        if not given:
            if mapped := self.maps.areas.get(name_key(str(service["id"]))):
                return [mapped], False
            self.problem(
                service, "service_areas", "no service area given; map the service id in --map-areas"
            )
        return found, national

    def area(self, area: Record, uri: str) -> str | None:
        keys = [str(area.get(k)) for k in ("id", "uri", "name") if area.get(k)]
        for key in keys:
            if (mapped := self.maps.areas.get(name_key(key))) is not None:
                return mapped
        candidates = [uri.removeprefix(AREA_URI)] if uri.startswith(AREA_URI) else []
        candidates += [str(area[k]) for k in ("name",) if area.get(k)]
        for text in candidates:
            try:
                return self.base.resolve_area(text).id
            except NotFound:
                continue
        return None

    def needs(self, service: Record, terms: list[Record], ours: dict[Tax, list[Any]]) -> Any:
        if Tax.need in ours:
            return {code: value.split(",") if value else None for code, value in ours[Tax.need]}
        found = [str(t["code"]) for t in terms if t.get("code") in Need.__members__]
        for key in _keys(service, terms):
            found += [n for n in self.maps.needs.get(key, []) if n not in found]
        unknown = [n for n in found if n not in Need.__members__]
        if unknown:
            self.problem(service, "needs", f"the map gives {unknown}, which are not needs")
            return None
        if not found:
            self.problem(
                service, "needs", "no need in our vocabulary; map its terms in --map-needs"
            )
            return None
        return found

    def age(self, service: Record, key: str) -> int | None:
        value = service.get(key)
        if value is None:
            return None
        if isinstance(value, (int, float)) and float(value).is_integer():
            return int(value)
        self.problem(service, key, f"'{value}' is not a whole number of years")
        return None

    def contact(self, record: Record, service: Record, ours: dict[Tax, list[Any]]) -> None:
        _put(record, "description", service.get("description"))
        _put(record, "how_to_contact", _how_to_contact(service.get("application_process")))
        _put(record, "typical_wait", service.get("wait_time"))
        numbers = [
            str(p.get("number", "")).strip().strip('"') for p in service.get("phones", []) or []
        ]
        _put(record, "phone", next((n for n in numbers if n), None))
        _put(record, "website", service.get("url"))
        _put(record, "email", service.get("email"))
        hours = [
            s.get("description") for s in service.get("schedules", []) or [] if s.get("description")
        ]
        _put(record, "hours", hours[0] if hours else None)
        _put(record, "address", _address(service))


def import_directory(folder: Path, maps: Maps, base: Registry) -> tuple[RegistryDocument, str]:
    """Import a directory; return the validated document and its YAML text.

    Raises `RegistryInvalid` naming every service and field that could not be mapped,
    or every problem the registry's validation found in the result.
    """
    services, form = read_services(folder)
    importer = Importer(base, maps, str(folder))
    if not services:
        raise RegistryInvalid(
            [Problem("no HSDS services found (JSON or datapackage.json + CSV)", file=str(folder))]
        )
    importer.ids = _provider_ids(services)
    importer.position = {str(s["id"]): i for i, s in enumerate(services)}
    providers = [p for s in services if (p := importer.provider(s)) is not None]
    if importer.problems:
        raise RegistryInvalid(importer.problems)
    text = _yaml(base, providers, _flows(services, importer.ids), f"{folder} ({form})")
    return load_text(text, "<imported>"), text


def _provider_ids(services: list[Record]) -> dict[str, str]:
    """Our id when the record carries it, else a slug of the name, made unique."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for service in services:
        given = dict(_ours(list(iter_terms(service))).get(Tax.registry, [])).get("id")
        slug = given or _slug(str(service.get("name") or service["id"]))
        unique, n = slug, 2
        while unique in taken:
            unique, n = f"{slug[:75]}-{n}", n + 1
        taken.add(unique)
        ids[str(service["id"])] = unique
    return ids


def _flows(services: list[Record], ids: dict[str, str]) -> list[Record]:
    """The flows out that our export carries, between services both in the import."""
    flows = []
    for service in services:
        origin = ids[str(service["id"])]
        for term in iter_terms(service):
            target = ids.get(str(term.get("_value")))
            if term.get("taxonomy") == Tax.mechanism.value and target and target != origin:
                digest = hashlib.sha1(f"{origin}>{target}>{term['code']}".encode()).hexdigest()[:12]
                flows.append(
                    {
                        "id": f"hsds-{digest}",
                        "from": origin,
                        "to": target,
                        "mechanism": term["code"],
                    }
                )
    return flows


def _yaml(base: Registry, providers: list[Record], flows: list[Record], origin: str) -> str:
    areas = [a.model_dump(mode="json", exclude_defaults=True) for a in base.document.areas]
    document = {"version": 1, "areas": areas, "providers": providers, "flows": flows}
    head = f"# Importerad från HSDS 3.0: {origin}, {date.today().isoformat()}.\n"
    return head + yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)


def _ours(terms: list[Record]) -> dict[Tax, list[tuple[str, Any]]]:
    """Terms of our own taxonomies, by taxonomy: (code, the attribute's value)."""
    found: dict[Tax, list[tuple[str, Any]]] = {}
    names = {t.value: t for t in Tax}
    for term in terms:
        tax = names.get(str(term.get("taxonomy")))
        if tax is not None and term.get("code"):
            found.setdefault(tax, []).append((str(term["code"]), term.get("_value")))
    return found


def _first(ours: dict[Tax, list[Any]], tax: Tax) -> str | None:
    return str(ours[tax][0][0]) if tax in ours else None


def _keys(service: Record, terms: list[Record]) -> list[str]:
    """What a map file may name: the service id, its terms' ids, codes and names."""
    keys = [str(service["id"])]
    for term in terms:
        keys += [str(term[k]) for k in ("id", "code", "name") if term.get(k)]
    return [name_key(k) for k in keys]


def _how_to_contact(text: Any) -> str | None:
    """The application process, without the sentences our export adds from `access`."""
    if not isinstance(text, str):
        return None
    for label in ACCESS_LABELS.values():
        text = text.replace(f" {label}.", "").removeprefix(f"{label}.")
    return text.strip() or None


def _address(service: Record) -> str | None:
    for place in service.get("service_at_locations", []) or []:
        location = place.get("location") or {}
        for address in location.get("addresses", []) or []:
            parts = [address.get(k) for k in ("address_1", "address_2")]
            city = " ".join(str(address[k]) for k in ("postal_code", "city") if address.get(k))
            return ", ".join(str(p) for p in [*parts, city] if p) or None
        if location.get("location_type") == "physical" and location.get("description"):
            return str(location["description"])
    return None


def _date(text: Any) -> date | None:
    try:
        return date.fromisoformat(str(text)[:10]) if text else None
    except ValueError:
        return None


def _slug(text: str) -> str:
    ascii_text = name_key(text).replace("å", "a").replace("ä", "a").replace("ö", "o")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return (slug or "tjanst")[:70]


def _put(record: Record, key: str, value: Any) -> None:
    if value not in (None, ""):
        record[key] = value
