"""Read the needs, and any crisis, in a short free text from a young person or a parent.

Danger is decided in one place, `pathways.reading.crisis`: this module asks it, and adds the needs
that go with what it found (a wish to die, a plan or an overdose: ``suicidtankar``;
self-harm: ``sjalvskada``; violence now: ``vald_overgrepp``).

The text is private: this module never logs, prints or stores it, and neither may callers
(``Reading.matched`` is for explanations on the page and for tests, not for logs).

How it reads: the text is normalised (NFKC, lower case, letters stretched for emphasis
squeezed) and cut into words. Each word is folded (å, ä → a, ö → o) and then stemmed with
the Swedish Snowball stemmer, and the synonyms are prepared the same way once, at import, so
that "angest" meets "ångest". Folding before stemming matters: the stemmer cuts "-or" from
"utanfor" but not from "utanför". A misspelt word is read as the closest synonym word with
``rapidfuzz`` (see ``_TypoTier``); short words must match exactly, because there one typo
makes another word ("leva"/"lena"). A phrase matches when its words occur in order with at
most ``MAX_GAP`` other words between two of them ("kan verkligen inte sova").

When matches overlap, the longer one explains the words: "hjärtat slår" is not violence.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, NamedTuple

import snowballstemmer
from rapidfuzz import fuzz, process

from pathways.reading.crisis import CrisisSignal, is_danger, read_crisis
from pathways.reading.folding import RUN, fold
from pathways.reading.synonyms import ALIASES as _ALIASES
from pathways.reading.synonyms import NEUTRAL, SYNONYMS
from pathways.reading.synonyms import NOT_TYPOS as _NOT_TYPOS
from pathways.vocab import Need

__all__ = ["MAX_CHARS", "MAX_GAP", "NEUTRAL", "SYNONYMS", "Reading", "read_text"]

MAX_GAP: Final = 2
"""Other words allowed between two words of a phrase."""

MAX_CHARS: Final = 2_000
"""Only this much of a text is read (the API takes 200 characters); a bound on the work."""


@dataclass(frozen=True)
class Reading:
    """What a free text says.

    ``needs`` are in the order they first appear in the text, without repeats. ``crisis`` is
    true when the text has wording about danger to life; the caller then shows 112, Mind and
    BRIS, and ``needs`` always holds ``Need.suicidtankar``. ``matched`` are the synonym
    phrases that matched, for explanations and tests: never log them.
    """

    needs: tuple[Need, ...] = ()
    crisis: bool = False
    matched: tuple[str, ...] = ()
    signals: tuple[CrisisSignal, ...] = ()  # what `pathways.reading.crisis` found, by category


# The need each kind of danger is about, for the ranking of places.
CRISIS_NEED: Final[dict[str, Need]] = {
    "suicidal": Need.suicidtankar,
    "plan_or_method": Need.suicidtankar,
    "overdose": Need.suicidtankar,
    "psychosis": Need.suicidtankar,
    "severe_injury": Need.sjalvskada,
    "self_harm": Need.sjalvskada,
    "violence_now": Need.vald_overgrepp,
}


# Phrase syntax, word by word (everything is folded first, so write proper Swedish):
#   word    the word in any inflection the stemmer knows, or misspelt
#   word*   a word that begins with it ("självmord*" → "självmordstankar"); no typos
#   *word   a word that ends with it
#   *word*  a word that contains it ("*ångest*" → "prestationsångesten")
#   =word   exactly this spelling: the stem of "droger" is also "drog", "pulled"

_WORD = re.compile(r"[^\W\d_]+|\d+")
# Letters stretched for emphasis: vowels squeezed to one ("ledseeeen"), consonants to two
# ("mobbbad"), as Swedish spells them.
_STRETCHED_VOWEL = re.compile(r"([aeiouyåäöéü])\1{2,}")
_STRETCHED = re.compile(r"([^\W\d_])\1{2,}")


_STEMMER: Final = snowballstemmer.stemmer("swedish")
_STEMMER_LOCK: Final = threading.Lock()  # a Snowball stemmer keeps state while it works


def _stem(folded: str) -> str:
    """The stem of a folded word: folding first makes "utanfor" and "utanför" one stem."""
    with _STEMMER_LOCK:
        stem: str = _STEMMER.stemWord(folded)
    return stem


def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text[:MAX_CHARS]).casefold()
    if RUN.search(text):
        text = _STRETCHED.sub(r"\1\1", _STRETCHED_VOWEL.sub(r"\1", text))
    return _WORD.findall(text)


@dataclass(frozen=True)
class _Phrase:
    text: str  # as written in the table
    need: Need | None  # None: a NEUTRAL phrase
    specs: tuple[int, ...]  # one word spec id per word
    needs: frozenset[int]  # the same, as a set: what a text must hold for it to match


class _Compiled:
    """The synonym table turned into indexes, built once at import."""

    def __init__(self) -> None:
        self.by_stem: dict[str, set[int]] = {}
        self.by_surface: dict[str, set[int]] = {}
        self.prefixes: dict[str, set[int]] = {}
        self.suffixes: dict[str, set[int]] = {}
        self.infixes: dict[str, set[int]] = {}
        self._spec_ids: dict[str, int] = {}
        self.phrases: list[_Phrase] = []
        for need, texts in SYNONYMS.items():
            for text in texts:
                self._add(text, need)
        for text in NEUTRAL:
            self._add(text, None)
        self.by_first: dict[int, list[int]] = {}
        for order, phrase in enumerate(self.phrases):
            self.by_first.setdefault(phrase.specs[0], []).append(order)

    def _add(self, phrase: str, need: Need | None) -> None:
        words = phrase.split()
        specs = tuple(self._spec(word) for word in words)
        self.phrases.append(_Phrase(phrase, need, specs, frozenset(specs)))

    def _spec(self, word: str) -> int:
        if word in self._spec_ids:
            return self._spec_ids[word]
        spec = self._spec_ids[word] = len(self._spec_ids)
        bare = fold(word.strip("=*"))
        starts, ends = word.startswith("*"), word.endswith("*")
        if word.startswith("="):
            index = self.by_surface
        elif starts and ends:
            index = self.infixes
        elif starts:
            index = self.suffixes
        elif ends:
            index = self.prefixes
        else:
            index, bare = self.by_stem, _stem(bare)
        index.setdefault(bare, set()).add(spec)
        return spec


_TABLE: Final = _Compiled()


class _TypoTier:
    """Which synonym stems a misspelt word may stand for, and how close it must come.

    A misspelling must start with the same letter as the synonym and differ in length by at
    most ``max_length_diff``. Swedish has many real words a letter or two from a synonym
    ("utmaning"/"utmattning", "skildra"/"skilda"), so the tier is strict. (Misspelt danger
    words are `pathways.reading.crisis`'s to read.)
    """

    def __init__(
        self,
        stems: set[str],
        *,
        min_length: int,
        max_length_diff: int,
        cutoffs: tuple[float, float],  # fuzz.ratio for stems up to 6 letters, and longer
        min_target: int,
    ) -> None:
        self.min_length = min_length
        self.max_length_diff = max_length_diff
        self.cutoffs = cutoffs
        index: dict[tuple[str, int], list[str]] = {}
        for stem in sorted(stems):
            if len(stem) >= min_target:
                index.setdefault((stem[0], len(stem)), []).append(stem)
        self.targets = {key: tuple(value) for key, value in index.items()}

    def closest(self, stem: str) -> str | None:
        if len(stem) < self.min_length:
            return None
        lengths = range(len(stem) - self.max_length_diff, len(stem) + self.max_length_diff + 1)
        candidates = [
            target for length in lengths for target in self.targets.get((stem[0], length), ())
        ]
        cutoff = self.cutoffs[0] if len(stem) <= 6 else self.cutoffs[1]
        best = process.extractOne(stem, candidates, scorer=fuzz.ratio, score_cutoff=cutoff)
        return None if best is None else best[0]


_TYPO_TIERS: Final = (
    _TypoTier(
        set(_TABLE.by_stem), min_length=5, max_length_diff=1, cutoffs=(88.0, 88.0), min_target=5
    ),
)
_NOT_TYPO_STEMS: Final = frozenset(_stem(fold(word)) for word in _NOT_TYPOS)


def _stems_meant(stem: str) -> set[str]:
    """The synonym stems a word's stem stands for: itself, or what it is a misspelling of."""
    if stem in _TABLE.by_stem:
        return {stem}
    return {closest for tier in _TYPO_TIERS if (closest := tier.closest(stem)) is not None}


@lru_cache(maxsize=8192)
def _word_specs(word: str) -> frozenset[int]:
    """The word specs one lower-case word of the text satisfies."""
    word = _ALIASES.get(word, word)
    surface = fold(word)
    specs: set[int] = set(_TABLE.by_surface.get(surface, ()))
    stem = _stem(surface)
    for meant in {stem} if stem in _NOT_TYPO_STEMS else _stems_meant(stem):
        specs.update(_TABLE.by_stem.get(meant, ()))
    for end in range(1, len(surface) + 1):
        specs.update(_TABLE.prefixes.get(surface[:end], ()))
        specs.update(_TABLE.suffixes.get(surface[end - 1 :], ()))
    for infix, infix_specs in _TABLE.infixes.items():
        if infix in surface:
            specs.update(infix_specs)
    return frozenset(specs)


def _match_at(
    specs: tuple[int, ...], words: list[frozenset[int]], start: int
) -> tuple[int, ...] | None:
    """Positions of the phrase's words from ``start`` on, each within MAX_GAP of the last."""
    if len(specs) == 1:
        return (start,)
    for position in range(start + 1, min(start + 2 + MAX_GAP, len(words))):
        if specs[1] in words[position]:
            rest = _match_at(specs[1:], words, position)
            if rest is not None:
                return (start, *rest)
    return None


class _Match(NamedTuple):
    phrase: _Phrase
    order: int  # the phrase's place in the table
    positions: tuple[int, ...]  # of the words it matched


def _find(words: list[frozenset[int]]) -> list[_Match]:
    found: list[_Match] = []
    present = frozenset().union(*words)  # a phrase with a word the text lacks is skipped
    for start, specs in enumerate(words):
        for spec in specs:
            for order in _TABLE.by_first.get(spec, ()):
                phrase = _TABLE.phrases[order]
                if not phrase.needs <= present:
                    continue
                positions = _match_at(phrase.specs, words, start)
                if positions is not None:
                    found.append(_Match(phrase, order, positions))
    return found


def _explained_away(match: _Match, found: list[_Match]) -> bool:
    """A match inside a longer match."""
    covered = set(match.positions)
    return any(
        len(other.positions) > len(covered) and covered.issubset(other.positions) for other in found
    )


def read_text(text: str) -> Reading:
    """The needs a free text expresses, and whether it expresses a crisis."""
    found = _find([_word_specs(word) for word in _words(text)])
    kept = sorted(
        (match for match in found if not _explained_away(match, found)),
        key=lambda match: (match.positions[0], -len(match.positions), match.order),
    )
    needs: dict[Need, None] = {}
    matched: dict[str, None] = {}
    told: set[tuple[Need, tuple[int, ...]]] = set()  # one phrase for the same words
    for phrase, _, positions in kept:
        if phrase.need is None or (phrase.need, positions) in told:
            continue
        told.add((phrase.need, positions))
        needs.setdefault(phrase.need)
        matched.setdefault(phrase.text)
    signals = read_crisis(text)
    for signal in signals:
        needs.setdefault(CRISIS_NEED[signal.category])
    return Reading(
        needs=tuple(needs), crisis=is_danger(signals), matched=tuple(matched), signals=signals
    )
