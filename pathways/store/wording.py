"""The registry's records and changes in Swedish, as administrators read them.

Administrators work in Swedish, so the history speaks Swedish too: the summary the store
writes as a commit subject ("Ändra mottagningen 'vc-norra': öppettider") names records by
their Swedish noun and fields by the label the admin form gives them. Older histories were
written in English ("Change provider 'vc-norra': hours"); `in_swedish` reads such a
subject and says it in Swedish when it is shown, so a long-lived registry reads as one.
A subject an editor wrote in their own words is left exactly as they wrote it.
"""

from __future__ import annotations

import re

# Definite form: "Ändra mottagningen ...", "Ta bort flödet ...".
NOUNS = {
    "provider": "mottagningen",
    "flow": "flödet",
    "forum": "forumet",
    "area": "området",
}

PROVIDER_LABELS = {
    "id": "Id",
    "name": "Namn",
    "kind": "Typ",
    "level": "Vårdnivå",
    "principal": "Huvudman",
    "areas": "Områden",
    "national": "Hela Sverige",
    "fallback": "Nationell reserv",
    "age_min": "Lägsta ålder",
    "age_max": "Högsta ålder",
    "needs": "Kan hjälpa till med",
    "severity": "Svårighetsgrad",
    "access": "Hur man kommer dit",
    "confidentiality": "Får vårdnadshavare veta?",
    "confidentiality_note": "Om sekretess",
    "cost": "Kostnad",
    "languages": "Språk",
    "description": "Beskrivning",
    "how_to_contact": "Så når man dem",
    "typical_wait": "Väntetid",
    "phone": "Telefon",
    "website": "Webbsida",
    "email": "E-post",
    "address": "Adress",
    "hours": "Öppettider",
    "contact": "Kontaktuppgifter",
    "source": "Källa",
    "reviewed": "Granskad",
    "verified": "Kontrollerad",
    "retired": "Avvecklad",
    "note": "Intern anteckning",
}
FLOW_LABELS = {
    "id": "Id",
    "from": "Från",
    "to": "Till",
    "within": "Bara inom områdena",
    "mechanism": "Hur",
    "needs": "Bara för behoven",
    "severity": "Svårighetsgrad",
    "age_min": "Lägsta ålder",
    "age_max": "Högsta ålder",
    "consent": "Samtycke som behövs",
    "when": "När",
    "note": "Anteckning för yrkespersoner",
    "except": "Utom mottagningarna",
    "source": "Källa",
}
FORUM_LABELS = {
    "id": "Id",
    "name": "Namn",
    "areas": "Områden",
    "members": "Medlemmar",
    "purpose": "Syfte",
    "level": "Nivå",
    "website": "Webbsida",
    "note": "Anteckning för yrkespersoner",
    "source": "Källa",
    "reviewed": "Granskad",
    "verified": "Kontrollerad",
}
AREA_LABELS = {
    "id": "Id",
    "name": "Namn",
    "type": "Typ",
    "parent": "Ligger i",
    "aliases": "Andra namn",
    "code": "Kod",
    "source": "Källa",
}
USER_LABELS = {
    "name": "Användarnamn",
    "role": "Roll",
    "areas": "Områden",
    "password": "Nytt lösenord",
    "password2": "Samma lösenord igen",
    "confirm": "Bekräfta borttagningen",
}
LABELS = {
    "users": USER_LABELS,
    "providers": PROVIDER_LABELS,
    "flows": FLOW_LABELS,
    "forums": FORUM_LABELS,
    "areas": AREA_LABELS,
}


def field_label(section: str, name: str) -> str:
    """The Swedish label of a field; a field no form knows keeps its name."""
    return LABELS.get(section, {}).get(name, name)


def noun(section: str) -> str:
    """`providers` -> `mottagningen`; an unknown section keeps its English name."""
    one = section[:-1] if section.endswith("s") else section
    return NOUNS.get(one, one)


def changed(section: str, ident: str, action: str, fields: list[str]) -> str:
    """One record's part of a summary: "ändra mottagningen 'x': telefon"."""
    what = f"{noun(section)} '{ident}'"
    if action == "added":
        return f"lägg till {what}"
    if action == "removed":
        return f"ta bort {what}"
    if action == "retired":
        return f"avveckla {what}"
    labels = ", ".join(field_label(section, f).lower() for f in fields)
    return f"ändra {what}: {labels}" if labels else f"ändra {what}"


NO_CHANGE = "Ingen ändring"

# --- older English subjects, said in Swedish when shown -----------------------------------

_VERBS = {
    "change": "changed",
    "update": "changed",
    "add": "added",
    "create": "added",
    "remove": "removed",
    "delete": "removed",
    "retire": "retired",
}
_PART = re.compile(
    r"^(?P<verb>change|update|add|create|remove|delete|retire)\s+"
    r"(?P<noun>provider|flow|forum|area)\s+(?:'(?P<quoted>[^']+)'|(?P<slug>[a-z0-9][a-z0-9._-]*))"
    r"(?::\s*(?P<fields>.*))?$",
    re.IGNORECASE,
)
_SECTIONS = {"provider": "providers", "flow": "flows", "forum": "forums", "area": "areas"}
_REVERT = re.compile(r'^Revert "(?P<subject>.*)" \((?P<short>[0-9a-f]+)\)$')
_FIXED = {
    "no change": NO_CHANGE,
    "record a change that was saved but not yet recorded": (
        "Registrera en ändring som sparades men inte hann registreras"
    ),
}
_START = re.compile(r"^Start the registry from (?P<file>.+)$")


def in_swedish(subject: str) -> str:
    """A commit subject as an administrator reads it: the store's English, in Swedish.

    Only subjects in the shape the store writes are translated, so an editor's own words
    (the subject when they wrote a message) are shown as written.
    """
    text = subject.strip()
    if text.lower() in _FIXED:
        return _FIXED[text.lower()]
    if m := _START.match(text):
        return f"Registret startas från {m['file']}"
    if m := _REVERT.match(text):
        return f'Ångra "{in_swedish(m["subject"])}" ({m["short"]})'
    cut = text.endswith("...")
    parts = (text[:-3] if cut else text).split("; ")
    said = [_part(p) for p in parts]
    if any(s is None for s in said):
        return subject
    out = "; ".join(s for s in said if s)
    return out[0].upper() + out[1:] + ("…" if cut else "")


def _part(part: str) -> str | None:
    m = _PART.match(part.strip())
    if m is None:
        return None
    section = _SECTIONS[m["noun"].lower()]
    fields = [f.strip() for f in (m["fields"] or "").split(",") if f.strip()]
    ident = m["quoted"] or m["slug"]
    return changed(section, ident, _VERBS[m["verb"].lower()], fields)
