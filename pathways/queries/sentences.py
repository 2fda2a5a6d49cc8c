"""What a young person wants to know about a place, in sentences a 12-year-old follows.

Can I go myself? Does it cost? Will my parents find out? How do I get in touch? The
answers are `Msg`s: Swedish here and in the API, translated on the pages. DOMAIN.md asks
for "usually" and "ask the provider" rather than legal advice; the sentences say so.

Every sentence is said to whoever asks (`Asker`) at the age asked about (`AgeBand`): a
parent hears about "ditt barn", a friend about "hen" and what they can do themselves, and
nobody aged 18 or over is told about guardians.
"""

from __future__ import annotations

from pathways.messages import N_, Items, Msg, Text
from pathways.models import Area, Provider
from pathways.question import MATURITY_AGE, AgeBand, Asker, age_band
from pathways.registry import Registry
from pathways.vocab import Access, Confidentiality, Cost, Need

__all__ = [
    "MATURITY_AGE",
    "NEED_TOPICS",
    "access_text",
    "age_text",
    "ages_text",
    "asked_for",
    "confidentiality_text",
    "cost_text",
    "helps_text",
    "how_to_contact",
    "in_place",
    "where_text",
]

# Places one is "på" rather than "i": islands, and Stockholm's and Göteborg's districts
# named after them. Everything else is "i" ("i Skarpnäck", "i Malmö").
_PA_NAMES = frozenset(
    {"södermalm", "norrmalm", "östermalm", "kungsholmen", "hisingen", "lidingö", "ekerö"}
    | {"värmdö", "öckerö", "tjörn", "orust", "gotland", "öland", "frösön", "djurgården"}
)
_PA_ENDINGS = ("malm", "holmen", "ön", "öarna", "hisingen")

# The needs as things one gets help *with*, to fit "Kan hjälpa till med …": the labels of
# the form ("Svårt att sova") are choices, not nouns.
NEED_TOPICS: dict[Need, str] = {
    Need.oro_angest: N_("oro och ångest"),
    Need.nedstamdhet: N_("nedstämdhet"),
    Need.somn: N_("sömnproblem"),
    Need.stress: N_("stress"),
    Need.atstorning: N_("ätstörningar"),
    Need.sjalvskada: N_("självskadebeteende"),
    Need.suicidtankar: N_("tankar på att inte vilja leva"),
    Need.npf: N_("koncentrationssvårigheter, adhd och autism"),
    Need.trauma: N_("svåra upplevelser"),
    Need.vald_overgrepp: N_("våld, hot och övergrepp"),
    Need.alkohol_droger: N_("alkohol, droger och spel"),
    Need.skolfranvaro: N_("skolfrånvaro"),
    Need.familj_relationer: N_("bråk och svårigheter i familjen"),
    Need.mobbning: N_("mobbning och ensamhet"),
    Need.sexualitet_identitet: N_("frågor om sexualitet, kropp och identitet"),
    Need.utveckling_smabarn: N_("små barns utveckling"),
    Need.kris_sorg: N_("kris och sorg"),
    Need.utagerande: N_("ilska och utbrott"),
}


def in_place(name: str) -> Msg:
    """ "i Skarpnäck", "på Södermalm": the preposition Swedish uses for the place."""
    key = name.casefold()
    if key in _PA_NAMES or key.endswith(_PA_ENDINGS):
        return Msg("på {place}", place=name)
    return Msg("i {place}", place=name)


def asked_for(asker: Asker, age: int, place: Area) -> Msg:
    """The question said back: "Du sökte för en 15-åring på Södermalm"."""
    where = in_place(place.name)
    if asker == Asker.parent:
        return Msg("Du sökte för ditt barn, {age} år, {where}", age=age, where=where)
    if asker == Asker.other:
        if age == 0:
            return Msg("Du sökte för ett barn under ett år {where}", where=where)
        return Msg("Du sökte för en {age}-åring {where}", age=age, where=where)
    return Msg("Du sökte för dig själv, {age} år, {where}", age=age, where=where)


def helps_text(needs: tuple[Need, ...]) -> Msg:
    topics = Items(tuple(NEED_TOPICS[n] for n in needs), joined=True)
    return Msg("Kan hjälpa till med {needs}.", needs=topics)


def where_text(registry: Registry, provider: Provider, place: Area) -> Msg:
    if provider.national:
        return Msg("Finns för hela Sverige.")
    if place.id in provider.areas:
        return Msg("Finns {where}.", where=in_place(place.name))
    served = [registry.areas[a].name for a in provider.areas if registry.serves(provider, place.id)]
    if served:
        return Msg("Tar emot unga från {places}.", places=", ".join(served))
    return Msg("Finns nära {place}.", place=place.name)


def age_text(provider: Provider) -> Msg:
    low, high = provider.age_min, provider.age_max
    if low is not None and high is not None:
        return Msg("{low}–{high} år", low=low, high=high)
    if low is not None:
        return Msg("{low} år eller äldre", low=low)
    if high is not None:
        return Msg("upp till {high} år", high=high)
    return Msg("alla åldrar")


def ages_text(provider: Provider, asker: Asker = Asker.self) -> Msg:
    """Which ages the place takes, said to the asker."""
    ages = age_text(provider)
    if asker == Asker.parent:
        return Msg("Tar emot barn och unga som är {ages}.", ages=ages)
    if asker == Asker.other:
        return Msg("Tar emot den som är {ages}.", ages=ages)
    return Msg("Tar emot dig som är {ages}.", ages=ages)


def access_text(provider: Provider, asker: Asker = Asker.self, age: int | None = None) -> Msg:
    """Whether you can go yourself, and how: the first thing a young person asks."""
    band = None if age is None else age_band(age)
    if Access.drop_in in provider.access:
        return _by_asker(
            asker,
            Msg("Du kan gå dit själv, utan att boka tid."),
            Msg("Ni kan gå dit utan att boka tid."),
            Msg("Hen kan gå dit själv, utan att boka tid. Du kan erbjuda dig att följa med."),
        )
    if Access.egen_kontakt in provider.access:
        return _by_asker(
            asker,
            Msg("Du kan kontakta dem själv."),
            Msg("Du kan kontakta dem direkt, med eller utan ditt barn."),
            Msg("Hen kan kontakta dem själv, och du kan hjälpa hen att ta kontakt."),
        )
    if Access.egenremiss in provider.access:
        if band == AgeBand.adult:
            return _by_asker(
                asker,
                Msg("Du kan skicka en egenremiss."),
                Msg("Ditt barn kan skicka en egenremiss."),
                Msg("Hen kan skicka en egenremiss."),
            )
        return _by_asker(
            asker,
            Msg("Du eller en förälder kan skicka en egenremiss."),
            Msg("Du kan skicka en egenremiss."),
            Msg("Hen eller hens föräldrar kan skicka en egenremiss."),
        )
    return _by_asker(
        asker,
        Msg("Du behöver en remiss, till exempel från vårdcentralen eller skolan."),
        Msg("Ditt barn behöver en remiss, till exempel från vårdcentralen eller skolan."),
        Msg("Det behövs en remiss, till exempel från vårdcentralen eller skolan."),
    )


def _by_asker(asker: Asker, own: Msg, parent: Msg, other: Msg) -> Msg:
    return {Asker.self: own, Asker.parent: parent, Asker.other: other}[asker]


def cost_text(provider: Provider) -> Msg:
    match provider.cost:
        case Cost.gratis:
            return Msg("Det kostar inget.")
        case Cost.avgift:
            return Msg("Det kan kosta en avgift. Fråga mottagningen.")
        case Cost.oftast_gratis:
            return Msg("Det kostar oftast inget. Fråga mottagningen om du är osäker.")
        case Cost.hjalp_gratis:
            return Msg("Hjälpen kostar inget. Det är inte säkert att själva samtalet är gratis.")
        case _:
            return Msg("Fråga mottagningen om det kostar något.")


def confidentiality_text(
    provider: Provider, age: int | None = None, asker: Asker = Asker.self
) -> Text:
    """What a young person can expect about their parents knowing, in plain words.

    `age` is None on a provider's own page, where the asker's age is unknown. From 18 no
    guardian decides anything, so the sentence says who does instead. The registry's own
    note is written to a young person under 18, so others get our sentence.
    """
    own_words = asker == Asker.self and (age is None or age_band(age) != AgeBand.adult)
    if provider.confidentiality_note and own_words:
        return provider.confidentiality_note  # the registry's words, written to the young
    if provider.confidentiality == Confidentiality.anonym:
        return _by_asker(
            asker,
            Msg("Du behöver inte säga vem du är."),
            Msg("Du behöver inte säga vem du är."),
            Msg("Hen behöver inte säga vem hen är."),
        )
    if age is None:
        return _unknown_age(provider)
    band = age_band(age)
    if band == AgeBand.adult:
        return _by_asker(
            asker,
            Msg("Du bestämmer själv vem som får veta."),
            Msg("Från 18 år bestämmer ditt barn själv vem som får veta."),
            Msg("Hen bestämmer själv vem som får veta."),
        )
    return _minor(provider.confidentiality, band, asker)


def _unknown_age(provider: Provider) -> Msg:
    match provider.confidentiality:
        case Confidentiality.utan_vardnadshavare:
            return Msg("Du kan gå dit utan att dina föräldrar vet.")
        case Confidentiality.efter_mognad:
            return Msg(
                "Från ungefär 12 år bestämmer du oftast själv om dina föräldrar ska få veta."
            )
        case _:
            return Msg("Under 18 år får vårdnadshavarna oftast veta, och behöver ofta säga ja.")


def _minor(kind: Confidentiality, band: AgeBand, asker: Asker) -> Msg:
    if kind == Confidentiality.utan_vardnadshavare:
        return _by_asker(
            asker,
            Msg("Du kan gå dit utan att dina föräldrar vet."),
            Msg("Ditt barn kan också gå dit själv, utan att du vet."),
            Msg("Hen kan gå dit utan att hens föräldrar vet."),
        )
    if kind == Confidentiality.efter_mognad and band == AgeBand.young:
        return _by_asker(
            asker,
            Msg("Du kan oftast själv bestämma om dina föräldrar ska få veta."),
            Msg("Ditt barn kan oftast själv bestämma om du ska få veta."),
            Msg("Hen kan oftast själv bestämma om hens föräldrar ska få veta."),
        )
    if kind == Confidentiality.efter_mognad:
        return _by_asker(
            asker,
            Msg("Dina föräldrar behöver oftast veta om du ska fortsätta gå dit."),
            Msg("Du som förälder behöver oftast veta och säga ja om ditt barn ska fortsätta."),
            Msg("Hens föräldrar behöver oftast veta om hen ska fortsätta gå dit."),
        )
    return _by_asker(
        asker,
        Msg("Dina vårdnadshavare får oftast veta, och behöver ofta säga ja."),
        Msg("Du som vårdnadshavare får veta, och behöver oftast säga ja."),
        Msg("Hens vårdnadshavare får oftast veta, och behöver ofta säga ja."),
    )


def how_to_contact(provider: Provider) -> Text:
    if provider.how_to_contact:
        return provider.how_to_contact
    if provider.phone and provider.website:
        return Msg(
            "Ring {phone}. Läs mer och hitta kontaktuppgifter på {website}",
            phone=provider.phone,
            website=provider.website,
        )
    if provider.phone:
        return Msg("Ring {phone}.", phone=provider.phone)
    if provider.website:
        return Msg("Läs mer och hitta kontaktuppgifter på {website}", website=provider.website)
    return Msg("Ring 1177, så hjälper de dig vidare. Du kan också söka på 1177.se.")
