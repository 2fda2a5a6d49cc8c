"""The registry's vocabularies published as HSDS taxonomies and taxonomy terms.

Needs, kinds and levels are what other tools filter on; principals, access,
confidentiality, cost, mechanisms and the registry's own facts (source, verified) are
taxonomies too, so that every attribute of a service points at a term that explains it.
A term's `code` is the vocabulary id of CONTRACT.md, which is what the importer reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any, TypeVar

from pathways.standards.ids import uid
from pathways.vocab import (
    KIND_LABELS,
    LEVEL_LABELS,
    MECHANISM_LABELS,
    NEED_LABELS,
    PRINCIPAL_LABELS,
    Access,
    Confidentiality,
    Cost,
)

ACCESS_LABELS: dict[str, str] = {
    Access.egen_kontakt: "Du kan ringa, skriva eller boka själv",
    Access.drop_in: "Du kan komma utan att boka tid",
    Access.egenremiss: "Du kan skicka en egenremiss",
    Access.remiss: "En yrkesperson behöver skicka en remiss",
}
CONFIDENTIALITY_LABELS: dict[str, str] = {
    Confidentiality.anonym: "Du behöver inte säga vem du är",
    Confidentiality.utan_vardnadshavare: "Du kan komma utan att dina vårdnadshavare vet",
    Confidentiality.efter_mognad: "Äldre elever bestämmer själva, yngre behöver samtycke",
    Confidentiality.vardnadshavare: "Vårdnadshavarnas samtycke behövs oftast",
}
COST_LABELS: dict[str, str] = {
    Cost.gratis: "Det kostar inget",
    Cost.avgift: "Det kan kosta en avgift",
    Cost.okand: "Fråga mottagningen om det kostar något",
    Cost.oftast_gratis: "Det kostar oftast inget",
    Cost.hjalp_gratis: "Hjälpen kostar inget; fråga om samtalet kostar",
}
REGISTRY_LABELS: dict[str, str] = {
    "id": "Id i Vårdkedjans register",
    "source": "Källa: var uppgifterna kommer ifrån",
    "public_source": "Offentlig sida som uppgifterna kommer ifrån",
    "verified": "Verifierad: true om uppgifterna är bekräftade, false om de inte är det",
    "fallback": "Reserv: visas bara där området saknar en egen verksamhet av samma slag",
    "scb_code": "SCB:s kod för området: kommunkod (fyra siffror) eller länskod (två)",
}

E = TypeVar("E", bound=StrEnum)


def _by_value(labels: Mapping[E, str]) -> dict[str, str]:
    return {key.value: label for key, label in labels.items()}


class Tax(StrEnum):
    """The taxonomies, by their HSDS `name`."""

    need = "vardkedjan-behov"
    kind = "vardkedjan-verksamhetstyp"
    level = "vardkedjan-vardniva"
    principal = "vardkedjan-huvudman"
    access = "vardkedjan-atkomst"
    confidentiality = "vardkedjan-sekretess"
    cost = "vardkedjan-kostnad"
    mechanism = "vardkedjan-floden"
    registry = "vardkedjan-register"


TAXONOMIES: dict[Tax, tuple[str, dict[str, str]]] = {
    Tax.need: ("Vad en verksamhet kan hjälpa till med (behov).", _by_value(NEED_LABELS)),
    Tax.kind: ("Vilken sorts verksamhet det är.", _by_value(KIND_LABELS)),
    Tax.level: ("Vårdnivå: stöd, första linjen, specialist eller akut.", _by_value(LEVEL_LABELS)),
    Tax.principal: ("Huvudman: vem som ansvarar för verksamheten.", _by_value(PRINCIPAL_LABELS)),
    Tax.access: ("Hur man kommer till verksamheten.", ACCESS_LABELS),
    Tax.confidentiality: ("Vad vårdnadshavare får veta.", CONFIDENTIALITY_LABELS),
    Tax.cost: ("Vad det kostar.", COST_LABELS),
    Tax.mechanism: (
        "Hur hjälpen går vidare till en annan verksamhet.",
        _by_value(MECHANISM_LABELS),
    ),
    Tax.registry: ("Registrets egna uppgifter om en post.", REGISTRY_LABELS),
}


@dataclass(frozen=True, slots=True)
class Term:
    taxonomy: Tax
    code: str

    @property
    def id(self) -> str:
        return term_id(self.taxonomy, self.code)

    @property
    def name(self) -> str:
        return TAXONOMIES[self.taxonomy][1][self.code]


@cache
def term_id(tax: Tax, code: str) -> str:
    """Computed once per term: filters ask for thousands of them per request."""
    return uid("taxonomy_term", tax.value, code)


def taxonomy_id(tax: Tax) -> str:
    return uid("taxonomy", tax.value)


def taxonomy_record(tax: Tax) -> dict[str, Any]:
    return {
        "id": taxonomy_id(tax),
        "name": tax.value,
        "description": TAXONOMIES[tax][0],
        "version": "1",
    }


def term_record(term: Term, *, nested: bool = False) -> dict[str, Any]:
    """A taxonomy term; `nested` adds the taxonomy itself, as a full answer carries it."""
    record: dict[str, Any] = {
        "id": term.id,
        "code": term.code,
        "name": term.name,
        "description": term.name,
        "taxonomy": term.taxonomy.value,
        "taxonomy_id": taxonomy_id(term.taxonomy),
        "language": "sv",
    }
    if nested:
        record["taxonomy_detail"] = taxonomy_record(term.taxonomy)
    return record


def all_terms() -> list[Term]:
    return [Term(tax, code) for tax, (_, labels) in TAXONOMIES.items() for code in labels]


TERMS_BY_ID: dict[str, Term] = {t.id: t for t in all_terms()}
TAXONOMIES_BY_ID: dict[str, Tax] = {taxonomy_id(t): t for t in Tax}
