"""Where to turn *now*: the emergency block of CONTRACT.md.

The national numbers are constants, not registry data: DOMAIN.md lists them as safe to
print, and no registry edit may ever remove them from a page where someone is in danger.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from pathways.messages import N_
from pathways.models import Provider
from pathways.reading.freetext import read_text
from pathways.vocab import CRISIS_NEEDS, Kind, Need, Urgency

ADULT_AGE = 18


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str
    description: str
    website: str | None = None


EMERGENCY_112 = Contact(
    name="112",
    phone="112",
    description=N_("Ring 112 om någons liv eller hälsa är i fara just nu."),
)
MIND = Contact(
    name="Mind Självmordslinjen",
    phone="90101",
    description=N_(
        "Prata med någon om tankar på att inte vilja leva. Öppet dygnet runt, också chatt."
    ),
    website="https://mind.se/",
)
BRIS = Contact(
    name="BRIS",
    phone="116 111",
    description=N_(
        "För dig under 18 år. Ring, chatta eller mejla, dygnet runt. "
        "Du behöver inte säga vem du är."
    ),
    website="https://www.bris.se/",
)
VARDGUIDEN = Contact(
    name="1177 Vårdguiden",
    phone="1177",
    description=N_("Sjukvårdsrådgivning dygnet runt. De kan säga vart du ska vända dig."),
    website="https://www.1177.se/",
)

MESSAGE = N_(
    "Är du eller någon annan i fara nu? Ring 112. Du kan också prata med någon direkt, dygnet runt."
)


@dataclass(frozen=True)
class Emergency:
    message: str
    contacts: tuple[Contact, ...]
    places: tuple[Provider, ...]  # the acute units for the asker's area and age


def needs_emergency(urgency: Urgency, needs: Collection[Need], crisis_text: bool) -> bool:
    """CONTRACT.md: urgency akut, a crisis need, or crisis wording in the free text."""
    return urgency == Urgency.akut or crisis_text or bool(CRISIS_NEEDS & set(needs))


def contacts_for(age: int) -> tuple[Contact, ...]:
    if age < ADULT_AGE:
        return (EMERGENCY_112, BRIS, MIND, VARDGUIDEN)
    return (EMERGENCY_112, MIND, VARDGUIDEN)


def emergency_block(age: int, acute_units: Collection[Provider]) -> Emergency:
    """The block for someone of this age; `acute_units` are the providers serving them."""
    wanted = Kind.bup_akut if age < ADULT_AGE else Kind.psykiatrisk_akut
    places = tuple(p for p in acute_units if p.kind == wanted and p.fits_age(age))
    return Emergency(MESSAGE, contacts_for(age), places)


ACUTE_KINDS = (Kind.bup_akut, Kind.psykiatrisk_akut)


def where_now(acute_units: Collection[Provider], age: int | None) -> Emergency:
    """The /akut answer: every national number, and the acute units for the age.

    With the age unknown, BRIS stays in (the asker may be a child) and both the
    children's and the adults' acute units are listed.
    """
    if age is not None:
        return emergency_block(age, acute_units)
    places = tuple(p for p in acute_units if p.kind in ACUTE_KINDS)
    return Emergency(MESSAGE, contacts_for(0), places)


def signals_danger(urgency: str | None, needs: Collection[str], text: str | None) -> bool:
    """Danger in a question that is otherwise incomplete or wrong (no age, a typo in the
    area): the emergency block must not wait for a valid form."""
    crisis_text = bool(text and text.strip() and read_text(text[:1000]).crisis)
    return urgency == Urgency.akut or crisis_text or any(n in CRISIS_NEEDS for n in needs)
