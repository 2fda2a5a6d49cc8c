"""The JSON shapes of the professional answers: routes and the SIP table (API v1).

Apart from `app.schemas` so that neither grows past a readable size; these build on its
`ProviderSummary` and `AreaRef`. Field names are CONTRACT.md's; fields are only added.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from app.schemas import AreaRef, ProviderSummary, area_ref, summary
from pathways.routes import Route, Step
from pathways.sip import SipAnswer
from pathways.vocab import MECHANISM_LABELS, Mechanism, Need


class StepOut(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    origin: ProviderSummary = Field(alias="from")
    to: ProviderSummary
    mechanism: Mechanism
    mechanism_label: str
    requires: list[str]
    note: str
    flow: str
    sender: str = Field(description="what the one passing the young person on does")
    receiver: list[str] = Field(description="what the receiver needs: criteria, consent, wait")


class RouteOut(BaseModel):
    steps: list[StepOut]
    also: list[StepOut] = Field(description="SIP or consultation that can be called beside it")


class RoutesOut(BaseModel):
    routes: list[RouteOut]
    also: list[StepOut] = Field(default=[], description="SIP or consultation, start to end")


class ParticipantOut(BaseModel):
    provider: ProviderSummary
    why: str
    group: str = Field(description="kommun | region | gemensam | ideell | stat")


class SipOut(BaseModel):
    area: AreaRef
    age: int
    needs: list[Need]
    participants: list[ParticipantOut]
    legal_basis: list[str]
    consent: str
    both_principals: bool
    family: list[dict[str, str]] = Field(description="the child and guardians: {role, label, why}")
    frameworks: list[dict[str, Any]] = Field(description="the area's collaboration forums")
    school_invited: bool


def _step(step: Step) -> StepOut:
    return StepOut(
        origin=summary(step.origin),
        to=summary(step.target),
        mechanism=step.flow.mechanism,
        mechanism_label=MECHANISM_LABELS[step.flow.mechanism],
        requires=list(step.requires),
        note=str(step.note),
        flow=step.flow.id,
        sender=str(step.sender),
        receiver=[str(r) for r in step.receiver],
    )


def routes_out(found: list[Route], also: list[Step] | None = None) -> RoutesOut:
    return RoutesOut(
        routes=[
            RouteOut(steps=[_step(s) for s in r.steps], also=[_step(s) for s in r.also])
            for r in found
        ],
        also=[_step(s) for s in also or ()],
    )


def sip_out(answer: SipAnswer) -> SipOut:
    return SipOut(
        area=area_ref(answer.area),
        age=answer.age,
        needs=list(answer.needs),
        participants=[
            ParticipantOut(provider=summary(p.provider), why=str(p.why), group=p.group)
            for p in answer.participants
        ],
        legal_basis=[str(basis) for basis in answer.legal_basis],
        consent=str(answer.consent),
        both_principals=answer.both_principals,
        family=[{"role": f.role, "label": str(f.label), "why": str(f.why)} for f in answer.family],
        frameworks=[
            {
                "id": f.id,
                "name": f.name,
                "level": f.level.value,
                "website": f.website,
                "source": f.source,
                "verified": f.verified,
            }
            for f in answer.frameworks
        ],
        school_invited=answer.school_invited,
    )
