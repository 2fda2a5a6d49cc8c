"""The vendored HSDS 3.0 schemas as validators: Draft 2020-12, formats checked.

HSDS's OpenAPI refers to its schemas by absolute GitHub URL; each vendored file is
registered under that URL too, so the OpenAPI's own response schemas (with their `Page`)
validate our answers offline, exactly as written in the specification.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

HERE = Path(__file__).resolve().parent / "hsds_schema"
UPSTREAM = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
# Bundles the vendored copy leaves out (MBs, fully inlined): the same trees from smaller files.
STAND_INS = {
    "compiled/service.json": "compiled/service_with_definitions.json",
    "compiled/organization.json": "organization.json",
}


def _load(name: str) -> Any:
    return json.loads((HERE / name).read_text(encoding="utf-8"))


@cache
def registry() -> Registry[Any]:
    names = [p.name for p in HERE.glob("*.json")]
    names += [f"compiled/{p.name}" for p in (HERE / "compiled").glob("*.json")]
    pairs: list[tuple[str, Resource[Any]]] = []
    for name in names:
        resource = Resource(_load(name), specification=DRAFT202012)
        pairs += [(name, resource), (UPSTREAM + name, resource)]
        if "/" not in name:  # relative refs inside a stand-in resolve under compiled/
            pairs.append((f"{UPSTREAM}compiled/{name}", resource))
    for missing, stand_in in STAND_INS.items():
        pairs.append((UPSTREAM + missing, Resource(_load(stand_in), specification=DRAFT202012)))
    return Registry().with_resources(pairs)  # type: ignore[no-any-return]


def validator(ref: str) -> Draft202012Validator:
    return Draft202012Validator(
        {"$ref": ref},
        registry=registry(),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def response_schema(path: str) -> str:
    """The `$ref` of the 200 answer of GET `path` in HSDS's own OpenAPI document."""
    pointer = path.replace("~", "~0").replace("/", "~1")
    return f"openapi.json#/paths/{pointer}/get/responses/200/content/application~1json/schema"


def errors(data: Any, ref: str) -> list[str]:
    """Every validation error, with where it is, so a failing test says what is wrong."""
    found = validator(ref).iter_errors(data)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in found]
