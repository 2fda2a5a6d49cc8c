"""find_help on the small test registry: ranking, exclusions, emergency, next steps."""

from __future__ import annotations

import pytest

from pathways.errors import InvalidQuery, NotFound
from pathways.queries.find_help import find_help
from pathways.registry import Registry
from pathways.vocab import Level, Need, Urgency


def ids(registry: Registry, **query: object) -> list[str]:
    return [r.provider.id for r in find_help(registry, **query).results]  # type: ignore[arg-type]


def test_first_line_before_specialist_for_planned_help(mini: Registry) -> None:
    answer = find_help(mini, age=15, area="norra", needs=[Need.nedstamdhet])
    levels = [r.provider.level for r in answer.results]
    assert levels[0] == Level.forsta_linjen
    assert levels.index(Level.specialist) > max(
        i for i, level in enumerate(levels) if level == Level.forsta_linjen
    )
    assert answer.emergency is None


def test_no_provider_outside_the_asker_age_or_area(mini: Registry) -> None:
    assert "um-testkommun" not in ids(mini, age=11, area="norra", needs=[Need.oro_angest])
    assert "bup-region-test" not in ids(mini, age=19, area="norra", needs=[Need.oro_angest])
    # Södra Åby has no vårdcentral of its own, and Norra's does not serve it.
    assert "vc-norra" not in ids(mini, age=15, area="sodra", needs=[Need.oro_angest])
    # A retired provider is never an answer.
    assert "nedlagd" not in ids(mini, age=15, area="norra", needs=[Need.oro_angest])


def test_crisis_need_puts_acute_care_first_with_the_emergency_block(mini: Registry) -> None:
    answer = find_help(mini, age=16, area="sodra", needs=[Need.suicidtankar])
    assert answer.emergency is not None
    phones = [c.phone for c in answer.emergency.contacts]
    assert phones[0] == "112"
    assert {"90101", "116 111"} <= set(phones)
    assert answer.results[0].provider.id == "bup-akut-test"
    assert [p.id for p in answer.emergency.places] == ["bup-akut-test"]


def test_adult_gets_adult_emergency_without_bris(mini: Registry) -> None:
    answer = find_help(mini, age=19, area="norra", needs=[Need.nedstamdhet], urgency=Urgency.akut)
    assert answer.emergency is not None
    phones = {c.phone for c in answer.emergency.contacts}
    assert "116 111" not in phones
    assert {"112", "90101"} <= phones
    assert [p.id for p in answer.emergency.places] == ["psykakut-test"]


def test_crisis_words_in_text_bring_the_emergency_block(mini: Registry) -> None:
    answer = find_help(mini, age=14, area="norra", text="jag vill inte leva längre")
    assert answer.emergency is not None
    assert Need.suicidtankar in answer.needs


def test_text_and_needs_are_combined(mini: Registry) -> None:
    answer = find_help(mini, age=14, area="norra", needs=[Need.npf], text="kan inte sova")
    assert answer.needs == (Need.npf, Need.somn)
    assert answer.emergency is None


def test_confidential_prefers_places_guardians_need_not_know(mini: Registry) -> None:
    plain = ids(mini, age=15, area="norra", needs=[Need.oro_angest])
    private = ids(mini, age=15, area="norra", needs=[Need.oro_angest], confidential=True)
    assert plain[0] != "um-testkommun"
    assert private[0] == "um-testkommun"
    reasons = find_help(mini, age=15, area="norra", needs=[Need.oro_angest], confidential=True)
    assert "Du kan gå dit utan att dina föräldrar vet." in map(str, reasons.results[0].reasons)


def test_next_steps_lead_on_and_skip_professional_only_steps(mini: Registry) -> None:
    answer = find_help(mini, age=15, area="norra", needs=[Need.nedstamdhet])
    by_id = {r.provider.id: r for r in answer.results}
    assert [s.provider.id for s in by_id["vc-norra"].next_steps] == ["bup-region-test"]
    school = by_id["elevhalsa-norra"].next_steps
    assert "soc-testkommun" not in {s.provider.id for s in school}
    assert str(school[0].when) == "När stödet i skolan inte räcker."


def test_unrecognised_text_gives_broad_first_contacts(mini: Registry) -> None:
    answer = find_help(mini, age=15, area="norra", text="qwerty zxcv")
    assert not answer.understood
    assert answer.needs == ()
    assert answer.results
    assert all(r.provider.self_referral for r in answer.results)
    assert "soc-testkommun" not in {r.provider.id for r in answer.results}
    assert {r.provider.kind.value for r in answer.results} <= {
        "elevhalsa",
        "vardcentral",
        "ungdomsmottagning",
        "stodlinje",
    }


def test_limit_and_bad_questions(mini: Registry) -> None:
    assert len(ids(mini, age=15, area="norra", needs=[Need.oro_angest], limit=2)) == 2
    with pytest.raises(InvalidQuery, match="need"):
        find_help(mini, age=15, area="norra")
    with pytest.raises(InvalidQuery, match="q"):
        find_help(mini, age=15, area="norra", text="a" * 201)
    with pytest.raises(InvalidQuery, match="age"):
        find_help(mini, age=-1, area="norra", needs=[Need.somn])
    with pytest.raises(NotFound, match="atlantis"):
        find_help(mini, age=15, area="atlantis", needs=[Need.somn])


def test_kept_reasons_still_follow_the_age_of_maturity(mini: Registry) -> None:
    def reasons(age: int) -> list[str]:
        answer = find_help(mini, age=age, area="norra", needs=[Need.oro_angest], confidential=True)
        school = next(r for r in answer.results if r.provider.id == "elevhalsa-norra")
        return [str(reason) for reason in school.reasons]

    older, younger, older_again = reasons(15), reasons(10), reasons(15)
    assert older == older_again
    assert "Du kan oftast själv bestämma om dina föräldrar ska få veta." in older
    assert "Dina föräldrar behöver oftast veta om du ska fortsätta gå dit." in younger
