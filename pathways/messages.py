"""Sentences for people, written in Swedish and translatable later.

The domain writes what it has to say in Swedish, the service's first language. The API
answers that Swedish; the public pages pass the same sentence through a gettext
catalogue (Babel extracts `N_("…")` and `Msg("…")` from this package), so a translator
can add a language without touching code. No web code is imported here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Gettext = Callable[[str], str]


def N_(text: str) -> str:  # noqa: N802 - gettext's conventional marker name
    """Mark a Swedish string for translation without translating it now."""
    return text


def _same(text: str) -> str:
    return text


@dataclass(frozen=True, slots=True)
class Items:
    """A list inside a sentence ("oro och ångest, stress"): translated item by item,
    joined with commas, each starting in lower case unless it is an abbreviation."""

    labels: tuple[str, ...]
    joined: bool = False  # "a, b och c", as a sentence lists things, rather than "a, b, c"

    def render(self, gettext: Gettext) -> str:
        return self._join([_lower_first(gettext(label)) for label in self.labels], gettext)

    def __str__(self) -> str:
        return self._join([_lower_first(label) for label in self.labels], _same)

    def _join(self, items: list[str], gettext: Gettext) -> str:
        if not self.joined or len(items) < 2:
            return ", ".join(items)
        return f"{', '.join(items[:-1])} {gettext(AND)} {items[-1]}"


AND = N_("och")


def _lower_first(text: str) -> str:
    head = text.split(" ", 1)[0]
    if head.isupper() or not text:
        return text
    return text[0].lower() + text[1:]


@dataclass(frozen=True, slots=True)
class Msg:
    """A Swedish sentence with `{named}` holes. Plain str arguments are data (a name from
    the registry) and stay as they are; Msg and Items arguments are translated too."""

    text: str
    args: tuple[tuple[str, Arg], ...] = ()

    def __init__(self, text: str, **args: Arg) -> None:
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "args", tuple(args.items()))

    def render(self, gettext: Gettext = _same) -> str:
        template = gettext(self.text)
        if not self.args:
            return template
        values = {name: _render_arg(value, gettext) for name, value in self.args}
        return template.format(**values)

    def __str__(self) -> str:
        """The Swedish sentence. The API renders thousands of these a second, so this
        skips the translation machinery that `render` goes through."""
        if not self.args:
            return self.text
        return self.text.format_map({name: str(value) for name, value in self.args})


Arg = str | int | Msg | Items


def _render_arg(value: Arg, gettext: Gettext) -> str:
    if isinstance(value, Msg | Items):
        return value.render(gettext)
    return str(value)


Text = str | Msg
"""Either data from the registry (a str, shown as written) or a sentence of ours."""


def render(text: Text, gettext: Gettext = _same) -> str:
    return text if isinstance(text, str) else text.render(gettext)
