"""What administrators read, in Swedish: field labels, values and validation messages.

The preview and the history show a change as a table of field, before and after. A value
in the registry can be a list, a mapping of needs to severities or a nested contact; it
is shown the way a person reads it ("Nedstämdhet (lindrig, måttlig)"), never as a Python
dict. The registry's validation speaks English (it is shared with `vardkedjan check` and
the JSON API); `swedish_problem` says the common messages in Swedish for the admin forms,
and anything else under a Swedish lead that names the field.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from pathways.store.wording import field_label, in_swedish, noun
from pathways.vocab import (
    KIND_LABELS,
    LEVEL_LABELS,
    MECHANISM_LABELS,
    NEED_LABELS,
    PRINCIPAL_LABELS,
)

SEVERITIES = {"lindrig": "lindrig", "mattlig": "måttlig", "svar": "svår", "akut": "akut"}
ACCESSES = {
    "egen_kontakt": "egen kontakt",
    "drop_in": "drop in",
    "egenremiss": "egenremiss",
    "remiss": "remiss",
}
CONFIDENTIALITIES = {
    "anonym": "anonym",
    "utan_vardnadshavare": "utan att vårdnadshavare vet",
    "efter_mognad": "efter ålder och mognad",
    "vardnadshavare": "vårdnadshavare behöver oftast samtycka",
}
COSTS = {
    "gratis": "gratis",
    "avgift": "avgift",
    "okand": "okänd",
    "oftast_gratis": "oftast gratis",
    "hjalp_gratis": "hjälpen är gratis",
}
CONSENTS = {"ung": "den unga", "vardnadshavare": "vårdnadshavare"}
VALUES: dict[str, Mapping[Any, str]] = {
    "kind": KIND_LABELS,
    "level": LEVEL_LABELS,
    "mechanism": MECHANISM_LABELS,
    "principal": PRINCIPAL_LABELS,
    "needs": NEED_LABELS,
    "severity": SEVERITIES,
    "access": ACCESSES,
    "confidentiality": CONFIDENTIALITIES,
    "cost": COSTS,
    "consent": CONSENTS,
}
EMPTY = "–"


def value_text(name: str, value: Any) -> str:
    """One field's value as a person reads it: labels for codes, lists with commas."""
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return _mapping(name, value)
    if isinstance(value, list | tuple | set):
        return ", ".join(value_text(name, v) for v in value)
    return _code(name, value)


def _code(name: str, value: Any) -> str:
    labels = VALUES.get(name, {})
    return str(labels.get(value, value)) if isinstance(value, str) else str(value)


def _mapping(name: str, value: Mapping[Any, Any]) -> str:
    """Needs with their severities, or a nested record (contact) as label: value pairs."""
    if name == "needs":
        return "; ".join(
            _code("needs", need)
            + (f" ({value_text('severity', sev)})" if sev not in (None, [], "") else "")
            for need, sev in value.items()
        )
    return "; ".join(
        f"{field_label('providers', str(k))}: {value_text(str(k), v)}" for k, v in value.items()
    )


def change_title(section: str, ident: str, action: str) -> str:
    """ "Ändras: mottagningen 'x'" for a record in a preview or a change."""
    verb = {"added": "Läggs till", "removed": "Tas bort"}.get(action, "Ändras")
    return f"{verb}: {noun(section)} '{ident}'"


# --- validation messages -------------------------------------------------------------------

_Say = Callable[[re.Match[str]], str]
PROBLEMS: list[tuple[re.Pattern[str], _Say]] = [
    (re.compile(r"^is required$"), lambda m: "Fyll i fältet."),
    (re.compile(r"^is not a known field"), lambda m: "Fältet finns inte i registret."),
    (re.compile(r"^unknown value"), lambda m: "Välj ett av värdena i listan."),
    (re.compile(r"^unknown area '(.+)'$"), lambda m: f"Området '{m[1]}' finns inte."),
    (re.compile(r"^unknown provider '(.+)'$"), lambda m: f"Mottagningen '{m[1]}' finns inte."),
    (re.compile(r"^duplicate id '(.+)'$"), lambda m: f"Id '{m[1]}' används redan."),
    (
        re.compile(r"^id '(.+)' is already a provider id$"),
        lambda m: f"Id '{m[1]}' används redan av en mottagning.",
    ),
    (re.compile(r"^provider '(.+)' is retired$"), lambda m: f"Mottagningen '{m[1]}' är avvecklad."),
    (
        re.compile(r"^'(.+)' is neither a kind nor a provider$"),
        lambda m: f"'{m[1]}' är varken en typ eller en mottagnings id.",
    ),
    (
        re.compile(r"^age_min \((\d+)\) is greater than age_max \((\d+)\)$"),
        lambda m: f"Lägsta ålder ({m[1]}) är högre än högsta ålder ({m[2]}).",
    ),
    (
        re.compile(r"^a flow cannot go from a provider to itself$"),
        lambda m: "Ett flöde kan inte gå från en mottagning till sig själv.",
    ),
    (re.compile(r"^an area is listed twice$"), lambda m: "Ett område står två gånger."),
    (re.compile(r"^a member is listed twice$"), lambda m: "En medlem står två gånger."),
    (
        re.compile(r"^a national provider lists no areas$"),
        lambda m: "En mottagning för hela Sverige anger inga områden.",
    ),
    (
        re.compile(r"^list the areas served, or set national: true$"),
        lambda m: "Välj områdena den tar emot från, eller Hela Sverige.",
    ),
    (
        re.compile(r"^a provider id may not be a kind id$"),
        lambda m: "En mottagnings id får inte vara samma som en typ.",
    ),
    (
        re.compile(r"^(\S+) is later than today"),
        lambda m: f"Datumet {m[1]} ligger framåt i tiden. Skriv dagen då uppgifterna granskades.",
    ),
    (
        re.compile(r"^contains a control character"),
        lambda m: "Texten har ett osynligt styrtecken (till exempel NUL eller ESC). Ta bort det.",
    ),
    (
        re.compile(r"^is not a phone number"),
        lambda m: (
            "Skriv ett telefonnummer med siffror, mellanslag eller bindestreck, "
            "till exempel 08-123 45 67."
        ),
    ),
    (
        re.compile(r"^is not a web address"),
        lambda m: (
            "Skriv en webbadress som börjar med https:// (eller http://) och inte har mellanslag."
        ),
    ),
    (
        re.compile(r"^is not a language code"),
        lambda m: "Skriv språkkoder som sv, en eller ar, med kommatecken emellan.",
    ),
    (
        re.compile(r"^is not an e-mail address"),
        lambda m: "Skriv en e-postadress, till exempel namn@region.se.",
    ),
    (
        re.compile(r"^use only a-z, digits and hyphens"),
        lambda m: "Använd bara a–z, siffror och bindestreck, till exempel vardcentral-norra.",
    ),
    (re.compile(r"valid integer"), lambda m: "Skriv ett heltal, till exempel 12."),
    (re.compile(r"valid date"), lambda m: "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-11-30."),
    (re.compile(r"valid (boolean|bool)"), lambda m: "Välj ja eller nej."),
    (re.compile(r"greater than or equal to (\d+)"), lambda m: f"Skriv {m[1]} eller mer."),
    (re.compile(r"less than or equal to (\d+)"), lambda m: f"Skriv {m[1]} eller mindre."),
    (re.compile(r"should match pattern"), lambda m: "Värdet har fel form."),
    (re.compile(r"at least (\d+) characters?"), lambda m: f"Skriv minst {m[1]} tecken."),
    (re.compile(r"at most (\d+) characters?"), lambda m: f"Skriv högst {m[1]} tecken."),
    (re.compile(r"valid (string|list)"), lambda m: "Värdet har fel form."),
]


def swedish_problem(message: str, section: str = "", field: str = "") -> str:
    """A validation message as a Swedish sentence; an unknown one keeps a Swedish lead."""
    text = message.strip().removeprefix("Value error, ")
    for pattern, say in PROBLEMS:
        found = pattern.search(text)
        if found:
            return say(found)
    where = f" i fältet {field_label(section, field)}" if field else ""
    return f"Uppgiften{where} godtas inte ({text})."


FINDINGS = {
    "error": "Fel",
    "warning": "Varning",
    "info": "Att veta",
    "stale": "Gammal granskning",
    "unverified": "Inte bekräftad",
    "unreachable": "Ingen väg dit",
    "dead_end": "Ingen väg vidare",
    "ping_pong": "Skickar fram och tillbaka",
    "unused_flow": "Flöde som inte används",
    "coverage_gap": "Lucka i första kontakt",
}


def finding_label(code: str) -> str:
    """An audit finding's code or severity in Swedish, for Granskning."""
    return FINDINGS.get(code, code.replace("_", " "))


def labels_for_templates() -> dict[str, Callable[..., str]]:
    """The Jinja globals the admin templates use."""
    return {
        "field_label": field_label,
        "value_text": value_text,
        "change_title": change_title,
        "in_swedish": in_swedish,
        "finding_label": finding_label,
    }
