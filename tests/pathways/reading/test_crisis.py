"""The crisis reader (pathways.reading.crisis): every wording of the corpus, each category, and text
typed the way young people type it."""

from __future__ import annotations

import logging
from collections import Counter
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pathways.reading.crisis import CATEGORIES, DANGER, CrisisSignal, is_danger, read_crisis
from tests.crisis_corpus import CORPUS, HELD_OUT, HELD_OUT_2, Wording, all_wordings, load

WORDINGS = all_wordings()


def categories(text: str) -> set[str]:
    return {signal.category for signal in read_crisis(text)}


def test_every_wording_of_the_corpus_is_read_as_labelled() -> None:
    wrong = [(w.text, sorted(w.expected), sorted(categories(w.text))) for w in WORDINGS]
    wrong = [case for case, w in zip(wrong, WORDINGS, strict=True) if not w.accepts(set(case[2]))]
    assert not wrong, "\n".join(f"{t!r}: want {e}, got {g}" for t, e, g in wrong)


def test_the_corpus_is_big_enough_and_covers_every_category() -> None:
    corpus = load(CORPUS)
    assert len(corpus) >= 400
    per_category = Counter(c for w in corpus for c in w.expected)
    assert set(per_category) == set(CATEGORIES)
    assert min(per_category.values()) >= 40, per_category
    assert sum(not w.expected for w in corpus) >= 100
    assert sum(w.english for w in corpus) >= 60
    assert len({w.text for w in WORDINGS}) == len(WORDINGS), "a wording is listed twice"
    assert load(HELD_OUT)
    second = Counter(c for w in load(HELD_OUT_2) for c in w.expected)
    assert min(second.values()) >= 30 and set(second) == set(CATEGORIES), second


# --- each category, with the issue's own examples ---------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("vill inte vakna", "suicidal"),
        ("önskar att jag inte fanns", "suicidal"),
        ("bättre om jag var död", "suicidal"),
        ("vill sova och aldrig vakna", "suicidal"),
        ("ingen skulle sakna mig om jag dog", "suicidal"),
        ("jag har planerat hur jag ska dö", "plan_or_method"),
        ("har samlat tabletter", "plan_or_method"),
        ("köpt ett rep", "plan_or_method"),
        ("ska hoppa från bron", "plan_or_method"),
        ("ställa mig framför tåget", "plan_or_method"),
        ("avskedsbrev", "plan_or_method"),
        ("sagt hejdå för sista gången", "plan_or_method"),
        ("tog en hel burk alvedon", "overdose"),
        ("svalde 30 piller", "overdose"),
        ("tagit massa piller", "overdose"),
        ("i took too many pills", "overdose"),
        ("slutar inte blöda", "severe_injury"),
        ("djupt sår", "severe_injury"),
        ("rösterna säger åt mig att skada mig", "psychosis"),
        ("pappa slår mamma just nu", "violence_now"),
        ("hotar att döda mig", "violence_now"),
        ("blev våldtagen", "violence_now"),
        ("jag skär mig", "self_harm"),
        ("skadar mig själv", "self_harm"),
        ("kms", "suicidal"),
    ],
)
def test_issue_examples(text: str, category: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "dödstrist",
        "skolan är dödstråkig",
        "dör av skratt",
        "skäms ihjäl",
        "tråkigt så jag dör",
        "dödsnervös",
        "killing it",
        "vi skriver en uppsats om självmord",
        "min katt dog",
    ],
)
def test_figures_of_speech_and_death_talk_bring_nothing(text: str) -> None:
    assert read_crisis(text) == ()


@pytest.mark.parametrize(
    ("typed", "category"),
    [
        ("VILL INTE LEVA", "suicidal"),
        ("vill inte leeeeva", "suicidal"),
        ("vill do", "suicidal"),  # ö typed as o
        ("sjalvmordstankar", "suicidal"),  # no å/ä/ö
        ("självmördstankar", "suicidal"),  # the wrong dots
        ("sjävlmord", "suicidal"),  # letters swapped
        ("självmorstankar", "suicidal"),  # a letter missing
        ("villdö", "suicidal"),  # run together
        ("tamittliv", "suicidal"),
        ("själv mord", "suicidal"),  # split
        ("över dos", "overdose"),
        ("jag vill typ asså bara dö liksom", "suicidal"),  # fillers
        ("vill ta livet av mej", "suicidal"),  # texting spelling
        ("su1c1de", "suicidal"),  # digits for letters
        ("i wanna kms", "suicidal"),
        ("unalive myself", "suicidal"),
        ("asså jag vill die", "suicidal"),  # mixed
        ("tog 30st alvedon", "overdose"),  # number run into a word
        ("min kompis säger att hon vill dö", "suicidal"),  # a friend's voice
    ],
)
def test_text_is_read_as_typed(typed: str, category: str) -> None:
    assert category in categories(typed), read_crisis(typed)


def test_a_signal_names_its_category_and_the_words_that_showed_it() -> None:
    (signal,) = read_crisis("jag har samlat tabletter")
    assert signal == CrisisSignal("plan_or_method", ("samlat", "tabletter"))
    with pytest.raises(AttributeError):
        signal.category = "none"  # type: ignore[misc]


def test_signals_come_once_per_category_in_a_fixed_order() -> None:
    found = read_crisis("jag skär mig, vill dö och vill dö igen, tog 20 alvedon")
    assert [s.category for s in found] == ["suicidal", "overdose", "self_harm"]


def test_self_harm_alone_is_no_alarm_but_with_danger_words_it_is() -> None:
    assert not is_danger(read_crisis("jag skär mig ibland"))
    assert is_danger(read_crisis("jag skär mig och det slutar inte blöda"))
    assert set(CATEGORIES) - {"self_harm"} == DANGER


def test_a_mention_in_a_school_text_is_discounted_but_a_statement_is_not() -> None:
    assert read_crisis("uppsats om självmord") == ()
    assert "suicidal" in categories("jag skriver en uppsats om självmord och vill dö")


def test_violence_in_the_past_is_not_violence_now() -> None:
    assert "violence_now" in categories("han slog mig")
    assert read_crisis("han slog mig när jag var liten") == ()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "😢" * 200,
        "a" * 200,
        "ö" * 200,
        "vill" * 50,
        "vill " * 40,
        "dö " * 66,
        "tog massa " * 20,
        "x" * 10_000,
        "självmord" * 22,
        "1" * 200,
        "vi" + "l" * 198,
        "".join(chr(0x1F600 + i) for i in range(200)),
        "\u0301" * 200,
    ],
)
def test_hostile_input_is_answered(text: str) -> None:
    found = read_crisis(text)
    assert all(s.category in CATEGORIES for s in found)


def test_hostile_input_does_not_hide_danger() -> None:
    assert "suicidal" in categories("😢" * 150 + " vill dö")
    assert "suicidal" in categories("vill dö " + "a" * 190)


def test_text_is_never_logged_or_printed(
    caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    with caplog.at_level(logging.DEBUG):
        read_crisis("hemligt: vill inte leva, pappa slår mig")
    assert caplog.records == []
    assert capsys.readouterr() == ("", "")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_any_text_reads_without_error(text: str) -> None:
    found = read_crisis(text)
    assert [s.category for s in found] == [c for c in CATEGORIES if c in categories(text)]


def _words_of(wordings: list[Wording]) -> list[str]:
    return sorted({word for w in wordings for word in w.text.split()})


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_words_of(WORDINGS)), max_size=30))
def test_any_mix_of_corpus_words_reads_without_error(words: list[str]) -> None:
    found = read_crisis(" ".join(words))
    assert len({s.category for s in found}) == len(found)


def test_a_comma_ends_a_clause_for_phrases_that_end_there() -> None:
    assert "plan_or_method" in categories("har allt klart, väntar bara")
    assert read_crisis("har allt klart inför resan") == ()


def test_for_real_is_one_soft_word_and_starts_no_blocker() -> None:
    assert "suicidal" in categories("vill inte leva, på riktigt")
    assert read_crisis("vill leva som vanligt") == ()


@pytest.mark.parametrize(
    "text",
    [
        "min kompis försökte ta livet av sig för två år sen, nu mår hon bra",
        "min bror tog en överdos för två år sedan och mår bra nu",
        "min farfar tog livet av sig 1985",  # a year before this one
        "min kusin skar sig i 2015 men har slutat",
        "my uncle killed himself in 1999",
        "min moster tog en överdos 2003 och dog",  # the year right after the danger word
    ],
)
def test_someone_elses_danger_long_ago_is_no_danger_now(text: str) -> None:
    assert read_crisis(text) == ()


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # A word of now stands nearer the danger than "long ago" does.
        ("min bror försökte ta livet av sig 2024 och nu har han köpt ett rep", "plan_or_method"),
        (
            "min bror försökte ta livet av sig för två år sen och nu säger han att han ska "
            "hänga sig ikväll",
            "plan_or_method",
        ),
        ("min bror ska hänga sig ikväll, han försökte förra året också", "plan_or_method"),
        # Not long ago: this year, or "since", which goes on.
        (f"min farbror tog livet av sig {date.today().year}", "suicidal"),
        ("min syster har skurit sig sedan 2019", "self_harm"),
        ("min kompis tog 2000 tabletter", "overdose"),  # a number, not a year: no time word
    ],
)
def test_someone_elses_danger_now_is_read_beside_a_long_ago(text: str, category: str) -> None:
    assert category in categories(text), read_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "min dotter försökte ta livet av sig förra året och nu gör hon det igen",
        "min kusin tog livet av sig för två år sen och jag vill också dö",
        "tog en överdos för ett år sen och har tagit 20 alvedon nu",
        # someone else's dose long ago, and another one now ("en till" is "again")
        "min kompis tog en överdos förra året och har tagit en till nu",
        "min bror tog en överdos 2003 och har tagit en till nu",
    ],
)
def test_long_ago_does_not_hide_danger_again_or_now(text: str) -> None:
    assert is_danger(read_crisis(text)), text


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("tog alla pappas hjärtmediciner", "overdose"),  # a compound read as its head
        ("tog hela askan med blodtryckstabletter", "overdose"),
        ("my friend od'd", "overdose"),  # the apostrophe of "od'd"
        ("min son säger att skolmaten är förgiftad", "psychosis"),
    ],
)
def test_compounds_and_contractions_are_read_by_their_head(text: str, category: str) -> None:
    assert category in categories(text), read_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "that is odd",  # "odd" is not "od'd"
        "tog hela askan med kakor",  # "askan" is not "as" + "kan"
        "har skrivit brev till mormor om vad som händer i skolan",  # "händer" is not "handen"
        "min katt river mig hela tiden",  # a pet, not self-harm
        "blev skjuten direkt i cod",  # a game
        "vi har planerat det, det händer på lördag",  # "vi" plan a party
        "gav bort mina gamla kläder",  # old things, given away
        "jag ger bort mina böcker till biblioteket",
        "tog fram kniven för att skära tårtan",
        "orkar inte en dag till utan kaffe",
        "i want all the noise to stop",  # "noise" is not "noose"
        "min farfar tog livet av sig när pappa var liten",  # someone else, long ago
    ],
)
def test_near_relatives_of_the_round_15_kinds_bring_nothing(text: str) -> None:
    assert read_crisis(text) == (), read_crisis(text)


@pytest.mark.parametrize(
    ("final", "ordinary"),
    [
        # Round 16: a goodbye with no danger word is danger only when it is final.
        ("ta hand om pappa åt mig", "kan du ta hand om pappa åt mig?"),
        ("ta hand om hunden när jag är borta", "ta hand om hunden när jag är borta i helgen"),
        ("ni kommer klara er utan mig", "ni kommer klara er utan mig på matchen ikväll"),
        ("det här är mitt sista inlägg", "det här är mitt sista inlägg på tiktok"),
        ("hejdå alla. för alltid", "hejdå alla, vi ses efter sportlovet"),
        ("snart slipper ni mig", "snart slipper ni mig, åker till farmor imorgon"),
        ("jag ger upp på livet", "jag ger upp på kemin"),
        ("det är ingen idé längre", "det är ingen idé att vänta längre på bussen"),
    ],
)
def test_a_goodbye_or_giving_up_is_danger_only_when_it_is_final(final: str, ordinary: str) -> None:
    assert is_danger(read_crisis(final)), final
    assert read_crisis(ordinary) == (), read_crisis(ordinary)


@pytest.mark.parametrize(
    "text",
    [
        "min mormor tog en överdos på 70-talet",  # a decade long ago, a grandparent
        "min bror skar sig förut men har slutat",
        "hejdå för alltid tandställning",  # a farewell to a thing
        "vill inte leva utan kaffe",
    ],
)
def test_near_relatives_of_the_round_16_kinds_bring_nothing(text: str) -> None:
    assert read_crisis(text) == (), read_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "ikväll är det slut på sportlovet",  # a term, not a life, ends tonight
        "pappa har tabletter mot allergin",  # a means with no intent
        "tog en ipren och sen en till mot huvudvärken",  # a second dose for a headache
        "skar mig när jag skalade potatis",  # a cut while cooking
        "står på bron och väntar på bussen",  # a bridge as a bus stop
        "min moster skar sig för länge sen",  # someone else, long ago
        "kan inte leva utan min telefon",
        "ville dö, så pinsamt det var",
    ],
)
def test_near_relatives_of_the_round_17_kinds_bring_nothing(text: str) -> None:
    assert read_crisis(text) == (), read_crisis(text)


def test_a_real_word_is_never_read_as_another_word() -> None:
    """`NOT_TYPOS` holds both for misspellings and for doubled letters squeezed: "lägger"
    is not "läger", "jobb" not "job"."""
    from pathways.reading import crisis, crisis_words
    from pathways.reading.folding import fold

    for word in crisis_words.NOT_TYPOS:
        read = crisis._read_word(fold(word))
        assert len(read) != 1 or read == (fold(word),), (word, read)


@pytest.mark.parametrize(
    ("danger", "ordinary"),
    [
        # Round 18: a frame makes a danger word harmless only where it stands.
        (
            "pappa har en kniv i köket och säger att han ska döda oss",
            "pappa har en kniv i köket och lagar middag",
        ),
        ("jag ska hoppa från bron ner i sjön", "jag ska hoppa från bryggan ner i sjön och bada"),
        (
            "hör röster i mitt huvud som säger att jag ska dö",
            "i spelet hör man röster som säger vart man ska",
        ),
        ("jag skrev en dikt om att jag vill dö", "vi läste en dikt om en tjej som vill dö"),
        ("hon har skrivit en dikt om att hon vill dö", "en film där hon dör i slutet"),
        ("min bror hör röster igen", "min bror hörde röster när han var liten"),
        ("ska hoppa från bryggan med stenar i fickorna", "ska hoppa från bryggan och bada"),
        ("jag ska döda mig", "jag dödar mig själv i minecraft hela tiden"),
        ("han är arg och har en kniv", "mamma blev arg när jag tappade kniven"),
        ("orkar inte mer med den här smärtan", "läxan är omöjlig, orkar inte mer med den"),
    ],
)
def test_a_frame_of_round_18_cancels_only_what_it_frames(danger: str, ordinary: str) -> None:
    assert is_danger(read_crisis(danger)), danger
    assert read_crisis(ordinary) == (), read_crisis(ordinary)


@pytest.mark.parametrize("form", ["låt", "dikt", "text", "rap", "novell"])
def test_ones_own_work_about_wanting_to_die_alarms_whatever_its_form(form: str) -> None:
    """Round 19: "en låt om att jag vill dö" read as nothing while "en dikt" alarmed."""
    assert "suicidal" in categories(f"jag har skrivit en {form} om att jag vill dö")


@pytest.mark.parametrize(
    ("danger", "ordinary"),
    [
        # Round 19: a frame that needs a laugh, or the absence of a threat, or each word.
        ("jag ska döda mig haha", "jag ska döda mig på provet imorgon haha"),
        ("jag ska döda mig imorgon haha", "jag kommer döda mig på matteprovet lol"),
        ("jag ska döda mig på provet imorgon", "läraren kommer döda mig om jag glömmer läxan xD"),
        ("mamma står med en kniv och hotar pappa", "mamma har en kniv i köket"),
        ("mamma har en kniv i köket och hotar pappa", "kniven ligger i kökslådan"),
        ("min inre röst säger att jag ska skada mig", "min inre röst säger att jag borde sova"),
        ("jag ska hänga mig i parken", "ska hänga i parken med polarna"),
        ("vi ska hänga oss", "vi ska hänga ikväll"),
        ("jag läste i boken när pappa slog mamma", "i boken slår mördaren alla"),
        ("jag har skrivit en låt om att jag vill dö", "lyssnar på en låt om att vilja dö"),
        # Round 19b: the same frames against more danger.
        ("jag dödar mig om jag inte klarar provet", "jag dödar mig om jag inte klarar provet haha"),
        ("jag ska döda mig efter skolan haha", "this song makes me wanna die lol"),
        ("tar kniven i köket och gör det ikväll", "vi lagar mat nu, mamma har kniven i köket"),
        ("pappa jagar mig med en kniv", "brorsan jagar mig i kull"),
        ("i keep wanting to die", "we listened to a song about wanting to die in english class"),
        ("skrev en sång om att jag vill dö", "sjunger 'i wanna die' i kören"),
        # A laugh, and then earnest after all: the laugh cancels nothing.
        (
            "jag ska döda mig på provet imorgon haha, nej allvarligt jag har tabletter",
            "jag ska döda mig på provet imorgon haha",
        ),
        ("jag kommer döda mig på provet lol fast på riktigt", "kommer döda mig på provet lol"),
        ("läraren kommer döda mig haha, skämt åsido jag vill dö", "läraren kommer döda mig haha"),
        # A word of danger as the end of a compound still makes the kitchen knife a weapon.
        ("min bror har en kniv i köket, han är jättearg", "min bror har en kniv i köket"),
        ("pappa har kniven i köket och jag är skiträdd", "pappa har kniven i köket och lagar mat"),
        ("pappa har kniven och jag är rädd", "mamma håller kniven och skär löken"),
        ("han håller pistolen och skriker", "mamma har kniven i köket"),
    ],
)
def test_a_frame_of_round_19_cancels_only_what_it_frames(danger: str, ordinary: str) -> None:
    assert is_danger(read_crisis(danger)), danger
    assert read_crisis(ordinary) == (), read_crisis(ordinary)
