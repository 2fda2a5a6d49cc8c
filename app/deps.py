"""Shared dependencies as typed aliases, so routes say what they need in one word."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Request

from pathways.errors import NotFound
from pathways.models import Provider
from pathways.registry import Registry


async def get_registry(request: Request) -> Registry:
    """The registry to answer from: an instance's live one (a stat per request; a change
    saved by another process is loaded in the background and served once built, so no
    request waits for it) or the fixed one the app was made with."""
    instance = request.app.state.instance
    if instance is not None:
        live: Registry = instance.current()
        return live
    follower = request.app.state.follower
    if follower is not None:
        followed: Registry = follower.current()
        return followed
    registry: Registry = request.app.state.registry
    return registry


RegistryDep = Annotated[Registry, Depends(get_registry)]


async def get_provider(
    registry: RegistryDep,
    provider_id: Annotated[str, Path(max_length=80, description="Provider id")],
) -> Provider:
    """Resolve a provider id once; an unknown or retired id becomes a 404.

    Dependencies are `async def` because they only look things up: a plain `def` would
    be sent to the threadpool on every request.
    """
    provider = registry.provider(provider_id)
    if provider.retired:
        raise NotFound("provider", provider_id)
    return provider


ProviderDep = Annotated[Provider, Depends(get_provider)]
