"""The change log of a registry: who changed which records, when and why.

Each accepted change is one git commit. Its message is the editor's own words (or a
generated summary), followed by trailers naming the records it touched, so that the
history of one provider can be listed without reading every version of the file:

    Ny telefontid efter samtal med mottagningen

    Change provider 'bup-x': hours

    Vardkedjan-Providers: bup-x

Commits made outside the service (a hand edit, a sync from another server, the first
version) have no trailers; their records are found by comparing the two versions. The
diffs themselves are never stored: `pathways.store.versions.diff` computes them when read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pathways.store.git import Commit
from pathways.store.versions import ChangeDiff, RecordChange, singular
from pathways.validation import KIND_IDS

TRAILER = "Vardkedjan-"
RELATED = "Related"
_MAX_MESSAGE = 4000


@dataclass(frozen=True)
class HistoryEntry:
    """One change: `touched` maps a section (`providers`, `flows`...) to record ids."""

    commit: str
    parent: str | None
    author: str
    email: str
    time: str
    subject: str
    message: str
    touched: dict[str, tuple[str, ...]] = field(default_factory=dict)
    related: tuple[str, ...] = ()  # providers at the ends of the flows it touched

    @property
    def short(self) -> str:
        return self.commit[:10]

    @property
    def providers(self) -> tuple[str, ...]:
        return self.touched.get("providers", ())

    @property
    def flows(self) -> tuple[str, ...]:
        return self.touched.get("flows", ())

    def concerns(self, provider_id: str) -> bool:
        """Whether this change touched the provider, or a flow to or from it."""
        return provider_id in self.providers or provider_id in self.related


@dataclass(frozen=True)
class Change:
    """A history entry with what it did, record by record."""

    entry: HistoryEntry
    diff: ChangeDiff


def clean_message(message: str | None) -> str:
    """An editor's change message, safe to store: no control characters, bounded length."""
    if not message:
        return ""
    kept = "".join(c for c in message if c in "\n\t" or c.isprintable())
    return kept.strip()[:_MAX_MESSAGE]


def related_providers(changes: list[RecordChange]) -> list[str]:
    """Provider ids at the ends of flows (before and after), and forum members."""
    out: list[str] = []
    for change in changes:
        for record in (change.before, change.after):
            if record is None:
                continue
            ends = [record.get("from"), record.get("to")] if change.section == "flows" else []
            if change.section == "forums" and isinstance(record.get("members"), list):
                ends += record["members"]
            out += [e for e in ends if isinstance(e, str) and e not in KIND_IDS and e not in out]
    return out


def touched_by(diff: ChangeDiff) -> dict[str, tuple[str, ...]]:
    touched: dict[str, list[str]] = {}
    for change in diff:
        touched.setdefault(change.section, []).append(change.id)
    return {section: tuple(ids) for section, ids in touched.items()}


def trailers(diff: ChangeDiff) -> list[str]:
    lines = [f"{TRAILER}{s.capitalize()}: {', '.join(ids)}" for s, ids in touched_by(diff).items()]
    related = related_providers(list(diff))
    if related:
        lines.append(f"{TRAILER}{RELATED}: {', '.join(related)}")
    return lines


def compose(summary: str, message: str | None, diff: ChangeDiff, note: str = "") -> str:
    """The commit message: the editor's words first, then the summary, a note, the trailers."""
    own = clean_message(message)
    parts = [own, summary] if own and own != summary else [summary]
    if note:
        parts.append(note)
    return "\n\n".join([*parts, "\n".join(trailers(diff))]) + "\n"


def describe(diff: ChangeDiff, first: tuple[str, str] | None = None) -> str:
    """A one-line summary of a change, e.g. `Change provider 'bup-x': phone, hours`.

    The record `first` (section, id), the one the editor was working on, comes first.
    """
    parts = []
    ordered = sorted(diff, key=lambda c: (c.section, c.id) != first) if first else list(diff)
    for change in ordered:
        noun = singular(change.section)
        if change.action == "added":
            parts.append(f"add {noun} '{change.id}'")
        elif change.action == "removed":
            parts.append(f"remove {noun} '{change.id}'")
        elif _retires(change):
            parts.append(f"retire {noun} '{change.id}'")
        else:
            fields = ", ".join(f.field for f in change.fields)
            parts.append(f"change {noun} '{change.id}': {fields}")
    text = "; ".join(parts) or "no change"
    if len(text) > 120:
        text = text[:117].rstrip() + "..."
    return text[0].upper() + text[1:]


def _retires(change: RecordChange) -> bool:
    return (
        [f.field for f in change.fields] == ["retired"]
        and change.after is not None
        and change.after.get("retired") is True
    )


def parse(commit: Commit) -> tuple[HistoryEntry, bool]:
    """A history entry from a commit, and whether its trailers named the records."""
    paragraphs = commit.message.strip().split("\n\n")
    last = paragraphs[-1].splitlines() if paragraphs else []
    recorded = len(paragraphs) > 1 and bool(last) and all(s.startswith(TRAILER) for s in last)
    touched: dict[str, tuple[str, ...]] = {}
    related: tuple[str, ...] = ()
    if recorded:
        paragraphs = paragraphs[:-1]
        for line in last:
            key, _, value = line[len(TRAILER) :].partition(":")
            ids = tuple(v.strip() for v in value.split(",") if v.strip())
            if key == RELATED:
                related = ids
            else:
                touched[key.lower()] = ids
    message = "\n\n".join(paragraphs).strip()
    entry = HistoryEntry(
        commit=commit.sha,
        parent=commit.parents[0] if commit.parents else None,
        author=commit.author,
        email=commit.email,
        time=commit.time,
        subject=message.splitlines()[0] if message else "",
        message=message,
        touched=touched,
        related=related,
    )
    return entry, recorded


def with_diff(entry: HistoryEntry, diff: ChangeDiff) -> HistoryEntry:
    """An entry for a commit without trailers, its records found from its diff."""
    return HistoryEntry(
        commit=entry.commit,
        parent=entry.parent,
        author=entry.author,
        email=entry.email,
        time=entry.time,
        subject=entry.subject,
        message=entry.message,
        touched=touched_by(diff),
        related=tuple(related_providers(list(diff))),
    )
