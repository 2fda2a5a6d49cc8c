"""Where a provider's facts come from, as the public pages a young person can open.

The registry's `source` is written for editors: it may cite DOMAIN.md, a seed report or
a paragraph of a law, in English. People see the public pages it names (1177.se, umo.se,
bup.se, the kommun's site) and the provider's own official page, never a file name.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from pathways.models import Provider

_URL = re.compile(r"https?://[^\s;,)]+")


def public_sources(provider: Provider) -> tuple[str, ...]:
    """The public pages behind a provider's facts, first named first, each once."""
    found = [url.rstrip(".") for url in _URL.findall(provider.source)]
    if provider.website:
        found.append(provider.website)
    seen: dict[str, str] = {}
    for url in found:
        seen.setdefault(source_label(url), url)
    return tuple(seen.values())


def source_label(url: str) -> str:
    """A page as people name it: `https://www.1177.se/` is 1177.se."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")
