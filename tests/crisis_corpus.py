"""The labelled crisis wordings of tests/data, read once for the tests and the benchmark."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "data"
CORPUS = DATA / "crisis_corpus.yaml"
HELD_OUT = DATA / "crisis_heldout.yaml"
MORE = DATA / "crisis_more.yaml"
HELD_OUT_2 = DATA / "crisis_heldout2.yaml"
ROUND_14 = DATA / "crisis_round14.yaml"
ROUND_14B = DATA / "crisis_round14b.yaml"
ROUND_15 = DATA / "crisis_round15.yaml"
ROUND_15B = DATA / "crisis_round15b.yaml"
ROUND_16 = DATA / "crisis_round16.yaml"
ROUND_16B = DATA / "crisis_round16b.yaml"
ROUND_17 = DATA / "crisis_round17.yaml"
ROUND_17B = DATA / "crisis_round17b.yaml"
ROUND_18 = DATA / "crisis_round18.yaml"
ROUND_18B = DATA / "crisis_round18b.yaml"
ROUND_19 = DATA / "crisis_round19.yaml"
ROUND_19B = DATA / "crisis_round19b.yaml"


@dataclass(frozen=True)
class Wording:
    text: str
    expected: frozenset[str]  # the categories that must be found; empty: none may be
    english: bool  # English or mixed: also tried on /en/hitta
    source: str  # the file it comes from

    @property
    def calm(self) -> bool:
        """Self-harm alone: the calm note, never the alarm."""
        return self.expected == {"self_harm"}

    def accepts(self, found: set[str]) -> bool:
        if not self.expected:
            return not found
        if self.calm:
            return found == {"self_harm"}
        return self.expected <= found


def load(path: Path) -> list[Wording]:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    out: list[Wording] = []
    for key, items in document.items():
        expected = frozenset() if key == "none" else frozenset(str(key).split())
        for item in items:
            english = isinstance(item, dict)
            text = str(item["en"]) if english else str(item)
            out.append(Wording(text, expected, english, path.name))
    return out


def all_wordings() -> list[Wording]:
    rounds = load(ROUND_14) + load(ROUND_14B) + load(ROUND_15) + load(ROUND_15B)
    rounds += load(ROUND_16) + load(ROUND_16B)
    rounds += load(ROUND_17) + load(ROUND_17B)
    rounds += load(ROUND_18) + load(ROUND_18B)
    rounds += load(ROUND_19) + load(ROUND_19B)
    return load(CORPUS) + load(HELD_OUT) + load(MORE) + load(HELD_OUT_2) + rounds
