"""Where to turn *now*: the emergency block of CONTRACT.md, with the right help per danger.

What counts as danger is `pathways.reading.crisis`'s to decide; this module decides what to show for
it: 112 first always, BRIS under 18, Mind and the acute unit for the area and age for wishes
to die, plans and voices, the kommun's socialjour for violence now, and for self-harm alone
a calm safety note instead of the alarm.

The national numbers are constants, not registry data: DOMAIN.md lists them as safe to
print, and no registry edit may ever remove them from a page where someone is in danger.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Final, Literal

from pathways.messages import N_
from pathways.models import Provider
from pathways.reading.crisis import CATEGORIES, DANGER, CrisisSignal, read_crisis
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
CALM_MESSAGE = N_(
    "Det är bra att du berättar. Du kan få hjälp, och du behöver inte klara det här ensam."
)

URGENT: Final = "urgent"
CALM: Final = "calm"
Tone = Literal["urgent", "calm"]

# What to do now, per kind of danger (the ids of `pathways.reading.crisis`), in this order.
ADVICE: Final[dict[str, str]] = {
    "overdose": N_(
        "Har du eller någon annan tagit för mycket tabletter eller något giftigt? Ring 112 nu, "
        "också om det känns bra just nu."
    ),
    "severe_injury": N_(
        "Blöder ett sår mycket eller är det djupt? Tryck hårt på såret med något rent och ring 112."
    ),
    "violence_now": N_(
        "Är någon i fara just nu? Ring 112. Gå till ett säkert ställe om du kan. "
        "Socialjouren hjälper när socialtjänsten har stängt."
    ),
    "psychosis": N_(
        "Säger röster åt dig att skada dig, eller känns det som att någon styr dig? "
        "Ring 112 eller gå till en akutmottagning. Du kan få hjälp direkt."
    ),
    "suicidal": N_(
        "Tankar på att inte vilja leva kan bli mindre om du pratar med någon. "
        "Ring Mind Självmordslinjen 90101 eller gå till en akutmottagning."
    ),
    "plan_or_method": N_(
        "Har du en plan eller saker att skada dig med? Lägg undan dem, var inte ensam, "
        "och ring 112 eller gå till en akutmottagning nu."
    ),
}
CALM_ADVICE: Final = (
    N_("Om ett sår är djupt eller inte slutar blöda: ring 112. Är du osäker, ring 1177."),
    N_("Mind 90101 och BRIS 116 111 (om du är under 18) går att nå dygnet runt."),
    N_("Berätta för en vuxen du litar på, till exempel skolsköterskan eller kuratorn."),
)
# Danger for which the acute psychiatric unit is the place to go, besides 112.
TO_ACUTE_UNIT: Final = frozenset({"suicidal", "plan_or_method", "psychosis"})
# Danger where calling 112 comes before anything else, also before talking to a helpline.
EMERGENCY_FIRST: Final = frozenset({"overdose", "severe_injury", "violence_now"})


@dataclass(frozen=True)
class Assessment:
    """Whether a question calls for the emergency block, in which tone, and why."""

    tone: Tone
    reasons: tuple[str, ...]  # the danger categories found, in the order of CATEGORIES


@dataclass(frozen=True)
class Emergency:
    message: str
    contacts: tuple[Contact, ...]
    places: tuple[Provider, ...]  # the acute units (and socialjour) for the area and age
    reasons: tuple[str, ...] = ()
    tone: Tone = "urgent"
    advice: tuple[str, ...] = ()


def needs_emergency(urgency: Urgency, needs: Collection[Need], crisis_text: bool) -> bool:
    """CONTRACT.md: urgency akut, a crisis need, or crisis wording in the free text."""
    return urgency == Urgency.akut or crisis_text or bool(CRISIS_NEEDS & set(needs))


def assess(
    urgency: str | None,
    needs: Collection[str],
    signals: Collection[CrisisSignal],
    carried: Collection[str] = (),
) -> Assessment | None:
    """The one rule for when the block is shown: danger in the words, the need
    suicidtankar or urgency akut bring the alarm; self-harm alone brings the calm note.
    `carried` are categories found earlier, when the words have left the address."""
    found = {s.category for s in signals} | {c for c in carried if c in CATEGORIES}
    if any(n in CRISIS_NEEDS for n in needs):
        found.add("suicidal")
    if Need.sjalvskada in needs:
        found.add("self_harm")
    reasons = tuple(c for c in CATEGORIES if c in found)
    if urgency == Urgency.akut or found & DANGER:
        return Assessment(URGENT, reasons)
    if found:
        return Assessment(CALM, reasons)
    return None


def contacts_for(age: int, reasons: Collection[str] = ()) -> tuple[Contact, ...]:
    """112 first always; 1177 before the helplines when a body needs care now."""
    bris = (BRIS,) if age < ADULT_AGE else ()
    if set(reasons) & EMERGENCY_FIRST and not set(reasons) & TO_ACUTE_UNIT:
        return (EMERGENCY_112, VARDGUIDEN, *bris, MIND)
    return (EMERGENCY_112, *bris, MIND, VARDGUIDEN)


def emergency_block(
    age: int,
    acute_units: Collection[Provider],
    reasons: Collection[str] = (),
    tone: Tone = "urgent",
) -> Emergency:
    """The block for someone of this age; `acute_units` are the providers serving them.

    Without reasons (urgency akut alone) the block is the full one of CONTRACT.md.
    """
    reasons = tuple(reasons)
    if tone == CALM:
        bris = (BRIS,) if age < ADULT_AGE else ()
        contacts = (VARDGUIDEN, MIND, *bris, EMERGENCY_112)
        return Emergency(CALM_MESSAGE, contacts, (), reasons, CALM, CALM_ADVICE)
    wanted = Kind.bup_akut if age < ADULT_AGE else Kind.psykiatrisk_akut
    places: list[Provider] = []
    if not reasons or TO_ACUTE_UNIT & set(reasons) or not EMERGENCY_FIRST & set(reasons):
        places += [p for p in acute_units if p.kind == wanted and p.fits_age(age)]
    if "violence_now" in reasons:
        places += [p for p in acute_units if p.kind == Kind.socialjour]
    advice = tuple(ADVICE[c] for c in ADVICE if c in reasons)
    return Emergency(MESSAGE, contacts_for(age, reasons), tuple(places), reasons, URGENT, advice)


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


def assess_text(
    urgency: str | None,
    needs: Collection[str],
    text: str | None,
    carried: Collection[str] = (),
) -> Assessment | None:
    """`assess` for a question that is otherwise incomplete or wrong (no age, a typo in
    the area): the emergency block must not wait for a valid form."""
    signals = read_crisis(text[:1000]) if text and text.strip() else ()
    return assess(urgency, needs, signals, carried)


def signals_danger(urgency: str | None, needs: Collection[str], text: str | None) -> bool:
    """Danger in a question that is otherwise incomplete or wrong: the full alarm."""
    found = assess_text(urgency, needs, text)
    return found is not None and found.tone == URGENT
