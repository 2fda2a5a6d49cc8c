"""What a professional needs to know about each step: who acts, what consent, what to send.

DOMAIN.md is the ground truth: the duty to report is personal and applies on suspicion;
anonymous consultation first is allowed; a SIP always needs consent; paragraph numbers in
the 2025 social services act are unverified and never printed. The lists of what to
include are practical suggestions, worded as such, not legal requirements.
"""

from __future__ import annotations

from pathways.messages import Msg
from pathways.vocab import Mechanism

WHO_ACTS: dict[Mechanism, Msg] = {
    Mechanism.egen_kontakt: Msg(
        "Den unga eller en vårdnadshavare tar kontakt själv. Du kan hjälpa till att hitta "
        "kontaktuppgifterna."
    ),
    Mechanism.egenremiss: Msg(
        "Den unga eller vårdnadshavaren skickar en egenremiss. Du kan hjälpa till att fylla i den."
    ),
    Mechanism.hanvisning: Msg(
        "Du rekommenderar den unga eller familjen att kontakta mottagningen. Inget skickas."
    ),
    Mechanism.remiss: Msg("Du eller en kollega skickar en remiss, med samtycke."),
    Mechanism.orosanmalan: Msg(
        "Du anmäler själv till socialtjänsten, genast. Skyldigheten är personlig: den går "
        "inte att lämna över till någon annan."
    ),
    Mechanism.sip: Msg(
        "Kommunen eller regionen kallar till ett SIP-möte. Skolan, närstående och andra kan "
        "föreslå en SIP."
    ),
    Mechanism.konsultation: Msg("Ni rådfrågar varandra, ofta utan att säga vem barnet är."),
    Mechanism.overlamning: Msg(
        "Mottagningen lämnar över till nästa på ett planerat sätt, med samtycke."
    ),
    Mechanism.akut: Msg("Ring 112 eller åk till akuten nu."),
}

INCLUDE: dict[Mechanism, tuple[Msg, ...]] = {
    Mechanism.remiss: (
        Msg("Vad du har sett, hur länge det har pågått och hur det påverkar vardagen."),
        Msg("Vad som redan är prövat, och hur det gick."),
        Msg("Vad du vill att mottagningen ska hjälpa till med."),
        Msg("Vem som har gett samtycke."),
        Msg("Kontaktuppgifter till dig, den unga och vårdnadshavarna."),
    ),
    Mechanism.egenremiss: (
        Msg("Hur den unga mår och hur länge det har varit så."),
        Msg("Vilken hjälp den unga redan har fått."),
    ),
    Mechanism.orosanmalan: (
        Msg("Vad du har sett eller hört, och när."),
        Msg("Vad barnet själv har sagt, med barnets egna ord."),
        Msg("Barnets namn, ålder och skola, om du vet dem."),
        Msg("Dina kontaktuppgifter."),
    ),
    Mechanism.sip: (
        Msg("Samtycke från den unga och, för barn, oftast från vårdnadshavarna."),
        Msg("Vilka som behöver vara med, och varför."),
        Msg("Vad planen ska lösa."),
    ),
    Mechanism.overlamning: (
        Msg("En sammanfattning av vården så här långt."),
        Msg("Vem som har ansvaret fram till överlämningen."),
    ),
    Mechanism.konsultation: (Msg("Beskriv situationen utan namn om du inte har samtycke."),),
}

REQUIREMENTS: dict[str, Msg] = {
    "remiss": Msg("En remiss skickas."),
    "egenremiss": Msg("En egenremiss skickas av den unga eller vårdnadshavaren."),
    "orosanmalan": Msg("En orosanmälan görs till socialtjänsten."),
    "sip_mote": Msg("Ett SIP-möte kallas."),
    "overlamning": Msg("En planerad överlämning görs."),
    "samtycke_ung": Msg("Den unga behöver samtycka."),
    "samtycke_vardnadshavare": Msg("Vårdnadshavarna behöver oftast samtycka."),
}

# The duty to report, as DOMAIN.md states it (no paragraph numbers: they are unverified).
DUTY_TO_REPORT: tuple[Msg, ...] = (
    Msg(
        "Alla som arbetar i skola, förskola, hälso- och sjukvård, tandvård och socialtjänst "
        "ska genast anmäla till socialtjänsten om de får kännedom om eller misstänker att ett "
        "barn far illa. Det gäller också fristående skolor."
    ),
    Msg("Det räcker med misstanke. Du behöver inte veta säkert eller kunna bevisa något."),
    Msg(
        "Skyldigheten är personlig. Du kan inte lämna över den till rektorn eller en kollega, "
        "även om ni gärna gör anmälan tillsammans."
    ),
    Msg(
        "Du får först rådfråga socialtjänsten utan att säga vem barnet är. Om det då visar sig "
        "att barnet kan fara illa ska du anmäla."
    ),
    Msg("Skadar en elev sig själv: kontakta hemmet och gör en anmälan."),
    Msg(
        "Skyldigheten finns kvar i den nya socialtjänstlagen (2025:400). Vi skriver inte ut "
        "paragrafnummer som vi inte har kunnat kontrollera."
    ),
)
DUTY_SOURCES = ("kunskapsguiden.se – skyldighet att anmäla", "skolledarna.se")
