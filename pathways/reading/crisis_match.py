"""Crisis phrases compiled and matched: the part of `pathways.reading.crisis` that is only
about phrases (``a/b``, ``word*``, ``..``, ``$``), so that the reader itself stays about text.

Matching is dynamic programming over word positions, never backtracking: linear in the
number of words times a constant gap, whatever is typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from pathways.reading import crisis_phrases as phrases
from pathways.reading import crisis_words as data
from pathways.reading.folding import fold

END: Final = "_"
"""The end of a sentence or of the text (``$`` in a phrase): "jag vill inte längre."."""

_SOFT: Final = frozenset(fold(w) for w in data.SOFT)
_COMMON: Final = _SOFT | frozenset(fold(w) for w in data.COMMON)


@dataclass(frozen=True)
class Slot:
    exact: frozenset[str]
    prefixes: tuple[str, ...]
    many: bool  # a number of six or more ("tog 30 alvedon")
    year: bool = False  # a year before this one ("tog livet av sig 1985")

    def matches(self, word: str) -> bool:
        if word in self.exact or (self.prefixes and word.startswith(self.prefixes)):
            return True
        if self.year:
            return len(word) == 4 and word.isdigit() and 1900 <= int(word) < date.today().year
        return self.many and word.isdigit() and len(word) <= 5 and int(word) >= 6


@dataclass(frozen=True)
class Phrase:
    category: str
    slots: tuple[Slot, ...]
    wide: tuple[bool, ...]  # per gap between slot k and k+1: ".." or soft words only
    weak: bool  # a mention, discounted in a text about a school task or a book
    strict: bool  # soft words may not stand between its words (blockers, time words)
    required: tuple[frozenset[str], ...]  # of slots of whole words: the text needs one each


def compile_phrase(category: str, text: str, *, strict: bool = False) -> Phrase:
    weak = text.startswith("?")
    slots: list[Slot] = []
    wide: list[bool] = []
    gap_wide = False
    for word in text.lstrip("?").split():
        if word == "..":
            gap_wide = True
            continue
        if slots:
            wide.append(gap_wide)
        gap_wide = False
        options = [END if o == "$" else fold(o) for o in word.split("/") if o]
        numbers = {"#many", "#year"}
        exact = frozenset(o for o in options if not o.endswith("*") and o not in numbers)
        prefixes = tuple(o[:-1] for o in options if o.endswith("*"))
        slots.append(Slot(exact, prefixes, "#many" in options, "#year" in options))
    required = tuple(s.exact for s in slots if not s.prefixes and not s.many and not s.year)
    return Phrase(category, tuple(slots), tuple(wide), weak, strict, required)


def match(phrase: Phrase, words: list[str], present: set[str]) -> list[tuple[int, ...]]:
    """Every way the phrase's words occur in the text (one per end position), leftmost first.

    Dynamic programming over positions (per slot, each end with a back-pointer), linear in
    words times a constant gap; a slot of whole words not `present` rules it out at once.
    """
    for needed in phrase.required:
        if needed.isdisjoint(present):
            return []
    first = phrase.slots[0]
    reach: dict[int, tuple[int, ...]] = {i: (i,) for i, w in enumerate(words) if first.matches(w)}
    for k, slot in enumerate(phrase.slots[1:]):
        wide = phrase.wide[k]
        nxt: dict[int, tuple[int, ...]] = {}
        for end, path in reach.items():
            limit = phrases.WIDE_GAP if wide else (0 if phrase.strict else phrases.SOFT_GAP)
            for j in range(end + 1, min(len(words), end + 2 + limit)):
                if j not in nxt and slot.matches(words[j]):
                    nxt[j] = (*path, j)
                if not wide and words[j] not in _SOFT:
                    break
        if not nxt:
            return []
        reach = nxt
    return sorted(reach.values())


@dataclass(frozen=True)
class Index:
    """Phrases by the words of their rarest whole-word slot (else of their first slot): a
    text only tries the phrases it could match, since a phrase needs a word of every
    whole-word slot (most texts touch a handful). Rare: used by few phrases, not a soft or
    common word and not the end ("jag", "inte", "och", "$" would let almost every text try
    the phrase)."""

    phrases: tuple[Phrase, ...]
    by_word: dict[str, tuple[int, ...]]
    by_prefix: dict[str, tuple[int, ...]]
    memo: dict[str, tuple[int, ...]]
    words: frozenset[str]  # the keys of by_word, as a set to intersect a text's words with

    @classmethod
    def of(cls, phrases: tuple[Phrase, ...]) -> Index:
        by_word: dict[str, list[int]] = {}
        by_prefix: dict[str, list[int]] = {}
        used: dict[str, int] = {}
        for phrase in phrases:
            for word in {w for slot in phrase.slots for w in slot.exact}:
                used[word] = used.get(word, 0) + 1

        def weight(words: frozenset[str]) -> int:
            return sum(10_000 if w in _COMMON or w == END else used[w] for w in words)

        for order, phrase in enumerate(phrases):
            if phrase.required:
                for word in min(phrase.required, key=weight):
                    by_word.setdefault(word, []).append(order)
                continue
            for word in phrase.slots[0].exact:
                by_word.setdefault(word, []).append(order)
            for prefix in phrase.slots[0].prefixes:
                by_prefix.setdefault(prefix, []).append(order)
        return cls(
            phrases,
            {w: tuple(o) for w, o in by_word.items()},
            {p: tuple(o) for p, o in by_prefix.items()},
            {},
            frozenset(by_word),
        )

    def candidates(self, present: set[str]) -> list[Phrase]:
        if not self.by_prefix:  # only whole words open its phrases: one set intersection
            hits = present & self.words
            if not hits:
                return []
            found = {order for word in hits for order in self.by_word[word]}
            return [self.phrases[order] for order in sorted(found)]
        orders: set[int] = set()
        for word in present:
            orders.update(self.starting_with(word))
        return [self.phrases[order] for order in sorted(orders)]

    def starting_with(self, word: str) -> tuple[int, ...]:
        found = self.memo.get(word)
        if found is None:
            orders = list(self.by_word.get(word, ()))
            for end in range(2, len(word) + 1):
                orders.extend(self.by_prefix.get(word[:end], ()))
            if len(self.memo) > 16_384:  # a bound, whatever people type
                self.memo.clear()
            found = self.memo[word] = tuple(orders)
        return found
