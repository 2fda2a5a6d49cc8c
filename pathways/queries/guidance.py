"""What a professional needs to know about each step: who acts, what consent, what to send.

DOMAIN.md is the ground truth: the duty to report is personal and applies on suspicion;
anonymous consultation first is allowed; a SIP always needs consent; paragraph numbers in
the 2025 social services act are unverified and never printed. The lists of what to
include are practical suggestions, worded as such, not legal requirements.
"""

from __future__ import annotations

from pathways.messages import Msg, Text
from pathways.models import Flow, Provider
from pathways.vocab import Consent, Kind, Mechanism

WHO_ACTS: dict[Mechanism, Msg] = {
    Mechanism.egen_kontakt: Msg(
        "Den unga eller en vårdnadshavare tar kontakt själv. Du kan hjälpa till att hitta "
        "kontaktuppgifterna."
    ),
    Mechanism.egenremiss: Msg(
        "Den unga eller vårdnadshavaren skickar en egenremiss. Du kan hjälpa till att fylla i den."
    ),
    Mechanism.hanvisning: Msg(
        "Du tipsar den unga eller familjen om mottagningen. Inget skickas: familjen tar "
        "kontakten själv, och du kan hjälpa dem att hitta kontaktuppgifterna."
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

# For staff: how to do it, step by step (a checklist that prints), and what comes after.
REPORT_CHECKLIST: tuple[Msg, ...] = (
    Msg("Skriv ner vad du har sett eller hört, och när, så snart du kan."),
    Msg(
        "Är du osäker: ring socialtjänsten och rådfråga utan att säga barnets namn. "
        "Visar det sig att barnet kan fara illa ska du anmäla."
    ),
    Msg("Anmäl genast, själv, till socialtjänsten i barnets kommun eller stadsdel (se nedan)."),
    Msg(
        "Berätta för rektorn eller din chef att du har anmält, om ni har en sådan rutin. "
        "Det ersätter inte din egen anmälan."
    ),
    Msg("Är barnet i fara nu: ring 112. Utanför kontorstid: socialjouren, ofta via 112."),
    Msg("Fortsätt att finnas där för barnet i skolan eller på mottagningen som vanligt."),
)
AFTER_REPORT: tuple[Msg, ...] = (
    Msg(
        "Socialtjänsten bedömer genast om barnet behöver skydd, och tar sedan ställning till "
        "om en utredning ska inledas."
    ),
    Msg(
        "Socialtjänsten kan bjuda in till ett möte med barnet, familjen och dig som har "
        "anmält. Fråga om det när du anmäler."
    ),
    Msg(
        "Du får oftast inte veta vad som händer sedan: det omfattas av sekretess. Har du ny "
        "oro senare ska du anmäla igen."
    ),
)

# What the receiving kind takes on, as DOMAIN.md states it ("Levels of care", "Provider
# kinds"); a kind not listed here has no criteria we can vouch for.
RECEIVER_CRITERIA: dict[Kind, Msg] = {
    Kind.bup: Msg(
        "BUP tar emot barn och unga med måttliga till svåra besvär som påverkar vardagen: "
        "hemma, i skolan eller med kompisar."
    ),
    Kind.vardcentral: Msg("Vårdcentralen tar emot lindriga till måttliga besvär."),
    Kind.uph: Msg(
        "UPH tar emot lindriga besvär hos barn 6–17 år. Allvarliga besvär eller behov av "
        "medicin går till BUP."
    ),
    Kind.smabarnsteam: Msg(
        "Småbarnsteamet tar emot lindriga till måttliga besvär hos barn 0–5 år, till exempel "
        "anknytning, sömn, mat och beteende."
    ),
    Kind.habilitering: Msg("Habiliteringen tar emot barn med en bekräftad diagnos."),
    Kind.bup_akut: Msg(
        "BUP akut tar emot vid självmordsrisk, livshotande ätstörning eller psykos."
    ),
    Kind.socialtjanst: Msg(
        "Socialtjänsten tar emot orosanmälan. Det räcker med misstanke om att barnet far illa."
    ),
}
BOTH_GUARDIANS = Msg(
    "Behandling på BUP kräver oftast samtycke från båda vårdnadshavarna. Är de inte "
    "överens kan socialtjänsten besluta."
)
CONSENT_TEXT = {
    Consent.ung: Msg("Den unga behöver samtycka."),
    Consent.vardnadshavare: Msg("Vårdnadshavarna behöver oftast samtycka."),
}


def receiver_needs(target: Provider, flow: Flow, age: int | None) -> tuple[Text, ...]:
    """What the receiving unit needs for this step, where the registry or DOMAIN.md knows:
    its criteria, the consent, and the wait."""
    out: list[Text] = []
    if criteria := RECEIVER_CRITERIA.get(target.kind):
        out.append(criteria)
    consent = list(flow.consent)
    if flow.mechanism in (Mechanism.remiss, Mechanism.overlamning) and not consent:
        consent = [Consent.ung]  # DOMAIN.md: a referral is sent with consent
    out.extend(CONSENT_TEXT[c] for c in consent)
    if target.kind == Kind.bup and (age is None or age < 18):
        out.append(BOTH_GUARDIANS)
    if target.typical_wait:
        out.append(Msg("Väntetid: {wait}", wait=target.typical_wait))
    return tuple(out)
