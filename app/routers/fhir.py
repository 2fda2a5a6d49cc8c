"""FHIR R4 read API under /api/fhir (placeholder until the FHIR routes land)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/api/fhir", tags=["FHIR R4"])
