"""The fixed vocabularies of CONTRACT.md, with the Swedish labels people read.

Ids are part of the public contract and never change; labels and descriptions may.
"""

from __future__ import annotations

from enum import StrEnum

from pathways.messages import N_


class AreaType(StrEnum):
    region = "region"
    kommun = "kommun"
    stadsdel = "stadsdel"


class Kind(StrEnum):
    elevhalsa = "elevhalsa"
    skolsocialt_team = "skolsocialt_team"
    ungdomsmottagning = "ungdomsmottagning"
    vardcentral = "vardcentral"
    uph = "uph"
    smabarnsteam = "smabarnsteam"
    bvc = "bvc"
    familjecentral = "familjecentral"
    bup = "bup"
    bup_akut = "bup_akut"
    psykiatrisk_akut = "psykiatrisk_akut"
    socialtjanst = "socialtjanst"
    socialjour = "socialjour"
    beroende_unga = "beroende_unga"
    habilitering = "habilitering"
    bum = "bum"
    stodlinje = "stodlinje"
    akut = "akut"
    vuxenpsykiatri = "vuxenpsykiatri"


class Level(StrEnum):
    stod = "stod"
    forsta_linjen = "forsta_linjen"
    specialist = "specialist"
    akut = "akut"


class Principal(StrEnum):
    kommun = "kommun"
    region = "region"
    kommun_och_region = "kommun_och_region"
    privat = "privat"
    ideell = "ideell"
    stat = "stat"


class Need(StrEnum):
    oro_angest = "oro_angest"
    nedstamdhet = "nedstamdhet"
    somn = "somn"
    stress = "stress"
    atstorning = "atstorning"
    sjalvskada = "sjalvskada"
    suicidtankar = "suicidtankar"
    npf = "npf"
    trauma = "trauma"
    vald_overgrepp = "vald_overgrepp"
    alkohol_droger = "alkohol_droger"
    skolfranvaro = "skolfranvaro"
    familj_relationer = "familj_relationer"
    mobbning = "mobbning"
    sexualitet_identitet = "sexualitet_identitet"
    utveckling_smabarn = "utveckling_smabarn"
    kris_sorg = "kris_sorg"
    utagerande = "utagerande"


class Urgency(StrEnum):
    akut = "akut"
    snart = "snart"
    planerat = "planerat"


class Mechanism(StrEnum):
    egen_kontakt = "egen_kontakt"
    egenremiss = "egenremiss"
    hanvisning = "hanvisning"
    remiss = "remiss"
    orosanmalan = "orosanmalan"
    sip = "sip"
    konsultation = "konsultation"
    overlamning = "overlamning"
    akut = "akut"


class Severity(StrEnum):
    """How hard a need weighs on daily life; providers say which severities they take."""

    lindrig = "lindrig"
    mattlig = "mattlig"
    svar = "svar"
    akut = "akut"


class Access(StrEnum):
    """How a young person or parent gets to a provider."""

    egen_kontakt = "egen_kontakt"  # call, write or book directly
    drop_in = "drop_in"  # walk in without an appointment
    egenremiss = "egenremiss"  # self-referral form
    remiss = "remiss"  # a professional must refer


class Confidentiality(StrEnum):
    """What a young person can expect about their guardians being told."""

    anonym = "anonym"  # no name needed at all (helplines)
    utan_vardnadshavare = "utan_vardnadshavare"  # may come without guardians knowing
    efter_mognad = "efter_mognad"  # older pupils decide; younger need guardian consent
    vardnadshavare = "vardnadshavare"  # guardians' consent usually needed


class Consent(StrEnum):
    """Whose consent a flow needs before information goes from one provider to another."""

    ung = "ung"
    vardnadshavare = "vardnadshavare"


class Cost(StrEnum):
    gratis = "gratis"
    avgift = "avgift"
    okand = "okand"
    oftast_gratis = "oftast_gratis"  # free in most places (umo.se on UM visits)
    hjalp_gratis = "hjalp_gratis"  # the help is free; whether the call costs is not known


SELF_ACCESS = frozenset({Access.egen_kontakt, Access.drop_in, Access.egenremiss})

LEVEL_ORDER: dict[Level, int] = {
    Level.stod: 0,
    Level.forsta_linjen: 1,
    Level.specialist: 2,
    Level.akut: 3,
}

DEFAULT_SEVERITIES: dict[Level, frozenset[Severity]] = {
    Level.stod: frozenset({Severity.lindrig, Severity.mattlig}),
    Level.forsta_linjen: frozenset({Severity.lindrig, Severity.mattlig}),
    Level.specialist: frozenset({Severity.mattlig, Severity.svar}),
    Level.akut: frozenset({Severity.akut}),
}

NEED_LABELS: dict[Need, str] = {
    Need.oro_angest: N_("Oro och ångest"),
    Need.nedstamdhet: N_("Nedstämdhet, att må dåligt länge"),
    Need.somn: N_("Svårt att sova"),
    Need.stress: N_("Stress"),
    Need.atstorning: N_("Mat, vikt och kropp (ätstörning)"),
    Need.sjalvskada: N_("Skada sig själv"),
    Need.suicidtankar: N_("Tankar på att inte vilja leva"),
    Need.npf: N_("Koncentration, ADHD, autism"),
    Need.trauma: N_("Svåra upplevelser"),
    Need.vald_overgrepp: N_("Våld, hot eller övergrepp"),
    Need.alkohol_droger: N_("Alkohol, droger eller spel"),
    Need.skolfranvaro: N_("Svårt att gå till skolan"),
    Need.familj_relationer: N_("Bråk eller svårt i familjen"),
    Need.mobbning: N_("Mobbning och utanförskap"),
    Need.sexualitet_identitet: N_("Sexualitet, kropp och identitet"),
    Need.utveckling_smabarn: N_("Oro för ett litet barns utveckling (0–5 år)"),
    Need.kris_sorg: N_("Kris och sorg"),
    Need.utagerande: N_("Ilska och utbrott"),
}

# Needs that by themselves mean danger to life: they always bring the emergency block.
CRISIS_NEEDS = frozenset({Need.suicidtankar})

KIND_LABELS: dict[Kind, str] = {
    Kind.elevhalsa: N_("Elevhälsan (skolsköterska, kurator, skolpsykolog)"),
    Kind.skolsocialt_team: N_("Skolsocialt team"),
    Kind.ungdomsmottagning: N_("Ungdomsmottagning (UM)"),
    Kind.vardcentral: N_("Vårdcentral"),
    Kind.uph: N_("Ungas psykiska hälsa (UPH) på vårdcentral"),
    Kind.smabarnsteam: N_("Småbarnsteam (Malina)"),
    Kind.bvc: N_("Barnavårdscentral (BVC)"),
    Kind.familjecentral: N_("Familjecentral"),
    Kind.bup: N_("Barn- och ungdomspsykiatrin (BUP)"),
    Kind.bup_akut: N_("BUP akut"),
    Kind.psykiatrisk_akut: N_("Psykiatrisk akutmottagning (18 år och äldre)"),
    Kind.socialtjanst: N_("Socialtjänsten"),
    Kind.socialjour: N_("Socialjouren"),
    Kind.beroende_unga: N_("Mottagning för unga om alkohol, droger och spel"),
    Kind.habilitering: N_("Habiliteringen"),
    Kind.bum: N_("Barn- och ungdomsmedicin (BUM)"),
    Kind.stodlinje: N_("Stödlinje"),
    Kind.akut: N_("Akut hjälp"),
    Kind.vuxenpsykiatri: N_("Vuxenpsykiatrin (18 år och äldre)"),
}

LEVEL_LABELS: dict[Level, str] = {
    Level.stod: N_("Stöd som alla kan nå"),
    Level.forsta_linjen: N_("Första linjen"),
    Level.specialist: N_("Specialistvård"),
    Level.akut: N_("Akut"),
}

PRINCIPAL_LABELS: dict[Principal, str] = {
    Principal.kommun: N_("Kommunen"),
    Principal.region: N_("Regionen"),
    Principal.kommun_och_region: N_("Kommunen och regionen tillsammans"),
    Principal.privat: N_("Privat vårdgivare"),
    Principal.ideell: N_("Ideell organisation"),
    Principal.stat: N_("Staten"),
}

MECHANISM_LABELS: dict[Mechanism, str] = {
    Mechanism.egen_kontakt: N_("Den unga eller en förälder tar kontakt själv"),
    Mechanism.egenremiss: N_("Egenremiss"),
    Mechanism.hanvisning: N_("Hänvisning (en yrkesperson tipsar om vart man kan vända sig)"),
    Mechanism.remiss: N_("Remiss (en yrkesperson skickar en remiss, med samtycke)"),
    Mechanism.orosanmalan: N_("Orosanmälan till socialtjänsten"),
    Mechanism.sip: N_("SIP – samordnad individuell plan"),
    Mechanism.konsultation: N_("Konsultation mellan yrkespersoner"),
    Mechanism.overlamning: N_("Planerad överlämning"),
    Mechanism.akut: N_("Akut – kontakta dem direkt, och ring 112 om någon är i fara"),
}

# How much a step asks of the people involved: routes are ordered by the sum.
MECHANISM_EFFORT: dict[Mechanism, int] = {
    Mechanism.akut: 0,
    Mechanism.egen_kontakt: 0,
    Mechanism.hanvisning: 1,
    Mechanism.konsultation: 1,
    Mechanism.egenremiss: 1,
    Mechanism.remiss: 2,
    Mechanism.orosanmalan: 2,
    Mechanism.overlamning: 2,
    Mechanism.sip: 3,
}
