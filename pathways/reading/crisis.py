"""Read danger in a young person's free text: the one place that decides what is a crisis.

The text is private: this module never logs, prints or stores it, and neither may callers.

How it reads, in order, so that text is read as it is typed:
1. Normalise: NFKC, lower case, apostrophes dropped ("don't" → "dont"), å/ä → a and ö → o
   (so "ä" typed for "å" is the same word), letters stretched for emphasis squeezed
   ("dööööö" → "do"), digits inside words read as letters ("su1c1de").
2. Words: texting spellings put right ("mej", "vil", "wanna"), fillers dropped ("typ",
   "asså", "liksom"), a misspelt danger word read as the word it stands for (``rapidfuzz``;
   only words of five letters or more, and only towards the danger vocabulary), words run
   together cut apart ("villdö", "tamittliv") and words split apart joined ("själv mord");
   a compound medicine word read as its head ("hjärtmediciner" → "mediciner"), and "od'd"
   as "overdosed" before apostrophes are dropped (so "odd" stays odd).
3. Phrases (`crisis_phrases`, compiled and matched by `crisis_match`): each category's
   wordings are matched word by word, with only soft words ("inte", "bara") between them
   unless the phrase says "..".
4. Sense: a blocker that overlaps a match cancels it ("dör av skratt", "killing it"); a mere
   mention of suicide in a school text or a book counts for nothing; violence in the past
   ("när jag var liten") is not violence now.

Where a wording is ambiguous the phrases err towards help ("jag vill inte dö" is a wish to
die): needless help numbers cost little. Every step is linear in the length of the text:
phrases are matched by dynamic programming over word positions, never by backtracking.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from pathways.reading import crisis_figures as figures
from pathways.reading import crisis_gates as gates
from pathways.reading import crisis_means as means
from pathways.reading import crisis_phrases as phrases
from pathways.reading import crisis_words as data
from pathways.reading.crisis_match import END, Index, compile_phrase, match
from pathways.reading.folding import RUN, fold

__all__ = ["CATEGORIES", "DANGER", "MAX_CHARS", "CrisisSignal", "is_danger", "read_crisis"]

MAX_CHARS: Final = 1_000
"""Only this much of a text is read (the API takes 200 characters); a bound on the work."""
MAX_WORD: Final = 40
"""A longer "word" is cut here: no real word is longer, and it bounds the work per word."""

CATEGORIES: Final = tuple(phrases.CATEGORIES)
DANGER: Final = frozenset(c for c in CATEGORIES if c != "self_harm")
"""Categories that bring the full alarm; self-harm alone brings the calm safety note."""


@dataclass(frozen=True)
class CrisisSignal:
    """One kind of danger found in a text, and the (normalised) words that showed it."""

    category: str
    words: tuple[str, ...]


_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a"})
_APOSTROPHES = str.maketrans("", "", "'’´`")
_OD = re.compile(r"\bod(?:['’´`]d|['’´`]?ed|['’´`]?ing)\b", re.IGNORECASE)  # "od'd", not "odd"
_TOKEN = re.compile(r"[^\W_]+|[.,!?;\n]")
_STRETCHED_VOWEL = re.compile(r"([aeiouy])\1{2,}")
_STRETCHED = re.compile(r"([^\W\d_])\1{2,}")
_NUMBER_THEN_WORD = re.compile(r"(\d+)([^\W\d_]+)")


# --- the phrase tables, compiled once ----------------------------------------------------

_PHRASES: Final = tuple(
    compile_phrase(category, text)
    for category, texts in phrases.CATEGORIES.items()
    for text in texts
)
_BLOCKERS: Final = tuple(compile_phrase("", text) for text in data.BLOCKERS)
_PAST: Final = tuple(compile_phrase("", text, strict=True) for text in data.PAST)
_FAR_PAST: Final = tuple(compile_phrase("", text, strict=True) for text in data.FAR_PAST)
_ABOUT_SOMEONE: Final = frozenset(fold(w) for w in data.ABOUT_SOMEONE)
_AGAIN: Final = frozenset(fold(w) for w in data.AGAIN)
_NOW: Final = frozenset(fold(w) for w in data.NOW)
_FIRST_PERSON: Final = frozenset(fold(w) for w in data.FIRST_PERSON)
_SOMEONE_ELSE: Final = frozenset(fold(w) for w in data.SOMEONE_ELSE)
_SOFT_PAIRS: Final = {fold(k): frozenset(fold(w) for w in v) for k, v in data.SOFT_PAIRS.items()}
_SOFT: Final = frozenset(fold(w) for w in data.SOFT)
_FILLERS: Final = frozenset(fold(w) for w in data.FILLERS)
_TOPIC: Final = frozenset(fold(w) for w in data.TOPIC)
_TOPIC_ENDINGS: Final = tuple(fold(w) for w in data.TOPIC_ENDINGS)
_NOT_WITH: Final = {c: frozenset(fold(w) for w in ws) for c, ws in data.NOT_WITH.items()}
_ALIASES: Final = {fold(k): fold(v) for k, v in data.ALIASES.items()}
_NOT_TYPOS: Final = frozenset(fold(w) for w in data.NOT_TYPOS)
_INTENSIFIERS: Final = tuple(fold(w) for w in data.INTENSIFIERS)
_CORE_SHORT: Final = tuple(fold(w) for w in data.CORE_SHORT)
_TAILS: Final = tuple(fold(w) for w in data.COMPOUND_TAILS)

_EXACT: Final = frozenset(w for p in _PHRASES for s in p.slots for w in s.exact)
_PREFIXES: Final = frozenset(x for p in _PHRASES for s in p.slots for x in s.prefixes)
_OTHER_WORDS: Final = frozenset(
    w for p in (*_BLOCKERS, *_PAST, *_FAR_PAST) for s in p.slots for w in s.exact
)
_KNOWN: Final = _EXACT | _SOFT | _FILLERS | _TOPIC | _OTHER_WORDS | gates.WORDS
# Words that may be cut out of a longer one: the danger vocabulary and the small words
# that run into it ("villdö", "tamittliv").
_SMALL: Final = _SOFT | frozenset(["du", "han", "hon", "dig", "sig", "av", "de", "dom", "min"])
_PARTS: Final = _EXACT | _SMALL | frozenset(["liv", "mitt"])
# How words typed together begin ("villdö", "tamittliv", "killmyself").
_LEADS: Final = frozenset(
    ["jag", "vill", "ta", "tar", "inte", "orkar", "ska", "kan", "want", "i", "kill", "hata"]
)


def _by_first_letter_and_length(words: Iterable[str]) -> dict[tuple[str, int], tuple[str, ...]]:
    index: dict[tuple[str, int], list[str]] = {}
    for word in sorted(words):
        if len(word) >= 4 and word.isalpha():
            index.setdefault((word[0], len(word)), []).append(word)
    return {key: tuple(value) for key, value in index.items()}


_TYPO_TARGETS: Final = _by_first_letter_and_length(_EXACT)
_MERGE_STARTS: Final = frozenset(w[:k] for w in _EXACT | _PREFIXES for k in range(1, len(w)))
"""What a word split apart can begin with: `_merged` only joins into a danger word or prefix
longer than its first part, so any other first word is passed on at once."""
_LONG_PREFIXES: Final = tuple(sorted(p for p in _PREFIXES if len(p) >= 7))
_PREFIX_TUPLE: Final = tuple(sorted(_PREFIXES))
_SPELT_OUT: Final = re.compile(r"\b[^\W\d_](?: [^\W\d_]\b)+")  # "d ö", "k m s": no nesting


def _known(word: str) -> bool:
    return word in _KNOWN or word.startswith(_PREFIX_TUPLE)


def _typo(word: str) -> str | None:
    """The danger word a misspelt word stands for, if one is close enough."""
    if len(word) < 5 or word in _NOT_TYPOS or not word.isalpha():
        return None
    for prefix in _LONG_PREFIXES:  # "sjalvmorstankar" → "sjalvmord*"
        if prefix[0] == word[0]:
            for cut in (len(prefix) - 1, len(prefix), len(prefix) + 1):
                if fuzz.ratio(word[:cut], prefix) >= 85.0:
                    return prefix
    spread = 1 if len(word) < 9 else 2
    candidates = [
        target
        for length in range(len(word) - spread, len(word) + spread + 1)
        for target in _TYPO_TARGETS.get((word[0], length), ())
    ]
    if len(word) <= 8:  # one letter wrong, missing, added or swapped ("myslef")
        close = [c for c in candidates if OSA.distance(word, c, score_cutoff=1) <= 1]
        return min(close, key=lambda c: (abs(len(c) - len(word)), c)) if close else None
    best = process.extractOne(word, candidates, scorer=fuzz.ratio, score_cutoff=85.0)
    return None if best is None else best[0]


def _short_typo(word: str) -> str | None:
    """A short word one letter from a core danger word ("lva", "wnat"); the phrase around
    it must still match, so "lena" or "mg" alone bring nothing."""
    if word in _NOT_TYPOS or not word.isalpha() or not 2 <= len(word) <= 4:
        return None
    close = [c for c in _CORE_SHORT if c[0] == word[0] and OSA.distance(word, c) <= 1]
    return close[0] if len(close) == 1 else None


_DOUBLED = re.compile(r"([^\W\d_])\1")


def _split(word: str) -> tuple[str, ...] | None:
    """A word run together from danger words and small words, cut apart; else None."""
    if not 5 <= len(word) <= 30:
        return None
    best: list[tuple[str, ...] | None] = [None] * (len(word) + 1)
    best[0] = ()
    for end in range(2, len(word) + 1):
        for start in range(max(0, end - 16), end - 1):
            before = best[start]
            if before is not None and word[start:end] in _PARTS:
                candidate = (*before, word[start:end])
                found = best[end]
                if found is None or len(candidate) < len(found):
                    best[end] = candidate
    parts = best[len(word)]
    if parts is None or len(parts) < 2 or parts[-1] in _SMALL or parts[0] not in _LEADS:
        return None  # "hoppade" is not "hoppa" + "de", nor "misstag" "miss" + "tag"
    return parts


@lru_cache(maxsize=16_384)
def _read_word(raw: str) -> tuple[str, ...]:
    """One typed word as the words it stands for: none (a filler), itself, or others."""
    if raw in ".,!?;\n":
        return (END,)
    word = raw[:MAX_WORD]
    number = _NUMBER_THEN_WORD.fullmatch(word)
    if number:  # "30st", "20x"
        return (number.group(1), *_read_word(number.group(2)))
    if not word.isalpha() and not word.isdigit():
        word = word.translate(_LEET)
    word = _ALIASES.get(word, word)
    if word in _FILLERS:
        return ()
    for intensifier in _INTENSIFIERS:  # "asmycket", not "askan" ("as" + "kan")
        rest = word[len(intensifier) :]
        if word.startswith(intensifier) and len(rest) >= 4 and rest in _EXACT:
            return (rest,)
    if word.isdigit() or word in _KNOWN:
        return (word,)
    if word.endswith(_TAILS):  # "hjärtmediciner", "blodtryckstabletter": the medicine they are
        for tail in _TAILS:
            if word.endswith(tail) and len(word) >= len(tail) + 3:
                return (tail,)
    if _known(word):
        return (word,)
    squeezed = _DOUBLED.sub(r"\1", word)  # "leeva", "diee"; not "lägger" → "läger"
    if (
        squeezed != word
        and word not in _NOT_TYPOS
        and (_known(squeezed) or squeezed in _CORE_SHORT)
    ):
        return (squeezed,)
    meant = _typo(word) or _short_typo(word)
    if meant is not None:
        return (meant,)
    return _split(word) or (word,)


def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text[:MAX_CHARS])
    if "od" in text or "OD" in text or "Od" in text:
        text = _OD.sub("overdosed", text)
    text = text.translate(_APOSTROPHES)
    text = fold(text)
    if RUN.search(text):
        text = _STRETCHED.sub(r"\1\1", _STRETCHED_VOWEL.sub(r"\1", text))
    text = _SPELT_OUT.sub(lambda m: w if _known(w := m[0].replace(" ", "")) else m[0], text)
    words = [part for raw in _TOKEN.findall(text) for part in _read_word(raw)]
    return [*_joined(words), END]


def _joined(words: list[str]) -> list[str]:
    """Words split apart ("själv mord", "över dos", "hej då") joined again, and "på riktigt"
    read as the one soft word "riktigt"."""
    out: list[str] = []
    i = 0
    while i < len(words):
        pair = _SOFT_PAIRS.get(words[i])
        if pair is not None and i + 1 < len(words) and words[i + 1] in pair:
            out.append("riktigt")
            i += 2
            continue
        if words[i] not in _MERGE_STARTS:  # no danger word begins so: nothing to join
            out.append(words[i])
            i += 1
            continue
        merged = _merged(tuple(words[i : i + 3])) if i + 2 < len(words) else None
        size = 3
        if merged is None and i + 1 < len(words):
            merged, size = _merged(tuple(words[i : i + 2])), 2
        if merged is None:
            out.append(words[i])
            i += 1
        else:
            out.append(merged)
            i += size
    return out


@lru_cache(maxsize=16_384)
def _merged(parts: tuple[str, ...]) -> str | None:
    """The danger word these words make together, if they make one that needs them all:
    "själv"+"mord", not "självmordstankar"+"men"."""
    merged = "".join(parts)
    if len(merged) < 5 or all(_known(part) for part in parts):
        return None
    if merged in _EXACT:
        return merged
    head = max(len(merged) - len(parts[-1]), 5)
    return merged if any(len(p) > head and merged.startswith(p) for p in _PREFIXES) else None


_DANGER_INDEX: Final = Index.of(_PHRASES)
_BLOCKER_INDEX: Final = Index.of(_BLOCKERS)
_PAST_INDEX: Final = Index.of(_PAST)
_FAR_PAST_INDEX: Final = Index.of(_FAR_PAST)
_ANOTHER: Final = tuple(compile_phrase("", text) for text in means.ANOTHER)
_INTENT: Final = means.INTENT + figures.INTENT
_INTENT_INDEX: Final = Index.of(tuple(compile_phrase("", text) for text in _INTENT))
_MEANS_AT_HAND: Final = frozenset(fold(w) for w in means.MEANS_AT_HAND)
_OF_SOMEONE: Final = frozenset(["suicidal", "plan_or_method", "overdose", "self_harm", "psychosis"])
"""What someone else did long ago ("tog livet av sig för två år sen") that is no danger now."""


def _long_ago(words: list[str], present: set[str]) -> list[tuple[int, int]]:
    """Where the text says "long ago" (first and last word); none if it happens again."""
    if not _AGAIN.isdisjoint(present) or any(match(p, words, present) for p in _ANOTHER):
        return []  # "... förra året och har tagit en till nu"
    candidates = _FAR_PAST_INDEX.candidates(present)
    return [(at[0], at[-1]) for p in candidates for at in match(p, words, present)]


def _then(positions: tuple[int, ...], long_ago: list[tuple[int, int]], words: list[str]) -> bool:
    """Whether a match is told of as long ago: a "long ago" stands nearer to it than any
    word of now ("nu", "ikväll"); on a tie, now."""
    first, last = positions[0], positions[-1]

    def distance(start: int, end: int) -> int:
        return max(start - last, first - end, 0)

    then = min((distance(*span) for span in long_ago), default=None)
    if then is None:
        return False
    now = (distance(i, i) for i, word in enumerate(words) if word in _NOW)
    return then < min(now, default=then + 1)


def read_crisis(text: str) -> tuple[CrisisSignal, ...]:
    """The kinds of danger a free text shows, in the order of ``CATEGORIES``; () if none."""
    words = _words(text)
    if len(words) < 2:  # only the end
        return ()
    found: dict[str, tuple[int, ...]] = {}
    present = set(words)
    candidates = _DANGER_INDEX.candidates(present)
    matches = [(p, found_at) for p in candidates if (found_at := match(p, words, present))]
    at_hand = not _MEANS_AT_HAND.isdisjoint(present)
    if not matches and not at_hand:
        return ()
    blockers = _BLOCKER_INDEX.candidates(present)
    blocked = {i for b in blockers for at in match(b, words, present) for i in at}
    blocked |= gates.blocked(text, words, present)
    topic = not _TOPIC.isdisjoint(present) or any(w.endswith(_TOPIC_ENDINGS) for w in present)
    past = any(match(p, words, present) for p in _PAST_INDEX.candidates(present))
    long_ago: list[tuple[int, int]] | None = None  # only for a match about someone else
    for phrase, found_at in matches:
        free = [at for at in found_at if blocked.isdisjoint(at)]
        if not free or (phrase.weak and topic):
            continue
        positions = free[0]
        if phrase.category == "violence_now" and past:
            continue
        if phrase.category in _OF_SOMEONE and (
            (_FIRST_PERSON.isdisjoint(present) and not _SOMEONE_ELSE.isdisjoint(present))
            or not _ABOUT_SOMEONE.isdisjoint(words[i] for i in positions)
        ):
            if long_ago is None:
                long_ago = _long_ago(words, present)
            if _then(positions, long_ago, words):
                continue
        if not _NOT_WITH.get(phrase.category, frozenset()).isdisjoint(present):
            continue
        if phrase.category not in found or positions < found[phrase.category]:
            found[phrase.category] = positions
    if at_hand and found.keys().isdisjoint(("plan_or_method", "overdose")):  # not yet taken
        _plan_at_hand(words, present, blocked, found)
    return tuple(
        CrisisSignal(c, tuple(words[i] for i in found[c] if words[i] != END))
        for c in CATEGORIES
        if c in found
    )


def _plan_at_hand(
    words: list[str], present: set[str], blocked: set[int], found: dict[str, tuple[int, ...]]
) -> None:
    """A means named beside a wish to die or a word that it ends now is a plan: "han har
    tabletter och säger att ikväll är det slut"."""
    means_at = [i for i, word in enumerate(words) if word in _MEANS_AT_HAND and i not in blocked]
    if not means_at:
        return
    intent = [
        at
        for p in _INTENT_INDEX.candidates(present)
        for at in match(p, words, present)
        if blocked.isdisjoint(at)
    ]
    if "suicidal" in found:
        intent.append(found["suicidal"])
    if intent:
        found["plan_or_method"] = tuple(sorted({means_at[0], *intent[0]}))


def is_danger(signals: Iterable[CrisisSignal]) -> bool:
    """True when any signal calls for the full alarm (not self-harm alone)."""
    return any(s.category in DANGER for s in signals)
