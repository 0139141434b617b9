"""One web service for a whole 街道: each community's own app (dashboard, API, Open311,
calendar feeds, playground) under `/c/<slug>`, and the street's page at `/` naming them.

Each community's app keeps its own database, accounts, session cookie (sent under its path
only) and tokens, so nothing signed in to one community opens another's pages or API."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, AsyncExitStack, asynccontextmanager
from dataclasses import dataclass

from fastapi import FastAPI
from sqlalchemy import text
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from service.bootstrap import Core
from service.web.app import STATIC
from service.web.security import SecurityHeaders
from service.web.templating import templates

# Background work of one community (its scheduler and chat delivery) while the service runs.
Background = Callable[[], AbstractAsyncContextManager[None]]


@dataclass(frozen=True)
class CommunityService:
    core: Core
    app: FastAPI  # built by create_app(..., mounted_at=mount_path(core.slug))
    background: Background | None = None
    playground: bool = False


def mount_path(slug: str) -> str:
    """Where a community's pages and API live in the street's service."""
    return f"/c/{slug}"


def street_app(street: str, services: Sequence[CommunityService]) -> Starlette:
    """The street's service: every community's app mounted, their background work started
    together with the service and stopped with it."""

    def index(request: Request) -> Response:
        listed = [
            {
                "name": s.core.community.name,
                "path": mount_path(s.core.slug),
                "playground": s.playground,
            }
            for s in services
        ]
        return templates.TemplateResponse(
            request, "street.html", {"street": street, "communities": listed}
        )

    def healthz(_request: Request) -> JSONResponse:
        states = {s.core.slug: _database_state(s.core) for s in services}
        ok = all(state == "ok" for state in states.values())
        return JSONResponse(
            {"status": "ok" if ok else "error", "street": street, "communities": states},
            status_code=200 if ok else 503,
        )

    own = Starlette(
        routes=[
            Route("/", index),
            Route("/healthz", healthz),
            Mount("/static", StaticFiles(directory=STATIC)),
        ],
        middleware=[Middleware(SecurityHeaders)],
    )

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        async with AsyncExitStack() as stack:
            for service in services:
                if service.background is not None:
                    await stack.enter_async_context(service.background())
            yield

    mounts = [Mount(mount_path(s.core.slug), app=s.app) for s in services]
    return Starlette(routes=[*mounts, Mount("", app=own)], lifespan=lifespan)


def _database_state(core: Core) -> str:
    try:
        with core.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # a health check reports, it does not raise
        return f"error: {type(exc).__name__}"
    return "ok"
