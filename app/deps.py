"""Shared dependencies as typed aliases, so routes say what they need in one word."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Request

from pathways.errors import NotFound
from pathways.models import Provider
from pathways.registry import Registry


def get_registry(request: Request) -> Registry:
    registry: Registry = request.app.state.registry
    return registry


RegistryDep = Annotated[Registry, Depends(get_registry)]


def get_provider(
    registry: RegistryDep,
    provider_id: Annotated[str, Path(max_length=80, description="Provider id")],
) -> Provider:
    """Resolve a provider id once; an unknown or retired id becomes a 404."""
    provider = registry.provider(provider_id)
    if provider.retired:
        raise NotFound("provider", provider_id)
    return provider


ProviderDep = Annotated[Provider, Depends(get_provider)]
