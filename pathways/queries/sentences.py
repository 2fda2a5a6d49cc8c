"""What a young person wants to know about a place, in sentences a 12-year-old follows.

Can I go myself? Does it cost? Will my parents find out? How do I get in touch? The
answers are `Msg`s: Swedish here and in the API, translated on the pages. DOMAIN.md asks
for "usually" and "ask the provider" rather than legal advice; the sentences say so.
"""

from __future__ import annotations

from pathways.messages import Msg, Text
from pathways.models import Area, Provider
from pathways.registry import Registry
from pathways.vocab import Access, Confidentiality, Cost

MATURITY_AGE = 12  # DOMAIN.md: from about 12, pupils decide about their own contacts


def where_text(registry: Registry, provider: Provider, place: Area) -> Msg:
    if provider.national:
        return Msg("Finns för hela Sverige.")
    if place.id in provider.areas:
        return Msg("Finns för dig i {place}.", place=place.name)
    served = [registry.areas[a].name for a in provider.areas if registry.serves(provider, place.id)]
    if served:
        return Msg("Tar emot unga i {places}.", places=", ".join(served))
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


def access_text(provider: Provider) -> Msg:
    """Whether you can go yourself, and how: the first thing a young person asks."""
    if Access.drop_in in provider.access:
        return Msg("Du kan gå dit själv, utan att boka tid.")
    if Access.egen_kontakt in provider.access:
        return Msg("Du kan kontakta dem själv.")
    if Access.egenremiss in provider.access:
        return Msg("Du eller en förälder kan skicka en egenremiss.")
    return Msg("Du behöver en remiss, till exempel från vårdcentralen eller skolan.")


def cost_text(provider: Provider) -> Msg:
    match provider.cost:
        case Cost.gratis:
            return Msg("Det kostar inget.")
        case Cost.avgift:
            return Msg("Det kan kosta en avgift. Fråga mottagningen.")
        case _:
            return Msg("Fråga mottagningen om det kostar något.")


def confidentiality_text(provider: Provider, age: int | None = None) -> Text:
    """What a young person can expect about their parents knowing, in plain words.

    `age` is None on a provider's own page, where the asker's age is unknown.
    """
    if provider.confidentiality_note:
        return provider.confidentiality_note
    match provider.confidentiality:
        case Confidentiality.anonym:
            return Msg("Du behöver inte säga vem du är.")
        case Confidentiality.utan_vardnadshavare:
            return Msg("Du kan gå dit utan att dina föräldrar vet.")
        case Confidentiality.efter_mognad if age is None:
            return Msg(
                "Från ungefär 12 år bestämmer du oftast själv om dina föräldrar ska få veta."
            )
        case Confidentiality.efter_mognad if age is not None and age >= MATURITY_AGE:
            return Msg("Du kan oftast själv bestämma om dina föräldrar ska få veta.")
        case Confidentiality.efter_mognad:
            return Msg("Dina föräldrar behöver oftast veta om du ska fortsätta gå dit.")
        case _:
            return Msg("Dina vårdnadshavare får oftast veta, och behöver ofta säga ja.")


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
    return Msg("Fråga på 1177 Vårdguiden, telefon 1177, hur du når dem.")
