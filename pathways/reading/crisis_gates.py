"""Frames that cancel danger matches only under a condition (the tables are in
`pathways.reading.crisis_figures`): matched word for word, only beside a laugh, or only
when none of their words of danger is in the text.

`blocked` gives the word positions they cover; `pathways.reading.crisis` adds them to
those its plain blockers cover, so a frame cancels only the danger match it overlaps.
"""

from __future__ import annotations

import re
from typing import Final

from pathways.reading import crisis_figures as figures
from pathways.reading.crisis_match import Index, compile_phrase, match
from pathways.reading.folding import fold

_STRICT: Final = tuple(compile_phrase("", t, strict=True) for t in figures.STRICT)
_LAUGHED: Final = tuple(compile_phrase("", t) for t in figures.LAUGHED)
_UNLESS: Final = tuple(
    (compile_phrase("", frame), frozenset(fold(w) for w in danger.split("/")))
    for frame, danger in figures.UNLESS
)
_INDEX: Final = Index.of((*_STRICT, *_LAUGHED, *(phrase for phrase, _ in _UNLESS)))
_LAUGHED_IDS: Final = frozenset(id(phrase) for phrase in _LAUGHED)
_DANGER_OF: Final = {id(phrase): danger for phrase, danger in _UNLESS}
# Its words of danger also end compounds ("jättearg", "skiträdd", "dödshot"); those of one
# or two letters ("nu") only as themselves.
_DANGER_ENDS: Final = {
    id(phrase): tuple(w for w in danger if len(w) >= 3) for phrase, danger in _UNLESS
}
WORDS: Final = frozenset(w for p in _INDEX.phrases for s in p.slots for w in s.exact)
"""The words of these frames: known words, never read as a misspelt danger word."""

LAUGH: Final = re.compile(
    r"\b(?:a?(?:ha){2,}h?|(?:he){2,}|lo+l|lmf?ao+|rofl|xd+)\b|[\U0001F602\U0001F923\U0001F606]",
    re.IGNORECASE,
)
"""A laugh typed: "haha", "hehe", "lol", "lmao", "xD", 😂 🤣 😆 (not 💀 or 😭)."""

SERIOUS: Final = re.compile(
    r"\b(?:allvarligt|seri[oö]st|p[aå] riktigt|p[aå] allvar|sk[aä]mt [aå]sido|inget sk[aä]mt|"
    r"sk[aä]mtar inte|no joke|not (?:a )?joking|not kidding|i'?m serious|seriously|for real|fr)\b",
    re.IGNORECASE,
)
"""Said in earnest after all: "haha, nej allvarligt jag har tabletter". A laugh then
cancels nothing; when in doubt, help."""


def blocked(text: str, words: list[str], present: set[str]) -> set[int]:
    """The positions of `words` that a conditional frame covers."""
    out: set[int] = set()
    laughed: list[tuple[int, ...]] = []
    for phrase in _INDEX.candidates(present):
        danger = _DANGER_OF.get(id(phrase))
        if danger is not None and (
            not danger.isdisjoint(present)
            or any(word.endswith(_DANGER_ENDS[id(phrase)]) for word in present)
        ):
            continue
        found = match(phrase, words, present)
        if id(phrase) in _LAUGHED_IDS:
            laughed += found
        else:
            out.update(i for at in found for i in at)
    if laughed and LAUGH.search(text) and not SERIOUS.search(text):
        out.update(i for at in laughed for i in at)
    return out
