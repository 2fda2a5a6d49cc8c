"""Folding a word the way both readers see it: "Ångest", "angest" and "ängest" meet.

Young people type without å, ä and ö, or with the wrong one, so the free-text reader and
the crisis reader compare folded words only.
"""

from __future__ import annotations

import unicodedata

_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "ø": "o", "æ": "a"})


def fold(word: str) -> str:
    """Lower case, å, ä → a and ö → o, and other accents dropped."""
    folded = word.casefold().translate(_FOLD)
    if folded.isascii():
        return folded
    folded = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in folded if not unicodedata.combining(c))
