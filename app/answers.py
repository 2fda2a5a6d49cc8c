"""The JSON shapes of API v1's answers (CONTRACT.md): find-help, routes, SIP, audit.

Builders are plain functions from the domain's answers to these models, so the HTML
pages can reuse the same data (one page function, two outputs). The records inside the
answers (providers, areas, flows) are shaped by `app.schemas`.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.schemas import AreaRef, FlowRef, ProviderSummary, area_ref, summary
from pathways.queries.audit import Finding
from pathways.queries.emergency import Contact, Emergency
from pathways.queries.find_help import HelpAnswer, HelpResult
from pathways.queries.next_steps import NextStep
from pathways.queries.routes import Route, Step
from pathways.queries.sip import SipAnswer
from pathways.question import Asker
from pathways.vocab import (
    MECHANISM_LABELS,
    Mechanism,
    Need,
    Urgency,
)


class NextStepOut(FlowRef):
    pass


class HelpResultOut(BaseModel):
    provider: ProviderSummary
    reasons: list[str]
    how_to_contact: str
    self_referral: bool
    matched_needs: list[Need]
    next_steps: list[NextStepOut]


class ContactOut(BaseModel):
    name: str
    phone: str
    description: str
    website: str | None


class EmergencyOut(BaseModel):
    message: str
    contacts: list[ContactOut]
    places: list[ProviderSummary] = Field(
        description="Acute units for the area and age, and socialjour for violence now"
    )
    reasons: list[str] = Field(
        default=[],
        description="Danger categories found: suicidal, plan_or_method, overdose, "
        "severe_injury, psychosis, violence_now, self_harm",
    )
    tone: Literal["urgent", "calm"] = Field(
        default="urgent",
        description="urgent: danger now; calm: a safety note for self-harm without danger",
    )
    advice: list[str] = Field(default=[], description="What to do now, per reason")


class HelpQueryOut(BaseModel):
    age: int
    area: AreaRef
    needs: list[Need]
    urgency: Urgency
    confidential: bool
    understood: bool = Field(description="False when q was given but no need was recognised")
    asker: Asker = Field(description="Who asked: self, parent or other")


class FindHelpOut(BaseModel):
    query: HelpQueryOut
    emergency: EmergencyOut | None
    results: list[HelpResultOut]
    narrower_areas: list[AreaRef] = Field(
        description="Parts of the area (stadsdelar) whose own units would change this answer"
    )
    local_details: bool = Field(
        default=True,
        description="False when the registry has no entries of its own for the kommun yet: "
        "the results are what exists everywhere and in the region",
    )


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


class FindingOut(BaseModel):
    code: str
    severity: str
    message: str
    subjects: list[str]


class AuditOut(BaseModel):
    findings: list[FindingOut]


# The find-help answer is built without validation (model_construct): everything in it
# comes from validated records and the domain's own types, and it is the hottest path.
# tests/app/routers/test_api.py validates real answers against these models.


def _next_step(step: NextStep) -> NextStepOut:
    return NextStepOut.model_construct(
        provider=summary(step.provider),
        mechanism=step.mechanism,
        when=str(step.when),
        flow=step.flow,
    )


def _help_result(result: HelpResult) -> HelpResultOut:
    return HelpResultOut.model_construct(
        provider=summary(result.provider),
        reasons=[str(reason) for reason in result.reasons],
        how_to_contact=str(result.how_to_contact),
        self_referral=result.self_referral,
        matched_needs=list(result.matched_needs),
        next_steps=[_next_step(s) for s in result.next_steps],
    )


def _contact(c: Contact) -> ContactOut:
    return ContactOut(name=c.name, phone=c.phone, description=c.description, website=c.website)


def emergency_out(e: Emergency) -> EmergencyOut:
    return EmergencyOut(
        message=e.message,
        contacts=[_contact(c) for c in e.contacts],
        places=[summary(p) for p in e.places],
        reasons=list(e.reasons),
        tone=e.tone,
        advice=list(e.advice),
    )


def find_help_out(answer: HelpAnswer) -> FindHelpOut:
    return FindHelpOut.model_construct(
        query=HelpQueryOut.model_construct(
            age=answer.age,
            area=area_ref(answer.area),
            needs=list(answer.needs),
            urgency=answer.urgency,
            confidential=answer.confidential,
            understood=answer.understood,
            asker=answer.asker,
        ),
        emergency=emergency_out(answer.emergency) if answer.emergency else None,
        results=[_help_result(r) for r in answer.results],
        narrower_areas=[area_ref(a) for a in answer.narrower],
        local_details=answer.local_details,
    )


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


def audit_out(findings: list[Finding]) -> AuditOut:
    return AuditOut(
        findings=[
            FindingOut(
                code=f.code, severity=f.severity, message=f.message, subjects=list(f.subjects)
            )
            for f in findings
        ]
    )
