"""One web service for a whole 街道: each community's own app (dashboard, API, Open311,
calendar feeds, playground) under `/c/<slug>`, and the street's page at `/` naming them.

Each community's app keeps its own database, accounts, session cookie (sent under its path
only) and tokens, so nothing signed in to one community opens another's pages or API."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, AsyncExitStack, asynccontextmanager
from dataclasses import dataclass

from fastapi import FastAPI
from sqlalchemy import text
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from service.bootstrap import Core
from service.clock import Clock, SystemClock
from service.street import pages
from service.street.office import HOLDER, Office
from service.web import auth
from service.web.app import STATIC
from service.web.limits import BodyLimit
from service.web.security import SecurityHeaders
from service.web.templating import templates

log = logging.getLogger(__name__)

# The street office's session cookie, beside each community's (hongqiao_session, under its path).
SESSION_COOKIE = "hongqiao_street"
_ERRORS_ZH = {
    404: "没有这个页面。",
    405: "没有这个页面。",
    413: "提交的内容太大了，请精简后重试。",
    500: "抱歉，系统出了点问题，请稍后再试。",
}
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


def street_app(
    street: str,
    services: Sequence[CommunityService],
    office: Office | None = None,
    clock: Clock | None = None,
    secret_key: str | None = None,
    secure_cookies: bool = False,
) -> Starlette:
    """The street's service: every community's app mounted, their background work started
    together with the service and stopped with it; with the office's storage, its staff's
    sign-in and overview (service.street.pages) under their own cookie."""

    def index(request: Request) -> Response:
        listed = [
            {
                "name": s.core.community.name,
                "path": mount_path(s.core.slug),
                "playground": s.playground,
            }
            for s in services
        ]
        staff = pages.signed_in(request) if office is not None else None
        context = {"street": street, "communities": listed, "office": office, "staff": staff}
        if staff is not None:
            context["csrf_token"] = auth.csrf_token(request)
        return templates.TemplateResponse(request, "street.html", context)

    def healthz(_request: Request) -> JSONResponse:
        states = {s.core.slug: _database_state(s.core) for s in services}
        ok = all(state == "ok" for state in states.values())
        return JSONResponse(
            {"status": "ok" if ok else "error", "street": street, "communities": states},
            status_code=200 if ok else 503,
        )

    def failed(request: Request, exc: Exception) -> Response:
        """The street's own pages answer errors in Chinese, as a community's do."""
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        if status == 500:
            log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        error = _ERRORS_ZH.get(status, "请求没有完成，请返回重试。")
        context = {"street": street, "staff": None, "error": error}
        return templates.TemplateResponse(request, "street_error.html", context, status_code=status)

    middleware = [Middleware(SecurityHeaders), Middleware(BodyLimit)]
    if office is not None:
        key = auth.session_secret(office.factory, HOLDER, secret_key)
        middleware.append(
            Middleware(
                SessionMiddleware,
                secret_key=key,
                session_cookie=SESSION_COOKIE,
                max_age=auth.SESSION_HOURS * 3600,
                same_site="lax",
                https_only=secure_cookies,
            )
        )
    own = Starlette(
        routes=[
            Route("/", index),
            Route("/healthz", healthz),
            *(pages.routes() if office is not None else ()),
            Mount("/static", StaticFiles(directory=STATIC)),
        ],
        middleware=middleware,
        exception_handlers={HTTPException: failed, Exception: failed},
    )
    if office is not None:
        cores = [s.core for s in services]
        own.state.site = pages.Site(street, office, cores, clock or SystemClock())

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
