"""Values, validation messages and old history subjects, said in Swedish for administrators."""

from __future__ import annotations

from datetime import date

from app.admin_labels import swedish_problem, value_text
from pathways.store.wording import in_swedish


def test_values_read_as_words_never_as_python() -> None:
    needs = value_text("needs", {"npf": None, "atstorning": ["lindrig", "svar"]})
    assert (
        needs == value_text("needs", ["npf"]) + "; Mat, vikt och kropp (ätstörning) (lindrig, svår)"
    )
    assert "npf" not in needs
    nested = value_text("contact", {"phone": "08-123 45 67", "hours": ["mån", "tis"]})
    assert nested == "Telefon: 08-123 45 67; Öppettider: mån, tis"
    assert value_text("verified", True) == "Ja" and value_text("national", False) == "Nej"
    assert value_text("reviewed", date(2026, 11, 30)) == "2026-11-30"
    assert value_text("phone", None) == value_text("areas", []) == "–"
    assert value_text("kind", "bup") == "Barn- och ungdomspsykiatrin (BUP)"
    assert value_text("access", ["egen_kontakt", "remiss"]) == "egen kontakt, remiss"


def test_validation_messages_in_swedish_and_a_swedish_lead_for_the_rest() -> None:
    assert swedish_problem("is required") == "Fyll i fältet."
    assert swedish_problem("unknown area 'atlantis'") == "Området 'atlantis' finns inte."
    said = swedish_problem("Value error, something rare happened", "providers", "hours")
    assert said.startswith("Uppgiften i fältet Öppettider godtas inte")


def test_old_english_subjects_are_read_in_swedish_and_own_words_kept() -> None:
    assert in_swedish("Retire provider 'bup-x'") == "Avveckla mottagningen 'bup-x'"
    assert in_swedish("Update flow 'a-till-b': when, note") == (
        "Ändra flödet 'a-till-b': när, anteckning för yrkespersoner"
    )
    assert in_swedish("Revert \"Add forum 'sip-forum'\" (abc1234)") == (
        "Ångra \"Lägg till forumet 'sip-forum'\" (abc1234)"
    )
    assert in_swedish("Change provider fixes after the call") == (
        "Change provider fixes after the call"
    )
    assert in_swedish("Update provider bup-x") == "Ändra mottagningen 'bup-x'"
    assert in_swedish("Nya tider enligt mottagningen") == "Nya tider enligt mottagningen"
