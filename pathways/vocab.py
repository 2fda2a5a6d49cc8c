"""The fixed vocabularies of CONTRACT.md, with the Swedish labels people read.

Ids are part of the public contract and never change; labels and descriptions may.
"""

from __future__ import annotations

from enum import StrEnum


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
    Need.oro_angest: "Oro och ångest",
    Need.nedstamdhet: "Nedstämdhet, att må dåligt länge",
    Need.somn: "Svårt att sova",
    Need.stress: "Stress",
    Need.atstorning: "Mat, vikt och kropp (ätstörning)",
    Need.sjalvskada: "Skada sig själv",
    Need.suicidtankar: "Tankar på att inte vilja leva",
    Need.npf: "Koncentration, ADHD, autism",
    Need.trauma: "Svåra upplevelser",
    Need.vald_overgrepp: "Våld, hot eller övergrepp",
    Need.alkohol_droger: "Alkohol, droger eller spel",
    Need.skolfranvaro: "Svårt att gå till skolan",
    Need.familj_relationer: "Bråk eller svårt i familjen",
    Need.mobbning: "Mobbning och utanförskap",
    Need.sexualitet_identitet: "Sexualitet, kropp och identitet",
    Need.utveckling_smabarn: "Oro för ett litet barns utveckling (0–5 år)",
    Need.kris_sorg: "Kris och sorg",
    Need.utagerande: "Ilska och utbrott",
}

# Needs that by themselves mean danger to life: they always bring the emergency block.
CRISIS_NEEDS = frozenset({Need.suicidtankar})

KIND_LABELS: dict[Kind, str] = {
    Kind.elevhalsa: "Elevhälsan (skolsköterska, kurator, skolpsykolog)",
    Kind.skolsocialt_team: "Skolsocialt team",
    Kind.ungdomsmottagning: "Ungdomsmottagning (UM)",
    Kind.vardcentral: "Vårdcentral",
    Kind.uph: "Ungas psykiska hälsa (UPH) på vårdcentral",
    Kind.smabarnsteam: "Småbarnsteam (Malina)",
    Kind.bvc: "Barnavårdscentral (BVC)",
    Kind.familjecentral: "Familjecentral",
    Kind.bup: "Barn- och ungdomspsykiatrin (BUP)",
    Kind.bup_akut: "BUP akut",
    Kind.psykiatrisk_akut: "Psykiatrisk akutmottagning (18 år och äldre)",
    Kind.socialtjanst: "Socialtjänsten",
    Kind.socialjour: "Socialjouren",
    Kind.beroende_unga: "Mottagning för unga om alkohol, droger och spel",
    Kind.habilitering: "Habiliteringen",
    Kind.bum: "Barn- och ungdomsmedicin (BUM)",
    Kind.stodlinje: "Stödlinje",
    Kind.akut: "Akut hjälp",
}

LEVEL_LABELS: dict[Level, str] = {
    Level.stod: "Stöd som alla kan nå",
    Level.forsta_linjen: "Första linjen",
    Level.specialist: "Specialistvård",
    Level.akut: "Akut",
}

PRINCIPAL_LABELS: dict[Principal, str] = {
    Principal.kommun: "Kommunen",
    Principal.region: "Regionen",
    Principal.kommun_och_region: "Kommunen och regionen tillsammans",
    Principal.privat: "Privat vårdgivare",
    Principal.ideell: "Ideell organisation",
    Principal.stat: "Staten",
}

MECHANISM_LABELS: dict[Mechanism, str] = {
    Mechanism.egen_kontakt: "Den unga eller en förälder tar kontakt själv",
    Mechanism.egenremiss: "Egenremiss",
    Mechanism.hanvisning: "Hänvisning (en yrkesperson tipsar om vart man kan vända sig)",
    Mechanism.remiss: "Remiss (en yrkesperson skickar en remiss, med samtycke)",
    Mechanism.orosanmalan: "Orosanmälan till socialtjänsten",
    Mechanism.sip: "SIP – samordnad individuell plan",
    Mechanism.konsultation: "Konsultation mellan yrkespersoner",
    Mechanism.overlamning: "Planerad överlämning",
    Mechanism.akut: "Akut – ring eller åk dit nu",
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
