"""The crisis reader's benchmark: recall and false alarms per category, and its cost.

    .venv/bin/python -m bench.crisis [--markdown]

1. Reads every wording of tests/data/crisis_corpus.yaml and crisis_heldout.yaml with
   `pathways.reading.crisis.read_crisis` and prints, per category, recall (labelled wordings where
   it was found) and false alarms (wordings labelled `none` where it was found).
2. Times one `read_crisis` call per request, the way find-help makes it: every wording in
   turn, many rounds; median and p99 in µs (target: median ≤ 50 µs).
3. Times hostile 200-character inputs (repeated letters, 200 emoji, one long word, phrase
   words over and over) with the word cache emptied before each call, and the same inputs
   at 50, 100 and 200 characters, to show the cost grows linearly.

`--markdown` writes the tables into bench/README.md between its crisis markers.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pathways.reading import crisis  # noqa: E402
from tests.crisis_corpus import Wording, all_wordings  # noqa: E402

README = ROOT / "bench" / "README.md"
BEGIN, END = "<!-- crisis -->", "<!-- /crisis -->"
TARGET_US = 50.0
ROUNDS = 40

HOSTILE: dict[str, Callable[[int], str]] = {
    "one letter repeated": lambda n: "a" * n,
    "å repeated": lambda n: "å" * n,
    "emoji": lambda n: "😢" * n,
    "different emoji": lambda n: "".join(chr(0x1F600 + i % 80) for i in range(n)),
    "one long word": lambda n: ("självmordsvill" * n)[:n],
    "a phrase word over and over": lambda n: ("vill " * n)[:n],
    "danger words over and over": lambda n: ("tog massa tabletter " * n)[:n],
    "digits": lambda n: "7" * n,
    "made-up words (each tried as a typo)": lambda n: " ".join(
        "".join(chr(97 + (i * 7 + j * 3) % 26) for j in range(6)) for i in range(n // 7)
    ),
    "sentence ends": lambda n: "." * n,
}


def accuracy(wordings: list[Wording]) -> list[str]:
    found = [{s.category for s in crisis.read_crisis(w.text)} for w in wordings]
    nones = [f for w, f in zip(wordings, found, strict=True) if not w.expected]
    lines = [
        "| category | wordings | recall | false alarms on `none` |",
        "|---|---|---|---|",
    ]
    for category in crisis.CATEGORIES:
        labelled = [f for w, f in zip(wordings, found, strict=True) if category in w.expected]
        hits = sum(category in f for f in labelled)
        alarms = sum(category in f for f in nones)
        lines.append(
            f"| {category} | {len(labelled)} | {hits}/{len(labelled)} "
            f"({hits / max(len(labelled), 1):.1%}) | {alarms}/{len(nones)} "
            f"({alarms / max(len(nones), 1):.1%}) |"
        )
    wrong = sum(not w.accepts(f) for w, f in zip(wordings, found, strict=True))
    lines.append(f"| **all** | {len(wordings)} | {len(wordings) - wrong} read as labelled | |")
    return lines


def per_request(wordings: list[Wording]) -> tuple[float, float]:
    texts = [w.text for w in wordings]
    for text in texts:  # a running service has met these words before
        crisis.read_crisis(text)
    samples: list[float] = []
    for _ in range(ROUNDS):
        for text in texts:
            start = time.perf_counter_ns()
            crisis.read_crisis(text)
            samples.append((time.perf_counter_ns() - start) / 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.99)]


def cold(text: str, runs: int = 9) -> float:
    """µs for one call with the word cache emptied first: the worst case."""
    times = []
    for _ in range(runs):
        crisis._read_word.cache_clear()
        start = time.perf_counter_ns()
        crisis.read_crisis(text)
        times.append((time.perf_counter_ns() - start) / 1000)
    return statistics.median(times)


def hostile() -> list[str]:
    lines = ["| hostile input | 50 chars | 100 chars | 200 chars |", "|---|---|---|---|"]
    for name, make in HOSTILE.items():
        cells = [f"{cold(make(n)):,.0f} µs" for n in (50, 100, 200)]
        lines.append(f"| {name} | {' | '.join(cells)} |")
    return lines


def report() -> list[str]:
    wordings = all_wordings()
    median, p99 = per_request(wordings)
    verdict = "PASS" if median <= TARGET_US else "FAIL"
    return [
        *accuracy(wordings),
        "",
        f"Crisis reading per request (one `read_crisis` call, {len(wordings)} wordings × "
        f"{ROUNDS} rounds, word cache warm): **median {median:.1f} µs, p99 {p99:.1f} µs** "
        f"(target median ≤ {TARGET_US:.0f} µs: {verdict}).",
        "",
        *hostile(),
    ]


def run(markdown: bool = False) -> None:
    """Print the crisis figures; with `markdown`, also write them into bench/README.md."""
    lines = report()
    print("\n".join(lines))
    if markdown:
        text = README.read_text(encoding="utf-8")
        start, end = text.find(BEGIN), text.find(END)
        if start < 0 or end < start:
            raise SystemExit(f"{README} has no {BEGIN} ... {END} markers")
        body = "\n".join(lines)
        README.write_text(text[: start + len(BEGIN)] + "\n" + body + "\n" + text[end:], "utf-8")


if __name__ == "__main__":
    run(markdown="--markdown" in sys.argv[1:])
