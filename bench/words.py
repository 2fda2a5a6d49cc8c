"""What reading free text costs: microseconds per text over the needs corpus.

The reader runs on every find-help request with `q`, so new synonyms must not make it slow.
Each text is read cold (the word cache emptied first) and warm, as a busy server reads.
Run: `.venv/bin/python bench/words.py`, or through `bench/run.py`.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "needs_corpus.yaml"
ROUNDS = 20


def _texts() -> list[str]:
    import yaml

    corpus = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    held = corpus.pop("held_out")
    texts = [t for values in corpus.values() for t in values]
    return texts + [t for values in held.values() for t in values]


def reader_cost() -> list[str]:
    """Lines for the report: cold and warm µs per text."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from pathways.reading import freetext as reader

    texts = _texts()
    reader._word_specs.cache_clear()
    start = time.perf_counter()
    for t in texts:
        reader.read_text(t)
    cold = (time.perf_counter() - start) / len(texts) * 1e6
    start = time.perf_counter()
    for _ in range(ROUNDS):
        for t in texts:
            reader.read_text(t)
    warm = (time.perf_counter() - start) / (len(texts) * ROUNDS) * 1e6
    return [
        f"reader: {len(texts)} texts, {len(reader._TABLE.phrases)} phrases",
        f"reader: {cold:.0f} µs per text cold, {warm:.0f} µs warm",
    ]


if __name__ == "__main__":
    print("\n".join(reader_cost()))
