"""Shared dependencies as typed aliases, so routes say what they need in one word.

Every alias a router uses lives here (STYLE.md #7), so no router imports another:
`RegistryDep`, `ProviderDep` (an active provider by id, for the public side),
`RendererDep`, `InstanceDep` (the editable instance), `SessionDep` (a signed-in admin
page), `ApiUserDep` (an admin API client by token) and `AdminProviderDep` (a provider
record as written, with its ETag, retired or not, for the admin side) and `AdminDep`
(all an admin page handler needs).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Path, Request
from starlette.applications import Starlette

from app.auth import Session, Sessions, api_user, get_instance
from app.rendering import Renderer
from pathways.errors import NotFound
from pathways.models import Provider
from pathways.registry import Registry
from pathways.store.accounts import User
from pathways.store.live import Instance
from pathways.store.versions import Versioned


async def get_registry(request: Request) -> Registry:
    """The registry to answer from (`registry_of`)."""
    return registry_of(request.app)


def registry_of(app: Starlette) -> Registry:
    """The registry `app` answers from now: an instance's live one (a stat per request; a
    change saved by another process is loaded in the background and served once built,
    so no request waits for it), a replica's latest, or the fixed one it was made with."""
    instance = app.state.instance
    if instance is not None:
        live: Registry = instance.current()
        return live
    follower = app.state.follower
    if follower is not None:
        followed: Registry = follower.current()
        return followed
    registry: Registry = app.state.registry
    return registry


RegistryDep = Annotated[Registry, Depends(get_registry)]
ProviderId = Annotated[str, Path(max_length=80, description="Provider id")]


async def get_provider(registry: RegistryDep, provider_id: ProviderId) -> Provider:
    """Resolve a provider id once; an unknown or retired id becomes a 404.

    Dependencies are `async def` because they only look things up: a plain `def` would
    be sent to the threadpool on every request.
    """
    provider = registry.provider(provider_id)
    if provider.retired:
        raise NotFound("provider", provider_id)
    return provider


ProviderDep = Annotated[Provider, Depends(get_provider)]


async def get_renderer(request: Request) -> Renderer:
    renderer: Renderer = request.app.state.renderer
    return renderer


RendererDep = Annotated[Renderer, Depends(get_renderer)]
InstanceDep = Annotated[Instance, Depends(get_instance)]
ApiUserDep = Annotated[User, Depends(api_user)]


class SignInRequired(Exception):
    """An admin page asked for without a session: answered with a redirect to sign in."""

    def __init__(self, path: str) -> None:
        self.path = path


def sessions_of(request: Request) -> Sessions:
    sessions: Sessions = request.app.state.sessions
    return sessions


async def signed_in(request: Request, instance: InstanceDep) -> Session:
    session = sessions_of(request).read(request, instance)
    if session is None:
        raise SignInRequired(request.url.path)
    return session


SessionDep = Annotated[Session, Depends(signed_in)]


@dataclass(frozen=True)
class AdminRequest:
    """What every admin page handler needs, resolved once: the request, the instance,
    the signed-in session and the renderer."""

    request: Request
    instance: Instance
    session: Session
    renderer: Renderer


async def admin_request(
    request: Request, instance: InstanceDep, session: SessionDep, renderer: RendererDep
) -> AdminRequest:
    return AdminRequest(request, instance, session, renderer)


AdminDep = Annotated[AdminRequest, Depends(admin_request)]


async def admin_provider(instance: InstanceDep, provider_id: ProviderId) -> Versioned:
    """A provider record as the YAML writes it and its ETag; unknown ids are a 404."""
    return instance.provider(provider_id)


AdminProviderDep = Annotated[Versioned, Depends(admin_provider)]
