"""The FastAPI application factory: health, dashboard pages, REST API and Open311."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import text
from starlette.exceptions import HTTPException
from starlette.middleware.sessions import SessionMiddleware

from service.bootstrap import Core
from service.clock import Clock, SystemClock
from service.community.rooms import unbound_groups
from service.delivery import delivery_health
from service.errors import DomainError
from service.understanding import Classifier
from service.web import (
    api,
    auth,
    consultation_pages,
    corrections,
    member_pages,
    open311,
    pages,
    staff_pages,
    visit_pages,
    wall_page,
)
from service.web.auth import ApiUnauthorized, CsrfFailed, LoginRequired, login_if_accounts
from service.web.calendar import calendar_router
from service.web.limits import UPLOAD_LIMIT, UPLOAD_TOO_LARGE_ZH, BodyLimit, BodyTooLarge
from service.web.paths import MountRoot, root, route_path
from service.web.problems import (
    domain_problem,
    http_problem,
    is_machine_path,
    problem,
    status_of,
    validation_problem,
)
from service.web.security import SecurityHeaders, redact_access_log

Lifespan = Callable[[FastAPI], AbstractAsyncContextManager[Any]]
STATIC = Path(__file__).resolve().parent / "static"
SESSION_COOKIE_DAYS = 7
log = logging.getLogger(__name__)

DESCRIPTION = """Staff API of Hongqiao (红桥). Authenticate with `Authorization: Bearer <token>`;
tokens are created per staff account on the dashboard's 账户 page and carry that account's role
(grid staff see their grid only). Errors are `application/problem+json`."""


DOCS_PAGE = """<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>接口文档 · 红桥</title>
<link rel="stylesheet" href="{root}/static/swagger/swagger-ui.css">
</head>
<body>
<main id="swagger-ui" data-spec="{root}/openapi.json"></main>
<script src="{root}/static/swagger/swagger-ui-bundle.js"></script>
<script src="{root}/static/swagger/docs.js"></script>
</body>
</html>
"""


def create_app(
    core: Core,
    routers: Sequence[APIRouter] = (),
    lifespan: Lifespan | None = None,
    *,
    clock: Clock | None = None,
    classifier: Classifier | None = None,
    secret_key: str | None = None,
    secure_cookies: bool = False,
    mounted_at: str = "",
) -> FastAPI:
    """`routers` come from outside the service (the bot's playground); staff must sign in to
    use them as soon as any staff account exists. `secure_cookies` (HONGQIAO_COOKIE_SECURE)
    sends the session cookie over HTTPS only. `mounted_at` is where a street's service mounts
    this community's app (`/c/jinmao`): its session cookie is sent there only, so signing in
    to one community signs nobody in or out of another."""
    # /docs is served below from static/swagger (no CDN: pages load only this service's
    # scripts, and a street's communities share one origin); ReDoc is not offered.
    app = FastAPI(
        title="Hongqiao 红桥",
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.core = core
    app.state.clock = clock or SystemClock()
    app.state.classifier = classifier or Classifier.default()
    app.add_middleware(
        SessionMiddleware,
        secret_key=auth.session_secret(core.factory, core.slug, secret_key),
        session_cookie="hongqiao_session",
        max_age=SESSION_COOKIE_DAYS * 24 * 3600,
        same_site="lax",
        https_only=secure_cookies,
        path=mounted_at or "/",
    )
    app.add_middleware(BodyLimit)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(MountRoot)  # outermost: before anything reads a path
    redact_access_log()
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/healthz", include_in_schema=False)
    def healthz(request: Request) -> JSONResponse:
        try:
            with core.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except Exception as exc:  # the point of a health check is to report, not to raise
            return JSONResponse({"status": "error", "database": str(exc)}, status_code=503)
        with core.factory() as session:
            unbound = unbound_groups(session, core.community)
        return JSONResponse(
            {
                "status": "ok",
                "database": "ok",
                "community": core.community.name,
                "unbound_groups": unbound,  # configured groups no chat room is bound to yet
            }
        )

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        base = html.escape(root(request))
        return HTMLResponse(DOCS_PAGE.format(root=base))

    app.include_router(auth.router)
    # Before pages: its /tickets/{id}/{action} would take /tickets/{id}/correct.
    app.include_router(corrections.router)
    app.include_router(pages.router)
    app.include_router(member_pages.router)
    app.include_router(visit_pages.router)
    app.include_router(consultation_pages.router)
    app.include_router(wall_page.router)
    app.include_router(staff_pages.router)
    app.include_router(api.router)
    app.include_router(open311.router)
    app.include_router(calendar_router())

    @app.get("/healthz/delivery")
    def delivery() -> JSONResponse:
        """Outbox and chat-account health for anyone: states and counts only (the failed
        messages themselves, residents' words, are on the signed-in 发送状态 page)."""
        with core.factory() as session:
            health = delivery_health(session, failures=0)
        body = jsonable_encoder(asdict(health))
        body.pop("recent_failures")
        body["gateways"] = [
            {k: g[k] for k in ("gateway", "state", "since")} for g in body["gateways"]
        ]
        body["ok"] = health.ok
        return JSONResponse(body, status_code=200 if health.ok else 503)

    for router in routers:
        app.include_router(router, dependencies=[Depends(login_if_accounts)])
    _handle_errors(app)
    return app


def _answers_programs(request: Request) -> bool:
    """The API, Open311 and the playground's calls get problem+json, not an error page."""
    path = route_path(request.scope)
    return is_machine_path(path) or path.startswith("/playground")


def _page_error(request: Request, status: int, message: str) -> Response:
    from service.web.templating import render

    return render(request, "error.html", None, status_code=status, message=message)


def _handle_errors(app: FastAPI) -> None:
    @app.exception_handler(LoginRequired)
    def login_required(request: Request, exc: LoginRequired) -> Response:
        if is_machine_path(route_path(request.scope)) or request.method != "GET":
            return problem(401, "sign in first", message_zh="请先登录。")
        return auth.login_redirect(request, exc.expired)

    @app.exception_handler(ApiUnauthorized)
    def unauthorized(_request: Request, _exc: ApiUnauthorized) -> Response:
        return problem(
            401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"}
        )

    @app.exception_handler(CsrfFailed)
    def csrf_failed(request: Request, _exc: CsrfFailed) -> Response:
        return _page_error(request, 403, "页面已过期或来源不明，请刷新页面后重试。")

    @app.exception_handler(DomainError)
    def domain_error(request: Request, exc: DomainError) -> Response:
        if is_machine_path(route_path(request.scope)):
            return domain_problem(exc)
        return _page_error(request, status_of(exc), exc.user_message)

    @app.exception_handler(BodyTooLarge)
    def too_large(request: Request, exc: BodyTooLarge) -> Response:
        if _answers_programs(request):
            return http_problem(exc)
        return _page_error(
            request,
            413,
            UPLOAD_TOO_LARGE_ZH
            if exc.limit == UPLOAD_LIMIT
            else "提交的内容太大了，请精简后重试。",
        )

    @app.exception_handler(HTTPException)
    def http_error(request: Request, exc: HTTPException) -> Response:
        if _answers_programs(request):
            return http_problem(exc)
        if exc.status_code == 404:
            return _page_error(request, 404, "没有这个页面。")
        return _page_error(request, exc.status_code, "请求没有完成，请返回重试。")

    @app.exception_handler(RequestValidationError)
    def invalid(request: Request, exc: RequestValidationError) -> Response:
        if _answers_programs(request):
            return validation_problem(request, exc)
        return _page_error(request, 422, "填写的内容不对，请返回检查后重试。")

    @app.exception_handler(Exception)
    def crashed(request: Request, exc: Exception) -> Response:
        log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        if is_machine_path(route_path(request.scope)):
            return problem(500, "internal error")
        return Response(
            "抱歉，系统出了点问题，请稍后再试。",
            status_code=500,
            media_type="text/plain; charset=utf-8",
        )
