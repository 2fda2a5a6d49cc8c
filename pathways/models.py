"""The shapes of a registry document: areas, providers, flows and forums.

These models check types and spelling only. Every rule that relates one record to
another (references, ranges, duplicates) lives in `pathways.validation.validate`.
"""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date, timedelta
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    model_validator,
)

from pathways.messages import N_
from pathways.vocab import (
    DEFAULT_SEVERITIES,
    SELF_ACCESS,
    Access,
    AreaType,
    Confidentiality,
    Consent,
    Cost,
    Kind,
    Level,
    Mechanism,
    Need,
    Principal,
    Severity,
)

SLUG = r"^[a-z0-9][a-z0-9-]*$"
END_REF = r"^[a-z0-9][a-z0-9_-]*$"
PLAIN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"  # no control characters but tab and newline
PHONE = r"^\+?[0-9][0-9 -]{1,18}[0-9]$"
URL = r"^https?://[^\s]+$"
LANGUAGE = r"^[a-z]{2,3}$"
EMAIL = r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$"
AREA_CODE = r"^[0-9]{2}([0-9]{2})?$"
PATTERNS: dict[str, str] = {
    SLUG: "use only a-z, digits and hyphens, starting with a letter or digit (vardcentral-norra)",
    END_REF: "use only a-z, digits, hyphens and underscores (a provider id or a kind)",
    PLAIN: "contains a control character (such as NUL or ESC); remove it",
    PHONE: "is not a phone number: digits with spaces or hyphens, such as 08-123 45 67",
    URL: "is not a web address: it starts with https:// (or http://) and has no spaces",
    LANGUAGE: "is not a language code such as sv, en or ar (ISO 639)",
    EMAIL: "is not an e-mail address such as namn@region.se",
    AREA_CODE: "is not a region code (two digits) or a kommun code (four digits)",
}
"""What each pattern below asks for, said as `pathways.validation` reports a mismatch."""

Slug = Annotated[str, StringConstraints(pattern=SLUG, max_length=80)]
# A flow's end: a provider id (a slug) or a kind id (which may contain underscores).
EndRef = Annotated[str, StringConstraints(pattern=END_REF, max_length=80)]
Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000, pattern=PLAIN)
]
Phone = Annotated[str, StringConstraints(pattern=PHONE)]
Url = Annotated[str, StringConstraints(pattern=URL, max_length=500)]
Age = Annotated[int, Field(ge=0, le=120)]


def _not_ahead(day: date) -> date:
    """A review cannot lie ahead: an entry dated so would look fresh for ever. A day of
    grace, for an editor whose today is the server's tomorrow."""
    if day > date.today() + timedelta(days=1):
        raise ValueError(f"{day.isoformat()} is later than today; give the day it was checked")
    return day


Reviewed = Annotated[date, AfterValidator(_not_ahead)]

# The level a kind of provider usually works at, so that entries need not repeat it.
KIND_LEVELS: dict[Kind, Level] = {
    Kind.elevhalsa: Level.forsta_linjen,
    Kind.skolsocialt_team: Level.forsta_linjen,
    Kind.ungdomsmottagning: Level.forsta_linjen,
    Kind.vardcentral: Level.forsta_linjen,
    Kind.uph: Level.forsta_linjen,
    Kind.smabarnsteam: Level.forsta_linjen,
    Kind.bvc: Level.forsta_linjen,
    Kind.familjecentral: Level.forsta_linjen,
    Kind.bup: Level.specialist,
    Kind.bup_akut: Level.akut,
    Kind.psykiatrisk_akut: Level.akut,
    Kind.socialtjanst: Level.forsta_linjen,
    Kind.socialjour: Level.akut,
    Kind.beroende_unga: Level.forsta_linjen,
    Kind.habilitering: Level.specialist,
    Kind.bum: Level.specialist,
    Kind.stodlinje: Level.stod,
    Kind.akut: Level.akut,
    Kind.vuxenpsykiatri: Level.specialist,
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Area(_Strict):
    id: Slug
    name: Text
    type: AreaType
    parent: Slug | None = None
    aliases: tuple[Text, ...] = ()
    # SCB's code: kommunkod (four digits) for a kommun, länskod (two) for a region.
    code: Annotated[str, StringConstraints(pattern=AREA_CODE)] | None = None
    source: Text | None = None  # where the area's name and code come from


# Looked up once per provider while loading 21k of them: by value, computed once.
_LEVEL_OF_KIND: dict[str, str] = {k.value: level.value for k, level in KIND_LEVELS.items()}
_USUAL_SEVERITIES: dict[str, list[str]] = {
    level.value: sorted(severities) for level, severities in DEFAULT_SEVERITIES.items()
}
_FIRST_LINE = Level.forsta_linjen.value

Needs = dict[Need, tuple[Severity, ...]]


class _Listed:
    """Needs an entry wrote as a list, with the severities they default to.

    Entries of one kind list the same needs, so their checked form is kept by the list
    (`_needs_once`): 21k providers of the national registry check 21 lists, not 160k
    needs with their severities (a quarter of pydantic's work on a provider).
    """

    __slots__ = ("default", "needs")

    def __init__(self, needs: list[Any], default: Any) -> None:
        self.needs, self.default = needs, default

    def written(self) -> dict[Any, Any]:
        """The mapping pydantic checks: each need with the default severities."""
        # A need written as a list or a mapping cannot be a key: it is named by its text,
        # so pydantic refuses it as an unknown need on its line, not with a TypeError.
        needs = (n if isinstance(n, Hashable) else str(n) for n in self.needs)
        return dict.fromkeys(needs, self.default)


_NEEDS_SEEN: dict[Hashable, Needs] = {}
_NEEDS_KEPT = 1024  # distinct lists kept; a registry has a few dozen


def _needs_once(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    """Check a list of needs once per distinct list; a mapping is checked each time.

    Only a list that passed is kept, so every error is pydantic's own, as it would be
    without the memo; each provider gets its own copy of the mapping.
    """
    if not isinstance(value, _Listed):
        return handler(value)
    default = value.default
    key = (tuple(value.needs), tuple(default) if isinstance(default, list) else default)
    try:
        found = _NEEDS_SEEN.get(key)
    except TypeError:  # an unhashable need fails in dict.fromkeys, as it always has
        return handler(value.written())
    if found is None:
        found = handler(value.written())
        if len(_NEEDS_SEEN) < _NEEDS_KEPT:
            _NEEDS_SEEN[key] = found
    return dict(found)


class Provider(_Strict):
    id: Slug
    name: Text
    kind: Kind
    level: Level
    principal: Principal
    areas: tuple[Slug, ...] = ()
    national: bool = False
    # A national stand-in ("Elevhälsan på din skola") shown only where the registry has
    # no entry of its own of the same kind for the area.
    fallback: bool = False
    age_min: Age | None = None
    age_max: Age | None = None
    needs: Annotated[
        dict[Need, Annotated[tuple[Severity, ...], Field(min_length=1)]],
        WrapValidator(_needs_once),
    ] = Field(min_length=1)
    access: tuple[Access, ...] = Field(min_length=1)
    confidentiality: Confidentiality
    confidentiality_note: Text | None = None
    cost: Cost = Cost.okand
    languages: tuple[Annotated[str, StringConstraints(pattern=LANGUAGE)], ...] = ("sv",)
    description: Text | None = None
    how_to_contact: Text | None = None
    typical_wait: Text | None = None
    phone: Phone | None = None
    website: Url | None = None
    email: Annotated[str, StringConstraints(pattern=EMAIL)] | None = None
    address: Text | None = None
    hours: Text | None = None
    source: Text
    reviewed: Reviewed
    verified: bool
    retired: bool = False
    note: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _fill_defaults(cls, data: Any) -> Any:
        """Let entries omit the level (taken from the kind) and write needs as a list.

        A list of needs gets the severities in `severity`, or the level's usual ones; it
        is handed on as written (`_Listed`), to be checked once per distinct list.
        """
        if not isinstance(data, dict):
            return data
        data = dict(data)
        if "level" in data:
            level = data["level"]
        else:
            # An unknown kind is reported on its own; do not add "level is required" to it.
            kind = data.get("kind")
            known = isinstance(kind, str) and kind in _LEVEL_OF_KIND
            level = data["level"] = _LEVEL_OF_KIND[kind] if known else _FIRST_LINE
        default = data.pop("severity", None)
        if default is None and isinstance(level, str):
            default = _USUAL_SEVERITIES.get(level)
        needs = data.get("needs")
        if isinstance(needs, list):
            data["needs"] = _Listed(needs, default)
        elif isinstance(needs, dict):
            data["needs"] = {need: (default if sev is None else sev) for need, sev in needs.items()}
        return data

    @property
    def self_referral(self) -> bool:
        # Worked out at each use: a cached_property's first use (its lock, the instance
        # dict) cost six times this test, 28 ms over a national registry's `check`.
        return not SELF_ACCESS.isdisjoint(self.access)

    def fits_age(self, age: int) -> bool:
        return (self.age_min is None or age >= self.age_min) and (
            self.age_max is None or age <= self.age_max
        )

    def handles(self, need: Need, severity: Severity | None = None) -> bool:
        severities = self.needs.get(need)
        if severities is None:
            return False
        return severity is None or severity in severities


class Flow(_Strict):
    """Who passes a young person on to whom.

    `origin` (YAML `from`) and `target` (YAML `to`) are a provider id or a kind. A flow
    between kinds is expanded over every pair of providers of those kinds that serve a
    common area inside `within`.
    """

    id: Slug
    origin: EndRef = Field(alias="from")
    target: EndRef = Field(alias="to")
    within: Slug | None = None
    mechanism: Mechanism
    needs: tuple[Need, ...] | None = None
    severity: tuple[Severity, ...] | None = None
    age_min: Age | None = None
    age_max: Age | None = None
    consent: tuple[Consent, ...] = ()
    when: Text | None = None
    note: Text | None = None
    exclude: tuple[Slug, ...] = Field(default=(), alias="except")
    source: Text | None = None


class ForumLevel(StrEnum):
    """At what level a collaboration forum works; a closed list so pages can group by it.

    Kept here rather than in `pathways.vocab` because forums are not part of CONTRACT.md.
    """

    strategisk = "strategisk"  # leadership of a kommun, several kommuner or the region
    verksamhet = "verksamhet"  # units in one area meeting about local routines, not cases
    individ = "individ"  # professionals meeting about one child, with consent (SIP)


FORUM_LEVEL_LABELS: dict[ForumLevel, str] = {
    ForumLevel.strategisk: N_("Ledning och styrning"),
    ForumLevel.verksamhet: N_("Samverkan mellan verksamheter"),
    ForumLevel.individ: N_("Samverkan kring ett barn"),
}


class Forum(_Strict):
    """Where professionals of different principals meet: BUS groups, SAMLA, NOSAM, ISAM.

    Not a place a young person can turn to, so a forum has no contact fields: it is shown
    to professionals, and on the organisation map of the areas it covers.
    """

    id: Slug
    name: Text
    areas: tuple[Slug, ...] = Field(min_length=1)
    # Kinds (every provider of the kind in the area) and/or provider ids.
    members: tuple[EndRef, ...] = Field(min_length=1)
    purpose: Text
    level: ForumLevel
    website: Url | None = None
    note: Text | None = None
    source: Text
    reviewed: Reviewed
    verified: bool


class RegistryDocument(_Strict):
    version: Literal[1]
    areas: tuple[Area, ...] = Field(min_length=1)
    providers: tuple[Provider, ...] = ()
    flows: tuple[Flow, ...] = ()
    forums: tuple[Forum, ...] = ()
