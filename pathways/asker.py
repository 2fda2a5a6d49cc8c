"""Who is asking: the young person, a parent, or someone else (a friend, a teacher).

The same place is described differently to each: a parent is not told "without your
parents", a friend is told what the friend can do, and nobody aged 18 or over is told
about guardians. `pathways.plain` picks its sentences by `Asker` and `AgeBand`.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum

from pathways.msg import N_

MATURITY_AGE = 12  # DOMAIN.md: from about 12, pupils decide about their own contacts
ADULT_AGE = 18


class Asker(StrEnum):
    """CONTRACT.md additions: find-help's `asker`, default `self`."""

    self = "self"
    parent = "parent"
    other = "other"


ASKER_LABELS: dict[Asker, str] = {
    Asker.self: N_("mig själv"),
    Asker.parent: N_("mitt barn"),
    Asker.other: N_("någon annan (en kompis, en elev)"),
}


class AgeBand(IntEnum):
    """The ages at which what a young person may decide alone changes."""

    child = 0  # under about 12: guardians usually decide
    young = 1  # about 12 to 17: usually decides about own contacts
    adult = 2  # 18 and over: guardians have no say


def age_band(age: int) -> AgeBand:
    if age >= ADULT_AGE:
        return AgeBand.adult
    if age >= MATURITY_AGE:
        return AgeBand.young
    return AgeBand.child
