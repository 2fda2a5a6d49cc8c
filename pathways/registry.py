"""A loaded registry: the document, indices for fast look-up, and the referral graph."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import InitVar, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pathways.errors import NotFound
from pathways.graph import Change, Expander, changed_flows
from pathways.links import (
    Adjacency,
    Fanouts,
    Links,
    as_graph,
    build_graph,
    expand,
    update_graph,
)
from pathways.loader import collector_paused, load_file
from pathways.models import Area, Flow, Forum, Provider, RegistryDocument
from pathways.rules import name_parts
from pathways.validation import exact_key, name_key
from pathways.vocab import Kind

if TYPE_CHECKING:
    import networkx as nx

T = TypeVar("T", Provider, Flow)

MemoCarry = Callable[[Mapping[str, Any], dict[str, Any]], None]
MEMO_CARRIED: list[MemoCarry] = []
"""What of a registry's `memo` stays true of the registry an edit read in part makes of
it (where a provider the edit left alone and the areas decide it): each is given the old
memo and the new one, when the new registry is built. Filled by the modules that own
the entries (`pathways.standards.entries`)."""


def _patched(records: dict[str, T], change: tuple[Sequence[T], Sequence[T]]) -> dict[str, T]:
    """A copy of records by id with the old ones of `change` out and the new ones in."""
    out = dict(records)
    for record in change[0]:
        out.pop(record.id, None)
    for record in change[1]:
        out[record.id] = record
    return out


# What a networkx graph holds besides the views it caches on itself.
_GRAPH_STATE = frozenset({"graph", "_node", "_adj", "_pred", "_succ", "__networkx_cache__"})


@dataclass(eq=False)  # compared and hashed by identity: a loaded registry never changes
class Registry:
    """Everything the queries need, computed once when a registry is loaded."""

    document: RegistryDocument
    areas: dict[str, Area] = field(init=False)
    providers: dict[str, Provider] = field(init=False)
    flows: dict[str, Flow] = field(init=False)
    forums: dict[str, Forum] = field(init=False)
    children: dict[str, list[str]] = field(init=False)
    # The graph's dicts, read directly on hot paths (cheaper than the graph's views).
    links: Links = field(init=False)
    succ: Adjacency = field(init=False)  # origin -> target -> flow id -> edge data
    pred: Adjacency = field(init=False)  # target -> origin -> the same key dicts
    _graph: nx.MultiDiGraph | None = field(init=False, default=None)
    _by_area: dict[str, list[Provider]] = field(init=False)
    _national: list[Provider] = field(init=False)
    _fallback: list[Provider] = field(init=False)
    _local_kinds: dict[str, frozenset[Kind]] = field(init=False)
    _names: dict[str, str] = field(init=False)
    _exact: dict[str, str] = field(init=False)
    parts: dict[str, tuple[str, ...]] = field(init=False)  # a word of names -> areas
    _chains: dict[str, tuple[str, ...]] = field(init=False)
    _below: dict[str, frozenset[str]] = field(init=False)
    _depths: dict[str, dict[str, int]] = field(init=False)
    edges: int = field(init=False)
    _expander: Expander = field(init=False)
    # Answers derived from this registry alone, filled on first use by the queries.
    memo: dict[str, Any] = field(init=False, default_factory=dict)
    _fanouts: Fanouts | None = field(init=False, default=None)
    previous: InitVar[Registry | None] = None
    change: InitVar[Change | None] = None
    wired: InitVar[bool] = True

    def __post_init__(self, previous: Registry | None, change: Change | None, wired: bool) -> None:
        """`wired=False` (`vardkedjan check`) counts the edges without building the graph;
        its dicts are built on first use (`__getattr__`)."""
        doc = self.document
        if previous is not None and change is not None and previous.document.areas == doc.areas:
            self._share_areas(previous)
            self.providers = _patched(previous.providers, change.providers)
            self.flows = _patched(previous.flows, change.flows)
            self.forums = {f.id: f for f in doc.forums}
            self._patch_providers(previous, change)
            rewired = change.rewired()
            self._expander = previous._expander.updated(self.providers, *rewired)
            self.links, self.edges = update_graph(
                previous.links,
                previous.edges,
                (previous._expander, self._expander),
                doc.flows,
                rewired,
                changed_flows(change),
            )
            for carry in MEMO_CARRIED:
                carry(previous.memo, self.memo)
        else:
            self._index_areas()
            self.providers = {p.id: p for p in doc.providers}
            self.flows = {f.id: f for f in doc.flows}
            self.forums = {f.id: f for f in doc.forums}
            self._index_providers()
            self._expander = Expander(self.providers, self._chains, self._below)
            if not wired:
                self._fanouts, self.edges = expand(self._expander, doc.flows)
                return  # the expander's caches serve the graph, if it is asked for
            self.links, self.edges = build_graph(self._expander, doc.flows)
        self._expander.settle()
        self.succ, self.pred = self.links.succ, self.links.pred

    if not TYPE_CHECKING:  # hidden from mypy, which would take any name for Any

        def __getattr__(self, name: str) -> Any:
            """The graph's dicts of a registry built without them (`wired=False`), built
            on first use. Only reached when normal look-up fails: never on a wired one."""
            if name in ("links", "succ", "pred") and "_expander" in vars(self):
                self.links, _ = build_graph(self._expander, self.document.flows, self._fanouts)
                self._expander.settle()
                self.succ, self.pred = self.links.succ, self.links.pred
                return vars(self)[name]
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def fanouts(self) -> Fanouts:
        """Each flow's edges as groups of origins with their common targets: what the
        audit reads where the graph would cost more. A registry built without its graph
        keeps the ones it counted; any other expands them afresh, and keeps nothing."""
        if self._fanouts is not None:
            return self._fanouts
        return expand(Expander(self.providers, self._chains, self._below), self.document.flows)[0]

    @property
    def graph(self) -> nx.MultiDiGraph:
        """networkx's MultiDiGraph over `links` (no copy), made and imported on first use:
        `check` reads the dicts alone. Two threads at once may each make one; both same."""
        graph = self._graph
        if graph is None:
            graph = self._graph = as_graph(self.links)
        return graph

    def __getstate__(self) -> dict[str, Any]:
        """A snapshot pickles no networkx wrapper: the first use makes it from `links`."""
        return {**vars(self), "_graph": None}

    def _index_areas(self) -> None:
        doc = self.document
        self.areas = {a.id: a for a in doc.areas}
        self.children = defaultdict(list)
        for area in doc.areas:
            if area.parent:
                self.children[area.parent].append(area.id)
        self._chains = {a: self._compute_chain(a) for a in self.areas}
        self._below = {a: frozenset(self.descendants(a)) for a in self.areas}
        self._depths = {a: {c: i for i, c in enumerate(ch)} for a, ch in self._chains.items()}
        self._names = {}
        self._exact = {}
        for area in doc.areas:
            for label in (area.id, area.name, *area.aliases):
                self._names.setdefault(name_key(label), area.id)
                self._exact.setdefault(exact_key(label), area.id)
        self.parts = name_parts(doc.areas)

    def _share_areas(self, previous: Registry) -> None:
        """The areas did not change: their indices are the previous registry's (never
        written to after they are built)."""
        self.areas = previous.areas
        self.children = previous.children
        self._chains = previous._chains
        self._below = previous._below
        self._depths = previous._depths
        self._names = previous._names
        self._exact = previous._exact
        self.parts = previous.parts

    def _index_providers(self) -> None:
        self._by_area = defaultdict(list)
        self._national = []
        self._fallback = []
        for provider in self.document.providers:
            if provider.retired:
                continue
            if provider.fallback:
                self._fallback.append(provider)
            elif provider.national:
                self._national.append(provider)
            for area_id in provider.areas:
                self._by_area[area_id].append(provider)
        self._local_kinds = {}

    def _patch_providers(self, previous: Registry, change: Change) -> None:
        """The area and national lists of `previous`, with the changed providers put in
        their places; lists no change touches are shared."""
        old, new = change.providers
        ids = {p.id for p in old} | {p.id for p in new}
        by_id = {p.id: p for p in new if not p.retired}
        touched = {a for p in (*old, *new) for a in p.areas}
        self._by_area = defaultdict(list, previous._by_area)
        order: dict[str, int] | None = None
        for area in touched:
            was = previous._by_area.get(area, [])
            now = [by_id.get(p.id, p) for p in was if p.id not in ids or p.id in by_id]
            joined = [p for p in by_id.values() if area in p.areas and p not in now]
            if any(p.id in by_id and area not in by_id[p.id].areas for p in now):
                now = [p for p in now if p.id not in by_id or area in by_id[p.id].areas]
            if joined:
                order = order or {p.id: i for i, p in enumerate(self.document.providers)}
                now = sorted([*now, *joined], key=lambda p: order[p.id])
            self._by_area[area] = now
        self._national, self._fallback = previous._national, previous._fallback
        if any(p.national for p in (*old, *new)):
            active = [p for p in self.document.providers if p.national and not p.retired]
            self._national = [p for p in active if not p.fallback]
            self._fallback = [p for p in active if p.fallback]
        self._local_kinds = {}

    def updated(self, document: RegistryDocument, change: Change) -> Registry:
        """The registry of `document`, which differs from this one's by `change`: the
        graph is rewired where the change touches it, the areas' indices are shared."""
        return Registry(document, self, change)

    def release(self) -> None:
        """Break the reference cycles of a registry that was replaced.

        networkx caches its views (`graph.edges`, `graph.adj`, ...) on the graph, and
        each view refers back to the graph: the whole graph, with its 166k edge dicts at
        national scale, is then freed only by a full collection, long after an edit
        replaced it. Dropping the cached views lets reference counting free it at once.
        A request still using the old registry only builds them again.
        """
        if self._graph is not None:
            for name in [k for k in vars(self._graph) if k not in _GRAPH_STATE]:
                vars(self._graph).pop(name, None)
        self.memo.clear()

    @classmethod
    def from_file(cls, path: str | Path) -> Registry:
        return cls.built(load_file(path))

    @classmethod
    def built(cls, document: RegistryDocument) -> Registry:
        """The registry of a document, built with the collector paused."""
        with collector_paused():
            return cls(document)

    # --- areas -----------------------------------------------------------------------

    def _compute_chain(self, area_id: str) -> tuple[str, ...]:
        chain = [area_id]
        parent = self.areas[area_id].parent
        while parent is not None and parent not in chain:
            chain.append(parent)
            parent = self.areas[parent].parent
        return tuple(chain)

    def chain(self, area_id: str) -> tuple[str, ...]:
        """The area and its ancestors, nearest first: stadsdel, kommun, region."""
        return self._chains[area_id]

    def descendants(self, area_id: str) -> Iterator[str]:
        for child in self.children.get(area_id, ()):
            yield child
            yield from self.descendants(child)

    def resolve_area(self, text: str) -> Area:
        """Find an area by id or by name in any case, with or without å, ä and ö.

        A name as written wins over one that matches only without its dots and rings,
        and a whole name over one word of a name (`pathways.rules.name_parts`).
        """
        found = self.areas.get(text) or self._by_name(text)
        key = exact_key(text)
        # "Uppsala kommun", "Malmö stad", "Lerums kommun", "Skärholmens stadsdel"
        for suffix in (" kommun", " stad", " stadsdel", " stadsdelsområde", " stadsdelsomrade"):
            if found is None and key.endswith(suffix):
                base = key.removesuffix(suffix)
                found = self._by_name(base) or (
                    self._by_name(base[:-1]) if base.endswith("s") else None
                )
        if found is None:
            raise NotFound("area", text)
        return found

    def _by_name(self, text: str) -> Area | None:
        """By a whole name or alias, else by a word only one area's name has ("Sälen")."""
        key = name_key(text)
        found = self._exact.get(exact_key(text)) or self._names.get(key)
        if found is None and len(parts := self.parts.get(key, ())) == 1:
            found = parts[0]
        return self.areas[found] if found else None

    # --- providers -------------------------------------------------------------------

    def provider(self, provider_id: str) -> Provider:
        found = self.providers.get(provider_id)
        if found is None:
            raise NotFound("provider", provider_id)
        return found

    def serving(self, area_id: str) -> list[Provider]:
        """Active providers that serve an area: its own, its kommun's, region's, national.

        A national stand-in (`fallback`) comes only for kinds the area has no entry of.
        """
        out: list[Provider] = []
        for area in self.chain(area_id):
            out.extend(self._by_area.get(area, ()))
        out.extend(self._national)
        if self._fallback:
            own = self.local_kinds(area_id)
            out.extend(p for p in self._fallback if p.kind not in own)
        return out

    def local_kinds(self, area_id: str) -> frozenset[Kind]:
        """The kinds of provider that the registry has for an area or above it (not national)."""
        found = self._local_kinds.get(area_id)
        if found is None:
            chain = self.chain(area_id)
            found = frozenset(p.kind for a in chain for p in self._by_area.get(a, ()))
            self._local_kinds[area_id] = found
        return found

    def distance(self, provider: Provider, area_id: str) -> int:
        """How far up the area chain a provider's area is: 0 = the area itself."""
        depth = self._depths[area_id]
        far = len(depth)
        if provider.national:
            return far
        return min((depth.get(a, far) for a in provider.areas), default=far)

    def serves(self, provider: Provider, area_id: str) -> bool:
        if provider.fallback:
            return provider.kind not in self.local_kinds(area_id)
        depth = self._depths[area_id]
        return provider.national or any(a in depth for a in provider.areas)

    def within(self, area_id: str) -> list[Provider]:
        """Providers working anywhere in an area: those serving it and those of its parts.

        Professionals asking about a kommun mean every unit in it; a young person asking
        about where they live gets `serving` instead, which never offers another district.
        """
        out = self.serving(area_id)
        below_kinds: set[Kind] = set()
        for below in self._below[area_id]:
            units = self._by_area.get(below, ())
            out.extend(units)
            below_kinds.update(p.kind for p in units)
        return list({p.id: p for p in out if not (p.fallback and p.kind in below_kinds)}.values())

    def in_area(self, provider: Provider, area_id: str) -> bool:
        """Whether a provider serves the area or works in a part of it."""
        below = self._below[area_id]
        return self.serves(provider, area_id) or any(a in below for a in provider.areas)

    def active(self) -> Iterable[Provider]:
        return (p for p in self.document.providers if not p.retired)

    def of_kind(self, kind: Kind, area_id: str | None = None) -> list[Provider]:
        pool = self.within(area_id) if area_id else list(self.active())
        return [p for p in pool if p.kind == kind]

    # --- forums ----------------------------------------------------------------------

    def forums_in(self, area_id: str) -> list[Forum]:
        """Forums that concern an area, in registry order.

        Like `within`, for professionals: a stadsdel sees its own forums and those of
        its kommun and region (the county-wide BUS agreement binds it too); a kommun
        also sees the forums of its stadsdelar (Göteborg's NOSAM per stadsområde).
        """
        if area_id not in self.areas:
            raise NotFound("area", area_id)
        related = {*self.chain(area_id), *self._below[area_id]}
        return [f for f in self.document.forums if related.intersection(f.areas)]

    def forum_members(self, forum: Forum, area_id: str) -> list[Provider]:
        """The active providers of an area that take part in a forum.

        A member written as a kind stands for every provider of that kind working in the
        area; a member written as a provider id only counts where that provider works.
        """
        members = set(forum.members)
        return [p for p in self.within(area_id) if p.kind.value in members or p.id in members]
